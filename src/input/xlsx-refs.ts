/** Excel's grid: 16,384 columns (A to XFD) and 1,048,576 rows (Excel specifications and limits). */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** A cell's place: 1-based column and row. */
export interface Place {
  readonly column: number;
  readonly row: number;
}

/** A merged range, corners in order. */
export interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * An A1 reference (`B12`) as openpyxl 3.1 reads one: letters in either case are the same column
 * (`b12` is B12). A `$` before the letters or the digits (`$B$12`, which ECMA-376's ST_CellRef
 * does not allow but which only marks the reference absolute) is the same cell too. Anything
 * else, a reference without its column (`12`, which openpyxl refuses as well) or past Excel's
 * grid, is undefined: the reader refuses it rather than guess.
 */
export function parsePlace(ref: string, from = 0, to = ref.length): Place | undefined {
  let i = ref.charCodeAt(from) === 36 ? from + 1 : from;
  let column = 0;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
    if (column > MAX_COLUMNS) return undefined;
  }
  if (column === 0) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  const row = parseRowNumber(ref, i, to);
  return row === undefined ? undefined : { column, row };
}

/**
 * The column of a cell reference that must name `row`, read as `parsePlace` reads it; 0 when it
 * is malformed, past the grid or names another row. Allocates nothing: it runs once a cell.
 */
export function columnInRow(ref: string, row: number): number {
  const end = ref.length;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let column = 0;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
    if (column > MAX_COLUMNS) return 0;
  }
  if (ref.charCodeAt(i) === 36) i++;
  if (column === 0 || i === end || end - i > 7) return 0;
  let n = 0;
  for (; i < end; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n === row ? column : 0;
}

/** A row number as `<row r>` holds it: digits only, 1 to 1,048,576. */
export function parseRowNumber(text: string, from = 0, to = text.length): number | undefined {
  if (from >= to || to - from > 7) return undefined;
  let row = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return row >= 1 && row <= MAX_ROWS ? row : undefined;
}

/**
 * `A2:B5` (or a single cell, a range of one), corners put in order; undefined as for
 * `parsePlace`. Whole columns (`A:B`) and whole rows (`2:5`), which Excel writes when a person
 * merges a column or a row, reach to the grid's edge.
 */
export function parseRange(ref: string): Range | undefined {
  const colon = ref.indexOf(':');
  const whole = colon < 0 ? undefined : wholeLines(ref);
  if (whole) return whole;
  const a = parsePlace(ref, 0, colon < 0 ? ref.length : colon);
  const b = colon < 0 ? a : parsePlace(ref, colon + 1);
  if (!a || !b) return undefined;
  return ordered(a, b);
}

function ordered(a: Place, b: Place): Range {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const WHOLE_ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** `A:B` or `2:5` as a range from the grid's first row or column to its last. */
function wholeLines(ref: string): Range | undefined {
  const columns = WHOLE_COLUMNS.exec(ref);
  if (columns) {
    const a = parsePlace(`${columns[1]}1`);
    const b = parsePlace(`${columns[2]}${MAX_ROWS}`);
    return a && b ? ordered(a, b) : undefined;
  }
  const rows = WHOLE_ROWS.exec(ref);
  const top = rows && parseRowNumber(rows[1]!);
  const bottom = rows && parseRowNumber(rows[2]!);
  return top && bottom ? ordered({ column: 1, row: top }, { column: MAX_COLUMNS, row: bottom }) : undefined;
}

export function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}
