import { editLines, gridColumnName } from '../input/edits.js';
import { resolve } from 'node:path';
import { currentLang } from '../lang.js';
import { say } from '../messages.js';
import type { Plan, RowOutcome } from '../plan/types.js';
import { SUMMARY } from './messages.js';
import { type ReportFacts, writeReport } from './report-writer.js';
import type { RunResult } from './run-result.js';
import type { Warning } from '../warnings.js';
import { type SummaryFacts, allRowsFine, formatSummary, reportLines, runResult, summarise } from './summary.js';

/** What a finished run of any command (validate, verify, import, undo) hands over to be reported. */
export interface RunEnd {
  readonly plan: Plan;
  readonly outcomes: readonly RowOutcome[];
  readonly command: string;
  /** The report's path, or undefined when the caller wants no report file. */
  readonly report?: string;
  /** What the report's summary sheet says of the run beyond its command and zone. */
  readonly reportFacts?: Omit<ReportFacts, 'command' | 'zone'>;
  /** Lines before the counts: what was read, or which run is undone. */
  readonly head: readonly string[];
  /** Said before the counts, each as a warning; in `--json`, `coded_warnings` and their messages as `warnings`. */
  readonly warnings: readonly Warning[];
  /** Lines after the counts: what was sent, changed, where the files are. */
  readonly lines: readonly string[];
  /** The line saying the report went beside the one asked for (src/report/report-claim.ts). */
  readonly beside?: string;
  readonly interrupted?: boolean;
  /** Rows `not_sent` because `--limit` asked for a pilot: they do not fail the run. */
  readonly beyondLimit?: number;
  /** What `--json` says besides the counts, input, zone and report path. */
  readonly json?: Omit<SummaryFacts, 'command' | 'input' | 'paths'> & {
    readonly paths?: SummaryFacts['paths'];
  };
}

/** The one end of every run: summarise, write the report, the summary's lines, the result. */
export async function finishRun(end: RunEnd): Promise<RunResult> {
  const { plan, outcomes, report } = end;
  const summary = summarise(outcomes, plan.interviews.length);
  if (report !== undefined) {
    const profile = plan.table.profile;
    const facts: ReportFacts = {
      command: end.command,
      zone: plan.zone,
      ...(profile ? { profile: JSON.stringify(profile.content) } : {}),
      ...(plan.table.edited?.length ? { edits: editLines(plan.table.edited).join('\n') } : {}),
      ...end.reportFacts,
    };
    // The report speaks the run's language, settled once the input's headers were read (src/lang.ts).
    await writeReport(report, plan.table, outcomes, { facts, summary, lang: currentLang() });
  }
  const lines = [...end.lines];
  if (report !== undefined) lines.push(...reportLines(resolve(report), summary));
  if (end.beside) lines.push(end.beside);
  const head = [...end.head, ...end.warnings.map((w) => say(SUMMARY.warning(w.message)))];
  const exitCode = end.interrupted ? 130 : allRowsFine(summary, end.beyondLimit) ? 0 : 1;
  const t = plan.table;
  const { paths, ...json } = end.json ?? {};
  return runResult(t, outcomes, summary, exitCode, formatSummary(summary, lines, head), end.warnings, {
    command: end.command,
    input: {
      file: resolve(t.file),
      sheet: t.sheet,
      encoding: t.encoding,
      delimiter: t.delimiter,
      header_row: t.headerRow,
      ...(t.hiddenColumns ? { hidden_columns: t.hiddenColumns.map((i) => gridColumnName(t.headers[i] ?? '', i)) } : {}),
    },
    zone: plan.usedZone ? plan.zone : undefined,
    ...json,
    paths: { report: report === undefined ? undefined : resolve(report), ...paths },
  });
}
