import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { APP1, HEADER_EN, ID1, columnNumber, csv, readReport, row, runCli, tempDir, zip } from '../helpers.js';

async function workbook(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const header = [...HEADER_EN];
const good = row({ external_interview_id: ID1, external_application_id: APP1 });

/** Each hostile file: how it is made, the exit code and the error code it must end with. */
const CASES: { name: string; make: (dir: string) => Promise<string>; code: number; error?: string; stdout?: string }[] =
  [
    { name: 'an empty file', make: async (d) => write(d, 'empty.csv', ''), code: 2, error: 'INPUT_EMPTY' },
    {
      name: 'a header only',
      make: async (d) => write(d, 'header.csv', csv([header])),
      code: 2,
      error: 'INPUT_NO_ROWS',
    },
    {
      name: 'random bytes named .xlsx',
      make: async (d) => write(d, 'random.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
      code: 2,
      error: 'XLSX_NOT_A_WORKBOOK',
    },
    {
      name: 'a truncated .xlsx',
      make: async (d) => {
        const whole = await readFile(
          await workbook(d, 'whole.xlsx', (wb) => wb.addWorksheet('data').addRows([header, good])),
        );
        return write(d, 'truncated.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)));
      },
      code: 2,
      error: 'XLSX_UNREADABLE',
    },
    {
      name: 'a zip bomb',
      make: async (d) =>
        write(d, 'bomb.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * 1024 * 1024, 0x20) }])),
      code: 2,
      error: 'XLSX_TOO_LARGE',
    },
    {
      name: 'a CSV with a NUL byte',
      make: async (d) => write(d, 'nul.csv', `${csv([header, good])}7000000000000000002,\u0000\r\n`),
      code: 2,
      error: 'CSV_NUL_BYTE',
    },
    {
      name: 'a 5 MB cell: never sent',
      make: async (d) =>
        write(
          d,
          'big-cell.csv',
          csv([
            header,
            row({
              external_interview_id: ID1,
              external_application_id: APP1,
              assessment_content: '长'.repeat((5 * 1024 * 1024) / 3),
            }),
          ]),
        ),
      code: 1,
      stdout: `ROW_CELL_TOO_LONG ×1: expected at most 32,767 characters in a cell (what a spreadsheet cell holds), got 1,747,626 (row 2, column ${columnNumber('assessment_content')})`,
    },
    {
      name: '10,000 columns',
      make: async (d) =>
        write(
          d,
          'wide.csv',
          csv([[...header, ...Array.from({ length: 10_000 - header.length }, (_, i) => `extra${i}`)], good]),
        ),
      code: 0,
      // The warning names 10 of the unknown headers, and counts the rest.
      stdout: `and ${10_000 - header.length - 10} more (map them with --map`,
    },
    {
      name: '1,000,000 blank rows',
      make: async (d) => write(d, 'blank.csv', `${csv([header])}${',\r\n'.repeat(1_000_000)}${csv([good])}`),
      code: 0,
      stdout: 'rows: 1 in 1 interview(s): ok 1',
    },
    {
      name: 'mixed encodings',
      make: async (d) =>
        write(
          d,
          'mixed.csv',
          Buffer.concat([
            Buffer.from(
              csv([header, row({ external_interview_id: ID1, external_application_id: APP1, username: '张三丰' })]),
            ),
            iconv.encode(csv([row({ external_interview_id: ID1, assessment_content: '很好的候选人' })]), 'gbk'),
          ]),
        ),
      code: 2,
      error: 'CSV_MIXED_ENCODING',
    },
    {
      name: 'a formula that evaluates to an error',
      make: (d) =>
        workbook(d, 'formula.xlsx', (wb) =>
          wb
            .addWorksheet('data')
            .addRows([header, [ID1, APP1, { formula: 'VLOOKUP(1,B1:B2,3,FALSE)', result: { error: '#N/A' } }]]),
        ),
      code: 1,
      stdout: 'ROW_CELL_ERROR',
    },
    {
      name: 'duplicate headers',
      make: async (d) => write(d, 'dup.csv', csv([[...header, '外部面试ID'], good])),
      code: 2,
      error: 'INPUT_DUPLICATE_COLUMN',
    },
    {
      name: 'a hidden data sheet',
      make: (d) =>
        workbook(d, 'hidden.xlsx', (wb) => {
          wb.addWorksheet('说明').addRow(['read me']);
          wb.addWorksheet('data', { state: 'hidden' }).addRows([header, good]);
        }),
      code: 2,
      error: 'XLSX_SHEET_HIDDEN',
    },
  ];

async function write(dir: string, name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('hostile input: a clear message and exit code, never a stack trace or a hang', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const dir = await tempDir();
      const file = await c.make(dir);
      const started = Date.now();
      const run = await runCli(['validate', file, '--report', join(dir, 'report.csv')]);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(run.code).toBe(c.code);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(run.stderr).not.toContain('INTERNAL');
      if (c.error) expect(run.stderr).toMatch(new RegExp(`^error \\[${c.error}\\]: expected .+`));
      if (c.stdout) expect(run.stdout).toContain(c.stdout);
      if (c.code === 1)
        expect((await readReport(join(dir, 'report.csv')))[0]).toMatchObject({
          status: 'invalid',
          error_code: c.stdout!.split(' ')[0],
        });
    }, 40_000);
  }
});
