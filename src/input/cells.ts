import type { Pair } from '../messages.js';
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
  /** Its number format shows elapsed time (`[h]:mm:ss`): a length of time, not a moment. */
  readonly duration?: true;
}

/** Wall-clock time as Excel shows it: no zone; `--tz` decides the instant. */
export interface DateCell {
  readonly kind: 'date';
  readonly wall: WallTime;
  /** A time of day with no date (a serial below 1, or `t="d"` holding `T14:30:00`): `wall` holds Excel's day 0. */
  readonly timeOnly?: true;
}

export interface ErrorCell {
  readonly kind: 'error';
  /** Excel's error text, such as `#N/A` or `#DIV/0!`. */
  readonly error: string;
  /** A cell the reader refused itself (not an error Excel computed): its code, and what a row problem says. */
  readonly code?: string;
  readonly got?: Pair;
  readonly fix?: Pair;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatWallTime(w: WallTime): string {
  const base = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${formatClock(w)}`;
  return w.millisecond ? `${base}.${pad(w.millisecond, 3)}` : base;
}

function formatClock(w: WallTime): string {
  return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** A date cell as Excel shows it: a time of day alone when it holds no date. */
export function formatDateCell(cell: DateCell): string {
  if (!cell.timeOnly) return formatWallTime(cell.wall);
  const w = cell.wall;
  return w.millisecond ? `${formatClock(w)}.${pad(w.millisecond, 3)}` : formatClock(w);
}

/**
 * Significant digits Excel shows of a number in General format (and keeps when it saves one it
 * computed): a typed 10.2 is stored as 10.199999999999999 and shown as 10.2 (Excel
 * specifications and limits, "number precision: 15 digits").
 */
const EXCEL_DIGITS = 15;

/**
 * A number cell as Excel shows it in General format. A whole number keeps the digits the file
 * holds (a 19-digit ID stays as stored, for the ID checks to refuse and the report to echo); a
 * fraction is rounded to 15 significant digits; elapsed time is `[h]:mm:ss`.
 */
export function numberText(cell: NumberCell): string {
  if (cell.duration) return elapsed(cell.value);
  if (Number.isInteger(cell.value)) return cell.raw ?? String(cell.value);
  const text = String(Number(cell.value.toPrecision(EXCEL_DIGITS)));
  // JavaScript writes 1e-7 where Excel shows 1E-07.
  return text.includes('e')
    ? text.replace(EXPONENT, (_, sign: string, digits: string) => `E${sign}${digits.padStart(2, '0')}`)
    : text;
}

const EXPONENT = /e([+-])(\d+)$/;

/** Days as Excel's built-in format 46 `[h]:mm:ss` shows them: 1.5 is 36:00:00, 1/16 is 1:30:00. */
function elapsed(days: number): string {
  const seconds = Math.round(Math.abs(days) * 86_400);
  const text = `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return days < 0 ? `-${text}` : text;
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
      return numberText(cell);
    case 'date':
      return formatDateCell(cell);
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
