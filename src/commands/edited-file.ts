/**
 * The file as the page's edits left it, as an .xlsx: its header row and data rows with every
 * change applied, each cell as the reader took it (text stays text, so an ID keeps its digits; a
 * number a number; a date a date). What the user keeps, fixes further in Excel, or imports again.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell } from '../input/cells.js';
import { readInput } from '../input/table.js';
import { PRIVATE_MODE, writePrivate } from '../report/private-file.js';
import { REQUIRED_COLUMNS, REQUIRED_FOR_MERGE } from '../schema.js';
import { type InputOptions, readEdits, runProfile } from './read-plan.js';

/** Excel's own form for a date and time: shown as the file showed it, in any locale. */
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/** A number Excel keeps exactly: past 15 digits it would round, so such digits stay text. */
const EXACT_DIGITS = 15;

function value(cell: Cell | undefined): ExcelJS.CellValue {
  if (cell === undefined || typeof cell === 'string') return cell ?? '';
  if (cell.kind === 'number')
    return cell.raw !== undefined && cell.raw.replace(/\D/g, '').length > EXACT_DIGITS ? cell.raw : cell.value;
  if (cell.kind === 'date') {
    const w = cell.wall;
    // Excel holds a wall-clock time; exceljs writes a Date's UTC fields as that wall clock.
    return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
  }
  return cell.error;
}

/** Writes `out` (0600, whole or not at all); gives the number of data rows. */
export async function editedFileCommand(options: InputOptions & { readonly out: string }): Promise<number> {
  const profile = await runProfile(options);
  const table = await readInput(options.file, {
    sheet: options.sheet ?? profile?.sheet,
    encoding: options.encoding,
    delimiter: options.delimiter,
    profile,
    required: options.merge ? REQUIRED_FOR_MERGE : REQUIRED_COLUMNS,
    edits: options.edits === undefined ? undefined : readEdits(options.edits),
  });
  await writePrivate(options.out, async (temp) => {
    const stream = createWriteStream(temp, { flags: 'wx', mode: PRIVATE_MODE });
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet(table.sheet ?? 'Sheet1');
    sheet.addRow(table.headers).commit();
    for (const r of table.rows) {
      const row = sheet.addRow(table.headers.map((_, i) => value(r.cells[i])));
      row.eachCell((c) => {
        if (c.value instanceof Date) c.numFmt = DATE_FORMAT;
      });
      row.commit();
    }
    sheet.commit();
    await book.commit();
  });
  return table.rows.length;
}
