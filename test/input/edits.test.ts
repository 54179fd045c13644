import ExcelJS from 'exceljs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRows, validateFile } from '../../src/index.js';
import { applyEdits, parseEdits } from '../../src/input/edits.js';
import { APP1, HEADER_EN, ID1, ID2, columnNumber, csv, readReport, row, tempDir } from '../helpers.js';

const base = { external_application_id: APP1, participate_status: 'participated', begin_time: '2025-12-02 14:00' };
const FILE_ROWS = [
  row({ ...base, external_interview_id: ID1, username: 'wang', conclusion: '淘汰' }),
  row({ ...base, external_interview_id: '', username: 'li', conclusion: 'pass' }),
  row({ ...base, external_interview_id: ID2, username: 'zhao', conclusion: '淘汰' }),
];

async function fileWithEdits(edits: unknown[], mode = 0o600) {
  const dir = await tempDir();
  const file = join(dir, 'in.csv');
  await writeFile(file, csv([[...HEADER_EN], ...FILE_ROWS]));
  const path = join(dir, 'edits.json');
  await writeFile(path, JSON.stringify({ edits }), { mode });
  await chmod(path, mode);
  return { file, edits: path, report: join(dir, 'r.csv') };
}

describe('the page’s edits, applied by the library as it reads', () => {
  it('reads the file as written without edits: two bad conclusions, a row with no interview', async () => {
    const { file, report } = await fileWithEdits([]);
    const result = await validateFile(file, { tz: 'Asia/Shanghai', lang: 'en', report });
    expect(result.rows.map((r) => r.status)).toEqual(['invalid', 'invalid', 'invalid']);
  });

  it('replaces a value everywhere in a column, fills a column down, changes one cell; the report has them and lists them', async () => {
    const { file, edits, report } = await fileWithEdits([
      { kind: 'replace', column: 'conclusion', from: '淘汰', to: 'fail' },
      { kind: 'fill', column: 'external_interview_id' },
      { kind: 'cell', row: 4, column: 'username', value: 'zhao2' },
    ]);
    const result = await validateFile(file, { tz: 'Asia/Shanghai', lang: 'en', report, edits });
    expect(result.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    const rows = await readReport(report);
    expect(rows.map((r) => [r.external_interview_id, r.username, r.conclusion])).toEqual([
      [ID1, 'wang', 'fail'],
      [ID1, 'li', 'pass'],
      [ID2, 'zhao2', 'fail'],
    ]);
    const text = await readFile(report, 'utf8');
    const json = join(file, '..', 'r.json');
    await validateFile(file, { tz: 'Asia/Shanghai', lang: 'en', report: json, edits });
    const facts = (JSON.parse(await readFile(json, 'utf8')) as { summary: { edits: string } }).summary;
    expect(facts.edits.split('\n')).toEqual(
      expect.arrayContaining([
        'changed in the page: "淘汰" replaced by "fail" in conclusion, 2 cell(s), in rows 2, 4',
        'changed in the page: 1 blank cell(s) of external_interview_id filled from the row above, in rows 3',
        'changed in the page: username, row 4, to "zhao2"',
      ]),
    );
    for (const line of facts.edits.split('\n')) expect(result.text).toContain(line);
    expect(text).toContain('zhao2');
  });

  it('refuses an edits file others may write, and one naming a column or row the file lacks', async () => {
    const open = await fileWithEdits([], 0o666);
    await expect(validateFile(open.file, { tz: 'UTC', edits: open.edits, report: false })).rejects.toMatchObject({
      code: 'RUN_FILE_UNTRUSTED',
    });
    const column = await fileWithEdits([{ kind: 'fill', column: '结论' }]);
    await expect(validateFile(column.file, { tz: 'UTC', edits: column.edits, report: false })).rejects.toMatchObject({
      code: 'INPUT_EDIT_NO_COLUMN',
    });
    const rowGone = await fileWithEdits([{ kind: 'cell', row: 9, column: 'username', value: 'x' }]);
    await expect(validateFile(rowGone.file, { tz: 'UTC', edits: rowGone.edits, report: false })).rejects.toMatchObject({
      code: 'INPUT_EDIT_NO_ROW',
    });
  });

  it('parses only edits, and fills a blank from the cell above as it is', () => {
    expect(() => parseEdits({ edits: [{ kind: 'cell', row: '2', column: 'a', value: 'b' }] }, 'f')).toThrow(/change 1/);
    const rows = [
      { row: 2, cells: [{ kind: 'number', value: 5 } as const, 'x'] },
      { row: 3, cells: ['', 'y'] },
    ];
    const applied = applyEdits(
      rows,
      ['n', ''],
      [
        { kind: 'fill', column: 'n' },
        { kind: 'cell', row: 3, column: 'column_2', value: 'z' },
      ],
      'f',
    );
    expect(rows[1]!.cells).toEqual([{ kind: 'number', value: 5 }, 'z']);
    expect(applied.map((a) => a.rows)).toEqual([[3], [3]]);
  });
});

describe('checkRows: some rows checked again with an edit, as the whole file would be', () => {
  it('checks an interview’s rows with a changed cell, names the column as the file does, gives the cells after the edit', async () => {
    const { file } = await fileWithEdits([]);
    const columns = [...HEADER_EN];
    const rows = [
      { row: 2, cells: FILE_ROWS[0]! },
      { row: 3, cells: FILE_ROWS[1]! },
    ];
    const before = await checkRows(file, { columns, rows }, { tz: 'Asia/Shanghai', lang: 'en' });
    expect(before.map((r) => [r.row, r.status, r.column])).toEqual([
      [2, 'invalid', 'conclusion'],
      [3, 'invalid', 'external_interview_id'],
    ]);
    const edits = [
      { kind: 'cell', row: 2, column: 'conclusion', value: 'fail' },
      { kind: 'cell', row: 3, column: 'external_interview_id', value: ID1 },
      { kind: 'cell', row: 9, column: 'username', value: 'elsewhere' },
    ] as const;
    const after = await checkRows(file, { columns, rows, edits }, { tz: 'Asia/Shanghai', lang: 'en' });
    expect(after.map((r) => [r.row, r.status, r.message])).toEqual([
      [2, 'ok', 'valid'],
      [3, 'ok', 'valid'],
    ]);
    expect(after[1]!.cells[0]).toBe(ID1);
  });
});

describe('columns a sheet hides', () => {
  it('are named in the summary (the page hides them too)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'hidden.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('面试');
    sheet.addRow([...HEADER_EN]);
    sheet.addRow(FILE_ROWS[0]!.map((c, i) => (i === HEADER_EN.indexOf('conclusion') ? 'fail' : c)));
    // Found by name: a column added to the template moves the others.
    const hidden = [columnNumber('external_id'), columnNumber('dimension_content')];
    for (const n of hidden) sheet.getColumn(n).hidden = true;
    await book.xlsx.writeFile(file);
    const result = await validateFile(file, { tz: 'Asia/Shanghai', lang: 'en', report: false });
    expect(result.summary.input?.hidden_columns).toEqual(['external_id', 'dimension_content']);
    const shown = join(dir, 'shown.xlsx');
    for (const n of hidden) sheet.getColumn(n).hidden = false;
    await book.xlsx.writeFile(shown);
    const plain = await validateFile(shown, { tz: 'Asia/Shanghai', lang: 'en', report: false });
    expect(plain.summary.input?.hidden_columns).toBeUndefined();
  });
});
