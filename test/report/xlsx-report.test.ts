import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/xlsx-report.js';
import { APP1, ID1, ID2, runCli, tempDir } from '../helpers.js';

/**
 * The .xlsx report as a user opens it in Excel or WPS, read back with exceljs: colours, the cell
 * at fault with its note, frozen header and filter, the summary sheet, and that it imports again.
 */
const HEADERS_ZH = ['外部面试ID', '外部投递ID', '参与状态', '面试官', '面试结论', '评价维度', '题目类型', '分数'];

async function chineseWorkbook(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('面试');
  sheet.addRow(HEADERS_ZH);
  sheet.addRow([ID1, APP1, '参与', '张三', '通过', '专业', '打分题', '88']);
  sheet.addRow([ID2, APP1, '参与', '李四', '通过', '专业', '打分题', '九十']);
  sheet.addRow([ID2, '', '', '李四', '', '沟通', '打分题', '80']);
  for (const row of [2, 3, 4]) for (const col of [1, 2]) sheet.getCell(row, col).numFmt = '@';
  const file = join(dir, '面试.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

const fill = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const note = (cell: ExcelJS.Cell) => {
  const n = cell.note as string | { texts: { text: string }[] } | undefined;
  return typeof n === 'string' ? n : n?.texts.map((t) => t.text).join('');
};

describe('the .xlsx report', () => {
  it('is the default for an .xlsx input, in Chinese for Chinese headers, with the cell at fault marked', async () => {
    const dir = await tempDir();
    const file = await chineseWorkbook(dir);
    const run = await runCli(['validate', file, '--tz', 'Asia/Shanghai']);
    expect(run.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, '面试.report.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['报告', '汇总']);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual([
      'row',
      'status',
      'error_code',
      'error_column',
      'message',
      'http_status',
      'log_id',
      'attempts',
      ...HEADERS_ZH,
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const at = (name: string) => headers.indexOf(name) + 1;

    const ok = sheet.getRow(2);
    expect(ok.getCell(at('status')).value).toBe('ok');
    expect(fill(ok.getCell(at('status')))).toBe('FFC6EFCE');
    // IDs are text, every digit kept.
    expect(ok.getCell(at('外部面试ID')).value).toBe(ID1);

    const bad = sheet.getRow(3);
    expect(bad.getCell(at('status')).value).toBe('invalid');
    expect(fill(bad.getCell(at('status')))).toBe('FFFFC7CE');
    expect(bad.getCell(at('error_code')).value).toBe('ROW_BAD_SCORE');
    expect(bad.getCell(at('error_column')).value).toBe('分数');
    const fault = bad.getCell(at('分数'));
    expect(fault.value).toBe('九十');
    expect(fill(fault)).toBe('FFFFC7CE');
    expect(note(fault)).toBe(bad.getCell(at('message')).value);
    // Only the cell at fault is marked.
    expect(fill(bad.getCell(at('面试官')))).toBeUndefined();

    const blocked = sheet.getRow(4);
    expect(blocked.getCell(at('status')).value).toBe('blocked');
    expect(fill(blocked.getCell(at('status')))).toBe('FFFCE4D6');

    const summary = Object.fromEntries(
      workbook.worksheets[1]!.getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1, 3)),
    );
    expect(summary).toMatchObject({
      命令: 'validate',
      行数: 3,
      面试数: 2,
      ok: 1,
      invalid: 1,
      blocked: 1,
      工作表: '面试',
      时区: 'Asia/Shanghai',
    });
    expect(summary['常见问题 1: ROW_BAD_SCORE ×1']).toMatch(/九十/);
  });

  it('reads back as input: the data sheet is found, the summary sheet left alone', async () => {
    const dir = await tempDir();
    const file = await chineseWorkbook(dir);
    await runCli(['validate', file, '--tz', 'Asia/Shanghai']);
    const again = await runCli([
      'validate',
      join(dir, '面试.report.xlsx'),
      '--tz',
      'Asia/Shanghai',
      '--report',
      join(dir, 'again.json'),
      '--json',
    ]);
    expect(again.code).toBe(1);
    const summary = JSON.parse(again.stdout) as {
      input: { sheet: string };
      counts: Record<string, number>;
      warnings: string[];
    };
    expect(summary.input.sheet).toBe('报告');
    expect(summary.counts).toMatchObject({ ok: 1, invalid: 1, blocked: 1 });
    // The columns the small file lacks are warned of, as for any file; nothing about the summary sheet.
    expect(summary.warnings.join('\n')).not.toMatch(/汇总|sheet/);
    expect(summary.warnings).toHaveLength(9);
  });

  it('speaks English with --lang en, and a CSV input keeps a CSV report', async () => {
    const dir = await tempDir();
    const file = await chineseWorkbook(dir);
    await runCli(['validate', file, '--tz', 'Asia/Shanghai', '--lang', 'en', '--report', join(dir, 'en.xlsx')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'en.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Report', 'Summary']);
    expect(workbook.worksheets[1]!.getCell('A1').value).toBe('command');
  });
});

describe('displayWidth', () => {
  it('counts a Chinese or full-width character as two', () => {
    expect(displayWidth('分数 88')).toBe(7);
    expect(displayWidth('ＩＤ')).toBe(4);
  });
});
