import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, startCli, tempDir } from '../helpers.js';
import { PAGE_KEY_HEADER } from '../../src/ui/doors.js';
import { ask, passOf } from '../ui/ui-server.js';

const SAMPLE = join(ROOT, 'samples', 'interviews.csv');

/** Waits until `read()` matches, for output a child process writes when it gets there. */
async function until(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const m = pattern.exec(read());
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('feishu-interview-import ui', () => {
  it('checks its flags once, before it serves: a port past 65535 is a usage error', async () => {
    const run = await runCli(['ui', '--port', '99999', '--no-open', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error [USAGE_BAD_OPTION]: --port: expected a whole number from 0 to 65535, got 99999\n');
    expect(run.stdout).toBe('');
  });

  it('prints its one-time link in the locale, serves until Ctrl-C, lets the import finish and removes the uploads', async () => {
    const dir = await tempDir();
    const tmp = await tempDir();
    const { child, done } = startCli(['ui', '--demo', '--no-open', '--dir', dir], {
      env: { LANG: 'zh_CN.UTF-8', TMPDIR: tmp },
    });
    let out = '';
    child.stdout?.on('data', (d: string) => (out += d));
    const [line, url, port] = await until(
      () => out,
      /^页面地址： (http:\/\/127\.0\.0\.1:(\d+)\/\?t=[\w-]+) （在本机浏览器中打开；按 Ctrl-C 前一直可用）$/m,
    );
    expect(line).toBeDefined();
    const login = await ask(Number(port), { path: new URL(url!).search.replace(/^/, '/') });
    expect(login.status).toBe(303);
    const pass = passOf(login);
    const own = { cookie: pass.cookie, [PAGE_KEY_HEADER]: pass.key, origin: `http://127.0.0.1:${port}` };
    const up = await ask(Number(port), {
      method: 'POST',
      path: '/api/upload?name=interviews.csv',
      headers: own,
      body: await readFile(SAMPLE),
    });
    expect((await readdir(tmp)).length).toBe(1);
    const started = await ask(Number(port), {
      method: 'POST',
      path: '/api/runs',
      headers: { ...own, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'import', upload: JSON.parse(up.body).id, mode: 'import', tz: 'Asia/Shanghai' }),
    });
    expect(started.status).toBe(202);
    // The demo's simulator takes 10 requests/s: the import of 29 interviews is under way.
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('正在停止：进行中的导入会完成已发出的请求并写好日志……');
    const kept = await readdir(dir);
    expect(kept.some((f) => /^interviews\.\d{8}-\d{6}\.report\.xlsx$/.test(f))).toBe(true);
    expect(kept.some((f) => f.endsWith('.journal.jsonl'))).toBe(true);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('opens the browser with a private forwarding page, never the link: no token in any command line', async () => {
    const bin = await tempDir();
    const seen = join(bin, 'seen');
    // A stand-in for xdg-open: what it was given, and what the file it was given says.
    await writeFile(
      join(bin, 'xdg-open'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > "${seen}.args"\nstat -c '%a' "$1" "$(dirname "$1")" > "${seen}.modes"\ncat "$1" > "${seen}.html"\n`,
    );
    await chmod(join(bin, 'xdg-open'), 0o755);
    const dir = join(await tempDir(), 'new', 'reports');
    const { child, done } = startCli(['ui', '--demo', '--dir', dir], {
      env: { LANG: 'en_US.UTF-8', PATH: `${bin}:${process.env.PATH}` },
    });
    let out = '';
    child.stdout?.on('data', (d: string) => (out += d));
    const [, url] = await until(() => out, /^the page: (http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]+) {2}\(/m);
    const token = new URL(url!).searchParams.get('t')!;
    await until(() => (existsSync(`${seen}.html`) ? 'x' : ''), /x/);
    await new Promise((r) => setTimeout(r, 200));
    const args = await readFile(`${seen}.args`, 'utf8');
    expect(args).not.toContain(token);
    expect(args).toMatch(/^\/.*\/fii-ui-\d+-\w+\/open\.html\n$/);
    expect(await readFile(`${seen}.modes`, 'utf8')).toBe('600\n700\n');
    const html = await readFile(`${seen}.html`, 'utf8');
    expect(html).toContain(`location.replace("${url}")`);
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${url}">`);
    // The folder the page's reports go to is made for the user alone.
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
  });

  it('says a port another program holds as simulate does, and exits', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const port = (holder.address() as AddressInfo).port;
    const run = await startCli(['ui', '--demo', '--no-open', '--port', String(port), '--dir', await tempDir()], {
      env: { LANG: 'en_US.UTF-8' },
    }).done;
    holder.close();
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `error [UI_PORT_BUSY]: expected to listen on port ${port}, got EADDRINUSE (another program holds it): stop that program, or pass another --port (0 picks a free one)`,
    );
  });
});
