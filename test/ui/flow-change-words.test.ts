/**
 * A correction's change lines in the page's words, in Chinese and in English: each field named by
 * its column as the template names it in the page's language, enumerations in that language, and
 * times as they land with the zone in words (`2025-12-02 14:00 北京时间`), in the preview and in the
 * undo's preview alike (the library says `(Asia/Shanghai)`, an undo's times in UTC, an English
 * run's fields by the API's keys: the CLI's words, left as they are).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededIds as ids } from '../helpers.js';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { closeCorrections, correctionFile, openCorrection } from './correction-run.js';
import type { Page } from 'playwright-core';
import { chooseFile, text } from './page-steps.js';
import { developerWords, englishIn, visible } from './page-text.js';

browserNotice('test/ui/flow-change-words.test.ts');

afterEach(closeCorrections);

/** Interview a's time moved, its first assessment's conclusion and content changed (Feishu holds 通过, "不错"). */
const ROWS = () => [
  ['外部面试ID', '开始时间', '结束时间', '面试官', '面试结论', '评价内容'],
  [ids(1)[0]!, '2025-12-02 14:00', '2025-12-02 15:00', '张三', '不通过', '很好'],
];

/** What the page says of interview a's changes, in the preview, then in the undo's preview. */
async function changeLines(browser: OpenBrowser): Promise<{ preview: string[]; undo: string[] }> {
  const { page } = await openCorrection(browser);
  const [a] = ids(1);
  await chooseFile(page, await correctionFile(ROWS(), 'times.xlsx'));
  await page.click('[data-testid=preview]');
  await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
  const lines = (within: string) =>
    page.locator(`${within} [data-group] li[data-id="${a}"] .fields li`).allTextContents();
  const preview = await lines('[data-testid=preview-step]');
  await page.click('[data-testid=start]');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
  await page.click('[data-testid=undo]');
  await page.waitForSelector('[data-testid=undo-preview] [data-testid=confirm]', { timeout: 30_000 });
  const undo = await lines('[data-testid=undo-preview]');
  await page.close();
  return { preview, undo };
}

/**
 * Interview a's times moved (as ROWS), b's end before its begin on row 3, c's two rows giving two
 * begin times (rows 4 and 5): what the check's grid and its problems say, then the preview's row of a.
 */
const TIME_ROWS = () => {
  const [, b, c] = ids(3);
  return [
    ...ROWS(),
    [b!, '2025-12-03 10:00', '2025-12-03 09:00', '', '', ''],
    [c!, '2025-12-04 10:00', '2025-12-04 11:00', '', '', ''],
    [c!, '2025-12-04 10:30', '', '', '', ''],
  ];
};

/** The grid's message on the check's (or preview's) row `row`. */
const gridMessage = (page: Page, step: string, row: number) =>
  text(page, `[data-testid=${step}] .grid-body [data-row="${row}"] .c-message`);

/** What the page says of times: the check's rows 3 and 5 and its problems, the preview's row 2, and all it shows. */
async function timeTexts(browser: OpenBrowser) {
  const { page } = await openCorrection(browser);
  await chooseFile(page, await correctionFile(TIME_ROWS(), 'times.xlsx'));
  await page.waitForSelector('[data-testid=check-rows] .grid-body [data-row="5"] .c-message');
  const check = { end: await gridMessage(page, 'check-rows', 3), conflict: await gridMessage(page, 'check-rows', 5) };
  const problems = await page.locator('[data-testid=check-step] [data-testid=counts] .problems li').allInnerTexts();
  await page.click('[data-testid=preview]');
  await page.waitForSelector('[data-testid=preview-rows] .grid-body [data-row="5"] .c-message');
  const preview = {
    change: await gridMessage(page, 'preview-rows', 2),
    end: await gridMessage(page, 'preview-rows', 3),
    conflict: await gridMessage(page, 'preview-rows', 5),
  };
  const shown = await visible(page);
  await page.close();
  return { check, problems, preview, shown };
}

