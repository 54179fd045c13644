/**
 * The JSON report's layout, written and found in one place: `JSON.stringify(…, null, 1)`, so
 * each row of `rows` is an object opening on a line of its own, `  {`, with `row` its first key,
 * and closing on `  }`. A JSON string holds no raw line break, so neither sequence can occur
 * inside a value. The page (src/ui/report-rows.ts) reads a 100,000-row report's rows one at a
 * time by them, from where the writer noted each starts (`TextSink.mark`), or, without those,
 * where `jsonRowStarts` finds them.
 */

export type JsonValue = string | number | undefined | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** Where the report's text goes: the writer's buffer (src/report/report-writer.ts), or a string. */
export interface TextSink {
  text(s: string): void;
  /** A row starts (or the rows end) `skip` characters, all ASCII, into the next text: for a sink that notes where. */
  mark?(skip: number): void;
}

/**
 * The report, `JSON.stringify({ summary, rows }, null, 1)` and a line break to the byte, written a
 * value at a time: whole, a report of long cells (460 rows of eighteen 30,000-character cells:
 * 415 MB) was one string held twice over, 1.5 GB and 34 s; a value at a time it is 6 s in 140 MB.
 * `afterRow` lets the writer hand a full buffer to the file between rows.
 */
export function writeJsonReport(
  out: TextSink,
  summary: Record<string, unknown>,
  rows: Iterable<JsonObject>,
  afterRow?: () => void,
): void {
  // A JSON text holds no raw line break: indenting the small summary is adding a space after each.
  out.text(`{\n "summary": ${JSON.stringify(summary, null, 1).replaceAll('\n', '\n ')},\n "rows": [`);
  let first = true;
  for (const row of rows) {
    // A row's text made whole, then handed on once: a piece per value was 3 million writes into
    // the buffer for 100,000 rows, twice the time of the rest of the report.
    const before = first ? '\n  ' : ',\n  ';
    out.mark?.(before.length);
    out.text(before + jsonObject(row, 2));
    first = false;
    afterRow?.();
  }
  out.mark?.(0);
  out.text(first ? ']\n}\n' : '\n ]\n}\n');
}

/** The report's text whole, as `writeJsonReport` writes it. */
export function jsonReport(summary: Record<string, unknown>, rows: Iterable<JsonObject>): string {
  let text = '';
  writeJsonReport({ text: (s) => (text += s) }, summary, rows);
  return text;
}

/** What opens each key at each depth (`\n   "status": `), made once: rows repeat the same keys. */
const KEY_OPENINGS: Map<string, string>[] = [];

function keyOpening(key: string, depth: number): string {
  let openings = KEY_OPENINGS[depth];
  if (!openings) KEY_OPENINGS[depth] = openings = new Map();
  let opening = openings.get(key);
  if (opening === undefined) {
    opening = `\n${' '.repeat(depth + 1)}${JSON.stringify(key)}: `;
    // Keys are the report's column names: bounded, but a file's own headers could be many.
    if (openings.size < 4096) openings.set(key, opening);
  }
  return opening;
}

/** An object as `JSON.stringify(value, null, 1)` writes it at this depth. */
function jsonObject(value: JsonObject, depth: number): string {
  let text = '';
  for (const key in value) {
    const v = value[key];
    if (v === undefined) continue;
    text += (text === '' ? '{' : ',') + keyOpening(key, depth);
    text += typeof v === 'object' ? jsonObject(v, depth + 1) : JSON.stringify(v);
  }
  return text === '' ? '{}' : `${text}\n${' '.repeat(depth)}}`;
}

const ROWS_OPEN = Buffer.from('"rows": [');
/**
 * A row's opening with its first key (every row's is `row`): `{` is rare in the report, where a
 * line break starts every value's line, so the search skips ahead far more often: 10 ms for
 * 100,000 rows against 30 to 130 ms for the line-break-led form (measured on one 55 MB report).
 */
const ROW_OPEN = Buffer.from('{\n   "row": ');
const ROW_CLOSE = Buffer.from('\n  }');

/**
 * Where each of the `expected` rows starts, found without parsing: for 100,000 rows (a 53 MB
 * report) the whole JSON.parse takes 450 ms and 500 MB (measured), finding the rows 10 ms.
 * Undefined when the report is not laid out as `jsonReport` writes it: then parse it whole.
 */
export function jsonRowStarts(bytes: Buffer, expected: number): Uint32Array | Float64Array | undefined {
  let at = bytes.indexOf(ROWS_OPEN);
  if (at < 0) return undefined;
  const starts = bytes.length < 2 ** 32 ? new Uint32Array(expected) : new Float64Array(expected);
  let n = 0;
  for (;;) {
    const i = bytes.indexOf(ROW_OPEN, at);
    if (i < 0) break;
    if (n === expected) return undefined;
    starts[n++] = i;
    at = i + ROW_OPEN.length;
  }
  return n === expected ? starts : undefined;
}

/** The row starting at `from` (one of `jsonRowStarts`), parsed alone. */
export function jsonRowAt<T>(bytes: Buffer, from: number): T {
  return JSON.parse(bytes.toString('utf8', from, bytes.indexOf(ROW_CLOSE, from) + ROW_CLOSE.length)) as T;
}
