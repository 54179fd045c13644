import { FILES } from './messages.js';
import { valueLines } from './values-sheet.js';
import { writeJsonReport } from './json-report.js';
import { rowStartsNote } from './row-starts.js';
import { ByteSink } from './byte-sink.js';
import { REPORT } from '../input/messages.js';
import { say } from '../messages.js';
import { reportStatusWord } from '../row-statuses.js';
import { closeSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type ReportFormat, reportFormatOf } from '../report-formats.js';
import { ToolError } from '../errors.js';
import { cellText, isFormulaStart, protectCell, protectFormula } from '../input/cells.js';
import { REPORT_COLUMNS, namesColumnsInChinese } from '../input/headers.js';
import { COLUMNS } from '../schema.js';
import { type InputTable, columnAsNamed } from '../input/table.js';
import type { Lang } from '../lang.js';
import type { RowOutcome } from '../plan/types.js';
import { PRIVATE_MODE, writePrivate } from './private-file.js';
import { recordReport } from './report-claim.js';
import type { Summary } from './summary.js';
import { type XlsxReportRows, summaryLines, writeXlsxReport } from './xlsx-report.js';

export type { ReportFormat } from '../report-formats.js';

/** The format a report path names (src/report-formats.ts), or a usage error naming the ones there are. */
export function reportFormat(path: string): ReportFormat {
  const format = reportFormatOf(path);
  if (format === undefined) throw new ToolError('USAGE_REPORT_FORMAT', say(FILES.reportFormat(path)));
  return format;
}

/** The interview ID column's template title in Chinese (外部面试ID). */
const ID_TITLE_ZH = COLUMNS.find(([name]) => name === 'external_interview_id')![1];

/**
 * The report's columns: ours, then every original column (a report read back is not doubled).
 * Rows the file names by their legacy key get their Feishu id in the interview ID column, added
 * at the end when the file has none, so that the report imports again as a correction file.
 */
function reportLayout(table: InputTable, outcomes: readonly RowOutcome[]): Layout {
  const skip = new Set(table.columns.reportColumns);
  const keep: number[] = [];
  const headers: string[] = [...REPORT_COLUMNS];
  table.headers.forEach((h, i) => {
    if (skip.has(i)) return;
    keep.push(i);
    headers.push(h.trim() === '' ? `column_${i + 1}` : h);
  });
  const idAt = table.columns.index.external_interview_id;
  const addId = idAt === undefined && outcomes.some((o) => o.feishuId);
  // Under the title the file's other columns use, so a Chinese file's report reads back all in Chinese.
  if (addId) headers.push(namesColumnsInChinese(table.headers) ? ID_TITLE_ZH : 'external_interview_id');
  return { headers, keep, idPosition: idAt === undefined ? undefined : keep.indexOf(idAt), addId };
}

interface Layout {
  readonly headers: string[];
  readonly keep: number[];
  /** Where the interview ID column sits among the kept columns. */
  readonly idPosition: number | undefined;
  /** True when the file has no interview ID column but some row got a Feishu id. */
  readonly addId: boolean;
}

/** A row's original cells as text, with its Feishu id filled in where the file had none. */
function originalCells(layout: Layout, cells: readonly unknown[], o: RowOutcome): string[] {
  const values = layout.keep.map((i) => cellText(cells[i] as never));
  if (o.feishuId && layout.idPosition !== undefined && values[layout.idPosition]!.trim() === '')
    values[layout.idPosition] = o.feishuId;
  if (layout.addId) values.push(o.feishuId ?? '');
  return values;
}

/** Our columns after `row`: status, error_code, error_column, message, http_status, log_id, attempts. */
function outcomeColumns(table: InputTable, o: RowOutcome): string[] {
  return [
    o.status,
    o.errorCode ?? '',
    o.errorColumn === undefined ? '' : columnAsNamed(table, o.errorColumn),
    o.message ?? '',
    o.httpStatus === undefined ? '' : String(o.httpStatus),
    o.logId ?? '',
    o.attempts === undefined ? '' : String(o.attempts),
  ];
}

/** What a report says of its run besides the rows: the JSON report's `summary`, the xlsx report's summary sheet. */
export interface ReportFacts {
  readonly command: string;
  readonly zone?: string;
  readonly origin?: string;
  readonly elapsed_s?: number;
  readonly requests?: number;
  readonly rate_per_s?: number;
  readonly backup?: string | null;
  readonly journal?: string;
  /** The mapping profile the input was read through, as JSON (its content, not only its path). */
  readonly profile?: string;
  /** The changes made to the file's cells in the page, one per line (src/input/edits.ts). */
  readonly edits?: string;
}

/**
 * Writes the per-row report. The file is written beside its final name and renamed into place,
 * so a crash mid-write never leaves half a report where a whole one was.
 */
export async function writeReport(
  path: string,
  table: InputTable,
  outcomes: readonly RowOutcome[],
  run: ReportRun,
): Promise<void> {
  const write = WRITERS[reportFormat(path)];
  const layout = reportLayout(table, outcomes);
  await mkdir(dirname(path), { recursive: true });
  try {
    await write(path, { table, layout, outcomes, run });
    await recordReport(path, run.facts.command);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new ToolError('REPORT_UNWRITABLE', say(FILES.reportUnwritable({ path, code: e.code ?? e.message })), {
      file: path,
    });
  }
}

