import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ToolError } from '../errors.js';
import { cellText, protectFormula } from '../input/cells.js';
import { REPORT_COLUMNS } from '../input/headers.js';
import type { InputTable } from '../input/table.js';
import type { RowOutcome } from '../plan/types.js';

export type ReportFormat = 'csv' | 'xlsx' | 'json';

/** `<input name>.report.csv` beside the input, unless `--report` says otherwise. */
export function defaultReportPath(input: string): string {
  const name = basename(input, extname(input)).replace(/\.report$/, '');
  return join(dirname(input), `${name}.report.csv`);
}

export function reportFormat(path: string): ReportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  throw new ToolError('USAGE_REPORT_FORMAT', `expected a report path ending in .csv, .xlsx or .json, got "${path}": pick one of those`);
}

/** The report's columns: ours, then every original column (a report read back is not doubled). */
function reportLayout(table: InputTable): { headers: string[]; keep: number[] } {
  const skip = new Set(table.columns.reportColumns);
  const keep: number[] = [];
  const headers: string[] = [...REPORT_COLUMNS];
  table.headers.forEach((h, i) => {
    if (skip.has(i)) return;
    keep.push(i);
    headers.push(h.trim() === '' ? `column_${i + 1}` : h);
  });
  return { headers, keep };
}

/** Our columns after `row`: status, error_code, message, http_status, log_id, attempts. */
function outcomeColumns(o: RowOutcome): string[] {
  return [o.status, o.error_code ?? '', o.message ?? '', o.http_status === undefined ? '' : String(o.http_status), o.log_id ?? '', o.attempts === undefined ? '' : String(o.attempts)];
}

/**
 * Writes the per-row report. The file is written beside its final name and renamed into place,
 * so a crash mid-write never leaves half a report where a whole one was.
 */
export async function writeReport(path: string, table: InputTable, outcomes: readonly RowOutcome[], summary: Record<string, unknown>): Promise<void> {
  const format = reportFormat(path);
  const { headers, keep } = reportLayout(table);
  const original = (cells: readonly unknown[]) => keep.map((i) => cellText(cells[i] as never));
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  try {
    if (format === 'csv') {
      // One flat string per row from one reused array: concatenating cell by cell builds millions
      // of short-lived rope strings, which made the report cost as much as the parse. Every few
      // hundred lines are joined and encoded at once, so the line strings die young instead of
      // being copied through the garbage collector's generations until one big join at the end.
      const chunks: Buffer[] = [Buffer.from(`\uFEFF${csvRow(headers)}\r\n`)];
      let lines: string[] = [];
      const cells: string[] = new Array(keep.length);
      // Rows of one interview share one outcome object: quote its columns once, not per row.
      const quoted = new Map<RowOutcome, string>();
      table.rows.forEach((r, i) => {
        const o = outcomes[i]!;
        let ours = quoted.get(o);
        if (ours === undefined) quoted.set(o, (ours = csvRow(outcomeColumns(o))));
        for (let k = 0; k < keep.length; k++) cells[k] = csvCell(protectFormula(cellText(r.cells[keep[k]!])));
        lines.push(`${r.row},${ours},${cells.join(',')}\r\n`);
        if (lines.length === LINES_PER_CHUNK) {
          chunks.push(Buffer.from(lines.join('')));
          lines = [];
        }
      });
      chunks.push(Buffer.from(lines.join('')));
      await writeFile(temp, chunks);
    } else if (format === 'json') {
      const names = headers.slice(REPORT_COLUMNS.length);
      const rows = table.rows.map((r, i) => {
        const o = outcomes[i]!;
        const values = original(r.cells);
        return { row: r.row, ...o, cells: Object.fromEntries(names.map((n, k) => [n, values[k]])) };
      });
      await writeFile(temp, `${JSON.stringify({ summary, rows }, null, 1)}\n`);
    } else {
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('report', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = headers.map((h) => ({ header: h, key: h, width: h === 'message' ? 80 : 18, style: { numFmt: '@' } }));
      table.rows.forEach((r, i) => sheet.addRow([String(r.row), ...outcomeColumns(outcomes[i]!), ...original(r.cells)]).commit());
      sheet.commit();
      await workbook.commit();
    }
    await rename(temp, path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new ToolError('REPORT_UNWRITABLE', `expected to write the report to ${path}, got ${e.code ?? e.message}: check the folder exists and is writable, or pass --report elsewhere`, { file: path });
  }
}

/** Measured: 200–2,000 lines a chunk all cost the same; fewer add calls, more keep strings alive. */
const LINES_PER_CHUNK = 500;

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
