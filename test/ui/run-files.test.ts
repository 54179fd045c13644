import { chmod, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type UiWorld, ask, login, own, postRun, startWorld } from './ui-server.js';

/** The page lists, and undoes from, only run files it could have written (issue 26). */
describe('earlier imports in --dir', () => {
  let world: UiWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("lists the user's own backup, and skips a dangling name, a symbolic link and a 0666 file with a note each", async () => {
    const { ui, folder } = world;
    const name = (n: string) => `${n}.20240301-140000.report.xlsx.backup.jsonl`;
    await writeFile(join(folder, name('mine')), '', { mode: 0o600 });
    await symlink(join(folder, 'nowhere'), join(folder, name('dangling')));
    await symlink(join(folder, name('mine')), join(folder, name('linked')));
    await writeFile(join(folder, name('open')), '');
    await chmod(join(folder, name('open')), 0o666);
    const cookie = await login(ui);
    const state = await ask(ui.port, { path: '/api/state', headers: own(ui, cookie) });
    expect(state.status).toBe(200);
    const body = JSON.parse(state.body) as {
      earlier: { backup: string }[];
      skipped: { name: string; note: { en: string; zh: string } }[];
    };
    expect(body.earlier.map((r) => r.backup)).toEqual([name('mine')]);
    const notes = Object.fromEntries(body.skipped.map((s) => [s.name, s.note.en]));
    expect(notes).toEqual({
      [name('dangling')]:
        `${name('dangling')} is not listed: it is a symbolic link, so this page did not write it and will not undo from it`,
      [name('linked')]:
        `${name('linked')} is not listed: it is a symbolic link, so this page did not write it and will not undo from it`,
      [name('open')]:
        `${name('open')} is not listed: others can write it (mode 0666), so this page did not write it and will not undo from it`,
    });
    // An import that wrote nothing keeps its journal only: listed, with nothing to undo; another's journal is not.
    const journal = (n: string) => `${n}.20240302-140000.report.xlsx.journal.jsonl`;
    await writeFile(join(folder, journal('quiet')), '', { mode: 0o600 });
    await writeFile(join(folder, journal('theirs')), '');
    await chmod(join(folder, journal('theirs')), 0o666);
    const again = JSON.parse((await ask(ui.port, { path: '/api/state', headers: own(ui, cookie) })).body) as {
      earlier: { report: string; backup?: string }[];
      skipped: { name: string }[];
    };
    expect(again.earlier.map((r) => [r.report, r.backup ?? null]).sort()).toEqual([
      ['mine.20240301-140000.report.xlsx', name('mine')],
      ['quiet.20240302-140000.report.xlsx', null],
    ]);
    expect(again.skipped.map((s) => s.name)).toContain(journal('theirs'));
    // Nor can it be undone by naming it.
    const undo = await postRun(ui, cookie, { action: 'undo', backup: name('open'), lang: 'en' });
    expect(undo.status).toBe(400);
    expect(world.sim.stats.requests.put).toBe(0);
  });
});
