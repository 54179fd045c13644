import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/input/table.js';
import { openWorkbook } from '../../src/input/xlsx.js';
import { APP1, CLI, HEADER_EN, ID1, ROOT, runCli, tempDir } from '../helpers.js';
import {
  LONG_VALUE,
  compoundFile,
  fileOf,
  headerRow,
  longStringWorkbook,
  text,
  workbookMembers,
  zipOf,
} from './hostile-xlsx.js';

/**
 * Small hostile workbooks that crashed, hung, exhausted memory or were read wrong: each now ends
 * with one clear error (its exact code, naming the part and the limit) or is read as openpyxl
 * reads it, within seconds. Where the problem was memory, the real CLI runs in a child process
 * and its peak RSS is measured.
 */

const workbook = (parts: Parameters<typeof workbookMembers>[0]) => zipOf(workbookMembers(parts));
const rowsOf = (n: number, row: (r: number) => string) => Array.from({ length: n }, (_, i) => row(i + 1)).join('');

async function refusal(bytes: Buffer): Promise<{ code: string; message: string }> {
  const error = await readInput(await fileOf(bytes)).then(
    () => undefined,
    (e: { code: string; message: string }) => e,
  );
  expect(error, 'the file was read without an error').toBeDefined();
  return { code: error!.code, message: error!.message };
}

async function sheetRows(bytes: Buffer) {
  const wb = await openWorkbook(await fileOf(bytes));
  try {
    return (await wb.read(wb.sheets[0]!)).rows;
  } finally {
    await wb.close();
  }
}

interface ChildRun {
  code: number | null;
  stderr: string;
  rssMb: number;
}

