import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/input/table.js';
import { speaking } from '../../src/lang.js';
import { openWorkbook } from '../../src/input/xlsx.js';
import { APP1, HEADER_EN, ID1, ID2, tempDir } from '../helpers.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(await tempDir(), 'in.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every sheet of a workbook, read whole. */
async function readXlsx(file: string) {
  const wb = await openWorkbook(file);
  try {
    const sheets = [];
    for (const s of wb.sheets) sheets.push({ name: s.name, rows: (await wb.read(s)).rows });
    return sheets;
  } finally {
    await wb.close();
  }
}

describe('openWorkbook', () => {
  it('spreads merged cells, reads formula results, rich text, dates, errors and booleans', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('data');
      ws.addRow(['id', 'when', 'text', 'calc', 'err', 'flag']);
      ws.addRow([
        ID1,
        new Date(Date.UTC(2024, 2, 1, 14, 30)),
        { richText: [{ text: '很' }, { text: '好', font: { bold: true } }] },
        { formula: '1+1', result: 2 },
        { error: '#N/A' },
        true,
      ]);
      ws.addRow(['', '', 'second', { formula: 'A1&"x"', result: 'idx' }, '', false]);
      ws.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
      ws.mergeCells('A2:A3');
    });
    const sheets = await readXlsx(file);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.rows).toEqual([
      { row: 1, cells: ['id', 'when', 'text', 'calc', 'err', 'flag'] },
      {
        row: 2,
        cells: [
          ID1,
          { kind: 'date', wall: { year: 2024, month: 3, day: 1, hour: 14, minute: 30, second: 0, millisecond: 0 } },
          '很好',
          { kind: 'number', value: 2, raw: '2' },
          { kind: 'error', error: '#N/A' },
          'TRUE',
        ],
      },
      { row: 3, cells: [ID1, '', 'second', 'idx', '', 'FALSE'] },
    ]);
  });

  it('turns a formula whose result is an error into an error cell', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('data');
      ws.addRow(['a']);
      ws.addRow([{ formula: '1/0', result: { error: '#DIV/0!' } }]);
    });
    const [sheet] = await readXlsx(file);
    expect(sheet!.rows[1]!.cells[0]).toMatchObject({ kind: 'error' });
  });
});