interface ReportRun {
  readonly facts: ReportFacts;
  readonly summary: Summary;
  readonly lang: Lang;
}

/** What every writer is given: the rows read, their outcomes, the report's columns, the run. */
interface WriterInput {
  readonly table: InputTable;
  readonly layout: Layout;
  readonly outcomes: readonly RowOutcome[];
  readonly run: ReportRun;
}

/** Each format's writer (src/report-formats.ts lists the formats): the file is written whole, then renamed into place. */
const WRITERS: Readonly<Record<ReportFormat, (path: string, input: WriterInput) => Promise<void>>> = {
  csv: (path, { table, layout, outcomes }) =>
    writePrivate(path, async (temp) => csvReport(temp, table, layout, outcomes)),
  json: (path, { table, layout, outcomes, run }) =>
    writePrivate(path, async (temp) => jsonReport(temp, table, layout, outcomes, { ...run.facts, ...run.summary })),
  xlsx: (path, { table, layout, outcomes, run }) =>
    writePrivate(path, (temp) =>
      writeXlsxReport(
        temp,
        xlsxRows(table, layout, outcomes, run.lang),
        xlsxSummary(table, run),
        run.lang,
        valueLines(table, run.lang),
      ),
    ),
};

/** The JSON report (src/report/json-report.ts lays it out), handed to the file in pieces at row ends. */
function jsonReport(
  temp: string,
  table: InputTable,
  layout: Layout,
  outcomes: readonly RowOutcome[],
  summary: Record<string, unknown>,
): void {
  const fd = openSync(temp, 'wx', PRIVATE_MODE);
  try {
    const out = new ByteSink(REPORT_PIECE + 64 * 1024, rowStartsNote());
    const names = layout.headers.slice(REPORT_COLUMNS.length);
    const rows = function* () {
      for (let i = 0; i < table.rows.length; i++) yield jsonRow(table, layout, names, table.rows[i]!, outcomes[i]!);
    };
    writeJsonReport(out, summary, rows(), () => {
      if (out.length >= REPORT_PIECE) out.flush(fd);
    });
    out.flush(fd);
  } finally {
    closeSync(fd);
  }
}

/** One row of the JSON report, under the keys scripts read (README, "The report"). */
function jsonRow(
  table: InputTable,
  layout: Layout,
  names: readonly string[],
  r: InputTable['rows'][number],
  o: RowOutcome,
) {
  const values = originalCells(layout, r.cells, o);
  const errorColumn = o.errorColumn === undefined ? undefined : columnAsNamed(table, o.errorColumn);
  return {
    row: r.row,
    status: o.status,
    feishu_id: o.feishuId,
    error_code: o.errorCode,
    error_column: errorColumn,
    error_facts: o.errorFacts,
    message: o.message,
    http_status: o.httpStatus,
    log_id: o.logId,
    attempts: o.attempts,
    cells: cellsOf(names, values),
  };
}

function cellsOf(names: readonly string[], values: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (let k = 0; k < names.length; k++) cells[names[k]!] = values[k]!;
  return cells;
}

/**
 * The `.xlsx` report's rows: our columns titled, and each status named, in the run's language
 * (the CSV and JSON reports keep the keys scripts read).
 */
function xlsxRows(table: InputTable, layout: Layout, outcomes: readonly RowOutcome[], lang: Lang): XlsxReportRows {
  // Where each template column sits in the report's row, for the cell at fault.
  const reportAt = (column: string): number | undefined => {
    const at = table.columns.index[column as keyof InputTable['columns']['index']];
    const k = at === undefined ? -1 : layout.keep.indexOf(at);
    return k < 0 ? undefined : REPORT_COLUMNS.length + k;
  };
  return {
    headers: [...REPORT_COLUMNS.map((c) => REPORT.column[c][lang]), ...layout.headers.slice(REPORT_COLUMNS.length)],
    count: table.rows.length,
    // A CSV line is not a spreadsheet row (a record may span lines): those rows follow one another.
    sheetRow: (i: number) => (table.format === 'xlsx' ? table.rows[i]!.row : 0),
    cells: (i: number) => {
      const o = outcomes[i]!;
      const [, ...rest] = outcomeColumns(table, o);
      const r = table.rows[i]!;
      return [String(r.row), reportStatusWord(o.status, lang), ...rest, ...originalCells(layout, r.cells, o)];
    },
    outcome: (i: number) => outcomes[i]!,
    faultAt: (o: RowOutcome) => (o.errorColumn === undefined ? undefined : reportAt(o.errorColumn)),
  };
}

function xlsxSummary(table: InputTable, run: ReportRun) {
  return summaryLines(run.summary, { ...run.facts, input: table.file, sheet: table.sheet }, run.lang);
}

