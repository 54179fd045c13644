/**
 * A run's rows for the page's grid, read from the JSON report the library wrote: each row's cells
 * under the file's own column names, its status, and the cell at fault with its message. The
 * report stays in its file: a window of rows is read by where each starts (src/report/row-starts.ts).
 */
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
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

export interface JsonRow {
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
  /** The file's row number of row `i` of the report. */
  numberOf(i: number): number;
  /** Row `i`'s status as its run returned it. */
  statusOf(i: number): string;
  /** Rows `indexes` of the report (in ascending order), parsed. */
  read(indexes: readonly number[]): Promise<JsonRow[]>;
  /** How many bytes of the report row `i` takes, where that is known. */
  sizeOf(i: number): number | undefined;
  /** Indexes of the rows that need the user: invalid, blocked, failed, not sent. */
  readonly problems: readonly number[];
  /** Where the begin and end times sit among `columns`. */
  readonly times: TimeColumns;
  /** One more holder of the rows (a run that says its problems by them): each holder closes its own. */
  share(): ReportRows;
  /** This holder is done with the rows: the last to close lets the report's file go. */
  close(): Promise<void>;
}

/** Where rows are read from. */
interface RowSource {
  read(indexes: readonly number[]): Promise<JsonRow[]>;
  sizeOf(i: number): number | undefined;
  close(): Promise<void>;
}

/**
 * The report's file, open, its rows read by where each starts (`starts`, then where the rows end):
 * a run of neighbouring rows in one read. Open, it stays as it was when a later check renames a
 * new report over its name, or the upload beside it is let go.
 */
async function fileRows(path: string, starts: ArrayLike<number>): Promise<RowSource> {
  // The report is the server's own, in its private folder: a link there is not followed.
  const handle: FileHandle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  const span = async (from: number, to: number) => {
    const bytes = Buffer.allocUnsafe(to - from);
    for (let at = 0; at < bytes.length; ) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, from + at);
      if (bytesRead === 0)
        throw new Error(`expected the report's rows to end at byte ${to}, found its end at ${from + at}`);
      at += bytesRead;
    }
    return bytes;
  };
  return {
    read: (indexes) => spanRows(span, starts, indexes),
    sizeOf: (i) => starts[i + 1]! - starts[i]!,
    close: () => handle.close(),
  };
}

/** Rows `indexes`, each run of neighbours read as one span of bytes. */
async function spanRows(
  span: (from: number, to: number) => Promise<Buffer>,
  starts: ArrayLike<number>,
  indexes: readonly number[],
): Promise<JsonRow[]> {
  const out: JsonRow[] = new Array(indexes.length);
  const runs: Promise<void>[] = [];
  for (let k = 0; k < indexes.length; ) {
    let j = k;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j++;
    const first = k;
    const last = j;
    const from = starts[indexes[first]!]!;
    runs.push(
      span(from, starts[indexes[last]! + 1]!).then((bytes) => {
        for (let m = first; m <= last; m++) out[m] = jsonRowAt<JsonRow>(bytes, starts[indexes[m]!]! - from);
      }),
    );
    k = j + 1;
  }
  await Promise.all(runs);
  return out;
}

/**
 * `report`: the JSON report's path; `statuses` and `numbers`: each row's status and number as the
 * run returned them (`RunResult.rows`, in the report's order), so the problem rows and the rows'
 * numbers are known without reading the report; `starts`: where each row starts in it, then where
 * the rows end, as written. Without them, the report is read here whole.
 */
export async function openReportRows(
  report: string,
  statuses: readonly string[],
  numbers: ArrayLike<number>,
  starts?: ArrayLike<number>,
): Promise<ReportRows> {
  if (starts?.length === statuses.length + 1) return reportRows(await fileRows(report, starts), statuses, numbers);
  const bytes = await readFile(report);
  const found = jsonRowStarts(bytes, statuses.length);
  const parsed = found ? undefined : (JSON.parse(bytes.toString('utf8')) as { rows: JsonRow[] }).rows;
  const inMemory = async (from: number, to: number) => bytes.subarray(from, to);
  const ends = found && [...found, bytes.length];
  const source: RowSource = {
    read: async (indexes) => (ends ? spanRows(inMemory, ends, indexes) : indexes.map((i) => parsed![i]!)),
    sizeOf: (i) => (ends ? ends[i + 1]! - ends[i]! : undefined),
    close: async () => {},
  };
  return reportRows(source, statuses, numbers);
}

