/**
 * A run's rows for the page's grid, read back from the JSON report the library wrote: each row's
 * cells under the file's own column names, its status, and the cell at fault with its message.
 */
import { readFile } from 'node:fs/promises';

export interface GridRow {
  /** The row's number in the file. */
  readonly row: number;
  readonly status: string;
  readonly code?: string;
  /** Index into the columns of the cell at fault, when the message names one. */
  readonly fault?: number;
  readonly message?: string;
  readonly cells: readonly string[];
}

export interface ReportRows {
  /** The file's columns, as the file names them. */
  readonly columns: readonly string[];
  readonly rows: readonly GridRow[];
  /** Indexes of the rows that need the user: invalid, blocked, failed, not sent. */
  readonly problems: readonly number[];
}

interface JsonRow {
  readonly row: number;
  readonly status: string;
  readonly error_code?: string;
  readonly error_column?: string;
  readonly message?: string;
  readonly cells: Readonly<Record<string, string>>;
}

const FINE = new Set(['ok', 'skipped']);

export async function readReportRows(path: string): Promise<ReportRows> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as { rows: JsonRow[] };
  const first = parsed.rows[0];
  const columns = first ? Object.keys(first.cells) : [];
  const at = new Map(columns.map((c, i) => [c, i]));
  const problems: number[] = [];
  const rows = parsed.rows.map((r, i): GridRow => {
    if (!FINE.has(r.status)) problems.push(i);
    return {
      row: r.row,
      status: r.status,
      code: r.error_code,
      fault: r.error_column === undefined ? undefined : at.get(r.error_column),
      message: r.message,
      cells: columns.map((c) => r.cells[c] ?? ''),
    };
  });
  return { columns, rows, problems };
}

/** One window of the grid: rows `from` to `from + count` of all rows, or of the problem rows. */
export function rowWindow(
  report: ReportRows,
  from: number,
  count: number,
  problemsOnly: boolean,
): { total: number; rows: readonly GridRow[] } {
  if (!problemsOnly) return { total: report.rows.length, rows: report.rows.slice(from, from + count) };
  return {
    total: report.problems.length,
    rows: report.problems.slice(from, from + count).map((i) => report.rows[i]!),
  };
}
