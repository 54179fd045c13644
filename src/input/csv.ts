import { INPUT } from './messages.js';
import { say } from '../messages.js';
import { type Info, Parser } from 'csv-parse';
import { ToolError } from '../errors.js';
import { FieldCache } from './field-cache.js';
import { afterLineBreak, countLineBreaks } from './line-breaks.js';

export interface CsvRecord {
  /** The line on which the record starts, as a text editor numbers it (a `SourceRow`'s `row`). */
  readonly row: number;
  readonly cells: string[];
}

/**
 * Where each record stands in the UTF-8 text, without its line break: record `i` is
 * `bytes[start[i]..end[i])`, as the parser found it. Only for comma-separated text, so the
 * report can copy a row's original cells as they were instead of quoting each again.
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

/** csv-parse's buffer of the cell being read: `buf[0..length)`; `toString` decodes it. */
interface FieldBuffer {
  buf: Buffer;
  length: number;
  toString(this: FieldBuffer, encoding?: string): unknown;
}

/**
 * The part of csv-parse's internal parser (its `api`) that `PositionedParser` adjusts: why
 * package.json pins csv-parse to one version, so an upgrade that renames these is deliberate and
 * meets the CSV tests (a missing `__onRecord` or `state.field` fails at the first record).
 */
interface ParserApi {
  state: { record: unknown[]; expectedRecordLength: number; field: FieldBuffer };
  __onRecord(this: ParserApi, push: unknown): unknown;
}

/**
 * csv-parse's stream parser, with each record taken as it is pushed: at that moment the
 * parser's `info` stands at the record's end (`bytes`: the offset just past the record and its
 * line break; `empty_lines`: the empty lines skipped so far, all before this record). Its
 * `on_record` and `info: true` options give the same, but build an object of 15 fields per
 * record: 2.4 times the parse time (200,000 rows, measured).
 */
class PositionedParser extends Parser {
  constructor(
    options: ConstructorParameters<typeof Parser>[0],
    private readonly onRecord: (cells: string[], info: Info) => void,
  ) {
    super(options);
    // Every record length is accepted (relax_column_count), but csv-parse first builds an error
    // for each record longer or shorter than the first, deep-copying its context: a million lines
    // of "," took 55 s. The length it expects is set to each record's own just before it checks.
    // Set, not made a getter: an accessor on `state` turns the object the parser reads at every
    // byte into a slow one, and parsing 1,000,000 rows took 11.4 s instead of 3.5 s (measured).
    const api = (this as unknown as { api: ParserApi }).api;
    const checkRecord = api.__onRecord;
    api.__onRecord = function (this: ParserApi, push: unknown) {
      this.state.expectedRecordLength = this.state.record.length;
      return checkRecord.call(this, push);
    };
    // Each cell's text is taken from the parser's field buffer by its `toString`: repeated short
    // cells come from the cache instead (1,000,000 rows: see FieldCache).
    const field = api.state.field;
    const decode = field.toString;
    const cache = new FieldCache();
    field.toString = function (this: FieldBuffer, encoding?: string) {
      return encoding === 'utf8' ? cache.text(this.buf, this.length) : decode.call(this, encoding);
    };
  }

  override push(record: unknown): boolean {
    if (record !== null) this.onRecord(record as string[], this.info);
    return true;
  }

  /** Parses all of `bytes`, synchronously; the parser's error, if it stopped at one. */
  parseAll(bytes: Buffer): unknown {
    let failure: unknown;
    this._transform(bytes, 'utf8', (error) => {
      failure = error;
    });
    if (failure === undefined || failure === null)
      this._flush((error) => {
        failure = error;
      });
    return failure ?? undefined;
  }
}

/**
 * Parses CSV text into records that keep the line each starts on. Cells stay strings: `cast` is
 * never set, because it turns 19-digit IDs into lossy floats. Records that are entirely blank
 * are dropped here, so a file with a million empty lines costs no memory.
 *
 * Row numbers and each record's text come from the parser's own record positions (the byte
 * offset csv-parse reports at the end of each record), never from a second reading of the text
 * that could disagree with it: line breaks are counted within each record's own bytes. Not from
 * csv-parse's `info.lines`, which counts a CRLF inside a quoted cell twice.
 */
