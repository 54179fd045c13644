import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, startCli, tempDir } from '../helpers.js';
import { ask } from '../ui/ui-server.js';

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
      /^页面地址：(http:\/\/127\.0\.0\.1:(\d+)\/\?t=[\w-]+)（在本机浏览器中打开；按 Ctrl-C 前一直可用）$/m,
    );
    expect(line).toBeDefined();
    const login = await ask(Number(port), { path: new URL(url!).search.replace(/^/, '/') });
    expect(login.status).toBe(303);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const own = { cookie, origin: `http://127.0.0.1:${port}` };
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
