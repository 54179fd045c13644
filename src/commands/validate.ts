import { SUMMARY } from '../report/messages.js';
import { say } from '../messages.js';
import { resolve } from 'node:path';
import type { InputOptions } from './read-plan.js';
import { inputLines, readPlan } from './read-plan.js';
import type { RunResult } from '../report/run-result.js';
import { refuseInputAsOutput, withClaimedReport } from './outputs.js';
import { writePayloads } from '../report/payloads.js';
import { writeReport } from '../report/report-writer.js';
import { allRowsFine, formatSummary, reportLines, runResult, summarise } from '../report/summary.js';

export interface ValidateOptions extends InputOptions {
  readonly report: string;
  /** False when the caller wants no report file (`report: false`). */
  readonly reportFile?: boolean;
  readonly payloads?: string;
}

/** `validate FILE`: read, group and validate; write the report (and the bodies), send nothing. */
export async function validateCommand(asked: ValidateOptions): Promise<RunResult> {
  const reportFile = asked.reportFile ?? true;
  refuseInputAsOutput(asked.file, { report: reportFile ? asked.report : undefined, payloads: asked.payloads });
  const command = asked.merge ? 'validate --merge' : 'validate';
  const { options, beside } = withClaimedReport(asked, command);
  const { plan, warnings, lang } = await readPlan(options);
  const summary = summarise(plan.outcomes, plan.interviews.length);
  if (reportFile)
    await writeReport(options.report, plan.table, plan.outcomes, {
      facts: { command, zone: plan.zone },
      summary,
      lang,
    });
  const extra: string[] = [];
  if (options.payloads) {
    const n = await writePayloads(options.payloads, plan);
    extra.push(say(SUMMARY.payloads(n, resolve(options.payloads))));
  }
  if (reportFile) extra.push(...reportLines(resolve(options.report), summary));
  if (beside) extra.push(beside);
  const t = plan.table;
  return runResult(
    t,
    plan.outcomes,
    summary,
    allRowsFine(summary) ? 0 : 1,
    formatSummary(summary, extra, inputLines(plan, warnings)),
    {
      command,
      input: { file: resolve(t.file), sheet: t.sheet, encoding: t.encoding, header_row: t.headerRow },
      zone: plan.usedZone ? plan.zone : undefined,
      paths: {
        report: reportFile ? resolve(options.report) : undefined,
        payloads: options.payloads && resolve(options.payloads),
      },
    },
  );
}
