/**
 * The page in its user's words, in a real (headless) Chromium: a Chinese flow with row errors, a
 * network cut in the middle of the import and a Feishu refusal shows no flag, no code and no
 * English beyond file names and IDs; the cut is named while it lasts and the run waits it out;
 * a check and a preview say how far they have got; 停止 answers within 5 s on a large run; a
 * reopened tab's 继续导入 goes on where the run stopped, and is not offered after an undo; a
 * second browser is let in by a link the page makes. Skipped where no Chromium is installed.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingFrom } from '../../src/cli/simulate.js';
import { tempDir } from '../helpers.js';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { chooseFile, text } from './page-steps.js';
import { type Browser, developerWords, englishIn, visible } from './page-text.js';
import { LANDS, REFUSED, outageFlow, outageWorld } from './outage-flow.js';
import { SAMPLE, type UiWorld, startWorld } from './ui-server.js';

browserNotice('test/ui/flow-words.test.ts');

describe.runIf(HAVE_BROWSER)("the page says what happens in its user's words", () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  beforeAll(async () => {
    world = await outageWorld();
    browser = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('a Chinese flow with row errors, a network cut and a Feishu refusal: no flag, no code, no English; the cut named and waited out', async () => {
    const { sample, checked, previewProgress, trouble, during, done, page } = await outageFlow(browser, world);
    expect(checked).toContain('第 ');
    expect(developerWords(checked)).toEqual([]);
    expect(englishIn(checked, sample)).toEqual([]);
    // The enumeration's values in Chinese only, in the grid's message and in the list of problems.
    expect(checked).toContain('应为以下之一：不通过、通过、待定，实际是“淘汰”');
    expect(checked).not.toMatch(/不通过 fail/);
    expect(previewProgress).toMatch(/正在读取飞书中的现有记录/);
    // The cut, said at once in words, while the run waits for it.
    expect(trouble).toMatch(/^连不上飞书：已重试 \d+ 次，正在等待……$|^飞书暂时不可用/);
    expect(developerWords(during)).toEqual([]);
    expect(englishIn(during, sample)).toEqual([]);
    expect(developerWords(done)).toEqual([]);
    expect(englishIn(done, sample)).toEqual([]);
    // Feishu's refusal is said in words; its code waits in the closed details line.
    expect(done).toContain('飞书拒绝了这场面试的内容');
    expect(done).not.toContain('1002002');
    expect(done).not.toContain('already used');
    // Nothing failed for the cut: the interviews landed, the refused one alone is left out.
    expect(world.sim.store.get(LANDS)?.participate_status).toBe(2);
    expect(world.sim.store.get(REFUSED)?.participate_status).toBeUndefined();
    expect(done).not.toContain('连不上飞书（连接失败或超时）');
    // The import's problems said as the check said them, with the cell's own word.
    expect(done).toContain('第 17 行「面试结论」列：应为以下之一：不通过、通过、待定，实际是“淘汰”');
    expect(done).not.toContain('实际是“”');
    await page.close();
  }, 240_000);

  it('lets a second browser in by a one-time link the page makes, without a restart', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await page.click('[data-testid=invite]');
    const link = await page.inputValue('[data-testid=invite-link] input');
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${world.ui.port}/\\?t=[\\w-]+$`));
    expect(await text(page, '[data-testid=invite-link]')).toMatch(/只能用一次，10 分钟内有效/);
    const second = await openBrowser('zh-CN');
    const third = await openBrowser('zh-CN');
    try {
      const other = await second.context.newPage();
      await other.goto(link);
      await other.waitForSelector('[data-testid=file-input]', { state: 'attached' });
      expect(await other.$('[data-testid=locked]')).toBeNull();
      // The page's calls work there: the import made in the first browser shows, with its result.
      await other.waitForSelector('[data-testid=import-result]');
      await other.waitForSelector('[data-testid=earlier]');
      // The same link opens no third browser.
      const late = await third.context.newPage();
      const answer = await late.goto(link);
      expect(answer?.status()).toBe(403);
      expect(await late.textContent('body')).toContain('让另一个浏览器打开');
    } finally {
      await second.close();
      await third.close();
    }
    await page.close();
  }, 120_000);

  it("says the file's warnings in the page's words: another sheet to choose in the sheet box, columns to map; no flag, no code", async () => {
    // The sample as a workbook with a column of the old system's notes, and February's records on a second sheet.
    const [header, ...rows] = parse((await readFile(SAMPLE, 'utf8')).replace(/^\uFEFF/, '')) as string[][];
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('三月').addRows([[...header!, '备注'], ...rows.map((r) => [...r, '无'])]);
    wb.addWorksheet('二月').addRows([header!, rows[0]!]);
    const file = join(await tempDir(), 'interviews.xlsx');
    await wb.xlsx.writeFile(file);
    const page = await browser.context.newPage();
    await page.goto(world.ui.url);
    await chooseFile(page, file);
    const warnings = await page.locator('[data-testid=check-step] [data-testid=run-warning] p').allInnerTexts();
    expect(warnings).toEqual([
      '无法识别的列会保留在报告中，但不会导入：“备注”。如果其中有模板中的内容，请点「映射文件的列」为它选择对应的列',
      '工作表“二月”也带有模板的列，这次没有读取：要导入它，请在「工作表」框中选择它，单独检查和导入',
    ]);
    const shown = await visible(page);
    expect(shown).not.toContain('--');
    expect(developerWords(shown)).toEqual([]);
    expect(englishIn(shown, (await readFile(SAMPLE, 'utf8')) + file)).toEqual([]);
    // The code waits for support in the closed details line; the sheet box offers the other sheet.
    expect(await page.locator('[data-testid=run-warning] details code').allTextContents()).toEqual([
      'INPUT_UNKNOWN_COLUMNS',
      'INPUT_OTHER_SHEETS',
    ]);
    expect(await page.locator('[data-testid=sheet] option').allTextContents()).toContain('二月');
    // The mapping step the warning names is one click away.
    await page.click('[data-testid=mapping-open]');
    await page.waitForSelector('[data-testid=mapping-step] h2');
    expect(await text(page, '[data-testid=mapping-step] h2')).toBe('映射文件的列');
    expect(await page.getByRole('combobox', { name: '备注', exact: true }).count()).toBe(1);
    await page.close();
  }, 120_000);
});

/** Waits until the import's progress says some interviews are done. */
async function landedSome(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      /已完成 [1-9]\d* \//.test(
        (globalThis as unknown as Browser).document.querySelector('[data-testid=progress] p')?.textContent ?? '',
      ),
    undefined,
    { timeout: 60_000 },
  );
}