describe('readInput for .xlsx', () => {
  it('skips an instructions sheet and picks the first sheet with the required columns', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['read me first']);
      const ws = wb.addWorksheet('面试记录');
      ws.addRow(['Imported from old ATS']);
      ws.addRow([...HEADER_EN]);
      ws.addRow([ID1, APP1]);
    });
    const table = await readInput(file);
    expect(table).toMatchObject({
      format: 'xlsx',
      sheet: '面试记录',
      headerRow: 2,
      rows: [{ row: 3, cells: [ID1, APP1] }],
    });
    expect(table.warnings).toEqual([
      { code: 'INPUT_SKIPPED_ABOVE', message: '1 row(s) above the header row were ignored', rows: 1 },
    ]);
  });

  it('warns about other sheets that also hold the template columns, rather than skip them silently', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('2023').addRows([[...HEADER_EN], [ID1, APP1]]);
      wb.addWorksheet('2024').addRows([[...HEADER_EN], ['7000000000000000009', APP1]]);
      wb.addWorksheet('old', { state: 'hidden' }).addRows([[...HEADER_EN]]);
    });
    const table = await readInput(file);
    expect(table.sheet).toBe('2023');
    expect(table.warnings).toEqual([
      {
        code: 'INPUT_OTHER_SHEETS',
        message:
          'sheet "2024", "old" (hidden) also holds the template\'s columns and was not read: import it separately with --sheet NAME',
        sheets: [
          { name: '2024', hidden: false },
          { name: 'old', hidden: true },
        ],
      },
    ]);
  });

  it("marks a hidden sheet and a sheet's rows in the run's language: （隐藏）, （2 行）", async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('2023').addRows([[...HEADER_EN], [ID1, APP1]]);
      wb.addWorksheet('old', { state: 'hidden' }).addRows([[...HEADER_EN]]);
    });
    const zh = await speaking({ lang: 'zh' }, () => readInput(file));
    expect(zh.warnings.map((w) => w.message)).toEqual([
      '工作表 "old"（隐藏） 也带有模板的列，但没有读取：请用 --sheet 工作表名 单独导入',
    ]);
    await expect(speaking({ lang: 'zh' }, () => readInput(file, { sheet: 'c' }))).rejects.toMatchObject({
      code: 'XLSX_NO_SUCH_SHEET',
      message: expect.stringContaining('只有 "2023", "old"（隐藏）。'),
    });
    await expect(speaking({ lang: 'en' }, () => readInput(file, { sheet: 'c' }))).rejects.toMatchObject({
      message: expect.stringContaining('got sheets "2023", "old" (hidden) in'),
    });
    const pasted = await workbook((wb) => {
      wb.addWorksheet('面试记录').addRow([...HEADER_EN]);
      wb.addWorksheet('Sheet2').addRows([
        [ID1, APP1],
        [ID2, APP1],
      ]);
    });
    await expect(speaking({ lang: 'zh' }, () => readInput(pasted))).rejects.toMatchObject({
      code: 'INPUT_NO_ROWS',
      message: expect.stringContaining('"Sheet2"（2 行）'),
    });
  });

  it('names a data sheet that follows a sheet without the columns, in tab order', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('2023').addRows([[...HEADER_EN], [ID1, APP1]]);
      wb.addWorksheet('说明').addRow(['notes']);
      wb.addWorksheet('2024').addRows([[...HEADER_EN], ['7000000000000000009', APP1]]);
    });
    const table = await readInput(file);
    expect(table.sheet).toBe('2023');
    expect(table.warnings.map((w) => w.message)).toEqual([
      'sheet "2024" also holds the template\'s columns and was not read: import it separately with --sheet NAME',
    ]);
  });

  it('names a sheet the data was pasted into when the data sheet has none, and stays quiet about the template example', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('说明').addRows([['read me'], ['fill in 面试记录'], ['IDs as text']]);
      wb.addWorksheet('面试记录').addRow([...HEADER_EN]);
      wb.addWorksheet('示例').addRows([[...HEADER_EN], ['7000000000000000001', APP1]]);
      wb.addWorksheet('Sheet2').addRows([
        [ID1, APP1],
        ['7000000000000000009', APP1],
      ]);
    });
    await expect(readInput(file)).rejects.toMatchObject({
      code: 'INPUT_NO_ROWS',
      message: expect.stringMatching(
        /, sheet "面试记录": fill in one row per assessment dimension\. Sheet "Sheet2" \(2 row\(s\)\) holds rows: if the data was pasted there, move it under this header, or pass --sheet "Sheet2"$/,
      ),
    });
    const filled = await workbook((wb) => {
      wb.addWorksheet('面试记录').addRows([[...HEADER_EN], [ID1, APP1]]);
      wb.addWorksheet('示例').addRows([[...HEADER_EN], ['7000000000000000001', APP1]]);
    });
    expect((await readInput(filled)).warnings).toEqual([]);
    const typedIntoExample = await workbook((wb) => {
      wb.addWorksheet('面试记录').addRows([[...HEADER_EN], [ID1, APP1]]);
      wb.addWorksheet('示例').addRows([[...HEADER_EN], [ID2, APP1]]);
    });
    expect((await readInput(typedIntoExample)).warnings.map((w) => w.message)).toEqual([
      'sheet "示例" also holds the template\'s columns and was not read: import it separately with --sheet NAME',
    ]);
  });

  it('reads --sheet by name and refuses a sheet that does not exist', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('a').addRow([...HEADER_EN]);
      wb.getWorksheet('a')!.addRow(['1', '2']);
      const b = wb.addWorksheet('b');
      b.addRow([...HEADER_EN]);
      b.addRow(['3', '4']);
    });
    expect((await readInput(file, { sheet: 'b' })).rows).toEqual([{ row: 2, cells: ['3', '4'] }]);
    await expect(readInput(file, { sheet: 'c' })).rejects.toMatchObject({
      code: 'XLSX_NO_SUCH_SHEET',
      message: expect.stringContaining('got sheets "a", "b"'),
    });
  });

  it('matches --sheet ignoring case, an exact name first, and still names the other data sheets', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('Data').addRows([[...HEADER_EN], [ID1, APP1]]);
      wb.addWorksheet('data2024').addRows([[...HEADER_EN], [ID2, APP1]]);
      wb.addWorksheet('示例').addRows([[...HEADER_EN], ['7000000000000000001', APP1]]);
    });
    const table = await readInput(file, { sheet: 'DATA2024' });
    expect(table.sheet).toBe('data2024');
    expect(table.rows).toEqual([{ row: 2, cells: [ID2, APP1] }]);
    expect(table.warnings.map((w) => w.message)).toEqual([
      'sheet "Data" also holds the template\'s columns and was not read: import it separately with --sheet NAME',
    ]);
    expect((await readInput(file, { sheet: 'data' })).sheet).toBe('Data');
  });

  it('never takes a sheet named 说明 or Instructions that lists the column names for data', async () => {
    const file = await workbook((wb) => {
      const help = wb.addWorksheet('Instructions');
      help.addRow(['column', '表头', 'accepted values']);
      for (const name of HEADER_EN) help.addRow([name, '', 'text']);
      wb.addWorksheet('面试记录').addRows([[...HEADER_EN], [ID1, APP1]]);
    });
    const table = await readInput(file, { required: ['external_interview_id'] });
    expect(table.sheet).toBe('面试记录');
    expect(table.warnings).toEqual([]);
    const notes = await workbook((wb) => {
      wb.addWorksheet('Notes').addRow(['column']);
      for (const name of HEADER_EN) wb.getWorksheet('Notes')!.addRow([name, '']);
    });
    await expect(readInput(notes, { required: ['external_interview_id'] })).resolves.toMatchObject({ sheet: 'Notes' });
  });

  it('refuses a workbook whose only data sheet is hidden, saying how to read it', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['notes']);
      const ws = wb.addWorksheet('data', { state: 'hidden' });
      ws.addRow([...HEADER_EN]);
      ws.addRow([ID1, APP1]);
    });
    await expect(readInput(file)).rejects.toMatchObject({
      code: 'XLSX_SHEET_HIDDEN',
      message: expect.stringContaining('--sheet "data"'),
    });
    expect((await readInput(file, { sheet: 'data' })).rows).toHaveLength(1);
  });

  it('refuses random bytes and a truncated workbook with a clear code', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'random.xlsx'), Buffer.from('this is not a zip file at all'));
    await expect(readInput(join(dir, 'random.xlsx'))).rejects.toMatchObject({ code: 'XLSX_NOT_A_WORKBOOK' });
    const good = await workbook((wb) => wb.addWorksheet('data').addRow([...HEADER_EN]));
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(good);
    await writeFile(join(dir, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readInput(join(dir, 'cut.xlsx'))).rejects.toMatchObject({ code: expect.stringMatching(/^XLSX_/) });
  });
});
