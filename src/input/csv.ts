import { INPUT } from './messages.js';
import { say } from '../messages.js';
import { type Info, Parser } from 'csv-parse';
import { ToolError } from '../errors.js';
import { FieldCache } from './field-cache.js';
import { afterLineBreak, countLineBreaks, lineEnd } from './line-breaks.js';
import { ROWS_PER_LOOK, type ReadTicker } from './read-progress.js';

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

/** The separators a CSV file may use: comma, semicolon (Excel's CSV where the decimal mark is a comma), tab, bar. */
export type Delimiter = ',' | ';' | '\t' | '|';

export interface ParsedCsv {
  readonly records: CsvRecord[];
  readonly lines?: CsvLines;
  readonly delimiter: Delimiter;
  /** Lines holding a quote inside a cell that does not start with one, read as written (the first few), and how many. */
  readonly strayQuotes: { readonly lines: number[]; count: number };
}

/** Lines named in the stray-quote warning; the rest are counted. */
const NAMED_LINES = 10;

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
export function parseCsvText(input: string | Buffer, file: string, forced?: Delimiter, ticker?: ReadTicker): ParsedCsv {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = 1 + countLineBreaks(bytes, 0, nul);
    throw new ToolError('CSV_NUL_BYTE', say(INPUT.csvNul({ line, file })), { file, row: line });
  }
  const delimiter = forced ?? guessDelimiter(bytes);
  const sep = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const strayQuotes = { lines: [] as number[], count: 0 };
  // The next quote in the text: a record before it holds none and needs no look at its quotes.
  let nextQuote = bytes.indexOf(0x22);
  // Copying a record's text needs comma-separated cells and offsets an Int32Array holds.
  const positions = delimiter === ',' && bytes.length < 2 ** 31 ? new Positions() : undefined;
  const intern = new Interner();
  let end = 0; // where the previous record ended, past its line break
  let line = 1; // the line on which the text at `end` stands
  let empty = 0;
  let seen = 0;
  const onRecord = (cells: string[], info: Info): void => {
    // Told the rows read, with the share of the bytes parsed, every ROWS_PER_LOOK records.
    if (ticker && ++seen % ROWS_PER_LOOK === 0) ticker.tick(records.length, end / bytes.length);
    let start = end;
    // Empty lines the parser skipped before this record: one line break each.
    for (; empty < info.empty_lines; empty++, line++) start = afterLineBreak(bytes, start);
    end = info.bytes;
    const row = line;
    if (nextQuote >= 0 && nextQuote < end) {
      checkQuotes(bytes, start, end, sep, { file, row, strayQuotes });
      nextQuote = bytes.indexOf(0x22, end);
    }
    line += countLineBreaks(bytes, start, end);
    if (isBlank(cells)) return;
    records.push({ row, cells: intern.cells(cells) });
    positions?.add(start, withoutLineBreak(bytes, start, end));
  };
  const parser = new PositionedParser(
    {
      delimiter,
      record_delimiter: recordDelimiters(bytes),
      relax_column_count: true,
      // A quote inside a cell that does not start with one (12"N) is read as written, as Excel and
      // Python's csv read it; text after a closing quote is still refused (checkQuotes).
      relax_quotes: true,
      skip_empty_lines: true,
    },
    onRecord,
  );
  const error = parser.parseAll(bytes);
  if (error instanceof ToolError) throw error;
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
  return { records, lines: positions?.lines(bytes), delimiter, strayQuotes };
}

/**
 * The quotes of one record, `bytes[start..end)`, cell by cell as RFC 4180 reads them: a quote
 * inside a cell that does not start with one is noted (its line, for a warning); text after a
 * quoted cell's closing quote (`"4"x`) is refused, since Excel and Python's csv join the two
 * (`4x`) where csv-parse keeps the quotes.
 */
function checkQuotes(
  bytes: Buffer,
  start: number,
  end: number,
  sep: number,
  at: { file: string; row: number; strayQuotes: ParsedCsv['strayQuotes'] },
): void {
  let stray = -1;
  for (let i = start; i < end; ) {
    if (bytes[i] === 0x22) {
      i++;
      while (i < end && !(bytes[i] === 0x22 && bytes[i + 1] !== 0x22)) i += bytes[i] === 0x22 ? 2 : 1;
      i++;
      const next = bytes[i];
      if (i < end && next !== sep && next !== 0x0a && next !== 0x0d) throw textAfterQuote(bytes, start, i, at);
    } else {
      for (; i < end && bytes[i] !== sep && bytes[i] !== 0x0a && bytes[i] !== 0x0d; i++)
        if (bytes[i] === 0x22 && stray < 0) stray = i;
    }
    if (bytes[i] !== sep) break;
    i++;
  }
  if (stray < 0) return;
  const list = at.strayQuotes;
  if (list.lines.length < NAMED_LINES) list.lines.push(at.row + countLineBreaks(bytes, start, stray));
  list.count++;
}

function textAfterQuote(bytes: Buffer, start: number, i: number, at: { file: string; row: number }): ToolError {
  const row = at.row + countLineBreaks(bytes, start, i);
  const after = bytes.toString('utf8', i, Math.min(lineEnd(bytes, i), i + 20));
  const detail = say(INPUT.textAfterQuote(JSON.stringify(after)));
  return new ToolError('CSV_INVALID_CLOSING_QUOTE', say(INPUT.csvParse({ line: row, file: at.file, detail })), {
    file: at.file,
    row,
  });
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
 * The separator, from the first record's separators outside quoted cells (a quoted cell may hold
 * any, or a line break): the one it holds most of. Excel saves "CSV" comma-separated where the
 * decimal mark is a point and semicolon-separated where it is a comma (much of Europe and South
 * America), and "Unicode text" tab-separated; a header cell may hold a comma where the separator
 * is a semicolon (`Bewertung, gesamt`), never as many as the separators between its cells. A tie
 * is read as commas, then tabs.
 */
function guessDelimiter(text: Buffer): Delimiter {
  let inQuotes = false;
  let comma = 0;
  let tab = 0;
  let semicolon = 0;
  let started = false; // blank lines before the first record are passed over
  let cellStart = true; // a quote opens a quoted cell only here (one later in a cell is text: 12"N)
  for (let i = 0; i < text.length && i < 65536; i++) {
    const b = text[i]!;
    const lineBreak = b === 0x0a || b === 0x0d;
    const wasStart = cellStart;
    cellStart = false;
    if (b === 0x22) {
      if (inQuotes && text[i + 1] === 0x22)
        i++; // "" in a quoted cell: one quote, still quoted
      else if (inQuotes || wasStart) inQuotes = !inQuotes;
    } else if (inQuotes) continue;
    else if (b === 0x2c) comma++;
    else if (b === 0x09) tab++;
    else if (b === 0x3b) semicolon++;
    else if (lineBreak && started) break;
    if (!inQuotes && (b === 0x2c || b === 0x09 || b === 0x3b || lineBreak)) cellStart = true;
    started ||= !lineBreak;
  }
  if (comma >= tab && comma >= semicolon) return ',';
  return tab >= semicolon ? '\t' : ';';
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