/** `validate` in a child process, its peak memory reported by bench/rss.mjs; a heap cap keeps a regression from taking the machine. */
async function validateInChild(bytes: Buffer, report?: string): Promise<ChildRun> {
  const file = await fileOf(bytes);
  report ??= join(await tempDir(), 'report.csv');
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=1536',
      '--import',
      join(ROOT, 'bench', 'rss.mjs'),
      CLI,
      'validate',
      file,
      '--report',
      report,
    ],
    { env: { PATH: process.env.PATH, TZ: 'UTC' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const kb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return { code, stderr: stderr.replace(/\s*BENCH_MAX_RSS_KB=\d+\s*(BENCH_CPU_US=\d+\s*)?$/, ''), rssMb: kb / 1024 };
}

/** Peak memory allowed where a form took gigabytes: the CLI itself takes about 80 MB. */
const RSS_MB = 400;

describe('limits of the format, refused as the bytes arrive', () => {
  it('a cell reference past column XFD (ZZZZZZ3, column 321 million): refused, in little memory', async () => {
    const run = await validateInChild(workbook({ rows: `${headerRow()}<row r="3"><c r="ZZZZZZ3"><v>1</v></c></row>` }));
    expect(run.stderr).toBe(
      `error [XLSX_BAD_REFERENCE]: expected a cell reference such as B12 within Excel's limits (columns A to XFD, rows 1 to 1,048,576), got "ZZZZZZ3" (row 3) in sheet "数据" of ${run.stderr.match(/of (\/\S+hostile\.xlsx)/)?.[1]}: open it in Excel and save it again`,
    );
    expect(run.code).toBe(2);
    expect(run.rssMb).toBeLessThan(RSS_MB);
  });

  it('a merge past column XFD, or past row 1,048,576 (a row loop past 2^53): refused', async () => {
    for (const ref of ['A2:ZZZZZZ2', 'A2:A99999999999999999']) {
      const bytes = workbook({
        rows: `${headerRow()}<row r="2">${text('A2', ID1)}</row>`,
        afterRows: `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`,
      });
      const { code, message } = await refusal(bytes);
      expect(code).toBe('XLSX_BAD_REFERENCE');
      expect(message).toContain(`expected a merged range reference such as A2:A5 within Excel's limits`);
      expect(message).toContain(`got "${ref}" in sheet "数据"`);
    }
  });

  it('rows past 1,048,576 (16 million one-cell rows, 283:1): refused at row 1,048,577, in little memory', async () => {
    const rows = '<row><c><v>1</v></c></row>'.repeat(1_048_577);
    const run = await validateInChild(workbook({ rows }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[XLSX_BAD_REFERENCE\]: expected a row reference such as 12 within Excel's limits .*, got "1048577" in sheet "数据"/,
    );
    // The 1,048,576 rows before it are held (400 MB measured): the refusal comes at the first row past them.
    expect(run.rssMb).toBeLessThan(768);
  }, 60_000);

  it('4 million nested tags: refused at depth 64, in little memory', async () => {
    const deep = `<worksheet ${NS_ONLY}><sheetData>${'<a>'.repeat(4_000_000)}`;
    const run = await validateInChild(workbook({ sheetXml: deep }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[XLSX_OVER_LIMIT\]: expected elements nested at most 64 deep in xl\/worksheets\/sheet1\.xml of .+hostile\.xlsx, got more: /,
    );
    expect(run.rssMb).toBeLessThan(RSS_MB);
  });

  it('a text or an attribute of 5 MiB in a sheet: refused past 4,194,304 characters', async () => {
    for (const rows of [
      `<row r="1">${text('A1', 'x'.repeat(5 * 1024 ** 2))}</row>`,
      `<row r="1"><c r="A1" t="inlineStr" x="${'y'.repeat(5 * 1024 ** 2)}"/></row>`,
      `<row r="1"><c r="A1" t="inlineStr"><is>${`<r><t>${'面'.repeat(1000)}</t></r>`.repeat(4300)}</is></c></row>`,
    ]) {
      const { code, message } = await refusal(workbook({ rows }));
      expect(code).toBe('XLSX_OVER_LIMIT');
      expect(message).toContain(
        'expected at most 4,194,304 characters in one text, attribute or name in xl/worksheets/sheet1.xml of',
      );
    }
  });

  it('a workbook part past 8 MiB, and a small part that inflates 500-fold past 1 MiB: refused', async () => {
    const names = Array.from(
      { length: 160_000 },
      (_, i) => `<definedName name="n${i}">Sheet1!$A$${i + 1}:$R$${i * 7 + 3}</definedName>`,
    ).join('');
    const big = workbookMembers({}).map((m) =>
      m.name === 'xl/workbook.xml'
        ? { ...m, data: String(m.data).replace('</workbook>', `<definedNames>${names}</definedNames></workbook>`) }
        : m,
    );
    expect(await refusal(zipOf(big))).toEqual({
      code: 'XLSX_TOO_LARGE',
      message: expect.stringContaining('xl/workbook.xml inflates past 8 MB'),
    });
    const bomb = workbookMembers({}).map((m) =>
      m.name === 'xl/workbook.xml'
        ? { ...m, level: 9, data: String(m.data).replace('<sheets>', `<x a="${'a'.repeat(3 * 1024 ** 2)}"/><sheets>`) }
        : m,
    );
    expect(await refusal(zipOf(bomb))).toEqual({
      code: 'XLSX_TOO_LARGE',
      message: expect.stringContaining('xl/workbook.xml inflates more than 500-fold'),
    });
  });

  it('140 million cell styles (1.7 MB): refused at the 65,537th, in little memory; a styles part that inflates 500-fold too', async () => {
    const flood = `<cellXfs>${'<xf/>'.repeat(7_000_000)}</cellXfs>`;
    const run = await validateInChild(workbook({ rows: headerRow(), styles: flood }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[XLSX_OVER_LIMIT\]: expected at most 65,536 cell styles \(Excel's own limit is 64,000\) in xl\/styles\.xml of /,
    );
    expect(run.rssMb).toBeLessThan(RSS_MB);
    const fonts = `<styleSheet ${NS_ONLY}><fonts>${'<font/>'.repeat(1_000_000)}</fonts></styleSheet>`;
    const members = workbookMembers({ rows: headerRow(), styles: '' }).map((m) =>
      m.name === 'xl/styles.xml' ? { ...m, data: fonts, level: 9 } : m,
    );
    const { code, message } = await refusal(zipOf(members));
    expect(code).toBe('XLSX_TOO_LARGE');
    expect(message).toContain('xl/styles.xml inflates more than 500-fold, past 5 MB (its directory says 7 MB)');
  });

  it('a workbook listing 300,000 sheets: refused at the 1,001st', async () => {
    const sheets = rowsOf(300_000, (i) => `<sheet name="S${i}" sheetId="${i}" r:id="rId1"/>`);
    const { code, message } = await refusal(workbook({ rows: headerRow(), sheets }));
    expect(code).toBe('XLSX_OVER_LIMIT');
    expect(message).toContain('expected at most 1,000 sheets in xl/workbook.xml of');
  });

  it('a whole-sheet merge over 10,000 rows: refused naming the merge, in little memory', async () => {
    const rows = `${headerRow()}${rowsOf(10_000, (i) => `<row r="${i + 1}">${text(`A${i + 1}`, ID1)}${text(`R${i + 1}`, 'x')}</row>`)}`;
    const run = await validateInChild(
      workbook({ rows, afterRows: '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>' }),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[XLSX_OVER_LIMIT\]: expected merged ranges filling at most 16,384 cells in xl\/worksheets\/sheet1\.xml \(merge A2:XFD1048576\) of /,
    );
    expect(run.rssMb).toBeLessThan(RSS_MB);
  });

  it('5,000 whole-sheet merges: refused by the fill budget of the sheet, at once', async () => {
    const rows = `${headerRow()}${rowsOf(9, (i) => `<row r="${i + 1}">${text(`A${i + 1}`, ID1)}${text(`R${i + 1}`, 'x')}</row>`)}`;
    const merges = `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(5000)}</mergeCells>`;
    const { code, message } = await refusal(workbook({ rows, afterRows: merges }));
    expect(code).toBe('XLSX_OVER_LIMIT');
    // The budget: 4 cells a merge may fill for each cell the sheet holds (the header and the two of
    // each row), and 65,536 more (src/input/xlsx-merges.ts).
    const budget = 4 * (HEADER_EN.length + 9 * 2) + 65_536;
    expect(message).toContain(
      `expected merged ranges filling at most ${budget.toLocaleString('en')} cells in xl/worksheets/sheet1.xml of`,
    );
  });

  it('a cell in column XFD of every row (16,384 slots each): refused by the memory estimate, in little memory', async () => {
    const rows = rowsOf(100_000, (i) => `<row r="${i}"><c r="XFD${i}"><v>1</v></c></row>`);
    const run = await validateInChild(workbook({ rows }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[XLSX_TOO_LARGE\]: .*sheet "数据" holds more than 512 MB of cells by row 2730 \(/,
    );
    expect(run.rssMb).toBeLessThan(1024);
  });
});

const NS_ONLY = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('refused rather than guessed', () => {
  it('reads lowercase and $-absolute references as openpyxl does, and refuses a reference without its column', async () => {
    const rows = `<row r="2"><c r="k2"><v>1</v></c><c r="$M$2"><v>2</v></c></row>`;
    expect(await sheetRows(workbook({ rows }))).toEqual([
      {
        row: 2,
        cells: [
          ...Array(10).fill(''),
          { kind: 'number', value: 1, raw: '1' },
          '',
          { kind: 'number', value: 2, raw: '2' },
        ],
      },
    ]);
    const { code, message } = await refusal(workbook({ rows: '<row r="2"><c r="2"><v>1</v></c></row>' }));
    expect(code).toBe('XLSX_BAD_REFERENCE');
    expect(message).toContain(`got "2" (row 2) in sheet "数据"`);
  });

  it('refuses a row number that is not one (r="x2"), and a cell naming another row', async () => {
    expect((await refusal(workbook({ rows: '<row r="x2"><c><v>1</v></c></row>' }))).message).toContain(
      `expected a row reference such as 12 within Excel's limits (columns A to XFD, rows 1 to 1,048,576), got "x2" in sheet "数据"`,
    );
    expect((await refusal(workbook({ rows: '<row r="2"><c r="B5"><v>1</v></c></row>' }))).message).toContain(
      'got "B5" (row 2)',
    );
    const wide = await refusal(workbook({ rows: `<row r="1">${'<c><v>1</v></c>'.repeat(16_385)}</row>` }));
    expect(wide).toEqual({ code: 'XLSX_BAD_REFERENCE', message: expect.stringContaining('got "XFE1" (row 1)') });
  });

  it('refuses a repeated or out-of-order row, and a repeated cell', async () => {
    const twice = `${headerRow()}<row r="2">${text('A2', ID1)}</row><row r="2">${text('A2', ID1)}</row>`;
    const row = await refusal(workbook({ rows: twice }));
    expect(row.code).toBe('XLSX_REPEATED_ROW');
    expect(row.message).toMatch(
      /^expected each row once and in order, got row 2 after row 2 in sheet "数据" of .+: which copy is meant cannot be told; open it in Excel and save it again$/,
    );
    const cell = await refusal(workbook({ rows: `<row r="2">${text('B2', 'a')}${text('B2', 'b')}</row>` }));
    expect(cell.code).toBe('XLSX_REPEATED_CELL');
    expect(cell.message).toContain('got cell B2 after cell B2 in sheet "数据"');
  });

  it('refuses two zip members under one part name, whatever their letter case', async () => {
    for (const second of ['xl/worksheets/sheet1.xml', 'XL/Worksheets/Sheet1.xml']) {
      const members = workbookMembers({ rows: '<row r="1"><c r="A1"><v>1</v></c></row>' });
      const { code, message } = await refusal(zipOf([...members, { name: second, data: '<worksheet/>' }]));
      expect(code).toBe('XLSX_DUPLICATE_PART');
      expect(message).toContain(`expected each part of the workbook once, got two members named "${second}"`);
    }
  });

  it('refuses a password-protected workbook and an encrypted zip member, and tells an old .xls apart', async () => {
    const protectedFile = compoundFile(['EncryptionInfo', 'EncryptedPackage']);
    expect(await refusal(protectedFile)).toEqual({
      code: 'XLSX_ENCRYPTED',
      message: expect.stringMatching(
        /^expected a workbook without a password, got an encrypted one: .+; open it in Excel or WPS, remove the password/,
      ),
    });
    const members = workbookMembers({ rows: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    expect((await refusal(zipOf(members.map((m, i) => (i === 3 ? { ...m, flags: 1 } : m))))).code).toBe(
      'XLSX_ENCRYPTED',
    );
    expect((await refusal(compoundFile(['Workbook', 'SummaryInformation']))).code).toBe('XLSX_NOT_A_WORKBOOK');
  });

  it('reads a small zip64 archive as the same workbook', async () => {
    const parts = { rows: `<row r="1">${text('A1', '面试')}<c r="B1"><v>42</v></c></row>` };
    const plain = await sheetRows(zipOf(workbookMembers(parts)));
    expect(plain).toEqual([{ row: 1, cells: ['面试', { kind: 'number', value: 42, raw: '42' }] }]);
    expect(await sheetRows(zipOf(workbookMembers(parts), { zip64: true }))).toEqual(plain);
  });

  it('makes a cell holding a NUL (_x0000_) an error naming it, inline or shared', async () => {
    const rows = `<row r="1">${text('A1', 'a_x0000_b')}<c r="B1" t="s"><v>0</v></c></row>`;
    expect(await sheetRows(workbook({ rows, strings: '<si><t>c_x0000_</t></si>' }))).toEqual([
      {
        row: 1,
        cells: [
          {
            kind: 'error',
            error:
              'text with a NUL character (_x0000_) in cell A1 of sheet "数据"; delete the character, or type the text again',
          },
          {
            kind: 'error',
            error:
              'text with a NUL character (_x0000_) in cell B1 of sheet "数据"; delete the character, or type the text again',
          },
        ],
      },
    ]);
  });

  it('reads a text cell that is exactly ="…" as the text between the quotes, naming the cells in a warning', async () => {
    const rows = `${headerRow()}<row r="2">${text('A2', `="${ID1}"`)}${text('B2', `="${APP1}"`)}${text('K2', '="say ""hi"""')}${text('L2', '=1+1')}</row>`;
    const table = await readInput(await fileOf(workbook({ rows })));
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual([ID1, APP1]);
    expect(table.rows[0]!.cells.slice(10, 12)).toEqual(['say "hi"', '=1+1']);
    expect(table.warnings).toContainEqual({
      code: 'INPUT_TEXT_FORMULAS',
      message:
        'cell(s) A2, B2, K2 of sheet "数据" hold a formula as text that was never calculated (="…"), as Gnumeric leaves a formula it cannot read; read as the text between the quotes: check those values',
      sheet: '数据',
      cells: ['A2', 'B2', 'K2'],
      count: 3,
    });
  });

  it('echoes a value holding U+202E to the terminal escaped, so it cannot reverse the line', async () => {
    const rows = `${headerRow()}<row r="2">${text('A2', ID1)}${text('B2', APP1)}${text('D2', '\u202e3 tneserp')}</row>`;
    const dir = await tempDir();
    const run = await runCli(['validate', await fileOf(workbook({ rows })), '--report', join(dir, 'r.csv')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('got "\\u202e3 tneserp" (row 2, column participate_status)');
    expect(run.stdout).not.toContain('\u202e');
  });
});

describe('a small workbook of long cells (issue 26)', () => {
  it(`one 30,000-character shared string in all ${HEADER_EN.length} cells of 460 rows (23 KB): every row refused, each message quoting the value cut, the cells echoed whole`, async () => {
    const bytes = longStringWorkbook();
    // Under 2.9 bytes a cell: 24,000 for the template's 18 columns of issue 26.
    expect(bytes.length).toBeLessThan(460 * HEADER_EN.length * 2.9);
    const report = join(await tempDir(), 'report.xlsx');
    const run = await validateInChild(bytes, report);
    expect(run.code).toBe(1);
    // Measured 107 MB (2.1 GB before the near-miss search and the messages were bounded).
    expect(run.rssMb).toBeLessThan(300);
    const wb = await openWorkbook(report);
    const rows = await wb.read(wb.sheets[0]!).finally(() => wb.close());
    const header = rows.rows[0]!.cells.map(String);
    const at = (name: string) => header.indexOf(name);
    expect(rows.rows).toHaveLength(461);
    const cut = `"${LONG_VALUE.slice(0, 57)}…" (30,000 characters)`;
    for (const r of rows.rows.slice(1)) {
      const cells = r.cells.map((c) => (c === undefined ? '' : String(c)));
      expect(cells[at('status')]).toBe('invalid');
      expect(cells[at('external_interview_id')]).toBe(LONG_VALUE);
      expect(cells[at('dimension_description')]).toBe(LONG_VALUE);
      const message = cells[at('message')]!;
      expect(
        message.startsWith(
          `expected a 19-digit ID as text, got ${cut} (row ${r.row}, column external_interview_id): type the ID as digits only, without spaces, letters or a trailing ".0"; `,
        ),
      ).toBe(true);
      expect(message).toContain(
        `got ${cut} (row ${r.row}, column participate_status): pick one of the listed values for participate_status`,
      );
      // No message holds more of the value than its cut start.
      expect(message).not.toContain(LONG_VALUE.slice(0, 58));
    }
  }, 60_000);
});
