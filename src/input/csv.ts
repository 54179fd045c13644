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
export function parseCsvText(text: string, file: string): CsvRecord[] {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\n|\r/).length;
    throw new ToolError(
      'CSV_NUL_BYTE',
      `expected text, got a NUL byte on line ${line} of ${file}: the file is binary or damaged; export it again as CSV (or pass --encoding utf-16le if it is UTF-16 without a byte-order mark)`,
      { file, row: line },
    );
  }
  // csv-parse counts a CRLF inside a quoted cell as two lines; keep our own tally to undo that.
  let crlfInsideCells = 0;
  const records: CsvRecord[] = [];
  try {
    parse(text, {
      delimiter: guessDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      on_record: (record, context) => {
        let breaks = 0;
        let crlf = 0;
        let blank = true;
        for (const cell of record) {
          if (blank && cell.trim() !== '') blank = false;
          if (cell.includes('\r') || cell.includes('\n')) {
            for (let i = 0; i < cell.length; i++) {
              const c = cell.charCodeAt(i);
              if (c === 13) {
                breaks++;
                if (cell.charCodeAt(i + 1) === 10) crlf++;
              } else if (c === 10) breaks++;
            }
          }
        }
        const line = context.lines - breaks - crlfInsideCells;
        crlfInsideCells += crlf;
        if (!blank) records.push({ line, cells: record });
        // Returning null keeps csv-parse from building a second array of every record.
        return null;
      },
    });
    return records;
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    throw new ToolError(
      `CSV_${(e.code ?? 'PARSE').replace(/^CSV_/, '')}`,
      `expected well-formed CSV, got a problem near line ${e.lines ?? '?'} of ${file} (${e.message ?? String(error)}): ` +
        'a quote inside a cell must be doubled ("") and the whole cell quoted; fix that line, or save the sheet again from Excel as CSV',
      { file, row: e.lines },
    );
  }
}

/** Excel saves "Unicode text" tab-separated; everything else here is comma-separated. */
function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}
