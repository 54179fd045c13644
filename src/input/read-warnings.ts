/** The warnings reading a file gives (src/warnings.ts): each with its code, message and facts. */
import { INPUT, SHEETS } from './messages.js';
import { say } from '../messages.js';
import { type Warning, warning } from '../warnings.js';
import type { ResolvedHeaders } from './headers.js';
import { quoteName } from './printable.js';
import type { SheetEntry } from './xlsx.js';

/** Sheets named in one message: a workbook may list 1,000. */
const NAMED_SHEETS = 20;

/** Names in one message: the first 20, then how many more. */
export function shortList(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_SHEETS).join(', ');
  return names.length > NAMED_SHEETS ? `${shown}${say(INPUT.andMore(names.length - NAMED_SHEETS))}` : shown;
}

/** A sheet as a list of sheets names it: quoted, a hidden one marked so in the run's language. */
function sheetName(sheet: SheetEntry): string {
  return sheet.hidden ? say(SHEETS.hidden(quoteName(sheet.name))) : quoteName(sheet.name);
}

export function sheetList(sheets: readonly SheetEntry[]): string {
  return shortList(sheets.map(sheetName));
}

/** The first items of a list the reader kept, then how many more there were. */
const named = (items: readonly (string | number)[], count: number) =>
  `${items.join(', ')}${count > items.length ? say(INPUT.andMore(count - items.length)) : ''}`;

/** CSV cells with a quote inside (12"N), read as Excel reads them. */
export function strayQuotesWarning(
  quotes: { readonly lines: readonly number[]; readonly count: number },
  file: string,
) {
  const message = say(INPUT.strayQuotes({ lines: named(quotes.lines, quotes.count), file }));
  return warning('INPUT_STRAY_QUOTES', message, { lines: quotes.lines, count: quotes.count });
}

/**
 * Of the sheet read: the other sheets holding the template's columns; its formulas whose saved
 * results may be stale (`stale`: their count, where the workbook asks to be recalculated); its formulas saved as text.
 */
export function sheetWarnings(read: {
  readonly others: readonly SheetEntry[];
  readonly sheet: string;
  readonly stale: number;
  readonly textFormulas: { readonly cells: readonly string[]; readonly count: number };
}): Warning[] {
  const warnings: Warning[] = [];
  if (read.others.length > 0) {
    const sheets = read.others.map((s) => ({ name: s.name, hidden: s.hidden === true }));
    warnings.push(warning('INPUT_OTHER_SHEETS', say(INPUT.otherSheets(sheetList(read.others))), { sheets }));
  }
  if (read.stale > 0) warnings.push(warning('INPUT_RECALC', say(INPUT.recalc(read.stale)), { formulas: read.stale }));
  const { cells, count } = read.textFormulas;
  if (count > 0) {
    const message = say(INPUT.textFormulas({ cells: named(cells, count), sheet: quoteName(read.sheet) }));
    warnings.push(warning('INPUT_TEXT_FORMULAS', message, { sheet: read.sheet, cells, count }));
  }
  return warnings;
}

/** Of the headers: columns the tool does not know, rows above the header row. */
export function headerWarnings(columns: ResolvedHeaders, skippedAbove: number): Warning[] {
  const warnings: Warning[] = [];
  if (columns.unknown.length > 0) {
    const shown = columns.unknown.slice(0, 10).map(quoteName).join(', ');
    const message = say(INPUT.unknownColumns({ shown, more: Math.max(0, columns.unknown.length - 10) }));
    warnings.push(warning('INPUT_UNKNOWN_COLUMNS', message, { columns: columns.unknown }));
  }
  if (skippedAbove > 0)
    warnings.push(warning('INPUT_SKIPPED_ABOVE', say(INPUT.skippedAbove(skippedAbove)), { rows: skippedAbove }));
  return warnings;
}
