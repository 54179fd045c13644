import { cellText } from './cells.js';
import type { SheetRow } from './xlsx-sheet.js';

/**
 * The `template` command's example sheet: its name in either language, and the interview ID of
 * its example rows. A workbook made from the template has it beside the data sheet; it is not
 * data, so it is neither read nor named as another data sheet, unless someone typed into it.
 */
export const EXAMPLE_SHEET_NAMES: readonly string[] = ['示例', 'Example'];
export const EXAMPLE_INTERVIEW_ID = '7000000000000000001';

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
