import { resolve } from 'node:path';
import type { InputOptions } from './read-plan.js';
import { inputLines, readPlan } from './read-plan.js';
import type { CommandIo, CommandResult } from './io.js';
import { refuseInputAsOutput } from './outputs.js';
import { writePayloads } from '../report/payloads.js';
import { writeReport } from '../report/report-writer.js';
import { allRowsFine, formatSummary, reportLines, summarise, writeSummary } from '../report/summary.js';

export interface ValidateOptions extends InputOptions {
  readonly report: string;
  readonly payloads?: string;
  /** `--json`: the summary as one JSON object on stdout. */
  readonly json?: boolean;
}

/** `validate FILE`: read, group and validate; write the report (and the bodies), send nothing. */
export async function validateCommand(options: ValidateOptions, io: CommandIo): Promise<CommandResult> {
  refuseInputAsOutput(options.file, { report: options.report, payloads: options.payloads });
  const { plan, warnings } = await readPlan(options);
  const summary = summarise(plan.outcomes, plan.interviews.length);
  await writeReport(options.report, plan.table, plan.outcomes, { command: options.merge ? 'validate --merge' : 'validate', zone: plan.zone, ...summary });
  const head = inputLines(plan, warnings);
  const extra: string[] = [];
  if (options.payloads) {
    const n = await writePayloads(options.payloads, plan);
    extra.push(`payloads: ${n} request bod${n === 1 ? 'y' : 'ies'} written to ${resolve(options.payloads)}`);
  }
  extra.push(...reportLines(resolve(options.report), summary));
  const exitCode = allRowsFine(summary) ? 0 : 1;
  const t = plan.table;
  writeSummary(io, options.json, formatSummary(summary, extra, head), summary, exitCode, {
    command: options.merge ? 'validate --merge' : 'validate',
    input: { file: resolve(t.file), sheet: t.sheet, encoding: t.encoding, header_row: t.headerRow },
    zone: plan.usedZone ? plan.zone : undefined,
    paths: { report: resolve(options.report), payloads: options.payloads && resolve(options.payloads) },
  });
  return { exitCode };
}
