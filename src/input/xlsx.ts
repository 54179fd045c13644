import { spreadMerges } from './xlsx-merges.js';
import { type SheetContent, type SheetRow, type TextFormulas, readSheet } from './xlsx-sheet.js';
import { readNumberShapes } from './xlsx-styles.js';
import { readSharedStrings } from './xlsx-strings.js';
import { type SheetEntry, readWorkbookInfo } from './xlsx-workbook.js';
import { quoteName } from './printable.js';
import { ZipArchive } from './zip.js';
import type { ReadTicker } from './read-progress.js';

/** Rows looked at to find a header row: a title or note above the header is allowed. */
export const HEADER_SEARCH_ROWS = 20;

export type { SheetEntry } from './xlsx-workbook.js';

export interface SheetRows {
  readonly rows: SheetRow[];
  /** Formula cells read: with `recalcOnLoad` their results were not trusted. */
  readonly formulas: number;
  /** Text cells holding an unevaluated `="…"` formula, read as the text between the quotes. */
  readonly textFormulas: TextFormulas;
  /** Columns the sheet hides, 0-based. */
  readonly hiddenColumns?: readonly number[];
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
  /** The whole sheet, merged cells spread; `ticker` is told the rows read as they are read. */
  read(sheet: SheetEntry, ticker?: ReadTicker): Promise<SheetRows>;
  close(): Promise<void>;
}

export async function openWorkbook(file: string): Promise<Workbook> {
  const zip = await ZipArchive.open(file);
  try {
    const info = await readWorkbookInfo(zip);
    const strings = await readSharedStrings(zip, info.sharedStrings);
    const shapes = await readNumberShapes(zip, info.styles);
    const load = async (sheet: SheetEntry, maxRows?: number, ticker?: ReadTicker): Promise<SheetContent> => {
      if (!sheet.part)
        throw zip.unreadable(`the part of sheet ${quoteName(sheet.name)} is missing, or it is a chart sheet`);
      const context = {
        file,
        name: sheet.name,
        strings,
        shapes,
        date1904: info.date1904,
        recalcOnLoad: info.recalcOnLoad,
      };
      return readSheet(zip, sheet.part, context, maxRows, ticker);
    };
    return {
      file,
      sheets: info.sheets,
      recalcOnLoad: info.recalcOnLoad,
      peek: async (sheet) => load(sheet, HEADER_SEARCH_ROWS),
      read: async (sheet, ticker) => {
        const content = await load(sheet, undefined, ticker);
        const rows = spreadMerges(content, { file, part: sheet.part!.name });
        const { formulas, textFormulas, hiddenColumns } = content;
        return { rows, formulas, textFormulas, hiddenColumns };
      },
      close: () => zip.close(),
    };
  } catch (error) {
    await zip.close();
    throw error;
  }
}
