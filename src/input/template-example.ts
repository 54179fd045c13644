import { cellText } from './cells.js';
import { COLUMNS } from '../schema.js';
import type { SheetRow } from './xlsx-sheet.js';

/**
 * The `template` command's own sheets beside the data sheet: its example sheet, in either
 * language, with the interview ID of its example rows, and its instructions sheet. Neither is
 * data, so neither is read nor named as another data sheet (the example unless someone typed
 * into it).
 */
export const EXAMPLE_SHEET_NAMES: readonly string[] = ['示例', 'Example'];
export const EXAMPLE_INTERVIEW_ID = '7000000000000000001';
export const INSTRUCTIONS_SHEET_NAMES: readonly string[] = ['说明', 'Instructions'];

/** True for the template's example sheet as the template wrote it: every row below the header is the example interview. */
export function isTemplateExample(
  name: string,
  rows: readonly SheetRow[],
  headerAt: number,
  idColumn: number | undefined,
): boolean {
  if (!EXAMPLE_SHEET_NAMES.includes(name.trim()) || idColumn === undefined) return false;
  return rows.slice(headerAt + 1).every((r) => cellText(r.cells[idColumn]) === EXAMPLE_INTERVIEW_ID);
}

const COLUMN_WORDS = new Set<string>(COLUMNS.flat());

/**
 * Column names listed down a column of the instructions sheet, one a row, before a data sheet is
 * ever this shape: every template since the first lists all 18 (a data sheet names each column
 * once, across one row), so 6 within the first rows read is far from both.
 */
const LISTED_COLUMNS = 6;

/**
 * True for the template's instructions sheet, whatever its language or age: named 说明 or
 * Instructions, and listing the template's column names down its first columns, one a row.
 * Its rows name the columns, so without this it reads as a header with every column twice.
 */
export function isTemplateInstructions(name: string, rows: readonly SheetRow[]): boolean {
  const trimmed = name.trim().toLowerCase();
  if (!INSTRUCTIONS_SHEET_NAMES.some((n) => n.toLowerCase() === trimmed)) return false;
  for (const at of [0, 1, 2]) {
    const listed = new Set(rows.map((r) => cellText(r.cells[at]).trim()).filter((t) => COLUMN_WORDS.has(t)));
    if (listed.size >= LISTED_COLUMNS) return true;
  }
  return false;
}
