/**
 * The old system's export mapped in the page, as an HR person does it: the 北森-style sample (GBK,
 * a title row above the headers, its own words, keys on an interview's first row only, one column
 * per scored item) mapped column by column in Chinese, imported into the simulator and compared
 * field by field with the file as this test's own reading of its layout says; the next month the
 * saved mapping reads the same headers with no questions. In English the same step speaks English.
 * And nothing stale: a change of zone, mode or sheet clears the check and preview it invalidates.
 */
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterviewStore } from '../../src/simulator/store.js';
import { PROFILE_BESIDE } from '../../src/run-paths.js';
import { needsUser } from '../../src/row-statuses.js';
import { ROOT, tempDir } from '../helpers.js';
import { sampleBodies } from '../commands/legacy-sample.js';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { shot, text } from './page-steps.js';
import { SAMPLE, type UiWorld, startWorld } from './ui-server.js';

browserNotice('test/ui/flow-mapping.test.ts');

const LEGACY = join(ROOT, 'samples', 'legacy-export-beisen-style.csv');
const LEGACY_PROFILE = join(ROOT, 'samples', 'legacy-export-beisen-style.profile.json');

/** Chooses a file whose headers are not the template's: the mapping step opens, nothing is checked. */
async function chooseToMap(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForSelector('[data-testid=mapping-columns]');
}

/** What each of the file's columns is set to, by the drop-down named by the file's header. */
async function columnChoices(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const row of await page.locator('[data-testid=mapping-column]').all()) {
    const header = (await row.locator('th').textContent()) ?? '';
    out[header] = await page.getByRole('combobox', { name: header, exact: true }).inputValue();
  }
  return out;
}

