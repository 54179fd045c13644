/**
 * The page in a real (headless) Chromium whose language is Chinese: a migration end to end —
 * choose the file, check, preview, a closed tab reopened on it, import with progress, a closed tab reopened, the result, its
 * undo — then a monthly correction's check with its bad cell. Skipped, with a printed reason,
 * where no Chromium is installed; under REQUIRE_BROWSER=1 (CI) that fails instead.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { CHROMIUM, HAVE_BROWSER, type OpenBrowser, REQUIRE_BROWSER, browserNotice, openBrowser } from './browser.js';
import { chooseFile, download, editReport, shot, text } from './page-steps.js';
import { MIGRATION, SAMPLE, type UiWorld, startWorld } from './ui-server.js';

browserNotice('test/ui/flow-zh.test.ts');

describe.runIf(REQUIRE_BROWSER && !HAVE_BROWSER)('the browser tests', () => {
  it('find a Chromium (REQUIRE_BROWSER=1)', () => {
    expect.fail(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM} (install it, or set CHROMIUM_PATH)`);
  });
});

describe.runIf(HAVE_BROWSER)('the page in Chinese', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  beforeAll(async () => {
    // No seeded interviews for the migration's applications: the creates are real; 20/s lets the progress show.
    // Paced as Feishu is (10 calls a second): the migration takes seconds, so its progress is seen
    // and a tab closed during it finds it again; unpaced, it could end before the page showed it.
    world = await startWorld({ latencyMs: 40 }, { send: { rate: 10 } });
    browser = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('migrates a legacy file end to end, follows it from a reopened tab, corrects it from its report, and undoes both', async () => {
    const { context } = browser;
    let page = await context.newPage();
    await page.goto(world.ui.url);
    // The token is exchanged for the cookie and gone from the address bar.
    expect(page.url()).toBe(`http://127.0.0.1:${world.ui.port}/`);
    expect(await text(page, 'h1')).toBe('飞书招聘面试记录导入');
    // The times are read in the browser's own zone unless the user says otherwise.
    expect(await page.inputValue('[data-testid=tz]')).toBe('Asia/Shanghai');
    await shot(page, '1-choose');
    await chooseFile(page, MIGRATION);
    expect(await text(page, '[data-testid=check-step] [data-testid=counts] p')).toBe('144 行 · 24 场面试');
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=preview-step] [data-testid=group-create]')).toBe('新建 24');
    await shot(page, '3-preview');
    // A tab closed after the preview finds the check and the preview again, and goes on from them.
    await page.close();
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=check-step] [data-testid=counts] p')).toBe('144 行 · 24 场面试');
    expect(await text(page, '[data-testid=preview-step] [data-testid=group-create]')).toBe('新建 24');
    await page.click('[data-testid=start]');
    expect(await text(page, '[data-testid=confirm] p')).toBe(
      '确认写入飞书：新建 24 · 修改 0 · 删除 0 · 无变化 0（不发送）。没有写时区的时间按北京时间读取。开始后可以停止，已写入的会保留并可撤销。',
    );
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=progress]');
    expect(await text(page, '[data-testid=progress] p')).toMatch(/^已完成 \d+ \/ 24 · 每秒 [\d.]+ 次/);
    await shot(page, '4-progress');
    // A closed tab does not stop the run: a new one finds it again.
    await page.close();
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=import-result] [data-kind=created]')).toBe('已创建 24');
    expect(await text(page, '[data-testid=import-file]')).toBe('legacy-migration.csv · 更正');
    expect(world.sim.stats.created.size).toBe(24);
    const report = await download(page, '[data-testid=download-import]');
    expect(report.name).toMatch(/^legacy-migration\.\d{8}-\d{6}\.report\.xlsx$/);
    expect(report.head).toBe('PK');
    await shot(page, '5-result');

    // The monthly correction: one score changed in the report, in Excel, imported back with 更正.
    const fixes = join(await tempDir(), '三月更正.xlsx');
    await editReport(report.path, fixes, '分数', '67', '68');
    await chooseFile(page, fixes);
    expect(await text(page, '[data-testid=check-step] [data-testid=counts] p')).toBe('144 行 · 24 场面试');
    // The Feishu ids the report added to a file without them sit under the template's Chinese title.
    // The file's columns come with the grid's first rows, a call after the counts.
    await page.waitForSelector('[data-testid=check-rows] .grid-head .c-cell');
    const head = await page.locator('[data-testid=check-rows] .grid-head').textContent();
    expect(head).toContain('外部面试ID');
    expect(head).not.toContain('external_interview_id');
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=preview-step] [data-testid=group-change]')).toBe('修改 1');
    expect(await text(page, '[data-testid=preview-step] [data-testid=group-unchanged]')).toBe('无变化 23');
    const diff = page.locator('[data-testid=preview-rows] .grid-body .c-message', { hasText: '将会修改' }).first();
    // The change in words and columns a Chinese HR person reads, not the API's field names.
    expect(await diff.textContent()).toBe('将会修改：第 1 条面评（王芳）维度 "专业能力" 分数：67 → 68');
    await page.click('[data-testid=start]');
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=import-result] [data-testid=kinds]')).toBe('已修改 1无变化 23');
    await page.click('[data-testid=undo]');
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=undo-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=undo-result] [data-kind=changed]')).toBe('已修改 1');

    // Then the migration itself, undone from the list of this folder's earlier imports.
    const migration = page.locator('[data-testid=earlier] li', { hasText: 'legacy-migration' });
    await migration.locator('button').click();
    expect(await text(page, '[data-testid=confirm] p')).toBe(
      '确认撤销：恢复 0 场面试到导入前的内容 · 删除 24 场它新建的面试 · 保持不动 0 场。',
    );
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=undo-result] [data-kind=deleted]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=undo-result] [data-kind=deleted]')).toBe('已删除 24');
    expect(world.sim.stats.deleted.length).toBe(24);
    await page.waitForSelector('[data-testid=earlier] li:has-text("legacy-migration") .done');
    expect(await text(page, '[data-testid=earlier] li:has-text("legacy-migration") .done')).toBe('已撤销');
    await shot(page, '6-undo');
    await page.close();
  });

  it('checks a monthly correction: the bad cell marked with its message, the filter, the report', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await page.fill('[data-testid=tz]', 'Asia/Shanghai');
    await chooseFile(page, SAMPLE);
    expect(await text(page, '[data-testid=check-step] [data-status=invalid]')).toBe('有误 1');
    await page.check('[data-testid=only-problems]');
    const bad = page.locator('[data-testid=check-rows] [data-fault="1"]');
    await bad.waitFor();
    expect(await bad.textContent()).toBe('八十五');
    const message = '第 10 行「分数」列：应为整数分数，例如 88，实际是 "八十五"。只填数字';
    expect(await bad.getAttribute('title')).toBe(message);
    // The columns as the file names them, the message beside the row.
    expect(await page.locator('[data-testid=check-rows] .grid-head').textContent()).toContain('分数');
    expect(await page.locator('[data-testid=check-rows] .grid-body .c-message').first().textContent()).toMatch(
      /^未发送|^第 10 行/,
    );
    await shot(page, '2-check');
    const report = await download(page, '[data-testid=download-check]');
    expect(report).toMatchObject({ name: 'interviews.report.xlsx', head: 'PK' });
    await page.close();
  });
});
