/**
 * Fixing a file in the page, as an HR person would, in Chromium (Chinese, then English): a bad
 * cell fixed by double-click and typing, an empty one filled, a word replaced in a whole column,
 * every problem of a row in the panel, the row number and status in place when scrolling right;
 * then the import, without a new upload, and what the simulator holds compared field by field with
 * the file as edited.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, tempDir } from '../helpers.js';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { chooseFile, download, shot, text } from './page-steps.js';
import { type UiWorld, startWorld } from './ui-server.js';

browserNotice('test/ui/flow-grid.test.ts');

const HEAD = [
  '外部面试ID',
  '外部投递ID',
  '参与状态',
  '开始时间',
  '结束时间',
  '面试官',
  '面试结论',
  '评价维度',
  '题目类型',
  '分数',
];
/** Three interviews the tenant holds (seeded from samples/interviews.csv), as an HR person typed them. */
const ROWS = [
  [
    '7123456789012345023',
    '6960663240925956023',
    '参与',
    '2024-03-24 16:00',
    '2024-03-24 16:45',
    '张伟',
    '淘汰',
    '专业能力',
    '打分题',
    '八十五',
  ],
  [
    '7123456789012345027',
    '6960663240925956027',
    '参与',
    '2024-03-28 12:00',
    '2024-03-28 12:45',
    '陈静',
    '淘汰',
    '专业能力',
    '打分题',
    '89',
  ],
  [
    '',
    '6960663240925956005',
    '参与',
    '2024-03-06 10:00',
    '2024-03-06 10:45',
    '王芳',
    '通过',
    '专业能力',
    '打分题',
    '92',
  ],
];
/** The file as it should land once fixed in the page. */
const FIXED: Record<string, string>[] = [
  { ...rowOf(ROWS[0]!), 面试结论: '不通过', 分数: '85' },
  { ...rowOf(ROWS[1]!), 面试结论: '不通过' },
  { ...rowOf(ROWS[2]!), 外部面试ID: '7123456789012345005' },
];

function rowOf(cells: readonly string[]): Record<string, string> {
  return Object.fromEntries(HEAD.map((h, i) => [h, cells[i]!]));
}

const beijing = (wall: string) => {
  const [d, t] = wall.split(' ');
  const [y, m, day] = d!.split('-').map(Number);
  const [h, min] = t!.split(':').map(Number);
  return Date.UTC(y!, m! - 1, day!, h! - 8, min!);
};
const CONCLUSION: Record<string, number> = { 不通过: 1, 通过: 2, 待定: 3 };

const cell = (page: Page, row: number, column: string) =>
  page.locator(`[data-testid=check-rows] .grid-row[data-row="${row}"] .c-cell[data-col="${HEAD.indexOf(column)}"]`);
const status = (page: Page, row: number) =>
  page.locator(`[data-testid=check-rows] .grid-row[data-row="${row}"] [data-testid=row-status]`);

/** Double-clicks a cell, types over what it holds, presses Enter. */
async function fix(page: Page, row: number, column: string, value: string): Promise<void> {
  await cell(page, row, column).dblclick();
  const editor = page.locator('[data-testid=cell-editor]');
  await editor.fill(value);
  await editor.press('Enter');
}

