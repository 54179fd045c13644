import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
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
});