/**
 * The CSV report, assembled as bytes and written to `temp` a piece at a time. A row read from a
 * CSV file whose line can stand as it is (see `copyLine`) is copied from the input after our
 * columns; any other row is quoted cell by cell. Copying skips quoting 16 cells a row and never
 * touches the cell strings: for 100,000 rows, 60 ms against 140 ms quoted cell by cell.
 */
function csvReport(temp: string, table: InputTable, layout: Layout, outcomes: readonly RowOutcome[]): void {
  const fd = openSync(temp, 'wx', PRIVATE_MODE);
  try {
    csvRows(fd, table, layout, outcomes);
  } finally {
    closeSync(fd);
  }
}

/**
 * Written out each time a piece is full, at the end of a row: the 1,000,000-row report is 110 MB,
 * and held whole until written it was the run's peak (see docs/benchmarks.md).
 */
const REPORT_PIECE = 1024 * 1024;

function csvRows(fd: number, table: InputTable, layout: Layout, outcomes: readonly RowOutcome[]): void {
  const { headers, keep } = layout;
  const lines = keep.length === table.headers.length ? table.csvLines : undefined;
  // A piece, and room for the row that fills it (a longer row grows the sink).
  const out = new ByteSink(REPORT_PIECE + 64 * 1024);
  out.text(`\uFEFF${csvRow(headers.map(protectFormula))}\r\n`);
  const cells: string[] = new Array(keep.length);
  // Rows of one interview share one outcome object: quote (and encode) its columns once.
  const quoted = new Map<RowOutcome, Buffer>();
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const o = outcomes[i]!;
    let ours = quoted.get(o);
    if (ours === undefined) {
      // protectCell: a log_id has 23 digits, which Excel would round as a number, like an ID.
      ours = Buffer.from(`,${csvRow(outcomeColumns(table, o).map(protectCell))},`);
      quoted.set(o, ours);
    }
    out.integer(r.row);
    out.bytes(ours, 0, ours.length);
    if (o.feishuId) {
      out.text(
        originalCells(layout, r.cells, o)
          .map((c) => csvCell(protectCell(c)))
          .join(','),
      );
    } else if (
      !(lines && r.cells.length === keep.length && copyLine(out, lines.bytes, lines.start[i]!, lines.end[i]!))
    ) {
      for (let k = 0; k < keep.length; k++) cells[k] = csvCell(protectCell(cellText(r.cells[keep[k]!])));
      out.text(cells.join(','));
      if (layout.addId) out.text(',');
    } else if (layout.addId) {
      out.text(',');
    }
    out.crlf();
    if (out.length >= REPORT_PIECE) out.flush(fd);
  }
  out.flush(fd);
}

/**
 * Copies a line of comma-separated cells into the report, writing each run of 12 or more digits
 * as `"=""…"""` (see `protectCell`); its quoting may differ from ours, but it reads back as the
 * same cells. A cell that starts with a formula character must be neutralised instead: then
 * nothing is written and the caller quotes the row cell by cell. The caller checks the cell count.
 */
function copyLine(out: ByteSink, bytes: Buffer, from: number, to: number): boolean {
  const mark = out.length;
  for (let cell = from; cell <= to; ) {
    const end = cellEnd(bytes, cell, to);
    // A quoted cell's text starts after its opening quote. A typed quote or a full-width character
    // (0xEF: ＝＋－＠ in UTF-8) may need neutralising: such a row is quoted cell by cell.
    const quoted = bytes[cell] === 0x22;
    const lead = quoted ? bytes[cell + 1]! : bytes[cell]!;
    if (end > cell && (isFormulaStart(lead) || lead === 0x27 || lead === 0xef)) {
      out.truncate(mark);
      return false;
    }
    if (cell > from) out.bytes(COMMA, 0, 1);
    const [a, b] = quoted ? [cell + 1, end - 1] : [cell, end];
    if (b - a >= 12 && allDigits(bytes, a, b)) {
      out.bytes(FORMULA_OPEN, 0, FORMULA_OPEN.length);
      out.bytes(bytes, a, b);
      out.bytes(FORMULA_CLOSE, 0, FORMULA_CLOSE.length);
    } else {
      out.bytes(bytes, cell, end);
    }
    cell = end + 1;
  }
  return true;
}

/** Where the cell starting at `from` ends: the next comma outside quotes, or the line's end. */
function cellEnd(bytes: Buffer, from: number, to: number): number {
  let inQuotes = false;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x2c && !inQuotes) return i;
  }
  return to;
}

const COMMA = Buffer.from(',');
const FORMULA_OPEN = Buffer.from('"=""');
const FORMULA_CLOSE = Buffer.from('"""');

function allDigits(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i]! < 0x30 || bytes[i]! > 0x39) return false;
  return true;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Quoted when it holds a quote, comma or line break, or starts or ends with white space. */
function csvCell(c: string): string {
  if (c === '') return c;
  const needs = NEEDS_QUOTES.test(c) || c.charCodeAt(0) <= 32 || c.charCodeAt(c.length - 1) <= 32;
  return needs ? `"${c.replaceAll('"', '""')}"` : c;
}

function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

export function csvLine(cells: readonly string[]): string {
  return `${csvRow(cells)}\r\n`;
}
