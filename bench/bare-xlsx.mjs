// Baseline: one bare exceljs streaming read of the workbook, rows kept, nothing else.
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {
  entries: 'emit',
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
});
const rows = [];
for await (const sheet of reader) for await (const row of sheet) rows.push(row.values);
if (rows.length === 0) process.exitCode = 1;
