import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cookieValue, door, newKeys } from '../../src/ui/doors.js';
import { MAX_UPLOAD_BYTES, safeName } from '../../src/ui/uploads.js';
import { APP_SECRET, type Answer, SAMPLE, type UiWorld, ask, login, own, postRun, startWorld } from './ui-server.js';

const PORT = 4321;
const req = (o: Partial<Parameters<typeof door>[0]>) => ({
  method: 'GET',
  url: '/',
  host: `127.0.0.1:${PORT}`,
  origin: undefined,
  cookie: undefined,
  ...o,
});

describe('the doors, as pure functions', () => {
  it('refuses any Host but the loopback address and port it serves (DNS rebinding)', () => {
    const keys = newKeys();
    for (const host of ['localhost:4321', 'attacker.example:4321', '127.0.0.1:4322', '127.0.0.1', undefined])
      expect(door(req({ host, url: `/?t=${keys.token}` }), PORT, keys)).toEqual({
        kind: 'refuse',
        status: 421,
        reason: 'host',
      });
    expect(keys.tokenUsed).toBe(false);
  });

  it('exchanges the token once for an HttpOnly, SameSite=Strict cookie and cleans the URL', () => {
    const keys = newKeys();
    const first = door(req({ url: `/?t=${keys.token}` }), PORT, keys);
    expect(first).toEqual({
      kind: 'exchange',
      location: '/',
      setCookie: `fii_ui=${keys.session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200`,
    });
    // A second browser with the same link gets nothing; the first, with its cookie, a clean URL.
    expect(door(req({ url: `/?t=${keys.token}` }), PORT, keys)).toEqual({
      kind: 'refuse',
      status: 403,
      reason: 'token',
    });
    expect(door(req({ url: `/?t=${keys.token}`, cookie: `fii_ui=${keys.session}` }), PORT, keys).kind).toBe('exchange');
  });

  it('lets nothing through without the cookie: no page, asset or call', () => {
    const keys = newKeys();
    for (const url of ['/', '/app.js', '/app.css', '/api/state', '/api/events', '/?t=wrong'])
      expect(door(req({ url }), PORT, keys)).toEqual({ kind: 'refuse', status: 403, reason: 'token' });
    expect(door(req({ cookie: 'fii_ui=guess' }), PORT, keys)).toEqual({ kind: 'refuse', status: 403, reason: 'token' });
    expect(door(req({ cookie: `other=1; fii_ui=${keys.session}` }), PORT, keys)).toEqual({ kind: 'pass' });
  });

  it('takes state-changing calls from its own Origin only', () => {
    const keys = newKeys();
    const cookie = `fii_ui=${keys.session}`;
    for (const origin of [undefined, 'http://attacker.example', 'http://localhost:4321', 'null'])
      expect(door(req({ method: 'POST', url: '/api/runs', cookie, origin }), PORT, keys)).toEqual({
        kind: 'refuse',
        status: 403,
        reason: 'origin',
      });
    expect(
      door(req({ method: 'POST', url: '/api/runs', cookie, origin: 'http://127.0.0.1:4321' }), PORT, keys),
    ).toEqual({ kind: 'pass' });
  });

  it('keeps an uploaded name to one path segment of the name the user gave it', () => {
    expect(safeName('../../etc/passwd.csv')).toBe('passwd.csv');
    expect(safeName('C:\\Users\\hr\\三月.xlsx')).toBe('三月.xlsx');
    expect(safeName('.hidden.csv')).toBe('upload.csv');
    expect(safeName('a\u0000b:c.csv')).toBe('a_b_c.csv');
    expect(safeName('')).toBe('upload');
  });

  it('reads the cookie among others', () => {
    expect(cookieValue('a=1; fii_ui=xyz ; b=2')).toBe('xyz');
    expect(cookieValue('fii_uix=1')).toBeUndefined();
    expect(cookieValue(undefined)).toBeUndefined();
  });

  it('has a strict Content-Security-Policy: own script and style only, no inline code, no other origin', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

interface ResultShape {
  exitCode: number;
  counts: Record<string, number>;
}

describe('the doors, over HTTP', () => {
  let world: UiWorld;
  const answers: Answer[] = [];
  const heard = async (a: Promise<Answer>) => {
    const answer = await a;
    answers.push(answer);
    return answer;
  };
  beforeEach(async () => {
    world = await startWorld({ latencyMs: 150 });
  });
  afterEach(async () => {
    await world.close();
    // Nothing secret in any answer the tests saw.
    for (const a of answers.splice(0)) expect(a.body).not.toContain(APP_SECRET);
  });

  it('serves no page without the token, then the page with its CSP and no inline script', async () => {
    const { ui } = world;
    const refused = await heard(ask(ui.port));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(refused.body).not.toContain('<');
    expect((await heard(ask(ui.port, { path: '/app.js' }))).status).toBe(403);
    const cookie = await login(ui);
    const page = await heard(ask(ui.port, { headers: { cookie } }));
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/app.js">']);
    expect(page.body).toMatch(/<script type="module" src="\/app.js"><\/script>/);
    expect(page.body).not.toMatch(/\sstyle=|\son[a-z]+=/);
    // The printed link opens no second browser.
    const again = await heard(ask(ui.port, { path: new URL(ui.url).search.replace(/^/, '/') }));
    expect(again.status).toBe(403);
  });

  it('refuses a rebinding Host and a call from another Origin, even with the cookie', async () => {
    const { ui } = world;
    const cookie = await login(ui);
    const rebound = await heard(ask(ui.port, { headers: { cookie, host: `attacker.example:${ui.port}` } }));
    expect(rebound.status).toBe(421);
    const body = JSON.stringify({ action: 'validate' });
    for (const origin of ['http://attacker.example', undefined]) {
      const headers: Record<string, string> = { cookie, 'content-type': 'application/json' };
      if (origin) headers.origin = origin;
      const a = await heard(ask(ui.port, { method: 'POST', path: '/api/runs', headers, body }));
      expect(a.status).toBe(403);
    }
  });

  it('caps request sizes and takes .xlsx and .csv files only', async () => {
    const { ui } = world;
    const cookie = await login(ui);
    const big = await heard(postRun(ui, cookie, { action: 'validate', pad: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('UI_BODY_TOO_LARGE');
    const txt = await heard(
      ask(ui.port, { method: 'POST', path: '/api/upload?name=notes.txt', headers: own(ui, cookie), body: 'x' }),
    );
    expect(txt.status).toBe(415);
    expect(JSON.parse(txt.body).error.message.zh).toBe(
      '应为 .xlsx 或 .csv 文件，实际是“notes.txt”：请在 Excel 或 WPS 中另存为 .xlsx（或 CSV）后重新选择',
    );
    // Refused on its declared length, before a byte of it is stored.
    const huge = await heard(
      ask(ui.port, {
        method: 'POST',
        path: '/api/upload?name=a.csv',
        headers: own(ui, cookie, { 'content-length': String(MAX_UPLOAD_BYTES + 1) }),
      }),
    );
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error).toEqual({
      code: 'UI_UPLOAD_TOO_LARGE',
      message: {
        en: 'expected a file of at most 1 GiB, got a larger one: split it into several files and import them one by one',
        zh: '文件应不超过 1 GiB，实际更大：请拆分成几个文件逐个导入',
      },
    });
    expect(await readdir(ui.uploadsDir)).toEqual([]);
  });

  it('refuses an unknown run, an undo of a file that is not an earlier import, and an unknown action', async () => {
    const { ui } = world;
    const cookie = await login(ui);
    const rows = await heard(ask(ui.port, { path: '/api/runs/nope/rows', headers: { cookie } }));
    expect(rows.status).toBe(404);
    expect(JSON.parse(rows.body).error.code).toBe('UI_NOT_FOUND');
    const post = (body: object) => heard(postRun(ui, cookie, body));
    for (const backup of ['../../etc/passwd', '/etc/passwd', 'x.report.xlsx.backup.jsonl']) {
      const undo = await post({ action: 'undo', backup });
      expect(undo.status).toBe(400);
      expect(JSON.parse(undo.body).error.message.en).toBe(
        'expected backup in the request, got none or another: reload the page and try again',
      );
    }
    expect((await post({ action: 'delete-everything' })).status).toBe(400);
    const gone = await post({ action: 'validate', upload: 'nope' });
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.body).error.code).toBe('UI_UPLOAD_GONE');
  });

  it('keeps uploads in a private folder and removes it on exit', async () => {
    const { ui } = world;
    const cookie = await login(ui);
    const up = await heard(
      ask(ui.port, {
        method: 'POST',
        path: '/api/upload?name=interviews.csv',
        headers: own(ui, cookie),
        body: await readFile(SAMPLE),
      }),
    );
    expect(up.status).toBe(200);
    const { id, name } = JSON.parse(up.body) as { id: string; name: string };
    expect(name).toBe('interviews.csv');
    expect((await stat(ui.uploadsDir)).mode & 0o777).toBe(0o700);
    expect((await stat(`${ui.uploadsDir}/${id}/interviews.csv`)).mode & 0o777).toBe(0o600);
    await ui.close();
    expect(existsSync(ui.uploadsDir)).toBe(false);
  });

  it('refuses a second run while one is going, and stops one resumably', async () => {
    const { ui } = world;
    const cookie = await login(ui);
    const up = JSON.parse(
      (
        await heard(
          ask(ui.port, {
            method: 'POST',
            path: '/api/upload?name=interviews.csv',
            headers: own(ui, cookie),
            body: await readFile(SAMPLE),
          }),
        )
      ).body,
    ) as { id: string };
    const run = (action: string) =>
      heard(postRun(ui, cookie, { action, upload: up.id, mode: 'import', tz: 'Asia/Shanghai', lang: 'en' }));
    expect((await run('import')).status).toBe(202);
    const second = await run('validate');
    expect(second.status).toBe(409);
    expect(JSON.parse(second.body).error.code).toBe('UI_RUN_BUSY');
    type State = {
      run: { id: string; state: string; progress?: { done: number }; result?: ResultShape };
    };
    const poll = async () =>
      JSON.parse((await heard(ask(ui.port, { path: '/api/state', headers: { cookie } }))).body) as State;
    // Stopped once a few interviews have landed: the resume must skip exactly those.
    while (((await poll()).run.progress?.done ?? 0) < 3) await new Promise((r) => setTimeout(r, 50));
    const stop = await heard(ask(ui.port, { method: 'POST', path: '/api/stop', headers: own(ui, cookie), body: '{}' }));
    expect(stop.status).toBe(200);
    let state: State;
    do {
      await new Promise((r) => setTimeout(r, 100));
      state = await poll();
    } while (state.run.state === 'running');
    expect(state.run.state).toBe('done');
    expect(state.run.result?.exitCode).toBe(130);
    const notSent = state.run.result?.counts.not_sent ?? 0;
    expect(notSent).toBeGreaterThan(0);
    const landed = world.sim.stats.requests.put;
    // 继续导入: the same file again with the stopped run's report, skipping what landed.
    const resumed = await heard(
      postRun(ui, cookie, {
        action: 'import',
        upload: up.id,
        mode: 'import',
        tz: 'Asia/Shanghai',
        resume: (state.run as { id?: string }).id,
      }),
    );
    expect(resumed.status).toBe(202);
    do {
      await new Promise((r) => setTimeout(r, 100));
      state = await poll();
    } while (state.run.state === 'running');
    expect(state.run.result?.counts.not_sent).toBe(0);
    expect(state.run.result?.counts.skipped).toBeGreaterThan(0);
    // Only what the stop left unsent was written the second time.
    expect(world.sim.stats.requests.put - landed).toBeLessThan(29);
  });
});
