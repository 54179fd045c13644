import type { WallTime } from '../time-zones.js';
/**
 * A cell as it came out of the file. CSV cells are always plain strings (the parser never casts);
 * `.xlsx` cells keep what Excel stored, because an ID that Excel stored as a number is already
 * destroyed and must be refused, and a date cell holds a wall-clock time, not an instant.
 */
export type Cell = string | NumberCell | DateCell | ErrorCell;

export interface NumberCell {
  readonly kind: 'number';
  readonly value: number;
  /** The digits as the file holds them: a 19-digit number is echoed as stored, not as rounded. */
  readonly raw?: string;
}

/** Wall-clock time as Excel shows it: no zone; `--tz` decides the instant. */
export interface DateCell {
  readonly kind: 'date';
  readonly wall: WallTime;
}

export interface ErrorCell {
  readonly kind: 'error';
  /** Excel's error text, such as `#N/A` or `#DIV/0!`. */
  readonly error: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatWallTime(w: WallTime): string {
  const base = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return w.millisecond ? `${base}.${pad(w.millisecond, 3)}` : base;
}

/** Empty, or nothing but white space: a cell a person sees as blank. Numbers, dates and errors never are. */
export function isBlankCell(cell: Cell): boolean {
  return typeof cell === 'string' && cell.trim() === '';
}

/** The text a person would see in the cell: what the report writes back. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  switch (cell.kind) {
    case 'number':
      return cell.raw ?? String(cell.value);
    case 'date':
      return formatWallTime(cell.wall);
    case 'error':
      return cell.error;
  }
}

/**
 * A CSV cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) is run as a formula
 * when the report is opened in Excel; OWASP's advice is to prefix a single quote. Reading a report
 * back strips exactly that prefix again, so a fixed report imports what was originally written.
 */
export function isFormulaStart(code: number): boolean {
  // = + - @ tab CR, and their full-width forms ＝ ＋ － ＠, which WPS also takes as a formula start.
  return (
    code === 0x3d ||
    code === 0x2b ||
    code === 0x2d ||
    code === 0x40 ||
    code === 0x09 ||
    code === 0x0d ||
    code === 0xff1d ||
    code === 0xff0b ||
    code === 0xff0d ||
    code === 0xff20
  );
}

/** A formula start, perhaps behind quotes a person typed ('=1+1): those get one more quote, so reading back restores them. */
function needsQuote(text: string, from: number): boolean {
  let i = from;
  while (text.charCodeAt(i) === 0x27) i++;
  return isFormulaStart(text.charCodeAt(i));
}

export function protectFormula(text: string): string {
  return needsQuote(text, 0) ? `'${text}` : text;
}

/** Takes off exactly the quote `protectFormula` added: a person's own `'=1+1` stays as typed. */
export function unprotectFormula(text: string): string {
  return text.charCodeAt(0) === 0x27 && needsQuote(text, 1) ? text.slice(1) : text;
}

/**
 * Excel and WPS open a CSV cell of 12 or more digits as a number: shown as 7.00E+18 and saved
 * back with 15 significant digits, which destroys every ID. The report writes such a cell as the
 * formula `="7000…"`, which they show and save as the digits, as text.
 */
const LONG_DIGITS = /^\d{12,}$/;
const DIGITS_FORMULA = /^="(\d{12,})"$/;

/** What the CSV report writes for a cell: IDs as `="…"`, formulas neutralised. */
export function protectCell(text: string): string {
  return LONG_DIGITS.test(text) ? `="${text}"` : protectFormula(text);
}

/** A report cell read back: exactly what `protectCell` added is taken off again. */
export function unprotectCell(text: string): string {
  const digits = text.charCodeAt(0) === 0x3d ? DIGITS_FORMULA.exec(text) : null;
  return digits ? digits[1]! : unprotectFormula(text);
}
