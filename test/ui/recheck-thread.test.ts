/**
 * An edited cell's rows are checked again off the page server's event loop (src/ui/recheck-thread.ts):
 * with each re-check made to last two seconds, the server answers other calls meanwhile; the thread
 * ends with the server, failing what was left to it rather than leaving it waiting.
 */
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { RecheckThread } from '../../src/ui/recheck-thread.js';
import { APP1, HEADER_EN, ID1, ID2, ROOT, csv, row, tempDir } from '../helpers.js';
import { type Pass, type UiWorld, ask, login, own, postRun, startWorld } from './ui-server.js';

const DIST = join(ROOT, 'dist', 'ui');
/** How long the slowed thread holds each re-check before doing it. */
const HOLD_MS = 2000;

/** The page's built files, with a re-check thread that holds each job HOLD_MS before checking it. */
async function slowAssets(): Promise<string> {
  const dir = await tempDir();
  for (const f of ['index.html', 'app.js', 'app.css', 'step-worker.js']) await symlink(join(DIST, f), join(dir, f));
  await writeFile(join(dir, 'package.json'), '{"type":"module"}\n');
  const real = pathToFileURL(join(DIST, 'recheck-worker.js')).href;
  await writeFile(
    join(dir, 'recheck-worker.js'),
    [
      "import { parentPort } from 'node:worker_threads';",
      // Registered first, so it runs before the real thread's own listener, blocking this thread only.
      `parentPort.on('message', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${HOLD_MS}));`,
      `await import(${JSON.stringify(real)});`,
      '',
    ].join('\n'),
  );
  return dir;
}

const base = { external_application_id: APP1, participate_status: '参与', begin_time: '2025-12-02 14:00' };
const ROWS = [
  row({ ...base, external_interview_id: ID1, username: 'wang', conclusion: '淘汰' }),
  row({ ...base, external_interview_id: '', username: 'li', conclusion: '通过' }),
  row({ ...base, external_interview_id: ID2, username: 'zhao', conclusion: '淘汰' }),
];

describe('re-checks off the event loop', () => {
  let world: UiWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('answers /api/state all through an edit whose re-check lasts two seconds, then gives the rows checked', async () => {
    world = await startWorld({}, { assets: await slowAssets() });
    const { ui } = world;
    const pass: Pass = await login(ui);
    const call = async (path: string, body?: object) => {
      const a = await ask(ui.port, {
        method: body ? 'POST' : 'GET',
        path,
        headers: own(ui, pass, { 'content-type': 'application/json' }),
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: a.status, json: JSON.parse(a.body) };
    };
    const up = await ask(ui.port, {
      method: 'POST',
      path: '/api/upload?name=a.csv',
      headers: own(ui, pass),
      body: csv([[...HEADER_EN], ...ROWS]),
    });
    const upload = (JSON.parse(up.body) as { id: string }).id;
    const started = await postRun(ui, pass, { action: 'validate', upload, mode: 'import', tz: 'UTC', lang: 'en' });
    const run = (JSON.parse(started.body) as { id: string }).id;
    let state: { run: { state: string } };
    do {
      await new Promise((r) => setTimeout(r, 50));
      state = (await call('/api/state')).json;
    } while (state.run.state === 'running');

    const sent = performance.now();
    let answered: number | undefined;
    const edit = call(`/api/uploads/${upload}/edits`, {
      run,
      edit: { kind: 'cell', row: 2, column: 'conclusion', value: '不通过' },
    }).then((a) => {
      answered = performance.now();
      return a;
    });
    // Failed, the test ends with the edit unanswered: its connection is cut when the server stops.
    edit.catch(() => undefined);
    const waits: number[] = [];
    while (answered === undefined) {
      const t = performance.now();
      expect((await call('/api/state')).status).toBe(200);
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const fix = await edit;
    expect(fix.status).toBe(200);
    expect(answered - sent).toBeGreaterThanOrEqual(HOLD_MS);
    // Row 2 is fine now, held back by row 3 below it (no interview ID: it may be row 2's); rows 3
    // and 4 show as they did, and are not sent again.
    expect(
      Object.values(fix.json.rows as Record<string, { row: number; status: string }>).map((r) => [r.row, r.status]),
    ).toEqual([[2, 'blocked']]);
    // A call every 50 ms or so through the two seconds, each answered within one while the re-check
    // went on (one re-check on the event loop would hold the first call for two seconds, and be the only one).
    expect(waits.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...waits)).toBeLessThan(HOLD_MS / 2);
  }, 60_000);

  it('checks rows in the thread, and on close fails a re-check still pending', async () => {
    const thread = new RecheckThread(join(DIST, 'recheck-worker.js'));
    const rows = { columns: [...HEADER_EN], rows: ROWS.map((cells, i) => ({ row: i + 2, cells })) };
    const options = { tz: 'UTC', lang: 'en' as const, merge: false };
    const checked = await thread.check('a.csv', rows, options);
    expect(checked.map((c) => [c.row, c.status, c.code])).toEqual([
      [2, 'invalid', 'ROW_BAD_ENUM'],
      [3, 'invalid', 'ROW_MISSING_ID'],
      [4, 'invalid', 'ROW_BAD_ENUM'],
    ]);
    const pending = expect(thread.check('a.csv', rows, options)).rejects.toThrow('the page server stopped');
    await thread.close();
    await pending;
  }, 30_000);
});
