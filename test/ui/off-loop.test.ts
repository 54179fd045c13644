import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewsCsv, tempDir } from '../helpers.js';
import { longStringWorkbook } from '../input/hostile-xlsx.js';
import { type Pass, type UiWorld, ask, login, own, postRun, startWorld } from './ui-server.js';

/**
 * The page's checks run off its server's event loop (src/ui/off-loop.ts): while the 23 KB
 * workbook of issue 26 is checked, the page still answers, and 停止 ends the check.
 */

interface State {
  run: {
    state: string;
    stopping: boolean;
    reading?: { stage: string; rows: number; fraction?: number; elapsedMs: number };
    result?: { exitCode: number; counts: Record<string, number> };
    error?: { code: string; message: string };
  } | null;
}

describe('checks off the event loop', () => {
  let world: UiWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function startCheck(): Promise<{ cookie: Pass; state: () => Promise<{ state: State; ms: number }> }> {
    const { ui } = world;
    const cookie = await login(ui);
    const file = join(await tempDir(), 'long.xlsx');
    await writeFile(file, longStringWorkbook());
    const up = await ask(ui.port, {
      method: 'POST',
      path: '/api/upload?name=long.xlsx',
      headers: own(ui, cookie),
      body: longStringWorkbook(),
    });
    expect(up.status).toBe(200);
    const { id } = JSON.parse(up.body) as { id: string };
    const started = await postRun(ui, cookie, {
      action: 'validate',
      upload: id,
      mode: 'import',
      tz: 'UTC',
      lang: 'en',
    });
    expect(started.status).toBe(202);
    const state = async () => {
      const t = performance.now();
      const answer = await ask(ui.port, { path: '/api/state', headers: own(ui, cookie) });
      return { state: JSON.parse(answer.body) as State, ms: performance.now() - t };
    };
    return { cookie, state };
  }

  it('answers /api/state within a second all through checking the 23 KB workbook, then shows every row refused', async () => {
    const { state } = await startCheck();
    let slowest = 0;
    let last: State;
    do {
      await new Promise((r) => setTimeout(r, 100));
      const s = await state();
      slowest = Math.max(slowest, s.ms);
      last = s.state;
    } while (last.run?.state === 'running');
    expect(last.run?.error).toBeUndefined();
    expect(last.run?.result?.exitCode).toBe(1);
    expect(last.run?.result?.counts.invalid).toBe(460);
    expect(slowest).toBeLessThan(1000);
  }, 120_000);

  it('停止 ends the check within 2 s, saying nothing was sent', async () => {
    const { cookie, state } = await startCheck();
    const { ui } = world;
    await new Promise((r) => setTimeout(r, 300));
    expect((await state()).state.run?.state).toBe('running');
    const stopAt = performance.now();
    const stop = await ask(ui.port, { method: 'POST', path: '/api/stop', headers: own(ui, cookie), body: '{}' });
    expect(stop.status).toBe(200);
    let last: State;
    do {
      await new Promise((r) => setTimeout(r, 50));
      last = (await state()).state;
    } while (last.run?.state === 'running');
    expect(performance.now() - stopAt).toBeLessThan(2000);
    expect(last.run?.state).toBe('error');
    expect(last.run?.error).toEqual({
      code: 'RUN_INTERRUPTED',
      message:
        'stopped before the file was fully checked: nothing was sent and no report was written; check the file again to see every row',
    });
  }, 60_000);

  it("passes the check's rows read from its thread to the page: at the end, every data row", async () => {
    const { ui } = world;
    const cookie = await login(ui);
    // 1,500 interviews of 4 rows: 6,000 data rows.
    const up = await ask(ui.port, {
      method: 'POST',
      path: '/api/upload?name=rows.csv',
      headers: own(ui, cookie),
      body: interviewsCsv(1500, 4).text,
    });
    expect(up.status).toBe(200);
    const { id } = JSON.parse(up.body) as { id: string };
    const started = await postRun(ui, cookie, {
      action: 'validate',
      upload: id,
      mode: 'import',
      tz: 'UTC',
      lang: 'en',
    });
    expect(started.status).toBe(202);
    let last: State;
    do {
      await new Promise((r) => setTimeout(r, 100));
      last = JSON.parse((await ask(ui.port, { path: '/api/state', headers: own(ui, cookie) })).body) as State;
    } while (last.run?.state === 'running');
    expect(last.run?.result?.counts.ok).toBe(6000);
    expect(last.run?.reading).toMatchObject({ stage: 'checking', rows: 6000, fraction: 1 });
  }, 60_000);
});
