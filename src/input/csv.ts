import { INPUT, say } from '../catalogue.js';
import { parse } from 'csv-parse/sync';
import { ToolError } from '../errors.js';

export interface CsvRecord {
  /** The line on which the record starts, as a text editor numbers it (a `SourceRow`'s `row`). */
  readonly row: number;
  readonly cells: string[];
}

/**
 * Where each record stands in the UTF-8 text, without its line break: record `i` is
 * `bytes[start[i]..end[i])`. Only for comma-separated text in which every record is one line,
 * so the report can copy a row's original cells as they were instead of quoting each again.
 */
export interface CsvLines {
  readonly bytes: Buffer;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

export interface ParsedCsv {
  readonly records: CsvRecord[];
  readonly lines?: CsvLines;
}

/**
 * Parses CSV text into records that keep the line each starts on. Cells stay strings: `cast` is
 * never set, because it turns 19-digit IDs into lossy floats. Records that are entirely blank
 * are dropped here, so a file with a million empty lines costs no memory.
 */
export function parseCsvText(input: string | Buffer, file: string): ParsedCsv {
  const nul = typeof input === 'string' ? input.indexOf('\u0000') : input.indexOf(0);
  if (nul >= 0) {
    const line = input
      .slice(0, nul)
      .toString()
      .split(/\r\n|\n|\r/).length;
    throw new ToolError('CSV_NUL_BYTE', say(INPUT.csvNul({ line, file })), { file, row: line });
  }
  // Refused files are refused before the pre-pass copies them.
  const {
    bytes: text,
    gaps,
    starts,
    loneCr,
    lineEnd,
  } = dropBlankLines(typeof input === 'string' ? Buffer.from(input) : input);
  const delimiter = guessDelimiter(text);
  let rows: string[][];
  try {
    // No `on_record` hook: it builds an info object per record, a fifth of the parse time. One
    // line end when the file uses one: csv-parse looks for each candidate at every byte.
    const record_delimiter = loneCr || lineEnd === undefined ? ['\r\n', '\n', '\r'] : lineEnd;
    rows = parse(text, { delimiter, record_delimiter, relax_column_count: true });
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    throw new ToolError(
      `CSV_${(e.code ?? 'PARSE').replace(/^CSV_/, '')}`,
      say(INPUT.csvParse({ line: e.lines ?? '?', file, detail: e.message ?? String(error) })),
      { file, row: e.lines },
    );
  }
  // As many records as lines: no cell spans lines, so there are no line breaks to count.
  const multiline = loneCr || rows.length !== starts.length;
  return withLines(rows, gaps, multiline, multiline || delimiter !== ',' ? undefined : { bytes: text, starts });
}

/** Lines taken out before parsing: `skipped` of them stood before compacted line `at`. */
interface Gap {
  at: number;
  skipped: number;
}

/** Comma, space, tab, CR: what a line of empty cells is made of. */
const isBlankByte = (b: number) => b === 0x2c || b === 0x20 || b === 0x09 || b === 0x0d;

/**
 * Takes out lines that hold nothing but delimiters and spaces (outside quoted cells) before the
 * parse, remembering where they were so row numbers stay right. csv-parse builds an error object
 * for every record shorter than the first, even with relax_column_count: a file with a million
 * blank lines takes 20 s to parse as it is, under one without them.
 */
function dropBlankLines(bytes: Buffer): {
  bytes: Buffer;
  gaps: Gap[];
  starts: number[];
  loneCr: boolean;
  lineEnd?: '\r\n' | '\n';
} {
  const gaps: Gap[] = [];
  const starts: number[] = []; // where each kept line starts in the returned bytes: one per line kept
  let dropped = 0; // bytes of blank lines taken out so far
  const keep: Buffer[] = [];
  let inQuotes = false;
  let lineStart = 0;
  let lineInQuotes = false; // the line began inside a quoted cell
  let blank = true;
  let runStart = 0; // start of the stretch of kept bytes not yet copied
  let pending = 0; // blank lines dropped since the last kept line
  let loneCr = false; // an old-Mac line end: csv-parse splits there too
  let crlf = 0;
  let lf = 0;
  // One pass, byte by byte: searching ahead with indexOf per line turns quadratic on big files.
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    // Most bytes are none of the ones that matter here (all are at or below the comma, 0x2c):
    // one comparison for them halves the time of this pass.
    if (b > 0x2c) {
      blank = false;
      continue;
    }
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) loneCr = true;
    if (b !== 0x0a) {
      if (blank && !isBlankByte(b)) blank = false;
      continue;
    }
    if (bytes[i - 1] === 0x0d) crlf++;
    else lf++;
    if (blank && !lineInQuotes) {
      if (lineStart > runStart) keep.push(bytes.subarray(runStart, lineStart));
      runStart = i + 1;
      dropped += i + 1 - lineStart;
      pending++;
    } else {
      if (pending > 0) gaps.push({ at: starts.length + 1, skipped: pending });
      pending = 0;
      starts.push(lineStart - dropped);
    }
    lineStart = i + 1;
    lineInQuotes = inQuotes;
    blank = true;
  }
  // The last line, when the file does not end with a line break.
  if (lineStart < bytes.length && !blank) starts.push(lineStart - dropped);
  const lineEnd = lf === 0 ? '\r\n' : crlf === 0 ? '\n' : undefined;
  if (gaps.length === 0 && pending === 0) return { bytes, gaps, starts, loneCr, lineEnd };
  keep.push(bytes.subarray(runStart));
  return { bytes: Buffer.concat(keep), gaps, starts, loneCr, lineEnd };
}

/**
 * Every physical line is a record (an empty line is `[""]`) unless it sits inside a quoted cell,
 * so the line a record starts on is 1 + the lines taken by the records before it. Counting it
 * here rather than trusting csv-parse's `info.lines`, which counts a CRLF inside quotes twice.
 */
function withLines(
  rows: string[][],
  gaps: readonly Gap[],
  multiline: boolean,
  text?: { bytes: Buffer; starts: readonly number[] },
): ParsedCsv {
  const records: CsvRecord[] = [];
  // Record k is line k of the text (no cell spans lines): its bytes run to the next line's start.
  const start = text ? new Int32Array(rows.length) : undefined;
  const end = text ? new Int32Array(rows.length) : undefined;
  let line = 1;
  let gap = 0;
  let shift = 0;
  for (const cells of rows) {
    let breaks = 0;
    let blank = true;
    for (const cell of cells) {
      if (cell === '') continue;
      if (blank && cell.trim() !== '') {
        blank = false;
        if (!multiline) break;
      }
      if (multiline && (cell.includes('\r') || cell.includes('\n'))) breaks += countBreaks(cell);
    }
    while (gap < gaps.length && gaps[gap]!.at <= line) shift += gaps[gap++]!.skipped;
    if (!blank) {
      if (text) {
        const from = text.starts[line - 1]!;
        let to = line < text.starts.length ? text.starts[line]! : text.bytes.length;
        if (text.bytes[to - 1] === 0x0a) to--;
        if (text.bytes[to - 1] === 0x0d) to--;
        start![records.length] = from;
        end![records.length] = to;
      }
      records.push({ row: line + shift, cells });
    }
    line += 1 + breaks;
  }
  if (!text) return { records };
  return {
    records,
    lines: { bytes: text.bytes, start: start!.subarray(0, records.length), end: end!.subarray(0, records.length) },
  };
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
function guessDelimiter(text: Buffer): string {
  const head = text.subarray(0, 65536).toString('latin1').split(/\r|\n/, 1)[0] ?? '';
  return head.includes('\t') && !head.includes(',') ? '\t' : ',';
}
