import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
import type { ReportRows } from '../../src/ui/report-rows.js';
import { resultView } from '../../src/ui/run-steps.js';
import { APP1, ID1, ID2, tempDir } from '../helpers.js';

describe("a result's view for the page", () => {
  it("says each warning in the page's words, its code kept for the details line, no flag in the text", async () => {
    const dir = await tempDir();
    const file = join(dir, '面试.xlsx');
    const wb = new ExcelJS.Workbook();
    const header = ['外部面试ID', '外部投递ID', '面试结论', '备注'];
    wb.addWorksheet('面试记录').addRows([header, [ID1, APP1, '通过', 'n']]);
    wb.addWorksheet('二月').addRows([header, [ID2, APP1, '通过', 'm']]);
    await wb.xlsx.writeFile(file);
    const result = await validateFile(file, { tz: 'Asia/Shanghai', report: false, merge: true });
    // The library's words name the CLI's flags: what the page must not show.
    expect(result.summary.warnings.join('\n')).toMatch(/--map[\s\S]*--sheet/);
    for (const lang of ['zh', 'en'] as const) {
      const view = await resultView(result, { rows: 0, report: false, lang });
      expect(view.warnings.map((w) => w.code)).toEqual(['INPUT_UNKNOWN_COLUMNS', 'INPUT_OTHER_SHEETS']);
      for (const w of view.warnings) expect(w.words).not.toContain('--');
    }
    expect((await resultView(result, { rows: 0, report: false, lang: 'zh' })).warnings).toEqual([
      {
        code: 'INPUT_UNKNOWN_COLUMNS',
        words:
          '无法识别的列会保留在报告中，但不会导入：“备注”。如果其中有模板中的内容，请点「映射文件的列」为它选择对应的列',
      },
      {
        code: 'INPUT_OTHER_SHEETS',
        words: '工作表“二月”也带有模板的列，这次没有读取：要导入它，请在「工作表」框中选择它，单独检查和导入',
      },
    ]);
  });

  it("says a preview's problem interview from its first row the page has words for, reading only rows that need the user", async () => {
    // Rows 2 to 6: 2 and 3 are one interview (3 at fault, in words the page has), 4 to 6 another
    // (4 has a code the page has no words for, 6 a blank ID).
    const cells = (id: string) => ({ id });
    const missing = { status: 'invalid', error_code: 'ROW_MISSING_ID', error_column: 'id', cells: cells('') };
    const report = [
      { row: 2, status: 'ok', cells: cells('7001') },
      { row: 3, ...missing },
      { row: 4, status: 'invalid', error_code: 'ROW_NO_WORDS_X', message: 'x', cells: cells('7002') },
      { row: 5, status: 'ok', cells: cells('7002') },
      { row: 6, ...missing },
    ];
    const reads: number[][] = [];
    const grid = {
      columns: ['id'],
      count: report.length,
      problems: [1, 2, 4],
      numberOf: (i: number) => report[i]!.row,
      sizeOf: () => 100,
      read: async (indexes: readonly number[]) => {
        reads.push([...indexes]);
        return indexes.map((i) => report[i]!);
      },
    } as unknown as ReportRows;
    const change = (id: string, rows: number[]) =>
      ({ id, external_id: id, group: 'problem', rows, detail: 'library words', code: 'ROW_NO_WORDS_X' }) as const;
    const summary = { problems: [], changes: [change('A', [2, 3]), change('B', [4, 5, 6])] };
    const result = { exitCode: 1, counts: {}, interviews: 2, summary } as unknown as Parameters<typeof resultView>[0];
    const view = await resultView(result, { rows: 5, report: false, lang: 'zh', grid });
    expect(view.changes?.map((c) => c.detail)).toEqual([
      '第 3 行「id」列：应填这场面试在飞书中的 ID，实际为空：请填上（要新建的面试，请改填它在旧系统中的 ID）',
      '第 6 行「id」列：应填这场面试在飞书中的 ID，实际为空：请填上（要新建的面试，请改填它在旧系统中的 ID）',
    ]);
    // The first row at fault of each together, then B's others (its row 5 needs nothing).
    expect(reads).toEqual([[1, 2], [4]]);
  });
});
