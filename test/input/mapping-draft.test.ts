import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mappingDraft } from '../../src/input/mapping-draft.js';
import { suggestProfile } from '../../src/input/suggest-profile.js';
import { ROOT, interviewsCsv, tempDir } from '../helpers.js';

const LEGACY = join(ROOT, 'samples', 'legacy-export-beisen-style.csv');
const PROFILE = join(ROOT, 'samples', 'legacy-export-beisen-style.profile.json');

describe('mappingDraft', () => {
  it("gives the profile command's suggestion, the first rows, and each column's examples, blanks and words", async () => {
    const draft = await mappingDraft(LEGACY);
    expect(draft.suggestion).toEqual(await suggestProfile(LEGACY));
    expect(draft.headerRow).toBe(2);
    expect(draft.rows).toBe(50);
    expect(draft.template).toBe(false);
    expect(draft.top[0]).toEqual({ row: 1, cells: ['面试记录导出（北森）  导出时间：2024-07-01 09:30'] });
    const id = draft.columns[0]!;
    expect([id.header, id.samples, id.blanks]).toEqual([
      '面试编号',
      ['BS-IV-20240001', 'BS-IV-20240002', 'BS-IV-20240003'],
      20,
    ]);
    // More distinct values than an enumeration has: no words listed.
    expect(id.words).toBeUndefined();
    const result = draft.columns.find((c) => c.header === '面试结果')!;
    // In the order the file first uses them.
    expect(result.words).toEqual([
      {
        word: '不建议录用',
        count: 11,
        known: [],
        guess: { participate_status: '', conclusion: '不通过', assessment_type: '' },
      },
      { word: '待定', count: 11, known: ['conclusion'], guess: { participate_status: '', assessment_type: '' } },
      {
        word: '建议录用',
        count: 11,
        known: [],
        guess: { participate_status: '', conclusion: '通过', assessment_type: '' },
      },
    ]);
  });

  it('reads the header row the user chose, and what is below it', async () => {
    const draft = await mappingDraft(LEGACY, { headerRow: 1 });
    expect(draft.headerRow).toBe(1);
    expect(draft.suggestion.headers).toEqual(['面试记录导出（北森）  导出时间：2024-07-01 09:30']);
    expect(draft.rows).toBe(51);
  });

  it('tries a saved profile: it fits headers it accounts for, not a file with a header it does not name', async () => {
    const saved = JSON.parse(await readFile(PROFILE, 'utf8'));
    expect((await mappingDraft(LEGACY, { saved })).savedFits).toBe(true);
    const { 候选人: _, ...fewer } = saved.columns;
    expect((await mappingDraft(LEGACY, { saved: { ...saved, columns: fewer } })).savedFits).toBe(false);
    expect((await mappingDraft(LEGACY, { saved: { ...saved, columns: { 面试编号: 'nothing' } } })).savedFits).toBe(
      false,
    );
    expect((await mappingDraft(join(ROOT, 'samples', 'interviews.csv'), { saved })).savedFits).toBe(false);
  });

  it("reads a workbook's data sheet past the template's instructions, or the sheet named", async () => {
    const template = await mappingDraft(join(ROOT, 'samples', 'interviews.xlsx'));
    expect([template.sheet, template.headerRow, template.template]).toEqual(['面试记录', 1, true]);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['本表由旧系统导出']);
    const june = book.addWorksheet('6月');
    june.addRow(['面试编号', '应聘记录ID', '面试状态']);
    june.addRow(['BS-1', '630001', '已完成']);
    book.addWorksheet('7月').addRow(['面试编号', '面试官']);
    const file = join(await tempDir(), 'export.xlsx');
    await book.xlsx.writeFile(file);
    expect((await mappingDraft(file)).sheet).toBe('6月');
    const july = await mappingDraft(file, { sheet: '7月' });
    expect([july.sheet, july.suggestion.headers]).toEqual(['7月', ['面试编号', '面试官']]);
  });

  it('peeks at the first rows of a large CSV only, and says so; a small one is read whole', async () => {
    const file = join(await tempDir(), 'large.csv');
    const { text } = interviewsCsv(5000, 2);
    expect(Buffer.byteLength(text)).toBeGreaterThan(256 * 1024);
    await writeFile(file, text);
    const peeked = await mappingDraft(file, { peek: true });
    const whole = await mappingDraft(file);
    expect([peeked.peeked, peeked.rows, peeked.template]).toEqual([true, 19, true]);
    expect([whole.peeked, whole.rows]).toEqual([false, 10000]);
    expect(peeked.suggestion.headers).toEqual(whole.suggestion.headers);
    expect((await mappingDraft(LEGACY, { peek: true })).rows).toBe(50);
  });
});
