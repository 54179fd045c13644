/** The sheets of an uploaded workbook, for the page's sheet picker: names only, nothing read. */
import { extname } from 'node:path';
import { readWorkbookInfo } from '../input/xlsx-workbook.js';
import { ZipArchive } from '../input/zip.js';

/**
 * The visible sheets' names in the workbook's order; none for a CSV, or for a workbook the reader
 * cannot open (the validation then says what is wrong with it, in place).
 */
export async function sheetNames(path: string): Promise<string[]> {
  if (extname(path).toLowerCase() !== '.xlsx') return [];
  let zip: ZipArchive | undefined;
  try {
    zip = await ZipArchive.open(path);
    return (await readWorkbookInfo(zip)).sheets.filter((s) => !s.hidden).map((s) => s.name);
  } catch {
    return [];
  } finally {
    await zip?.close();
  }
}
