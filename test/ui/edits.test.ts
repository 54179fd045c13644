import ExcelJS from 'exceljs';
/** Fixing a file in place, over HTTP: the edits' calls past the doors, kept 0600, checked again at once, read by every run. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP1, HEADER_EN, ID1, ID2, columnNumber, csv, row } from '../helpers.js';
import { type Pass, type UiWorld, ask, login, own, postRun, startWorld } from './ui-server.js';

const base = { external_application_id: APP1, participate_status: '参与', begin_time: '2025-12-02 14:00' };
const FILE = csv([
  [...HEADER_EN],
  row({ ...base, external_interview_id: ID1, username: 'wang', conclusion: '淘汰' }),
  row({ ...base, external_interview_id: '', username: 'li', conclusion: '通过' }),
  row({ ...base, external_interview_id: ID2, username: 'zhao', conclusion: '淘汰' }),
]);

describe('fixing a file in place', () => {
  let world: UiWorld;
  let pass: Pass;
  beforeEach(async () => {
    world = await startWorld();
    pass = await login(world.ui);
  });
  afterEach(async () => world.close());

  const call = async (
    path: string,
    body?: object,
    headers = own(world.ui, pass, { 'content-type': 'application/json' }),
  ) => {
    const a = await ask(world.ui.port, {
      method: body ? 'POST' : 'GET',
      path,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: a.status, json: a.headers['content-type']?.includes('json') ? JSON.parse(a.body) : a.body };
  };
  const checked = async (upload: string) => {
    const run = (
      await postRun(world.ui, pass, { action: 'validate', upload, mode: 'import', tz: 'Asia/Shanghai', lang: 'en' })
    ).body;
    const { id } = JSON.parse(run) as { id: string };
    let state: {
      run: {
        id: string;
        state: string;
        result?: { counts: Record<string, number>; problems: { code: string; count: number; example: string }[] };
      };
    };
    do {
      await new Promise((r) => setTimeout(r, 50));
      state = (await call('/api/state')).json;
    } while (state.run.state === 'running');
    return { id, counts: state.run.result!.counts, problems: state.run.result!.problems };
  };
  const uploaded = async (body = FILE) =>
    (
      JSON.parse(
        (
          await ask(world.ui.port, {
            method: 'POST',
            path: '/api/upload?name=a.csv',
            headers: own(world.ui, pass),
            body,
          })
        ).body,
      ) as { id: string }
    ).id;

  it('checks an edited cell’s rows at once, keeps the edits 0600 with the upload, and the next check reads them', async () => {
    const upload = await uploaded();
    const first = await checked(upload);
    expect(first.counts).toMatchObject({ ok: 0, invalid: 3 });
    const fix = await call(`/api/uploads/${upload}/edits`, {
      run: first.id,
      edit: { kind: 'cell', row: 2, column: 'conclusion', value: '不通过' },
    });
    expect(fix.status).toBe(200);
    expect(fix.json.edits).toEqual([{ kind: 'cell', row: 2, column: 'conclusion', value: '不通过' }]);
    // Row 2 is fine now, held back by row 3 below it (no interview ID: it may be row 2's); the counts
    // follow. Rows 3 and 4, checked again, show as they did: only row 2 comes back.
    expect(
      Object.values(fix.json.rows).map((r) => [(r as { row: number }).row, (r as { status: string }).status]),
    ).toEqual([[2, 'blocked']]);
    expect(fix.json.counts).toMatchObject({ ok: 0, blocked: 1, invalid: 2 });
    // The commonest problems follow: 淘汰 is left on row 4 alone, the example said of it.
    expect(first.problems).toEqual([
      { code: 'ROW_BAD_ENUM', count: 2, example: expect.stringMatching(/^row 2, column conclusion: .*"淘汰"/) },
      { code: 'ROW_MISSING_ID', count: 1, example: expect.stringMatching(/^row 3, /) },
    ]);
    expect(fix.json.problems).toEqual([
      { code: 'ROW_BAD_ENUM', count: 1, example: expect.stringMatching(/^row 4, column conclusion: .*"淘汰"/) },
      { code: 'ROW_MISSING_ID', count: 1, example: first.problems[1]!.example },
    ]);
    // A reopened tab: the file the check read, the edits, that check's counts as edited, and that it is behind them.
    expect((await call('/api/state')).json.checked).toEqual({
      upload: { id: upload, name: 'a.csv', size: Buffer.byteLength(FILE), sheets: [] },
      tz: 'Asia/Shanghai',
    });
    expect((await call(`/api/uploads/${upload}/edits?run=${first.id}`)).json).toEqual({
      edits: fix.json.edits,
      counts: fix.json.counts,
      problems: fix.json.problems,
      stale: true,
    });
    // The grid's rows show the edit until the next check.
    const rows = (await call(`/api/runs/${first.id}/rows?from=0&count=10`)).json;
    expect(rows.rows[0].cells[HEADER_EN.indexOf('conclusion')]).toBe('不通过');
    expect(rows.rows[0].status).toBe('blocked');
    // Bulk: 淘汰 → 不通过 everywhere, the interview ID filled down.
    await call(`/api/uploads/${upload}/edits`, {
      run: first.id,
      edit: { kind: 'replace', column: 'conclusion', from: '淘汰', to: '不通过' },
    });
    const all = await call(`/api/uploads/${upload}/edits`, {
      run: first.id,
      edit: { kind: 'fill', column: 'external_interview_id' },
    });
    expect(all.json.edits).toHaveLength(3);
    const folder = join(world.ui.uploadsDir, upload);
    for (const name of (await readdir(folder)).filter((n) => n.startsWith('edits-')))
      expect((await stat(join(folder, name))).mode & 0o777).toBe(0o600);
    const second = await checked(upload);
    expect(second.counts).toMatchObject({ ok: 3, invalid: 0 });
    expect((await call(`/api/uploads/${upload}/edits?run=${second.id}`)).json).toEqual({
      edits: all.json.edits,
      stale: false,
    });
    // Taken back: the fill-down is gone from the next check.
    const undo = await call(`/api/uploads/${upload}/edits`, { run: second.id, undo: true });
    expect(undo.json.edits).toHaveLength(2);
    expect((await checked(upload)).counts).toMatchObject({ ok: 1, blocked: 1, invalid: 1 });
  });

  it('checks an edited row again as its check read the file: a correction, through the mapping', async () => {
    // An old system's correction: its own headers (the page's mapping), no application id (Feishu holds it).
    const body = csv([
      ['面试编号', '面试官', '结论'],
      [ID1, 'wang', '淘汰了'],
      [ID2, 'zhao', '通过'],
    ]);
    const upload = JSON.parse(
      (await ask(world.ui.port, { method: 'POST', path: '/api/upload?name=b.csv', headers: own(world.ui, pass), body }))
        .body,
    ).id as string;
    const profile = { columns: { 面试编号: 'external_interview_id', 面试官: 'username', 结论: 'conclusion' } };
    const run = (
      await postRun(world.ui, pass, {
        action: 'validate',
        upload,
        mode: 'correct',
        tz: 'Asia/Shanghai',
        lang: 'zh',
        profile,
      })
    ).body;
    const { id } = JSON.parse(run) as { id: string };
    let state: { run: { state: string; result?: { counts: Record<string, number> } } };
    do {
      await new Promise((r) => setTimeout(r, 50));
      state = (await call('/api/state')).json;
    } while (state.run.state === 'running');
    expect(state.run.result!.counts).toMatchObject({ ok: 1, invalid: 1 });
    const fix = await call(`/api/uploads/${upload}/edits`, {
      run: id,
      edit: { kind: 'cell', row: 2, column: '结论', value: '不通过' },
    });
    expect(fix.status).toBe(200);
    expect(
      Object.values(fix.json.rows).map((r) => [(r as { row: number }).row, (r as { status: string }).status]),
    ).toEqual([[2, 'ok']]);
    expect(fix.json.counts).toMatchObject({ ok: 2, invalid: 0 });
    expect(fix.json.problems).toEqual([]);
  });

  it('answers an edit with the rows that show otherwise, not the rows around it checked again', async () => {
    // 400 interviews of one row each, every one's conclusion 淘汰: the window checked again is 301 rows.
    const ids = Array.from({ length: 400 }, (_, i) => String(7000000000000000000n + BigInt(i)));
    const upload = await uploaded(
      csv([
        [...HEADER_EN],
        ...ids.map((id, i) => row({ ...base, external_interview_id: id, username: `u${i}`, conclusion: '淘汰' })),
      ]),
    );
    const first = await checked(upload);
    expect(first.counts).toMatchObject({ invalid: 400 });
    expect(first.problems).toEqual([{ code: 'ROW_BAD_ENUM', count: 400, example: expect.stringMatching(/^row 2, /) }]);
    const fix = (row: number) =>
      call(`/api/uploads/${upload}/edits`, {
        run: first.id,
        edit: { kind: 'cell', row, column: 'conclusion', value: '通过' },
      });
    const middle = (await fix(200)).json;
    expect(Object.entries(middle.rows).map(([at, r]) => [Number(at), (r as { status: string }).status])).toEqual([
      [198, 'ok'],
    ]);
    expect(middle.problems).toEqual([{ ...first.problems[0]!, count: 399 }]);
    // The example's row fixed: said of the next row that has the problem.
    const top = (await fix(2)).json;
    expect(Object.keys(top.rows)).toEqual(['0']);
    expect(top.counts).toMatchObject({ ok: 2, invalid: 398 });
    expect(top.problems).toEqual([
      { code: 'ROW_BAD_ENUM', count: 398, example: expect.stringMatching(/^row 3, column conclusion: /) },
    ]);
  });

  it('goes to the next row with a problem of its own, past rows held back by another row of their interview', async () => {
    // Row 2 is fine but held back by row 3 (the same interview); row 4 has no ID.
    const body = csv([
      [...HEADER_EN],
      row({ ...base, external_interview_id: ID1, username: 'wang', conclusion: '通过' }),
      row({ ...base, external_interview_id: ID1, username: 'li', conclusion: '淘汰' }),
      row({ ...base, external_interview_id: '', username: 'zhao', conclusion: '通过' }),
    ]);
    const upload = await uploaded(body);
    const first = await checked(upload);
    expect(first.counts).toMatchObject({ blocked: 1, invalid: 2 });
    const next = async (after: number) => (await call(`/api/runs/${first.id}/next-problem?after=${after}`)).json;
    expect(await next(-1)).toEqual({ index: 1, row: 3 });
    expect(await next(1)).toEqual({ index: 2, row: 4 });
    expect(await next(2)).toEqual({ index: 1, row: 3 });
    // Row 3 fixed: its interview's rows are fine, row 4 is the one left.
    await call(`/api/uploads/${upload}/edits`, {
      run: first.id,
      edit: { kind: 'cell', row: 3, column: 'conclusion', value: '不通过' },
    });
    expect(await next(-1)).toEqual({ index: 2, row: 4 });
    expect(await next(2)).toEqual({ index: 2, row: 4 });
  });

  it('lists every problem of a row with its column', async () => {
    const upload = await uploaded();
    const first = await checked(upload);
    const p = (await call(`/api/runs/${first.id}/problems?row=3`)).json;
    expect(p.status).toBe('invalid');
    expect(p.problems.map((x: { column: string; fault: number }) => [x.column, x.fault])).toEqual([
      ['external_interview_id', 0],
    ]);
    await call(`/api/uploads/${upload}/edits`, {
      run: first.id,
      edit: { kind: 'cell', row: 2, column: 'participate_status', value: 'maybe' },
    });
    const two = (await call(`/api/runs/${first.id}/problems?row=2`)).json;
    expect(two.problems.map((x: { column: string }) => x.column)).toEqual(['participate_status', 'conclusion']);
  });

  it('refuses an edit without the page key or from another Origin, or of a column or row the check has not', async () => {
    const upload = await uploaded();
    const first = await checked(upload);
    const edit = { run: first.id, edit: { kind: 'cell', row: 2, column: 'conclusion', value: '不通过' } };
    const noKey = await call(`/api/uploads/${upload}/edits`, edit, {
      cookie: pass.cookie,
      origin: `http://127.0.0.1:${world.ui.port}`,
    });
    expect(noKey.status).toBe(403);
    const foreign = await call(
      `/api/uploads/${upload}/edits`,
      edit,
      own(world.ui, pass, { origin: 'http://evil.example' }),
    );
    expect(foreign.status).toBe(403);
    const problemsNoKey = await call(`/api/runs/${first.id}/problems?row=2`, undefined, { cookie: pass.cookie });
    expect(problemsNoKey.status).toBe(403);
    const listNoKey = await call(`/api/uploads/${upload}/edits`, undefined, { cookie: pass.cookie });
    expect(listNoKey.status).toBe(403);
    expect(
      (await call(`/api/uploads/${upload}/edits`, { ...edit, edit: { ...edit.edit, column: 'nope' } })).status,
    ).toBe(400);
    expect((await call(`/api/uploads/${upload}/edits`, { ...edit, edit: { ...edit.edit, row: 99 } })).status).toBe(400);
    expect((await call(`/api/uploads/${upload}/edits`, { ...edit, run: 'nope' })).status).toBe(400);
    expect((await call('/api/uploads/nope/edits', edit)).status).toBe(404);
    expect((await call(`/api/uploads/${upload}/edits`)).json).toEqual({ edits: [] });
  });

  it('says which columns the sheet hides, for the grid to hide them', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('面试');
    sheet.addRow([...HEADER_EN]);
    sheet.addRow(row({ ...base, external_interview_id: ID1, username: 'wang', conclusion: '不通过' }));
    sheet.getColumn(columnNumber('external_id')).hidden = true;
    const body = Buffer.from(await book.xlsx.writeBuffer());
    const up = JSON.parse(
      (
        await ask(world.ui.port, {
          method: 'POST',
          path: '/api/upload?name=a.xlsx',
          headers: own(world.ui, pass),
          body,
        })
      ).body,
    ) as { id: string };
    const run = await checked(up.id);
    const rows = (await call(`/api/runs/${run.id}/rows?from=0&count=10`)).json;
    expect(rows.hidden).toEqual(['external_id']);
  });
});