describe.runIf(HAVE_BROWSER)('mapping an old system export in the page', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  beforeAll(async () => {
    world = await startWorld();
    browser = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('maps header row, columns, words, fill-down and item columns, saves the mapping, lands the file field by field, and reads next month’s export with no questions', async () => {
    const page = await browser.context.newPage();
    await page.goto(world.ui.url);
    await chooseToMap(page, LEGACY);
    expect(await page.isVisible('[data-testid=check-step]')).toBe(false);
    expect(await page.isDisabled('[data-testid=check]')).toBe(true);
    // The title row above the headers: the header row found is row 2; row 1 shown as what it is.
    expect(await page.inputValue('[data-testid=header-row]')).toBe('2');
    expect(await page.locator('[data-testid=header-row] option').first().textContent()).toBe(
      '第 1 行：面试记录导出（北森）  导出时间：2024-07-01 09:30',
    );
    // Choosing row 1 reads the title as headers; row 2 again gives the columns back.
    await page.selectOption('[data-testid=header-row]', '1');
    await page.waitForSelector('[data-testid=mapping-column] th:has-text("面试记录导出（北森）")');
    await page.selectOption('[data-testid=header-row]', '2');
    await page.waitForSelector('[data-testid=mapping-column] th:text-is("面试编号")');
    // Each column, its examples and what it is, suggested by the CLI's rules; the options as the template names them.
    const first = page.locator('[data-testid=mapping-column]').first();
    expect(await first.locator('td.samples').textContent()).toBe('BS-IV-20240001、BS-IV-20240002、BS-IV-20240003');
    const options = await page
      .getByRole('combobox', { name: '面试编号', exact: true })
      .locator('option')
      .allTextContents();
    expect(options.slice(0, 4)).toEqual(['忽略', '外部面试ID', '外部投递ID', '外部系统面试ID']);
    expect(options.slice(-4)).toEqual([
      '一道评价题（打分题）',
      '一道评价题（单选题）',
      '一道评价题（描述题）',
      '一道评价题（多选题）',
    ]);
    expect(await columnChoices(page)).toEqual({
      面试编号: 'external_id',
      应聘记录ID: 'external_application_id',
      候选人: '',
      手机号: '',
      面试状态: 'participate_status',
      面试开始时间: 'begin_time',
      面试结束时间: 'end_time',
      评价编号: 'assessment_external_id',
      面试官: 'username',
      面试结果: 'conclusion',
      综合评语: 'assessment_content',
      '专业能力(分)': 'item:1',
      '沟通表达(分)': 'item:1',
      '逻辑思维(分)': 'item:1',
      推荐意向: 'item:2',
      题目: 'dimension_title',
      题型: 'assessment_type',
      得分: 'score',
      回答: 'dimension_content',
    });
    // The keys given on an interview's first row only: fill-down offered, and on.
    for (const header of ['面试编号', '应聘记录ID', '评价编号'])
      expect(await page.getByRole('checkbox', { name: `向下填充：${header}` }).isChecked()).toBe(true);
    // The words the tool does not know, each with a suggestion; one it cannot guess is the user's.
    expect(await page.getByRole('combobox', { name: '面试状态：已完成' }).inputValue()).toBe('参与');
    expect(await page.getByRole('combobox', { name: '面试状态：未到场' }).inputValue()).toBe('爽约');
    expect(await page.getByRole('combobox', { name: '面试结果：不建议录用' }).inputValue()).toBe('不通过');
    expect(await page.getByRole('combobox', { name: '题型：文本' }).inputValue()).toBe('描述题');
    expect(await page.getByRole('combobox', { name: '面试状态：中途离开' }).inputValue()).toBe('');
    expect(await text(page, '[data-testid=mapping-left]')).toBe('还有 1 个词没有选择');
    expect(await page.isDisabled('[data-testid=mapping-save]')).toBe(true);
    await page.getByRole('combobox', { name: '面试状态：中途离开' }).selectOption({ label: '参与' });
    await shot(page, 'mapping');
    await page.click('[data-testid=mapping-save]');
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
    expect(await text(page, '[data-testid=mapping-saved]')).toContain('按刚保存的映射读取。');
    expect(await text(page, '[data-testid=check-step] [data-testid=about]')).toBe(
      '文件：legacy-export-beisen-style.csv',
    );

    // Saved in the folder as the CLI's profile, the user's own file only.
    const saved = join(world.folder, PROFILE_BESIDE);
    expect((await stat(saved)).mode & 0o777).toBe(0o600);
    const profile = JSON.parse(await readFile(saved, 'utf8'));
    const sample = JSON.parse(await readFile(LEGACY_PROFILE, 'utf8'));
    expect(profile.header_row).toBe(2);
    expect(profile.columns).toEqual(sample.columns);
    expect(profile.fill_down).toEqual(sample.fill_down);
    expect(profile.wide_dimensions).toEqual(sample.wide_dimensions);
    expect(profile.values.participate_status).toEqual(sample.values.participate_status);
    expect(profile.values.conclusion).toEqual(sample.values.conclusion);
    expect(profile.tz).toBe('Asia/Shanghai');

    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    await page.click('[data-testid=start]');
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result] [data-kind=created]', { timeout: 60_000 });
    // What Feishu holds against the file, read by this test's own reading of the export's layout.
    const expected = sampleBodies(await readFile(LEGACY));
    expect(expected.size).toBe(30);
    const held = new Map(
      [...world.sim.store.interviews.values()]
        .filter((x) => x.external_id?.startsWith('BS-IV-'))
        .map((x) => [x.external_id, InterviewStore.bodyOf(x)]),
    );
    expect([...held.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, body] of expected) expect({ key, body: held.get(key) }).toEqual({ key, body });
    await page.close();
    await nextMonth();
  });

  /** Next month's export, same headers: read through the saved mapping with no questions (the folder is the test's own). */
  async function nextMonth() {
    const dir = await tempDir();
    const next = join(dir, '面试记录-2024-08.csv');
    await copyFile(LEGACY, next);
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await page.setInputFiles('[data-testid=file-input]', next);
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
    expect(await text(page, '[data-testid=mapping-reused]')).toContain('按本文件夹保存的映射读取（表头与上次相同）。');
    expect(await page.isVisible('[data-testid=mapping-columns]')).toBe(false);
    // Read through it, no row asks anything of the user.
    const statuses = await page
      .locator('[data-testid=check-step] [data-status]')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('data-status')));
    expect(statuses.filter((s) => needsUser(s ?? ''))).toEqual([]);
    // The mapping can still be changed: the step opens with what was saved, and the check is cleared.
    await page.click('[data-testid=mapping-edit]');
    await page.waitForSelector('[data-testid=mapping-columns]');
    expect(await page.isVisible('[data-testid=check-step]')).toBe(false);
    expect(await page.getByRole('combobox', { name: '面试状态：中途离开' }).inputValue()).toBe('参与');
    await page.close();
  }
});

