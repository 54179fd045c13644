/** Sheets as a message names them: quoted, a hidden one marked so, a long list cut short. */
import { INPUT, SHEETS } from './messages.js';
import { say } from '../messages.js';
import { quoteName } from './printable.js';
import type { SheetEntry } from './xlsx.js';

export function sheetList(sheets: readonly SheetEntry[]): string {
  return shortList(sheets.map(sheetName));
}

/** A sheet as a list of sheets names it: quoted, a hidden one marked so in the run's language. */
export function sheetName(sheet: SheetEntry): string {
  return sheet.hidden ? say(SHEETS.hidden(quoteName(sheet.name))) : quoteName(sheet.name);
}

/** Sheets named in one message: a workbook may list 1,000. */
const NAMED_SHEETS = 20;

export function shortList(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_SHEETS).join(', ');
  return names.length > NAMED_SHEETS ? `${shown}${say(INPUT.andMore(names.length - NAMED_SHEETS))}` : shown;
}