async function reportRows(
  source: RowSource,
  statuses: readonly string[],
  numbers: ArrayLike<number>,
): Promise<ReportRows> {
  const problems: number[] = [];
  for (let i = 0; i < statuses.length; i++) if (needsUser(statuses[i]!)) problems.push(i);
  const count = statuses.length;
  const columns = count > 0 ? Object.keys((await source.read([0]))[0]!.cells) : [];
  let holders = 1;
  const rows: ReportRows = {
    columns,
    count,
    problems,
    times: timeColumns(columns),
    numberOf: (i) => numbers[i]!,
    statusOf: (i) => statuses[i]!,
    read: (indexes) => source.read(indexes),
    sizeOf: (i) => source.sizeOf(i),
    share: () => {
      holders++;
      return rows;
    },
    close: async () => {
      if (--holders === 0) await source.close();
    },
  };
  return rows;
}

/** Where a report's row is at fault: its row, the column as the file names it, that cell, the times it names. */
export function faultOf(r: JsonRow): { row: number; column?: string; cell?: string; facts?: ProblemFacts } {
  const column = r.error_column;
  return { row: r.row, column, cell: column === undefined ? undefined : r.cells[column], facts: r.error_facts };
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
export async function rowWindow(
  report: ReportRows,
  from: number,
  count: number,
  problemsOnly: boolean,
  zone?: string,
  overlay?: ReadonlyMap<number, GridRow>,
): Promise<{ total: number; rows: readonly GridRow[] }> {
  const end = Math.min(report.count, from + count);
  const indexes = problemsOnly
    ? report.problems.slice(from, from + count)
    : Array.from({ length: Math.max(0, end - from) }, (_, k) => from + k);
  // Rows checked again after an edit show as checked, until the whole file's check replaces them.
  const read = await report.read(indexes.filter((i) => !overlay?.has(i)));
  let k = 0;
  const rows = indexes.map((i) => ({ ...(overlay?.get(i) ?? gridRow(read[k++]!, report, zone)), index: i }));
  return { total: problemsOnly ? report.problems.length : report.count, rows };
}

/** Rows read at once while looking through many: a grid window's worth. */
const SCAN_BATCH = 500;
/**
 * Bytes of the report read at once while looking through rows (at least one row): each batch is
 * parsed on the server's event loop, and a row of a wide file can take a megabyte (issue 26's
 * workbook: 460 rows of eighteen 30,000-character cells).
 */
const SCAN_BYTES = 1 << 20;

/**
 * Rows `indexes` (ascending) of the report, read a batch at a time, handed to `each` with their
 * place in `indexes` until it answers true: a look that ends at the first rows reads only them.
 */
export async function scanRows(
  rows: Pick<ReportRows, 'read' | 'sizeOf'>,
  indexes: readonly number[],
  each: (row: JsonRow, k: number) => boolean,
): Promise<void> {
  for (let k = 0; k < indexes.length; ) {
    let end = k;
    let bytes = 0;
    while (end < indexes.length && end - k < SCAN_BATCH && (end === k || bytes < SCAN_BYTES))
      bytes += rows.sizeOf(indexes[end++]!) ?? 0;
    const batch = await rows.read(indexes.slice(k, end));
    for (let m = 0; m < batch.length; m++) if (each(batch[m]!, k + m)) return;
    k = end;
  }
}

/** The report's row numbered `row` in the file (the report keeps the file's order), or -1. */
export function indexOfRow(rows: Pick<ReportRows, 'count' | 'numberOf'>, row: number): number {
  let lo = 0;
  let hi = rows.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows.numberOf(mid);
    if (at === row) return mid;
    if (at < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
