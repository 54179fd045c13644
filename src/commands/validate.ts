import { SUMMARY } from '../report/messages.js';
import { say } from '../messages.js';
import { resolve } from 'node:path';
import type { InputOptions } from './read-plan.js';
import { inputLines, readPlan, stopIfAborted } from './read-plan.js';
import type { RunResult } from '../report/run-result.js';
import { refuseInputAsOutput, withClaimedReport } from './outputs.js';
import { writePayloads } from '../report/payloads.js';
import { finishRun } from '../report/finish-run.js';
import type { ReadProgressListener } from '../input/read-progress.js';

export interface ValidateOptions extends InputOptions {
  readonly report: string;
  /** False when the caller wants no report file (`report: false`). */
  readonly reportFile?: boolean;
  readonly payloads?: string;
}

/** `validate FILE`: read, group and validate; write the report (and the bodies), send nothing; `onProgress` told the rows read. */
export async function validateCommand(
  asked: ValidateOptions,
  signal?: AbortSignal,
  onProgress?: ReadProgressListener,
): Promise<RunResult> {
  const reportFile = asked.reportFile ?? true;
  refuseInputAsOutput(asked.file, { report: reportFile ? asked.report : undefined, payloads: asked.payloads });
  const command = asked.merge ? 'validate --merge' : 'validate';
  const { options, beside } = withClaimedReport(asked, command);
  const { plan, warnings } = await readPlan(options, signal, onProgress);
  const lines: string[] = [];
  if (options.payloads) {
    const n = await writePayloads(options.payloads, plan);
    lines.push(say(SUMMARY.payloads(n, resolve(options.payloads))));
  }
  stopIfAborted(signal, options.file);
  return finishRun({
    plan,
    outcomes: plan.outcomes,
    command,
    report: reportFile ? options.report : undefined,
    head: inputLines(plan),
    warnings,
    lines,
    beside,
    json: { paths: { payloads: options.payloads && resolve(options.payloads) } },
  });
}
