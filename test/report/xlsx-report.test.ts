import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../src/input/headers.js';
import { displayWidth, wrappedLines } from '../../src/report/xlsx-report.js';
import { APP1, ID1, ID2, erasedColumnWarnings, readReport, runCli, tempDir } from '../helpers.js';

const ID3 = '7000000000000000003';

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
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['报告', '汇总', '取值']);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual([
      '行号',
      '状态',
      '错误代码',
      '出错的列',
      '说明',
      'HTTP 状态码',
      '日志 ID',
      '尝试次数',
      ...HEADERS_ZH,
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const at = (name: string) => headers.indexOf(name) + 1;

    const ok = sheet.getRow(2);
    expect(ok.getCell(at('状态')).value).toBe('成功');
    expect(fill(ok.getCell(at('状态')))).toBe('FFC6EFCE');
    // IDs are text, every digit kept.
    expect(ok.getCell(at('外部面试ID')).value).toBe(ID1);

    const bad = sheet.getRow(3);
    expect(bad.getCell(at('状态')).value).toBe('有误');
    expect(fill(bad.getCell(at('状态')))).toBe('FFFFC7CE');
    expect(bad.getCell(at('错误代码')).value).toBe('ROW_BAD_SCORE');
    expect(bad.getCell(at('出错的列')).value).toBe('分数');
    const fault = bad.getCell(at('分数'));
    expect(fault.value).toBe('九十');
    expect(fill(fault)).toBe('FFFFC7CE');
    expect(note(fault)).toBe(bad.getCell(at('说明')).value);
    // Only the cell at fault is marked.
    expect(fill(bad.getCell(at('面试官')))).toBeUndefined();

    const blocked = sheet.getRow(4);
    expect(blocked.getCell(at('状态')).value).toBe('已拦截');
    expect(fill(blocked.getCell(at('状态')))).toBe('FFFCE4D6');

    const summary = Object.fromEntries(
      workbook.worksheets[1]!.getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1, 3)),
    );
    expect(summary).toMatchObject({
      命令: 'validate',
      行数: 3,
      面试数: 2,
      成功: 1,
      有误: 1,
      已拦截: 1,
      失败: 0,
      跳过: 0,
      未发送: 0,
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
    expect(summary.warnings).toHaveLength(erasedColumnWarnings(HEADERS_ZH).length);
  });

  it('speaks English with --lang en, and a CSV input keeps a CSV report', async () => {
    const dir = await tempDir();
    const file = await chineseWorkbook(dir);
    await runCli(['validate', file, '--tz', 'Asia/Shanghai', '--lang', 'en', '--report', join(dir, 'en.xlsx')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'en.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Report', 'Summary', 'Values']);
    expect(workbook.worksheets[1]!.getCell('A1').value).toBe('command');
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1, 9)).toEqual([...REPORT_COLUMNS]);
    expect([2, 3, 4].map((r) => sheet.getCell(r, 2).value)).toEqual(['ok', 'invalid', 'blocked']);
    const labels = workbook.worksheets[1]!.getSheetValues().map((r) => (r as unknown[])[1]);
    expect(labels).toEqual(expect.arrayContaining(['ok', 'failed', 'invalid', 'blocked', 'skipped', 'not_sent']));
    // It reads back as input too: our columns are recognised, not kept as the user's.
    const again = await runCli(['validate', join(dir, 'en.xlsx'), '--tz', 'Asia/Shanghai', '--json']);
    const summary = JSON.parse(again.stdout) as { input: { sheet: string }; counts: Record<string, number> };
    expect(summary.input.sheet).toBe('Report');
    expect(summary.counts).toMatchObject({ ok: 1, invalid: 1, blocked: 1 });
    expect(again.stderr).not.toMatch(/error_code|attempts/);
  });

  it('keeps CSV and JSON reports on the machine keys in a Chinese run', async () => {
    const dir = await tempDir();
    const file = await chineseWorkbook(dir);
    await runCli(['validate', file, '--tz', 'Asia/Shanghai', '--report', join(dir, 'r.csv')]);
    await runCli(['validate', file, '--tz', 'Asia/Shanghai', '--report', join(dir, 'r.json')]);
    const csv = await readReport(join(dir, 'r.csv'));
    expect(Object.keys(csv[0]!).slice(0, 8)).toEqual([...REPORT_COLUMNS]);
    expect(csv.map((r) => r.status)).toEqual(['ok', 'invalid', 'blocked']);
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as { rows: { status: string }[] };
    expect(json.rows.map((r) => r.status)).toEqual(['ok', 'invalid', 'blocked']);
  });

  it("wraps the summary sheet's long texts within sensible widths, each row as tall as its text", async () => {
    // A folder name long enough that the input's path takes two lines of the value column.
    const dir = join(await tempDir(), '三月的面试记录'.repeat(8));
    await mkdir(dir);
    const file = await chineseWorkbook(dir);
    await runCli(['validate', file, '--tz', 'Asia/Shanghai']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, '面试.report.xlsx'));
    const summary = workbook.worksheets[1]!;
    expect(summary.getColumn(1).width).toBe(displayWidth('常见问题 1: ROW_BAD_SCORE ×1') + 2);
    expect(summary.getColumn(2).width).toBe(80);
    let problem = 0;
    // The counts by status are labelled by one word in its status's colour: those labels are short.
    const statuses = new Set(['成功', '失败', '有误', '已拦截', '跳过', '未发送']);
    summary.eachRow((row, r) => {
      const columns = statuses.has(String(row.getCell(1).value)) ? [2] : [1, 2];
      for (const c of columns)
        expect(row.getCell(c).alignment, `row ${r}, column ${c}`).toMatchObject({ wrapText: true });
      if (String(row.getCell(1).value).startsWith('常见问题')) problem = r;
    });
    expect(summary.getCell(2, 1).value).toBe('输入文件');
    expect(summary.getCell(2, 2).value).toBe(file);
    // The path is longer than one line of the value column: the row holds its lines.
    expect(wrappedLines(file, 80)).toBe(2);
    expect(summary.getRow(2).height).toBe(30);
    // A line that fits keeps the default height.
    expect(summary.getRow(problem).height).toBeUndefined();
  });

  it('puts each row on its input sheet row, blank rows skipped: the row column, the message and the sheet agree, read back too', async () => {
    const dir = await tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('三月');
    sheet.addRow(['外部面试ID', '参与状态', '面试官', '面试结论']);
    sheet.addRow([ID1, '爽约', '', '']);
    sheet.addRow([]);
    sheet.addRow([]);
    sheet.addRow([ID2, '', '王五', '不好']);
    sheet.addRow([ID3, '参与', '', '']);
    for (const r of [2, 5, 6]) sheet.getCell(r, 1).numFmt = '@';
    const file = join(dir, '三月.xlsx');
    await workbook.xlsx.writeFile(file);
    const run = await runCli(['validate', file, '--merge']);
    expect(run.stdout).toContain('第 5 行「面试结论」列');
    const rowsOf = async (path: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const out: [number, unknown, unknown, unknown][] = [];
      book.worksheets[0]!.eachRow((row, r) => {
        if (r > 1) out.push([r, row.getCell(1).value, row.getCell(2).value, row.getCell(5).value]);
      });
      return out;
    };
    const expected = [
      [2, '2', '成功', '有效'],
      [5, '5', '有误', expect.stringMatching(/^第 5 行「面试结论」列/)],
      [6, '6', '成功', '有效'],
    ];
    expect(await rowsOf(join(dir, '三月.report.xlsx'))).toEqual(expected);
    // The fixed report is the next correction file: its rows keep their numbers.
    const again = await runCli(['validate', join(dir, '三月.report.xlsx'), '--merge']);
    expect(again.stdout).toContain('第 5 行「面试结论」列');
    expect(await rowsOf(join(dir, '三月.rerun.report.xlsx'))).toEqual(expected);
  });

  it("numbers a CSV report's rows by the input's lines, blank lines skipped, as the messages do", async () => {
    const dir = await tempDir();
    const file = join(dir, '三月.csv');
    await writeFile(file, `外部面试ID,面试官,面试结论\r\n${ID1},张三,通过\r\n\r\n,,\r\n${ID2},王五,不好\r\n`);
    await runCli(['validate', file, '--merge', '--report', join(dir, 'r.xlsx')]);
    await runCli(['validate', file, '--merge']);
    const csv = await readReport(join(dir, '三月.report.csv'));
    expect(csv.map((r) => [r.row, r.status, r.message?.slice(0, 5)])).toEqual([
      ['2', 'ok', '有效'],
      ['5', 'invalid', '第 5 行'],
    ]);
    // A CSV line is no sheet row: the .xlsx report of a CSV input lists its rows one after another.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'r.xlsx'));
    expect([2, 3].map((r) => book.worksheets[0]!.getCell(r, 1).value)).toEqual(['2', '5']);
  });
});

describe('displayWidth', () => {
  it('counts a Chinese or full-width character as two', () => {
    expect(displayWidth('分数 88')).toBe(7);
    expect(displayWidth('ＩＤ')).toBe(4);
  });

  it('gives capitals and underscores a quarter more than a digit, so a code is not clipped', () => {
    expect(displayWidth('ROW_BAD_SCORE')).toBe(17);
    expect(displayWidth('row 12')).toBe(6);
  });
});
