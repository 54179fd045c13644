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
import { chooseFile } from './page-steps.js';
import { developerWords, englishIn } from './page-text.js';

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
});
