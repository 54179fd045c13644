/**
 * A run's rows for the page's grid, read back from the JSON report the library wrote: each row's
 * cells under the file's own column names, its status, and the cell at fault with its message.
 */
import { readFile } from 'node:fs/promises';
import { jsonRowAt, jsonRowStarts } from '../report/json-report.js';
import { needsUser } from '../row-statuses.js';
import type { ProblemFacts } from '../errors.js';
import { type LandingTimes, type TimeColumns, landingTimes, timeColumns } from './landing-times.js';

export interface GridRow {
  /** The row's number in the file. */
  readonly row: number;
  /** Its place among the run's rows (what the grid scrolls to), when a window gave it. */
  readonly index?: number;
  readonly status: string;
  readonly code?: string;
  /** Index into the columns of the cell at fault, when the message names one. */
  readonly fault?: number;
  readonly message?: string;
  /** The times the problem names, for the page's words (src/ui/page-words.ts). */
  readonly facts?: ProblemFacts;
  readonly cells: readonly string[];
  /** When the run's zone is known: the row's times as they land in Feishu. */
  readonly times?: LandingTimes;
}

interface JsonRow {
  readonly row: number;
  readonly status: string;
  readonly error_code?: string;
  readonly error_column?: string;
  readonly error_facts?: ProblemFacts;
  readonly message?: string;
  readonly cells: Readonly<Record<string, string>>;
}

export interface ReportRows {
  /** The file's columns, as the file names them. */
  readonly columns: readonly string[];
  readonly count: number;
  /** Row `i` of the report, parsed when the grid asks for it. */
  row(i: number): JsonRow;
  /** Indexes of the rows that need the user: invalid, blocked, failed, not sent. */
  readonly problems: readonly number[];
  /** Where the begin and end times sit among `columns`. */
  readonly times: TimeColumns;
}

/**
 * `statuses`: each row's status as the run returned it (`RunResult.rows`, in the report's order),
 * so the problem rows are known without reading the report's rows.
 */
export async function readReportRows(path: string, statuses: readonly string[]): Promise<ReportRows> {
  const bytes = await readFile(path);
  return reportRows(bytes, jsonRowStarts(bytes, statuses.length), statuses);
}

/** `readReportRows` of a report already read and indexed (by the checks' thread: src/ui/step-worker.ts). */
export function reportRows(
  bytes: Buffer,
  starts: Uint32Array | Float64Array | undefined,
  statuses: readonly string[],
): ReportRows {
  const parsed = starts ? undefined : (JSON.parse(bytes.toString('utf8')) as { rows: JsonRow[] }).rows;
  const row = (i: number): JsonRow => {
    if (parsed) return parsed[i]!;
    return jsonRowAt<JsonRow>(bytes, starts![i]!);
  };
  const problems: number[] = [];
  for (let i = 0; i < statuses.length; i++) if (needsUser(statuses[i]!)) problems.push(i);
  const count = parsed?.length ?? statuses.length;
  const columns = count > 0 ? Object.keys(row(0).cells) : [];
  return { columns, count, row, problems, times: timeColumns(columns) };
}

/** A report's row as the grid shows it; `zone`, the run's, gives its times as they land. */
export function gridRow(r: JsonRow, report: Pick<ReportRows, 'columns' | 'times'>, zone: string | undefined): GridRow {
  const cells = report.columns.map((c) => r.cells[c] ?? '');
  const checked = { row: r.row, status: r.status, code: r.error_code, column: r.error_column, message: r.message };
  return shapeRow({ ...checked, facts: r.error_facts, cells }, report, zone);
}

/**
 * A row as the grid shows it, from its status, the column at fault (as the file names it) and its
 * cells; `zone`, the run's, gives its times as they land.
 */
export function shapeRow(
  r: {
    row: number;
    status: string;
    code?: string;
    column?: string;
    message?: string;
    facts?: ProblemFacts;
    cells: readonly string[];
  },
  report: Pick<ReportRows, 'columns' | 'times'>,
  zone: string | undefined,
): GridRow {
  const fault = r.column === undefined ? -1 : report.columns.indexOf(r.column);
  const times = zone === undefined ? undefined : landingTimes(r.cells, report.times, zone);
  return {
    row: r.row,
    status: r.status,
    code: r.code,
    fault: fault < 0 ? undefined : fault,
    message: r.message,
    ...(r.facts ? { facts: r.facts } : {}),
    cells: r.cells,
    ...(times ? { times } : {}),
  };
}

/**
 * One window of the grid: rows `from` to `from + count` of all rows, or of the problem rows;
 * `zone`, the run's, gives each row its times as they land; `overlay`, rows checked since.
 */
export function rowWindow(
  report: ReportRows,
  from: number,
  count: number,
  problemsOnly: boolean,
  zone?: string,
  overlay?: ReadonlyMap<number, GridRow>,
): { total: number; rows: readonly GridRow[] } {
  // Rows checked again after an edit show as checked, until the whole file's check replaces them.
  const shape = (i: number) => ({ ...(overlay?.get(i) ?? gridRow(report.row(i), report, zone)), index: i });
  if (problemsOnly)
    return { total: report.problems.length, rows: report.problems.slice(from, from + count).map(shape) };
  const end = Math.min(report.count, from + count);
  return { total: report.count, rows: Array.from({ length: Math.max(0, end - from) }, (_, k) => shape(from + k)) };
}
