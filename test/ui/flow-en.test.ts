/**
 * The page in a real (headless) Chromium whose language is English: a plain import of the
 * sample — its bad cell and message in English, the report, the preview, the import, its result
 * and undo — and the page's own language switch. Skipped where no Chromium is installed (see
 * flow-zh.test.ts, which fails instead under REQUIRE_BROWSER=1).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewsCsv, tempDir } from '../helpers.js';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { chooseFile, download, text } from './page-steps.js';
import { SAMPLE, type UiWorld, startWorld } from './ui-server.js';

browserNotice('test/ui/flow-en.test.ts');

describe.runIf(HAVE_BROWSER)('the page in English', () => {
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

  it('imports a file with a bad cell: check, report, preview, import, result, undo', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    // A CSP refusal or a script error would show here.
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(world.ui.url);
    expect(await text(page, 'h1')).toBe('Feishu Hire interview import');
    // What the CLI refuses, the page refuses in place, in its own words (no flag); the code in the details line.
    await page.fill('[data-testid=tz]', 'Mars/Base');
    await page.setInputFiles('[data-testid=file-input]', SAMPLE);
    expect(await text(page, '[data-testid=validate-error] p')).toBe(
      'the time zone or sheet chosen is not one the file can be read in: pick the time zone from the list (such as Asia/Shanghai) and the sheet from the list',
    );
    await page.fill('[data-testid=tz]', 'Asia/Shanghai');
    // A workbook's sheets are offered; the one picked is read, and refused in place when it is not the data.
    await page.setInputFiles('[data-testid=file-input]', SAMPLE.replace(/\.csv$/, '.xlsx'));
    await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
    expect(await page.locator('[data-testid=sheet] option').allTextContents()).toEqual([
      'the first with the template columns',
      '说明',
      '面试记录',
    ]);
    await page.selectOption('[data-testid=sheet]', '说明');
    await page.click('[data-testid=check]');
    await page.waitForSelector('[data-testid=validate-error]');
    // The file is named as the user's computer names it, not by its copy on the server.
    expect(await text(page, '[data-testid=validate-error] p')).toBe(
      'the file (sheet "说明") lacks columns the template has: rename its headers to the template\'s names, or choose the sheet that holds the data, then check again',
    );
    await chooseFile(page, SAMPLE);
    expect(await text(page, '[data-testid=check-step] [data-testid=counts] p')).toBe('173 rows · 30 interviews');
    expect(await text(page, '[data-testid=check-step] [data-status=invalid]')).toBe('invalid 1');
    await page.check('[data-testid=only-problems]');
    const bad = page.locator('[data-testid=check-rows] [data-fault="1"]');
    await bad.waitFor();
    expect(await bad.textContent()).toBe('八十五');
    expect(await bad.getAttribute('title')).toBe(
      'expected a whole-number score such as 88, got "八十五" (row 10, column 分数): type digits only',
    );
    // Eight rows need the user: the bad one and the seven it blocks.
    expect(await page.locator('[data-testid=check-rows] .grid-body .grid-row').count()).toBe(8);
    expect(await download(page, '[data-testid=download-check]')).toMatchObject({
      name: 'interviews.report.xlsx',
      head: 'PK',
    });
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=preview-step] [data-testid=group-change]')).toMatch(/^Change \d+$/);
    await page.click('[data-testid=start]');
    expect(await text(page, '[data-testid=confirm] p')).toBe(
      'Write to Feishu: new 0 · change 29 · remove 0 · unchanged 0 (not sent). Times without a zone are read as Beijing time. You can stop it; what landed stays and can be undone.',
    );
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=import-result] [data-status=invalid]')).toBe('invalid 1');
    expect(await text(page, '[data-testid=import-result] [data-kind=changed]')).toMatch(/^changed \d+$/);
    const puts = world.sim.stats.requests.put;
    expect(puts).toBeGreaterThan(0);
    await page.click('[data-testid=undo]');
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=undo-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=undo-result] [data-kind=changed]')).toBe(`changed ${puts}`);
    // The switch turns the page Chinese, and it stays so when reopened.
    await page.click('button.lang');
    expect(await text(page, 'h1')).toBe('飞书招聘面试记录导入');
    await page.reload();
    expect(await text(page, 'h1')).toBe('飞书招聘面试记录导入');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the grid of a large file to the rows on screen, and scrolls to its last row', async () => {
    const file = join(await tempDir(), 'large.csv');
    await writeFile(file, interviewsCsv(5000, 2).text);
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await chooseFile(page, file);
    // In Chinese: the test before switched the page, and the choice stays.
    expect(await text(page, '[data-testid=check-step] [data-testid=counts] p')).toBe('10000 行 · 5000 场面试');
    const rows = page.locator('[data-testid=check-rows] .grid-body .grid-row');
    await page.waitForSelector('[data-testid=check-rows] .grid-body .c-status');
    // A screen of rows and the few beyond it, not ten thousand.
    expect(await rows.count()).toBeLessThan(60);
    await page.locator('[data-testid=grid]').evaluate((grid) => {
      grid.scrollTop = grid.scrollHeight;
    });
    await page.waitForSelector('[data-testid=check-rows] .grid-body .c-row:text-is("10001")');
    expect(await rows.count()).toBeLessThan(60);
    await page.close();
  });

  it('stops an import safely from the page and resumes it, skipping what landed', async () => {
    // Slow answers, so that the stop comes while the import is going.
    const slow = await startWorld({ latencyMs: 400 });
    try {
      const page = await browser.context.newPage();
      await page.goto(slow.ui.url);
      await chooseFile(page, SAMPLE);
      await page.click('[data-testid=preview]');
      await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]', { timeout: 30_000 });
      await page.click('[data-testid=start]');
      await page.click('[data-testid=confirm-yes]');
      // Stopped once a few interviews have landed.
      // (A function, not a string: the page's CSP refuses eval, Playwright's string form included.)
      const progress = page.locator('[data-testid=progress] progress');
      while ((await progress.evaluate((el) => (el as unknown as { value: number }).value)) < 3)
        await page.waitForTimeout(50);
      await page.click('[data-testid=stop]');
      await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
      const notSent = await text(page, '[data-testid=import-result] [data-status=not_sent]');
      // A new port is a new origin to the browser: this page speaks the browser's English.
      expect(notSent).toMatch(/^not sent \d+$/);
      const landed = slow.sim.stats.requests.put;
      await page.click('[data-testid=resume]');
      await page.waitForSelector('[data-testid=import-result] [data-status=skipped]', { timeout: 30_000 });
      expect(await page.locator('[data-testid=import-result] [data-status=not_sent]').count()).toBe(0);
      // Each valid interview written once in all: the resume wrote only what the stop left.
      expect(slow.sim.stats.requests.put).toBe(29);
      expect(landed).toBeLessThan(29);
      await page.close();
    } finally {
      await slow.close();
    }
  });
});
