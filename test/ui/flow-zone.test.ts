/**
 * The page in a Chromium whose time zone is UTC (a server's, a fresh laptop's) and whose language
 * is Chinese, against a Feishu tenant (the simulator stands in for open.feishu.cn): a file of
 * times without a zone lands them as Beijing time, the browser's other zone is pointed out, the
 * preview shows each time as it will land, and the zone chosen is remembered for the folder.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { chooseFile, text } from './page-steps.js';
import { MIGRATION, type UiWorld, startWorld } from './ui-server.js';

browserNotice('test/ui/flow-zone.test.ts');

/** Each interview's begin and end in the file, as Beijing wall-clock times (UTC+8, no summer time since 1991). */
async function fileTimes(file: string): Promise<Map<string, { begin: number; end: number }>> {
  const [head, ...lines] = (await readFile(file, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = head!.split(',');
  const at = (name: string) => columns.indexOf(name);
  const beijing = (wall: string) => {
    const [d, t] = wall.split(' ');
    const [y, m, day] = d!.split('-').map(Number);
    const [h, min] = t!.split(':').map(Number);
    return Date.UTC(y!, m! - 1, day!, h! - 8, min!);
  };
  const times = new Map<string, { begin: number; end: number }>();
  for (const line of lines) {
    const cells = line.split(',');
    const begin = cells[at('开始时间')]!;
    if (begin !== '')
      times.set(cells[at('外部系统面试ID')]!, { begin: beijing(begin), end: beijing(cells[at('结束时间')]!) });
  }
  return times;
}

describe.runIf(HAVE_BROWSER)('the page in a browser set to UTC', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  beforeAll(async () => {
    world = await startWorld();
    browser = await openBrowser('zh-CN', 'UTC');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('reads times without a zone as Beijing time, says the browser differs, shows them as they land, and lands them so', async () => {
    const page = await browser.context.newPage();
    await page.goto(world.ui.url);
    expect(await page.inputValue('[data-testid=tz]')).toBe('Asia/Shanghai');
    expect(await text(page, '[data-testid=tz-read]')).toBe(
      '文件中没有注明时区的时间，按 北京时间 读取，并这样写入飞书。',
    );
    expect(await text(page, '[data-testid=tz-browser]')).toBe(
      '注意：这台电脑的时区是 UTC，与所选的 北京时间 不同。文件中的时间按 北京时间 读取；如果它们是按这台电脑的时区写的，请改选 UTC。',
    );
    await chooseFile(page, MIGRATION);
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    const head = await page.locator('[data-testid=preview-rows] .grid-head').textContent();
    expect(head).toContain('开始时间（写入飞书）结束时间（写入飞书）');
    const first = page.locator('[data-testid=preview-rows] .grid-body .grid-row').first();
    // Row 2 of the file: 2019-05-02 10:00 to 10:45, written in Beijing.
    expect(await first.locator('[data-testid=lands-begin]').textContent()).toBe('2019-05-02 10:00 北京时间');
    expect(await first.locator('[data-testid=lands-end]').textContent()).toBe('2019-05-02 10:45 北京时间');

    await page.click('[data-testid=start]');
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result] [data-kind=created]', { timeout: 30_000 });
    // What Feishu holds, interview by interview, against the file read as Beijing time.
    const expected = await fileTimes(MIGRATION);
    // The tenant's other interviews (the seeded sample's) have no legacy key.
    const held = new Map(
      [...world.sim.store.interviews.values()]
        .filter((x) => x.external_id !== undefined)
        .map((x) => [x.external_id, { begin: x.begin_time, end: x.end_time }]),
    );
    expect(held.size).toBe(24);
    expect(Object.fromEntries(held)).toEqual(Object.fromEntries(expected));
    await page.close();
  });

  it('remembers the zone chosen in this folder, and shows times in it', async () => {
    let page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    await page.fill('[data-testid=tz]', 'Asia/Tokyo');
    expect(await text(page, '[data-testid=tz-read]')).toBe(
      '文件中没有注明时区的时间，按 Asia/Tokyo 读取，并这样写入飞书。',
    );
    await chooseFile(page, MIGRATION);
    const first = page.locator('[data-testid=check-rows] .grid-body .grid-row').first();
    expect(await first.locator('[data-testid=lands-begin]').textContent()).toBe('2019-05-02 10:00 Asia/Tokyo');
    await page.close();
    page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${world.ui.port}/`);
    expect(await page.inputValue('[data-testid=tz]')).toBe('Asia/Tokyo');
    // The page's own word for China's zone, typed, is taken as that zone.
    await page.fill('[data-testid=tz]', '北京时间');
    expect(await page.inputValue('[data-testid=tz]')).toBe('Asia/Shanghai');
    expect(await text(page, '[data-testid=tz-read]')).toBe(
      '文件中没有注明时区的时间，按 北京时间 读取，并这样写入飞书。',
    );
    expect(await page.locator('[data-testid=tz-unknown]').count()).toBe(0);
    await page.close();
  });
});