describe.runIf(HAVE_BROWSER)('fixing a file in the page', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  let file: string;
  beforeAll(async () => {
    world = await startWorld();
    file = join(await tempDir(), '三月面试.csv');
    await writeFile(file, `\uFEFF${csv([HEAD, ...ROWS])}`);
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('in Chinese: fixes cells by double-click and typing, replaces a word in a column, lists every problem of a row, and imports the file as fixed without a new upload', async () => {
    browser = await openBrowser('zh-CN');
    const page = await browser.context.newPage();
    await page.goto(world.ui.url);
    await chooseFile(page, file);
    await page.waitForSelector('[data-testid=check-rows] .grid-row[data-row="4"]');
    expect(await text(page, '[data-testid=check-step] [data-status=invalid]')).toBe('有误 3');

    // Every problem of row 2 in the panel, not only the first; both cells marked. Selecting the
    // first cell leaves the grid where it was (a double-click's second click lands on its cell).
    const gridTop = () =>
      page.locator('[data-testid=check-rows] [data-testid=grid]').evaluate((e) => e.getBoundingClientRect().top);
    const top = await gridTop();
    await cell(page, 2, '面试官').click();
    expect(await gridTop()).toBe(top);
    await page.waitForSelector('[data-testid=row-problems] li:nth-child(2)');
    const problems = await page.locator('[data-testid=row-problems] li').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('面试结论');
    expect(problems[0]).toContain('淘汰');
    expect(problems[1]).toContain('分数');
    expect(problems[1]).toContain('八十五');
    expect(await cell(page, 2, '面试结论').getAttribute('data-fault')).toBe('1');
    expect(await cell(page, 2, '分数').getAttribute('data-fault')).toBe('1');
    await shot(page, '2-fix');

    // Every cell takes its row's height, an empty one too (a double-click on it reaches it).
    const heights = await page
      .locator('[data-testid=check-rows] .grid-row[data-row="3"] .c-cell')
      .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().height));
    expect(heights.every((h) => h >= 29)).toBe(true);
    // An empty bad cell shows that it is empty; an ID is never cut.
    expect(await cell(page, 4, '外部面试ID').textContent()).toBe('（空）');
    const id = cell(page, 3, '外部面试ID');
    expect(await id.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

    // The row number and status stay in place when the grid scrolls right.
    const grid = page.locator('[data-testid=check-rows] [data-testid=grid]');
    const before = await page.locator('[data-testid=check-rows] .grid-row[data-row="3"] .c-row').boundingBox();
    await grid.evaluate((e) => {
      e.scrollLeft = e.scrollWidth;
    });
    await expect.poll(() => grid.evaluate((e) => e.scrollLeft)).toBeGreaterThan(200);
    const after = await page.locator('[data-testid=check-rows] .grid-row[data-row="3"] .c-row').boundingBox();
    const statusBox = await status(page, 3).boundingBox();
    expect(after!.x).toBe(before!.x);
    expect(statusBox!.x).toBeCloseTo(before!.x + before!.width, 0);
    // Each header stands over its column, to the last one (a bold header measured wider drifted right).
    const lefts = (selector: string) =>
      page
        .locator(`[data-testid=check-rows] ${selector} .c-cell`)
        .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left)));
    const heads = await lefts('.grid-head');
    expect(heads.length).toBeGreaterThanOrEqual(10);
    expect(await lefts('.grid-row[data-row="3"]')).toEqual(heads);
    await grid.evaluate((e) => {
      e.scrollLeft = 0;
    });

    // Fixed by double-click and typing: the row is checked again at once, the counts follow.
    await fix(page, 2, '分数', '85');
    await expect.poll(() => page.locator('[data-testid=row-problems] li').count()).toBe(1);
    expect(await text(page, '[data-testid=row-problems]')).toContain('淘汰');
    expect(await cell(page, 2, '分数').textContent()).toBe('85');
    expect(await cell(page, 2, '分数').getAttribute('data-fault')).toBeNull();
    // Escape cancels.
    await cell(page, 4, '外部面试ID').dblclick();
    await page.locator('[data-testid=cell-editor]').fill('123');
    await page.locator('[data-testid=cell-editor]').press('Escape');
    expect(await cell(page, 4, '外部面试ID').textContent()).toBe('（空）');
    // The commonest problems follow the fix too: the missing ID's example goes with its last row.
    const commonest = () => text(page, '[data-testid=check-step] [data-testid=counts] .problems');
    expect(await commonest()).toContain('第 4 行「外部面试ID」列');
    await fix(page, 4, '外部面试ID', '7123456789012345005');
    await expect.poll(() => status(page, 4).textContent()).toBe('成功');
    expect(await text(page, '[data-testid=check-step] [data-status=invalid]')).toBe('有误 2');
    expect(await commonest()).not.toContain('外部面试ID');
    expect(await commonest()).toContain('第 2 行「面试结论」列');

    // 下一个问题 goes to row 2 again (淘汰); replace it in the whole column.
    await page.click('[data-testid=next-problem]');
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-row')).toBe('2');
    await cell(page, 2, '面试结论').click();
    expect(await page.inputValue('[data-testid=replace-from]')).toBe('淘汰');
    await page.fill('[data-testid=replace-to]', '不通过');
    // The whole file is checked again after the change: the grid stays, with its row selected.
    await page.locator('[data-testid=check-rows] [data-testid=grid]').evaluate((e) => {
      e.setAttribute('data-kept', 'yes');
    });
    await page.click('[data-testid=replace-all]');
    await expect
      .poll(() => text(page, '[data-testid=check-step] [data-status=ok]'), { timeout: 15_000 })
      .toBe('成功 3');
    await expect.poll(() => page.locator('[data-testid=column-fixes] .busy').count(), { timeout: 15_000 }).toBe(0);
    expect(await page.locator('[data-testid=check-rows] [data-testid=grid]').getAttribute('data-kept')).toBe('yes');
    expect(await page.locator('.grid-row.selected').getAttribute('data-row')).toBe('2');
    expect(await text(page, '[data-testid=edits-count]')).toContain('已在页面中修改 3 处');

    // The file as edited, to keep: its own columns, every change in, IDs as text.
    const edited = await download(page, '[data-testid=download-edited]');
    expect(edited.name).toBe('三月面试-修改后.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(edited.path);
    const sheet = book.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined ? '' : v));
    expect(values(1)).toEqual(HEAD);
    expect([values(2), values(3), values(4)]).toEqual(FIXED.map((f) => HEAD.map((h) => f[h])));

    // The preview and the import read the upload with its edits: no new upload.
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=preview-step] [data-testid=group-change]')).toBe('修改 3');
    await page.click('[data-testid=start]');
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result] [data-testid=group-change]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=import-result] [data-testid=group-change]')).toBe('修改 3');
    for (const want of FIXED) {
      const held = world.sim.store.interviews.get(want.外部面试ID!)!;
      expect({
        external_application_id: held.external_application_id,
        participate_status: held.participate_status,
        begin_time: held.begin_time,
        end_time: held.end_time,
        assessments: held.interview_assessments?.map((a) => ({
          username: a.username,
          conclusion: a.conclusion,
          dimensions: a.assessment_dimension_list?.map((d) => ({
            title: d.title,
            type: d.assessment_type,
            score: d.score,
          })),
        })),
      }).toEqual({
        external_application_id: want.外部投递ID,
        participate_status: 2,
        begin_time: beijing(want.开始时间!),
        end_time: beijing(want.结束时间!),
        assessments: [
          {
            username: want.面试官,
            conclusion: CONCLUSION[want.面试结论!],
            dimensions: [{ title: want.评价维度, type: 1, score: Number(want.分数) }],
          },
        ],
      });
    }
    await page.close();
  });

  it('in Chinese: a tab reopened after a fix shows it (cell, status, counts, edits) and imports it', async () => {
    const april = join(await tempDir(), '四月面试.csv');
    await writeFile(april, `\uFEFF${csv([HEAD, ROWS[1]!])}`);
    const first = await browser.context.newPage();
    await first.goto(`http://127.0.0.1:${world.ui.port}/`);
    await chooseFile(first, april);
    await first.waitForSelector('[data-testid=check-rows] .grid-row[data-row="2"]');
    expect(await text(first, '[data-testid=check-step] [data-status=invalid]')).toBe('有误 1');
    // Selected first: the problems panel opens beside the grid before the double-click.
    await cell(first, 2, '面试结论').click();
    await first.waitForSelector('[data-testid=row-problems] li');
    await fix(first, 2, '面试结论', '通过');
    await expect.poll(() => status(first, 2).textContent()).toBe('成功');
    // Reloaded at once, before the pause that checks the whole file again: the row as re-checked,
    // then that check, started by the reopened tab.
    await first.reload();
    const shows = async (page: Page) => {
      await page.waitForSelector('[data-testid=check-rows] .grid-row[data-row="2"]');
      await expect.poll(() => cell(page, 2, '面试结论').textContent()).toBe('通过');
      await expect.poll(() => status(page, 2).textContent()).toBe('成功');
      await expect.poll(() => text(page, '[data-testid=check-step] [data-testid=counts]')).not.toContain('有误');
      expect(await text(page, '[data-testid=check-step] [data-status=ok]')).toBe('成功 1');
      expect(await text(page, '[data-testid=edits-count]')).toContain('已在页面中修改 1 处');
      expect(await text(page, '[data-testid=file-step] .file-name')).toBe('四月面试.csv');
    };
    await shows(first);
    await expect.poll(() => first.locator('[data-testid=column-fixes] .busy').count(), { timeout: 15_000 }).toBe(0);
    await first.close();
    // A new tab once that check is done: the same.
    const page = await browser.context.newPage();
    try {
      await page.goto(`http://127.0.0.1:${world.ui.port}/`);
      await shows(page);
      await page.click('[data-testid=preview]');
      await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]', { timeout: 30_000 });
      expect(await text(page, '[data-testid=preview-step] [data-testid=group-change]')).toBe('修改 1');
      await page.click('[data-testid=start]');
      await page.click('[data-testid=confirm-yes]');
      await page.waitForSelector('[data-testid=import-result] [data-testid=group-change]', { timeout: 30_000 });
      const held = world.sim.store.interviews.get(ROWS[1]![0]!)!;
      expect(held.interview_assessments?.map((a) => [a.username, a.conclusion])).toEqual([['陈静', CONCLUSION.通过]]);
    } finally {
      await page.close();
    }
  });

  it('in English: fills a blank column down, and says so', async () => {
    const fresh = join(await tempDir(), 'march.csv');
    const blank = [
      ROWS[1]!,
      [...ROWS[1]!.slice(0, 1).map(() => ''), ...ROWS[1]!.slice(1, 5), '王芳', '通过', '沟通表达', '打分题', '70'],
    ];
    await writeFile(fresh, csv([HEAD, ...blank.map((r) => r.map((c) => (c === '淘汰' ? '不通过' : c)))]));
    // The same browser (the link opens one), switched to English.
    const page = await browser.context.newPage();
    try {
      await page.goto(`http://127.0.0.1:${world.ui.port}/`);
      await page.click('button.lang');
      await chooseFile(page, fresh);
      await page.waitForSelector('[data-testid=check-rows] .grid-row[data-row="3"]');
      expect(await cell(page, 3, '外部面试ID').textContent()).toBe('(empty)');
      await cell(page, 3, '外部面试ID').click();
      expect(await text(page, '[data-testid=problems-panel] b')).toBe('Row 3');
      await page.click('[data-testid=fill-down]');
      await expect
        .poll(() => text(page, '[data-testid=check-step] [data-status=ok]'), { timeout: 15_000 })
        .toBe('ok 2');
      expect(await cell(page, 3, '外部面试ID').textContent()).toBe('7123456789012345027');
      expect(await text(page, '[data-testid=edits-count]')).toContain('1 change(s) made in the page');
    } finally {
      await page.close();
    }
  });
});