/** `n` interviews, one row each, in the template's Chinese columns. */
async function largeFile(n: number): Promise<string> {
  const lines = ['外部面试ID,外部投递ID,参与状态,开始时间,结束时间'];
  for (let i = 0; i < n; i++) {
    const id = `71234567890${String(i).padStart(8, '0')}`;
    const app = `69606632409${String(i).padStart(8, '0')}`;
    lines.push(`${id},${app},参与,2025-12-02 14:00,2025-12-02 15:00`);
  }
  const file = join(await tempDir(), 'large-run.csv');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

describe.runIf(HAVE_BROWSER)('a large run: stopped within 5 s, resumed from a reopened tab, undone', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  let file: string;
  beforeAll(async () => {
    file = await largeFile(3000);
    world = await startWorld({ latencyMs: 100, seed: await existingFrom(file) });
    browser = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('stops within 5 s, resumes from a reopened tab, and offers no 继续导入 after an undo', async () => {
    let page = await browser.context.newPage();
    await page.goto(world.ui.url);
    await chooseFile(page, file);
    // An import follows its preview: it sends what the preview showed.
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=counts]', { timeout: 120_000 });
    await page.click('[data-testid=start]');
    await page.click('[data-testid=confirm-yes]');
    await landedSome(page);
    const asked = Date.now();
    await page.click('[data-testid=stop]');
    await page.waitForSelector('[data-testid=resume]', { timeout: 30_000 });
    const stopMs = Date.now() - asked;
    expect(stopMs).toBeLessThan(5000);

    // The tab is closed and opened again: the stopped run is there, and 继续导入 goes on with it.
    await page.close();
    page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await page.waitForSelector('[data-testid=resume]');
    await page.click('[data-testid=resume]');
    await page.waitForSelector('[data-testid=progress] p', { timeout: 30_000 });
    expect(await page.$('[data-testid=import-step] .error')).toBeNull();
    await landedSome(page);
    await page.click('[data-testid=stop]');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
    // What landed before the stop is not sent again.
    expect(await text(page, '[data-testid=import-result] [data-kind=resumed]')).toMatch(/^之前已完成 [1-9]\d*$/);

    // The undo is previewed, then confirmed.
    await page.click('[data-testid=undo]');
    await page.click('[data-testid=undo-preview] [data-testid=confirm-yes]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=undo-result]', { timeout: 120_000 });
    expect(await page.$('[data-testid=resume]')).toBeNull();
    await page.close();
  }, 300_000);

  it('a large check says the rows it has read as it reads them, then all of them', async () => {
    // 200,000 rows: reading and checking them takes seconds, told five times a second.
    const big = await largeFile(200_000);
    const page = await browser.context.newPage();
    await page.goto(world.ui.url);
    await page.setInputFiles('[data-testid=file-input]', big);
    await page.waitForFunction(
      () =>
        /^正在检查…… 已读取(全部)? [\d,]+ 行/.test(
          (globalThis as unknown as Browser).document.querySelector('[data-testid=validate-progress] p')?.textContent ??
            '',
        ),
      undefined,
      { timeout: 60_000 },
    );
    const during = await text(page, '[data-testid=validate-progress] p');
    expect(during).toMatch(/^正在检查…… 已读取(全部 200,000 行|( [\d,]+ 行（\d+%）)) · 已用 \d+ 秒/);
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]', { timeout: 120_000 });
    await page.close();
  }, 180_000);
});