describe.runIf(HAVE_BROWSER)('a change field by field in the page, in Chinese', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await openBrowser('zh-CN', 'UTC');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names each field by its Chinese column, and each time as it lands in 北京时间', async () => {
    const { preview, undo } = await changeLines(browser);
    expect(preview).toEqual([
      '开始时间：2024-03-01 16:00 北京时间 → 2025-12-02 14:00 北京时间',
      '结束时间：2024-03-01 17:00 北京时间 → 2025-12-02 15:00 北京时间',
      '第 1 条面评（张三）面试结论：通过 → 不通过',
      '第 1 条面评（张三）评价内容："不错" → "很好"',
    ]);
    expect(undo).toEqual([
      '开始时间：2025-12-02 14:00 北京时间 → 2024-03-01 16:00 北京时间',
      '结束时间：2025-12-02 15:00 北京时间 → 2024-03-01 17:00 北京时间',
      '第 1 条面评（张三）面试结论：不通过 → 通过',
      '第 1 条面评（张三）评价内容："很好" → "不错"',
    ]);
    const shown = [...preview, ...undo].join('\n');
    expect([...developerWords(shown), ...englishIn(shown, ROWS().flat().join('\n'))]).toEqual([]);
  });

  it("says the times of an end before its begin, two rows' disagreeing times and a preview's row in 北京时间", async () => {
    const { check, problems, preview, shown } = await timeTexts(browser);
    const end =
      '第 3 行「结束时间」列：结束时间应晚于开始时间 2025-12-03 10:00 北京时间，实际是 2025-12-03 09:00 北京时间：请对调两个时间或改正日期';
    const conflict =
      '第 5 行「开始时间」列：同一场面试的每一行应填相同的时间，这里是 2025-12-04 10:30 北京时间，第 4 行却是 2025-12-04 10:00 北京时间：请改成一致，或把这一格留空';
    expect(check).toEqual({ end, conflict });
    expect(problems.map((p) => p.split('\n')[0])).toEqual([`${end} (1 行)`, `${conflict} (1 行)`]);
    expect(preview).toEqual({
      change:
        '将会修改：开始时间：2024-03-01 16:00 北京时间 → 2025-12-02 14:00 北京时间；结束时间：2024-03-01 17:00 北京时间 → 2025-12-02 15:00 北京时间；第 1 条面评（张三）面试结论：通过 → 不通过；第 1 条面评（张三）评价内容："不错" → "很好"',
      end,
      conflict,
    });
    expect(shown).toContain('北京时间');
    expect(shown).not.toContain('Asia/Shanghai');
  });
});

describe.runIf(HAVE_BROWSER)('a change field by field in the page, in English', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await openBrowser('en-US', 'UTC');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("names each field by the English template's column, and each time as it lands in Beijing time", async () => {
    const { preview, undo } = await changeLines(browser);
    expect(preview).toEqual([
      'begin_time: 2024-03-01 16:00 Beijing time → 2025-12-02 14:00 Beijing time',
      'end_time: 2024-03-01 17:00 Beijing time → 2025-12-02 15:00 Beijing time',
      'assessment 1 (张三) conclusion: pass → fail',
      'assessment 1 (张三) assessment_content: "不错" → "很好"',
    ]);
    expect(undo[0]).toBe('begin_time: 2025-12-02 14:00 Beijing time → 2024-03-01 16:00 Beijing time');
    expect(undo[3]).toBe('assessment 1 (张三) assessment_content: "很好" → "不错"');
  });

  it("says the times of an end before its begin, two rows' disagreeing times and a preview's row in Beijing time", async () => {
    const { check, problems, preview, shown } = await timeTexts(browser);
    const end =
      'row 3, column 结束时间: expected an end_time after the begin_time 2025-12-03 10:00 Beijing time, got 2025-12-03 09:00 Beijing time: swap the two times or fix the date';
    const conflict =
      'row 5, column 开始时间: expected the same time on every row of the interview, got 2025-12-04 10:30 Beijing time here but 2025-12-04 10:00 Beijing time on row 4: make them equal, or leave this cell blank';
    expect(check).toEqual({ end, conflict });
    expect(problems.map((p) => p.split('\n')[0])).toEqual([`${end} (1 row)`, `${conflict} (1 row)`]);
    expect(preview).toEqual({
      change:
        'would change: begin_time: 2024-03-01 16:00 Beijing time → 2025-12-02 14:00 Beijing time; end_time: 2024-03-01 17:00 Beijing time → 2025-12-02 15:00 Beijing time; assessment 1 (张三) conclusion: pass → fail; assessment 1 (张三) assessment_content: "不错" → "很好"',
      end,
      conflict,
    });
    expect(shown).toContain('Beijing time');
    expect(shown).not.toContain('Asia/Shanghai');
  });
});
