import type { Cell } from './cells.js';
import { type SheetContent, type SheetRow, readSheet } from './xlsx-sheet.js';
import { readDateStyles } from './xlsx-styles.js';
import { readSharedStrings } from './xlsx-strings.js';
import { type SheetEntry, readWorkbookInfo } from './xlsx-workbook.js';
import { quoteName } from './printable.js';
import { XmlError } from './xml.js';
import { ZipArchive } from './zip.js';

/** Rows looked at to find a header row: a title or note above the header is allowed. */
export const HEADER_SEARCH_ROWS = 20;

export type { SheetEntry } from './xlsx-workbook.js';

export interface SheetRows {
  readonly rows: SheetRow[];
  /** Formula cells read: with `recalcOnLoad` their results were not trusted. */
  readonly formulas: number;
}

/**
 * An open workbook, read with our own streaming reader: sheets in the workbook's order with
 * their real names and states, and every cell form the writers in test/fixtures/writers produce.
 */
export interface Workbook {
  readonly file: string;
  readonly sheets: readonly SheetEntry[];
  /** The writer asked for a recalculation on open: saved formula results are not trusted. */
  readonly recalcOnLoad: boolean;
  /** The first rows of a sheet, merges not spread: enough to find its header. */
  peek(sheet: SheetEntry): Promise<SheetRows>;
  /** The whole sheet, merged cells spread. */
  read(sheet: SheetEntry): Promise<SheetRows>;
  close(): Promise<void>;
}

export async function openWorkbook(file: string): Promise<Workbook> {
  const zip = await ZipArchive.open(file);
  try {
    const info = await wellFormed(zip, () => readWorkbookInfo(zip), 'the workbook part');
    const strings = await wellFormed(zip, () => readSharedStrings(zip, info.sharedStrings), 'the shared strings');
    const dateStyles = await wellFormed(zip, () => readDateStyles(zip, info.styles), 'the styles');
    const load = async (sheet: SheetEntry, maxRows?: number): Promise<SheetContent> => {
      if (!sheet.part)
        throw zip.unreadable(`the part of sheet ${quoteName(sheet.name)} is missing, or it is a chart sheet`);
      const context = {
        name: sheet.name,
        strings,
        dateStyles,
        date1904: info.date1904,
        recalcOnLoad: info.recalcOnLoad,
      };
      return wellFormed(zip, () => readSheet(zip, sheet.part!, context, maxRows), `sheet ${quoteName(sheet.name)}`);
    };
    return {
      file,
      sheets: info.sheets,
      recalcOnLoad: info.recalcOnLoad,
      peek: async (sheet) => load(sheet, HEADER_SEARCH_ROWS),
      read: async (sheet) => {
        const content = await load(sheet);
        return { rows: spreadMerges(content.rows, content.merges), formulas: content.formulas };
      },
      close: () => zip.close(),
    };
  } catch (error) {
    await zip.close();
    throw error;
  }
}

/** XML that is not well formed makes the workbook unreadable (XLSX_UNREADABLE), naming the part. */
async function wellFormed<T>(zip: ZipArchive, read: () => Promise<T>, part: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof XmlError) throw zip.unreadable(`${part} is not well-formed XML: ${error.message}`);
    throw error;
  }
}

const MERGE_REF = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A merged range shows its top-left value in every cell it covers: each cell gets that value. */
function spreadMerges(rows: SheetRow[], merges: readonly string[]): SheetRow[] {
  if (merges.length === 0) return rows;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  for (const ref of merges) {
    const m = MERGE_REF.exec(ref.replaceAll('$', ''));
    if (!m) continue;
    const [c1, r1, c2, r2] = [colNumber(m[1]!), Number(m[2]), colNumber(m[3]!), Number(m[4])];
    const value: Cell | undefined = byNumber.get(r1)?.cells[c1 - 1];
    if (value === undefined || value === '') continue;
    for (let r = r1; r <= r2; r++) {
      const row = byNumber.get(r);
      if (!row) continue;
      for (let c = c1; c <= c2; c++) {
        while (row.cells.length < c) row.cells.push('');
        row.cells[c - 1] = value;
      }
    }
  }
  return rows;
}
