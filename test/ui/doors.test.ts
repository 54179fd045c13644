import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { type Socket, connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, INVITE_TTL_MS, cookieValues, door, invite, newKeys } from '../../src/ui/doors.js';
import { MAX_NAME_BYTES, MAX_UPLOAD_BYTES, safeName } from '../../src/ui/uploads.js';
import {
  APP_SECRET,
  type Answer,
  SAMPLE,
  type UiWorld,
  ask,
  login,
  own,
  passOf,
  postRun,
  startWorld,
} from './ui-server.js';

const PORT = 4321;
const req = (o: Partial<Parameters<typeof door>[0]>) => ({
  method: 'GET',
  url: '/',
  host: `127.0.0.1:${PORT}`,
  origin: undefined,
  cookie: undefined,
  pageKey: undefined,
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

  it('exchanges the token once for an HttpOnly, SameSite=Strict cookie, and hands the page key to `/` in the fragment', () => {
    const keys = newKeys();
    const exchange = {
      kind: 'exchange',
      location: `/#k=${keys.page}`,
      setCookie: `fii_ui=${keys.session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200`,
    };
    expect(door(req({ url: `/?t=${keys.token}` }), PORT, keys)).toEqual(exchange);
    // A second browser with the same link gets nothing; the first, with its cookie, the page again.
    expect(door(req({ url: `/?t=${keys.token}` }), PORT, keys)).toEqual({
      kind: 'refuse',
      status: 403,
      reason: 'token',
    });
    expect(door(req({ url: `/?t=${keys.token}`, cookie: `fii_ui=${keys.session}` }), PORT, keys)).toEqual(exchange);
    // A wrong token opens nothing, even beside the cookie.
    expect(door(req({ url: '/?t=guess', cookie: `fii_ui=${keys.session}` }), PORT, keys).kind).toBe('refuse');
  });

  it('lets a second browser in once by a link the page made, within its ten minutes', () => {
    const keys = newKeys();
    const now = 1_800_000_000_000;
    const refused = { kind: 'refuse', status: 403, reason: 'token' };
    door(req({ url: `/?t=${keys.token}` }), PORT, keys, now);
    const first = invite(keys, now);
    expect(first.expiresAt).toBe(now + INVITE_TTL_MS);
    expect(INVITE_TTL_MS).toBe(600_000);
    // A browser without the cookie: the same exchange as the printed link's, then never again.
    expect(door(req({ url: `/?t=${first.token}` }), PORT, keys, now + 1000)).toEqual({
      kind: 'exchange',
      location: `/#k=${keys.page}`,
      setCookie: `fii_ui=${keys.session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200`,
    });
    expect(door(req({ url: `/?t=${first.token}` }), PORT, keys, now + 2000)).toEqual(refused);
    // A link made later replaces one not yet used; one past its time opens nothing, and is spent.
    const older = invite(keys, now);
    const newer = invite(keys, now);
    expect(newer.token).not.toBe(older.token);
    expect(door(req({ url: `/?t=${older.token}` }), PORT, keys, now)).toEqual(refused);
    expect(door(req({ url: `/?t=${newer.token}` }), PORT, keys, now + INVITE_TTL_MS + 1)).toEqual(refused);
    expect(keys.invite).toBeUndefined();
    // The printed token stays spent throughout.
    expect(door(req({ url: `/?t=${keys.token}` }), PORT, keys, now)).toEqual(refused);
  });

  it('sends the exchange to `/` whatever path came with the token, never to another site', () => {
    for (const url of ['//evil.example/x?t=', '/%2F%2Fevil.example?t=', '/api/state?t=', '/\\evil.example?t=']) {
      const keys = newKeys();
      const verdict = door(req({ url: `${url}${keys.token}` }), PORT, keys);
      expect(verdict).toMatchObject({ kind: 'exchange', location: `/#k=${keys.page}` });
    }
  });

  it('lets nothing through without the cookie: no page, asset or call', () => {
    const keys = newKeys();
    for (const url of ['/', '/app.js', '/app.css', '/api/state', '/api/events', '/?t=wrong'])
      expect(door(req({ url, pageKey: keys.page }), PORT, keys)).toEqual({
        kind: 'refuse',
        status: 403,
        reason: 'token',
      });
    expect(door(req({ cookie: 'fii_ui=guess' }), PORT, keys)).toEqual({ kind: 'refuse', status: 403, reason: 'token' });
    expect(door(req({ cookie: `other=1; fii_ui=${keys.session}` }), PORT, keys)).toEqual({ kind: 'pass' });
  });

  it('opens no call on the cookie alone: every /api/ call needs the page key too', () => {
    const keys = newKeys();
    const cookie = `fii_ui=${keys.session}`;
    for (const url of ['/api/state', '/api/events', '/api/runs/x/report', '/api/runs/x/rows'])
      for (const pageKey of [undefined, '', 'guess', keys.session, keys.token])
        expect(door(req({ url, cookie, pageKey }), PORT, keys)).toEqual({ kind: 'refuse', status: 403, reason: 'key' });
    const own = { cookie, origin: `http://127.0.0.1:${PORT}` };
    expect(door(req({ method: 'POST', url: '/api/runs', ...own }), PORT, keys).kind).toBe('refuse');
    expect(door(req({ method: 'POST', url: '/api/runs', ...own, pageKey: keys.page }), PORT, keys)).toEqual({
      kind: 'pass',
    });
    expect(door(req({ url: '/api/state', cookie, pageKey: keys.page }), PORT, keys)).toEqual({ kind: 'pass' });
    // The page's own files hold nothing secret: the cookie opens them, as a reload needs.
    expect(door(req({ url: '/app.js', cookie }), PORT, keys)).toEqual({ kind: 'pass' });
  });

  it('takes any of the cookie values sent: one planted from another port (Path=/api, sent first) does not lock the page out', () => {
    const keys = newKeys();
    const cookie = `fii_ui=planted; other=1; fii_ui=${keys.session}`;
    expect(door(req({ url: '/api/state', cookie, pageKey: keys.page }), PORT, keys)).toEqual({ kind: 'pass' });
    expect(door(req({ url: '/', cookie: 'fii_ui=planted; fii_ui=also' }), PORT, keys).kind).toBe('refuse');
  });

  it('takes state-changing calls from its own Origin only', () => {
    const keys = newKeys();
    const cookie = `fii_ui=${keys.session}`;
    const pageKey = keys.page;
    for (const origin of [
      undefined,
      'http://attacker.example',
      'http://localhost:4321',
      'http://127.0.0.1:4322',
      'null',
    ])
      expect(door(req({ method: 'POST', url: '/api/runs', cookie, origin, pageKey }), PORT, keys)).toEqual({
        kind: 'refuse',
        status: 403,
        reason: 'origin',
      });
    expect(
      door(req({ method: 'POST', url: '/api/runs', cookie, origin: 'http://127.0.0.1:4321', pageKey }), PORT, keys),
    ).toEqual({ kind: 'pass' });
  });

  it('keeps an uploaded name to one path segment of the name the user gave it', () => {
    expect(safeName('../../etc/passwd.csv')).toBe('passwd.csv');
    expect(safeName('C:\\Users\\hr\\三月.xlsx')).toBe('三月.xlsx');
    expect(safeName('.hidden.csv')).toBe('upload.csv');
    expect(safeName('a\u0000b:c.csv')).toBe('a_b_c.csv');
    expect(safeName('')).toBe('upload');
  });

  it('strips format characters, cuts a long name to what every file system takes, and prefixes Windows device names', () => {
    // A right-to-left override shows `面试记录\u202Exslx.exe` as `面试记录exe.xlsx`.
    expect(safeName('面试记录\u202Excsv.exe.csv')).toBe('面试记录xcsv.exe.csv');
    expect(safeName('a\u200Bb\u2066c\u2069\uFEFF.xlsx')).toBe('abc.xlsx');
    expect(safeName('三月. . .')).toBe('三月');
    const long = safeName(`${'面试'.repeat(200)}.xlsx`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long).toBe(`${'面试'.repeat(15)}.xlsx`);
    expect(safeName(`${'😀'.repeat(40)}.csv`)).toBe(`${'😀'.repeat(23)}.csv`);
    for (const name of ['CON.csv', 'con.xlsx', 'Nul.csv', 'COM1.csv', 'lpt9.report.xlsx', 'AUX'])
      expect(safeName(name)).toBe(`_${name}`);
    expect(safeName('CONTACTS.csv')).toBe('CONTACTS.csv');
  });

  it('reads every value of the cookie among others', () => {
    expect(cookieValues('a=1; fii_ui=xyz ; b=2')).toEqual(['xyz']);
    expect(cookieValues('fii_ui=p; fii_ui=q')).toEqual(['p', 'q']);
    expect(cookieValues('fii_uix=1')).toEqual([]);
    expect(cookieValues(undefined)).toEqual([]);
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

  it('makes a link for a second browser only for the page itself, and it opens the page once', async () => {
    const { ui } = world;
    const pass = await login(ui);
    // The cookie alone (another program on this computer), or another Origin, makes no link.
    const bare = await heard(
      ask(ui.port, {
        method: 'POST',
        path: '/api/invite',
        headers: { cookie: pass.cookie, origin: `http://127.0.0.1:${ui.port}` },
      }),
    );
    expect(bare.status).toBe(403);
    const foreign = await heard(
      ask(ui.port, { method: 'POST', path: '/api/invite', headers: own(ui, pass, { origin: 'http://evil.example' }) }),
    );
    expect(foreign.status).toBe(403);
    const made = await heard(ask(ui.port, { method: 'POST', path: '/api/invite', headers: own(ui, pass) }));
    expect(made.status).toBe(200);
    const { url, expiresAt } = JSON.parse(made.body) as { url: string; expiresAt: number };
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${ui.port}/\\?t=[\\w-]{32}$`));
    expect(expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    const link = new URL(url);
    const second = await heard(ask(ui.port, { path: `${link.pathname}${link.search}` }));
    expect(second.status).toBe(303);
    const secondPass = passOf(second);
    const state = await heard(ask(ui.port, { path: '/api/state', headers: own(ui, secondPass) }));
    expect(state.status).toBe(200);
    // Once used, the link opens nothing for a third browser.
    const third = await heard(ask(ui.port, { path: `${link.pathname}${link.search}` }));
    expect(third.status).toBe(403);
  });

  it('serves no page without the token, then the page with its CSP and no inline script', async () => {
    const { ui } = world;
    const refused = await heard(ask(ui.port));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(refused.body).not.toContain('<');
    expect((await heard(ask(ui.port, { path: '/app.js' }))).status).toBe(403);
    // A token on any path, `//another.site/` included, goes on to `/` of this server only.
    const exchange = await heard(ask(ui.port, { path: `//evil.example/x${new URL(ui.url).search}` }));
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toMatch(/^\/#k=[\w-]{43}$/);
    // Arriving from another site (the forwarding file), by a refresh: a redirect would lose the cookie.
    // (The same browser again: the link is spent for any other.)
    const fromFile = await heard(
      ask(ui.port, {
        path: new URL(ui.url).search.replace(/^/, '/'),
        headers: { 'sec-fetch-site': 'cross-site', cookie: passOf(exchange).cookie },
      }),
    );
    expect(fromFile.status).toBe(200);
    expect(fromFile.headers.location).toBeUndefined();
    expect(fromFile.headers.refresh).toBe(`0;url=${exchange.headers.location}`);
    expect(fromFile.body).toBe(
      `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="${fromFile.headers.refresh}"><a href="${exchange.headers.location}">→</a>\n`,
    );
    const pass = passOf(exchange);
    const page = await heard(ask(ui.port, { headers: { cookie: pass.cookie } }));
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
    const pass = await login(ui);
    const { cookie } = pass;
    const rebound = await heard(ask(ui.port, { headers: { ...own(ui, pass), host: `attacker.example:${ui.port}` } }));
    expect(rebound.status).toBe(421);
    const body = JSON.stringify({ action: 'validate' });
    for (const origin of ['http://attacker.example', undefined]) {
      const headers: Record<string, string> = { cookie, 'x-fii-page': pass.key, 'content-type': 'application/json' };
      if (origin) headers.origin = origin;
      const a = await heard(ask(ui.port, { method: 'POST', path: '/api/runs', headers, body }));
      expect(a.status).toBe(403);
    }
  });

  it('caps request sizes and takes .xlsx and .csv files only', async () => {
    const { ui } = world;
    const pass = await login(ui);
    const big = await heard(postRun(ui, pass, { action: 'validate', pad: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('UI_BODY_TOO_LARGE');
    const txt = await heard(
      ask(ui.port, { method: 'POST', path: '/api/upload?name=notes.txt', headers: own(ui, pass), body: 'x' }),
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
        headers: own(ui, pass, { 'content-length': String(MAX_UPLOAD_BYTES + 1) }),
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
    const pass = await login(ui);
    const rows = await heard(ask(ui.port, { path: '/api/runs/nope/rows', headers: own(ui, pass) }));
    expect(rows.status).toBe(404);
    expect(JSON.parse(rows.body).error.code).toBe('UI_NOT_FOUND');
    const post = (body: object) => heard(postRun(ui, pass, body));
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
    const pass = await login(ui);
    const up = await heard(
      ask(ui.port, {
        method: 'POST',
        path: '/api/upload?name=interviews.csv',
        headers: own(ui, pass),
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
    const pass = await login(ui);
    const up = JSON.parse(
      (
        await heard(
          ask(ui.port, {
            method: 'POST',
            path: '/api/upload?name=interviews.csv',
            headers: own(ui, pass),
            body: await readFile(SAMPLE),
          }),
        )
      ).body,
    ) as { id: string };
    const run = (action: string) =>
      heard(postRun(ui, pass, { action, upload: up.id, mode: 'import', tz: 'Asia/Shanghai', lang: 'en' }));
    expect((await run('import')).status).toBe(202);
    const second = await run('validate');
    expect(second.status).toBe(409);
    expect(JSON.parse(second.body).error.code).toBe('UI_RUN_BUSY');
    type State = {
      run: { id: string; state: string; progress?: { done: number }; result?: ResultShape };
    };
    const poll = async () =>
      JSON.parse((await heard(ask(ui.port, { path: '/api/state', headers: own(ui, pass) }))).body) as State;
    // Stopped once a few interviews have landed: the resume must skip exactly those.
    while (((await poll()).run.progress?.done ?? 0) < 3) await new Promise((r) => setTimeout(r, 50));
    const stop = await heard(ask(ui.port, { method: 'POST', path: '/api/stop', headers: own(ui, pass), body: '{}' }));
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
      postRun(ui, pass, {
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

describe('the doors against another program on this computer', () => {
  let world: UiWorld;
  afterEach(async () => {
    await world?.close();
  });

  it('refuses every call that carries only the cookie, with the right Host and Origin (a listener on another port receives it)', async () => {
    world = await startWorld();
    const { ui } = world;
    const pass = await login(ui);
    // What a program on another port of 127.0.0.1 gets from the browser: the cookie, never the key.
    const stolen = { cookie: pass.cookie, origin: `http://127.0.0.1:${ui.port}` };
    const body = await readFile(SAMPLE);
    const tries = [
      ask(ui.port, { path: '/api/state', headers: stolen }),
      ask(ui.port, { path: '/api/events', headers: stolen }),
      ask(ui.port, { method: 'POST', path: '/api/upload?name=a.csv', headers: stolen, body }),
      ask(ui.port, {
        method: 'POST',
        path: '/api/runs',
        headers: { ...stolen, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'import', upload: 'x', mode: 'import' }),
      }),
      ask(ui.port, { method: 'POST', path: '/api/stop', headers: stolen, body: '{}' }),
    ];
    for (const answer of await Promise.all(tries)) {
      expect(answer.status).toBe(403);
      expect(answer.body).toBe(
        "请求应来自用一次性链接打开的页面，实际缺少该页面的密钥（来自其他程序，或手动打开的标签页）：请在本浏览器中重新打开命令打印的链接\nexpected a call from the page the one-time link opened, got one without that page's key (another program, or a tab opened by hand): open the link the command printed again in this browser\n",
      );
    }
    expect(await readdir(ui.uploadsDir)).toEqual([]);
    expect(world.sim.stats.requests.put).toBe(0);
    // The page itself, with its key, is served.
    expect((await ask(ui.port, { path: '/api/state', headers: own(ui, pass) })).status).toBe(200);
  });

  it('closes a connection that sends no headers, and takes no more connections than its cap', async () => {
    world = await startWorld({}, { limits: { maxConnections: 3, headersTimeoutMs: 300 } });
    const { ui } = world;
    const open = () =>
      new Promise<Socket>((resolve) => {
        const s = connect(ui.port, '127.0.0.1', () => resolve(s));
        s.on('error', () => {});
        // Read what comes (a 408), so the end of the stream is seen.
        s.resume();
      });
    const closedWithin = (s: Socket, ms: number) =>
      new Promise<boolean>((resolve) => {
        if (s.destroyed) return resolve(true);
        const t = setTimeout(() => resolve(false), ms);
        s.on('close', () => {
          clearTimeout(t);
          resolve(true);
        });
      });
    const silent = await open();
    silent.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // 300 ms for the headers, checked every second.
    expect(await closedWithin(silent, 2500)).toBe(true);
    const held = [await open(), await open(), await open()];
    const fourth = await open();
    expect(await closedWithin(fourth, 1000)).toBe(true);
    expect(await closedWithin(held[0]!, 100)).toBe(false);
    for (const s of held) s.destroy();
  });

  it('answers a request without a session at once, and cuts a body trickled after it', async () => {
    world = await startWorld();
    const { ui } = world;
    const s = connect(ui.port, '127.0.0.1');
    s.on('error', () => {});
    let answer = '';
    s.on('data', (d: Buffer) => (answer += d.toString()));
    const closed = new Promise<number>((resolve) => {
      const at = Date.now();
      s.on('close', () => resolve(Date.now() - at));
    });
    s.write(
      `POST /api/upload?name=a.csv HTTP/1.1\r\nHost: 127.0.0.1:${ui.port}\r\nOrigin: http://127.0.0.1:${ui.port}\r\nContent-Length: 100000\r\n\r\n`,
    );
    const trickle = setInterval(() => s.writable && s.write('x'), 100);
    const took = await closed;
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1.1 403 /);
    expect(answer).toMatch(/connection: close/i);
    expect(took).toBeLessThan(3000);
  });

  it('takes a name with a right-to-left override, 300 characters long or a Windows device name, and never answers with the private folder', async () => {
    world = await startWorld();
    const { ui } = world;
    const pass = await login(ui);
    const body = await readFile(SAMPLE);
    const send = (name: string) =>
      ask(ui.port, {
        method: 'POST',
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        headers: own(ui, pass),
        body,
      });
    const long = await send(`${'三月面试记录'.repeat(50)}\u202Evsc.exe.csv`);
    expect(long.status).toBe(200);
    const name = (JSON.parse(long.body) as { name: string }).name;
    expect(name).toMatch(/^(三月面试记录)+三?月?面?试?记?录?\.csv$/);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    const device = await send('CON.csv');
    expect(device.status).toBe(200);
    expect(JSON.parse(device.body).name).toBe('_CON.csv');
    for (const answer of [long, device]) expect(answer.body).not.toContain(ui.uploadsDir);
  });

  it('keeps one run at a time for report downloads and uploads too', async () => {
    world = await startWorld({ latencyMs: 150 });
    const { ui } = world;
    const pass = await login(ui);
    const body = await readFile(SAMPLE);
    const upload = () =>
      ask(ui.port, { method: 'POST', path: '/api/upload?name=interviews.csv', headers: own(ui, pass), body });
    const up = JSON.parse((await upload()).body) as { id: string };
    const started = await postRun(ui, pass, { action: 'import', upload: up.id, mode: 'import', tz: 'Asia/Shanghai' });
    expect(started.status).toBe(202);
    const { id } = JSON.parse(started.body) as { id: string };
    // The running import's report is not written yet; another file is not read while it runs.
    for (const answer of [
      await ask(ui.port, { path: `/api/runs/${id}/report`, headers: own(ui, pass) }),
      await upload(),
    ]) {
      expect(answer.status).toBe(409);
      expect(JSON.parse(answer.body).error.code).toBe('UI_RUN_BUSY');
    }
    await ask(ui.port, { method: 'POST', path: '/api/stop', headers: own(ui, pass), body: '{}' });
  });

  it("says a validation's report is gone once its file is no longer kept, and never answers with the private folder", async () => {
    world = await startWorld({}, { uploadLimits: { keep: 1, maxTotal: 10 * 1024 ** 2 } });
    const { ui } = world;
    const pass = await login(ui);
    const body = await readFile(SAMPLE);
    const upload = async () =>
      JSON.parse(
        (await ask(ui.port, { method: 'POST', path: '/api/upload?name=a.csv', headers: own(ui, pass), body })).body,
      ) as { id: string };
    const first = await upload();
    const run = JSON.parse(
      (await postRun(ui, pass, { action: 'validate', upload: first.id, mode: 'merge', tz: 'Asia/Shanghai' })).body,
    ) as { id: string };
    let state: { run: { state: string } };
    do {
      await new Promise((r) => setTimeout(r, 50));
      state = JSON.parse((await ask(ui.port, { path: '/api/state', headers: own(ui, pass) })).body);
    } while (state.run.state === 'running');
    await upload();
    const gone = await ask(ui.port, { path: `/api/runs/${run.id}/report`, headers: own(ui, pass) });
    expect(gone.status).toBe(410);
    expect(JSON.parse(gone.body).error).toEqual({
      code: 'UI_REPORT_GONE',
      message: {
        en: 'expected the report of this run, got none: the page no longer keeps its file (it keeps the last 5 files chosen); run the step again to get a new report',
        zh: '找不到这次任务的报告：页面已不再保存它的文件（只保留最近选择的 5 个文件）；请重新执行这一步以得到新的报告',
      },
    });
    expect(gone.body).not.toContain(ui.uploadsDir);
  });
});