export function parseCsvText(input: string | Buffer, file: string): ParsedCsv {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = 1 + countLineBreaks(bytes, 0, nul);
    throw new ToolError('CSV_NUL_BYTE', say(INPUT.csvNul({ line, file })), { file, row: line });
  }
  const delimiter = guessDelimiter(bytes);
  const records: CsvRecord[] = [];
  // Copying a record's text needs comma-separated cells and offsets an Int32Array holds.
  const positions = delimiter === ',' && bytes.length < 2 ** 31 ? new Positions() : undefined;
  const intern = new Interner();
  let end = 0; // where the previous record ended, past its line break
  let line = 1; // the line on which the text at `end` stands
  let empty = 0;
  const onRecord = (cells: string[], info: Info): void => {
    let start = end;
    // Empty lines the parser skipped before this record: one line break each.
    for (; empty < info.empty_lines; empty++, line++) start = afterLineBreak(bytes, start);
    end = info.bytes;
    const row = line;
    line += countLineBreaks(bytes, start, end);
    if (isBlank(cells)) return;
    records.push({ row, cells: intern.cells(cells) });
    positions?.add(start, withoutLineBreak(bytes, start, end));
  };
  const parser = new PositionedParser(
    { delimiter, record_delimiter: recordDelimiters(bytes), relax_column_count: true, skip_empty_lines: true },
    onRecord,
  );
  const error = parser.parseAll(bytes);
  if (error !== undefined) {
    const e = error as { code?: string; bytes?: number; message?: string };
    // The parser's position when it stopped: the start of the cell at fault (it is updated at
    // each delimiter), so the line named is the one where that cell, or its opening quote, is.
    const at = typeof e.bytes === 'number' ? Math.min(Math.max(e.bytes, end), bytes.length) : end;
    const row = line + countLineBreaks(bytes, end, at);
    throw new ToolError(
      `CSV_${(e.code ?? 'PARSE').replace(/^CSV_/, '')}`,
      say(INPUT.csvParse({ line: row, file, detail: e.message ?? String(error) })),
      { file, row },
    );
  }
  return { records, lines: positions?.lines(bytes) };
}

/** A record with nothing but empty or white-space cells: a blank row, skipped as Excel's are. */
function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/** The end of a record's text: its offset past the line break, less the line break. */
function withoutLineBreak(bytes: Buffer, start: number, end: number): number {
  let to = end;
  if (to > start && bytes[to - 1] === 0x0a) to--;
  if (to > start && bytes[to - 1] === 0x0d) to--;
  return to;
}

/**
 * One line end when the file uses one: csv-parse looks for each candidate at every byte, and
 * three candidates cost it a third more time on a 1,000,000-row file. Any mix: all three.
 */
function recordDelimiters(bytes: Buffer): string[] {
  if (bytes.indexOf(0x0d) < 0) return ['\n'];
  let lf = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
    if (bytes[i - 1] !== 0x0d) return ['\r\n', '\n', '\r'];
    lf++;
  }
  let cr = 0;
  for (let i = bytes.indexOf(0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1)) cr++;
  return cr === lf ? ['\r\n'] : ['\r\n', '\n', '\r'];
}

/**
 * Excel saves "Unicode text" tab-separated; everything else here is comma-separated. Decided by
 * the first record's separators outside quoted cells (a quoted cell may hold either, or a line break).
 */
function guessDelimiter(text: Buffer): string {
  let inQuotes = false;
  let tab = false;
  let started = false; // blank lines before the first record are passed over
  for (let i = 0; i < text.length && i < 65536; i++) {
    const b = text[i]!;
    const lineBreak = b === 0x0a || b === 0x0d;
    if (b === 0x22) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (b === 0x2c) return ',';
    else if (b === 0x09) tab = true;
    else if (lineBreak && started) break;
    started ||= !lineBreak;
  }
  return tab ? '\t' : ',';
}

/** Record offsets, grown as records come. */
class Positions {
  #start = new Int32Array(1024);
  #end = new Int32Array(1024);
  #count = 0;

  add(start: number, end: number): void {
    if (this.#count === this.#start.length) {
      const grown = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.#start = grown(this.#start);
      this.#end = grown(this.#end);
    }
    this.#start[this.#count] = start;
    this.#end[this.#count++] = end;
  }

  lines(bytes: Buffer): CsvLines {
    return { bytes, start: this.#start.slice(0, this.#count), end: this.#end.slice(0, this.#count) };
  }
}

/**
 * One string for each repeated short cell (an interviewer's name, 通过, a dimension title, a
 * score): csv-parse makes a new string for every cell, and on a 1,000,000-row file the copies of
 * the same few values took 100 MB of heap (400 MB after the read, 297 MB shared; see
 * docs/benchmarks.md). Long digit runs (IDs, epoch times) are nearly all distinct and are left
 * alone, and the table stops growing at a bound so a file of distinct values costs no more.
 */
const INTERN_MAX_LENGTH = 24;
const INTERN_MAX_ENTRIES = 100_000;

class Interner {
  readonly #seen = new Map<string, string>();

  cells(cells: string[]): string[] {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.length === 0 || cell.length > INTERN_MAX_LENGTH) continue;
      const c = cell.charCodeAt(0);
      if (cell.length > 6 && c >= 48 && c <= 57) continue;
      const same = this.#seen.get(cell);
      if (same !== undefined) cells[i] = same;
      else if (this.#seen.size < INTERN_MAX_ENTRIES) this.#seen.set(cell, cell);
    }
    return cells;
  }
}