describe.runIf(HAVE_BROWSER)('the mapping step in English', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  beforeAll(async () => {
    world = await startWorld();
    browser = await openBrowser('en-US');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it("speaks English: the tool's columns and words as the English template names them", async () => {
    const page = await browser.context.newPage();
    await page.goto(world.ui.url);
    await chooseToMap(page, LEGACY);
    expect(await page.locator('[data-testid=mapping-step] h2').textContent()).toBe("Map the file's columns");
    const options = await page
      .getByRole('combobox', { name: '面试编号', exact: true })
      .locator('option')
      .allTextContents();
    expect(options.slice(0, 4)).toEqual(['Ignore', 'external_interview_id', 'external_application_id', 'external_id']);
    expect(await page.getByRole('checkbox', { name: 'Fill down: 面试编号' }).isChecked()).toBe(true);
    const left = page.getByRole('combobox', { name: '面试状态：中途离开' });
    expect(await left.locator('option').allTextContents()).toEqual([
      'Choose',
      'not_participated',
      'participated',
      'no_show',
    ]);
    expect(await text(page, '[data-testid=mapping-left]')).toBe('1 words still to choose');
    await left.selectOption({ label: 'participated' });
    await page.click('[data-testid=mapping-save]');
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
    expect(await text(page, '[data-testid=check-step] [data-testid=about]')).toBe(
      'File: legacy-export-beisen-style.csv',
    );
    await page.close();
  });
});

/** A workbook of two months, each sheet the template's columns: June all of the sample, July its first interviews. */
async function twoSheets(dir: string): Promise<string> {
  const lines = (await readFile(SAMPLE, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const { parse } = await import('csv-parse/sync');
  const rows = parse(lines.join('\n'), { relax_column_count: true }) as string[][];
  const book = new ExcelJS.Workbook();
  const june = book.addWorksheet('6月');
  const july = book.addWorksheet('7月');
  for (const r of rows) june.addRow(r);
  for (const r of rows.slice(0, 21)) july.addRow(r);
  for (const sheet of [june, july]) sheet.getColumn(1).numFmt = '@';
  const file = join(dir, '两个月.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

describe.runIf(HAVE_BROWSER)('nothing stale', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  beforeAll(async () => {
    world = await startWorld();
    browser = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('a change of sheet checks that sheet; a change of zone or mode clears the check and preview it invalidates', async () => {
    const file = await twoSheets(await tempDir());
    const page = await browser.context.newPage();
    await page.goto(world.ui.url);
    await page.setInputFiles('[data-testid=file-input]', file);
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
    expect(await text(page, '[data-testid=check-step] [data-testid=about]')).toBe(
      '文件：两个月.xlsx · 工作表：第一个符合模板的工作表',
    );
    const june = await text(page, '[data-testid=check-step] [data-testid=counts]');
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');

    // Another sheet: checked at once, the preview of the other gone, each section naming it.
    await page.selectOption('[data-testid=sheet]', '7月');
    await page.waitForSelector(
      '[data-testid=check-step] [data-testid=about]:text-is("文件：两个月.xlsx · 工作表：7月")',
    );
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
    expect(await text(page, '[data-testid=check-step] [data-testid=counts]')).not.toBe(june);
    expect(await page.isVisible('[data-testid=preview-step] [data-testid=changes]')).toBe(false);
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=preview-step] [data-testid=about]')).toBe('文件：两个月.xlsx · 工作表：7月');

    // Another zone: the times were read in the old one; nothing of it stays, nor an import on it.
    await page.fill('[data-testid=tz]', 'Asia/Tokyo');
    expect(await page.isVisible('[data-testid=check-step]')).toBe(false);
    expect(await page.isVisible('[data-testid=preview-step]')).toBe(false);
    expect(await page.isVisible('[data-testid=start]')).toBe(false);
    await page.fill('[data-testid=tz]', 'Asia/Shanghai');
    await page.click('[data-testid=check]');
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');

    // Another zone after the preview: the preview said what would happen in the old one; it goes, and 开始导入 with it.
    await page.fill('[data-testid=tz]', 'Asia/Tokyo');
    expect(await page.isVisible('[data-testid=preview-step] [data-testid=changes]')).toBe(false);
    expect(await page.isVisible('[data-testid=start]')).toBe(false);
    expect(world.sim.stats.requests.put).toBe(0);
    await page.close();
  });
});
