import { parse } from 'csv-parse/sync';
import { ToolError } from '../errors.js';

export interface CsvRecord {
  /** The line on which the record starts, as a text editor numbers it. */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Parses CSV text into records that keep the line each starts on. Cells stay strings: `cast` is
 * never set, because it turns 19-digit IDs into lossy floats. Records that are entirely blank
 * are dropped here, so a file with a million empty lines costs no memory.
 */
export function parseCsvText(text: string | Buffer, file: string): CsvRecord[] {
  const nul = typeof text === 'string' ? text.indexOf('\u0000') : text.indexOf(0);
  if (nul >= 0) {
    const line = text.slice(0, nul).toString().split(/\r\n|\n|\r/).length;
    throw new ToolError(
      'CSV_NUL_BYTE',
      `expected text, got a NUL byte on line ${line} of ${file}: the file is binary or damaged; export it again as CSV (or pass --encoding utf-16le if it is UTF-16 without a byte-order mark)`,
      { file, row: line },
    );
  }
  let rows: string[][];
  try {
    // No `on_record` hook: it builds an info object per record, a fifth of the parse time.
    rows = parse(text, { delimiter: guessDelimiter(text), record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true });
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    throw new ToolError(
      `CSV_${(e.code ?? 'PARSE').replace(/^CSV_/, '')}`,
      `expected well-formed CSV, got a problem near line ${e.lines ?? '?'} of ${file} (${e.message ?? String(error)}): ` +
        'a quote inside a cell must be doubled ("") and the whole cell quoted; fix that line, or save the sheet again from Excel as CSV',
      { file, row: e.lines },
    );
  }
  return withLines(rows);
}

/**
 * Every physical line is a record (an empty line is `[""]`) unless it sits inside a quoted cell,
 * so the line a record starts on is 1 + the lines taken by the records before it. Counting it
 * here rather than trusting csv-parse's `info.lines`, which counts a CRLF inside quotes twice.
 */
function withLines(rows: string[][]): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of rows) {
    let breaks = 0;
    let blank = true;
    for (const cell of cells) {
      if (cell === '') continue;
      if (blank && cell.trim() !== '') blank = false;
      if (cell.includes('\r') || cell.includes('\n')) breaks += countBreaks(cell);
    }
    if (!blank) records.push({ line, cells });
    line += 1 + breaks;
  }
  return records;
}

function countBreaks(cell: string): number {
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 10 || (c === 13 && cell.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** Excel saves "Unicode text" tab-separated; everything else here is comma-separated. */
function guessDelimiter(text: string | Buffer): string {
  const head = (typeof text === 'string' ? text.slice(0, 65536) : text.subarray(0, 65536).toString('latin1')).split(/\r|\n/, 1)[0] ?? '';
  return head.includes('\t') && !head.includes(',') ? '\t' : ',';
}
