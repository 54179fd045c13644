/**
 * The mapping step's calls: past the doors like every other, the draft made by the library's own
 * suggestion rules (the `profile` command's), the mapping kept as the folder's profile only when
 * the CLI would read it, and a saved profile trusted only when it is the user's own file.
 */
import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestProfile } from '../../src/api.js';
import type { MappingAnswer } from '../../src/ui/mapping-routes.js';
import { PROFILE_BESIDE } from '../../src/run-paths.js';
import { ROOT } from '../helpers.js';
import { type Pass, type UiWorld, ask, login, own, startWorld } from './ui-server.js';

const LEGACY = join(ROOT, 'samples', 'legacy-export-beisen-style.csv');
const LEGACY_PROFILE = join(ROOT, 'samples', 'legacy-export-beisen-style.profile.json');

const call = (world: UiWorld, pass: Pass, path: string, body: unknown) =>
  ask(world.ui.port, {
    method: 'POST',
    path,
    headers: own(world.ui, pass, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });

async function uploaded(world: UiWorld, pass: Pass, file: string, name: string): Promise<string> {
  const answer = await ask(world.ui.port, {
    method: 'POST',
    path: `/api/upload?name=${encodeURIComponent(name)}`,
    headers: own(world.ui, pass),
    body: await readFile(file),
  });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body).id;
}

describe('the mapping calls', () => {
  let world: UiWorld;
  afterEach(async () => {
    await world?.close();
  });

  it('refuses both calls without the page key, and from another Origin', async () => {
    world = await startWorld();
    const pass = await login(world.ui);
    const stolen = { cookie: pass.cookie, origin: `http://127.0.0.1:${world.ui.port}` };
    for (const path of ['/api/mapping', '/api/profile']) {
      const keyless = await ask(world.ui.port, { method: 'POST', path, headers: stolen, body: '{}' });
      expect(keyless.status).toBe(403);
      expect(keyless.body.split('\n')[1]).toBe(
        "expected a call from the page the one-time link opened, got one without that page's key (another program, or a tab opened by hand): open the link the command printed again in this browser",
      );
      const elsewhere = await ask(world.ui.port, {
        method: 'POST',
        path,
        headers: own(world.ui, pass, { origin: 'http://attacker.example' }),
        body: JSON.stringify({ profile: { columns: {} } }),
      });
      expect(elsewhere.status).toBe(403);
    }
    expect(await readdir(world.folder)).toEqual([]);
  });

  it("drafts the file by the profile command's rules, keeps a mapping the CLI reads, and tries it on the next file", async () => {
    world = await startWorld();
    const pass = await login(world.ui);
    const upload = await uploaded(world, pass, LEGACY, 'export.csv');
    const first = await call(world, pass, '/api/mapping', { upload, sheet: '' });
    expect(first.status).toBe(200);
    const answer = JSON.parse(first.body) as MappingAnswer;
    expect(answer.saved).toBeNull();
    expect(answer.draft?.headerRow).toBe(2);
    expect(answer.draft?.template).toBe(false);
    expect(answer.draft?.savedFits).toBeUndefined();
    // The same suggestion the library gives the CLI's `profile` command: one set of rules.
    expect(answer.draft?.suggestion).toEqual(JSON.parse(JSON.stringify(await suggestProfile(LEGACY))));
    const status = answer.draft?.columns.find((c) => c.header === '面试状态');
    expect(status?.words?.map((w) => [w.word, w.count, w.guess.participate_status])).toEqual([
      ['已完成', 23, '参与'],
      ['未到场', 3, '爽约'],
      ['已取消', 3, '未参与'],
      ['中途离开', 1, ''],
    ]);

    // A mapping the CLI would refuse is not kept: a blank word is the user's to decide.
    const draft = answer.draft!.suggestion.profile;
    const refused = await call(world, pass, '/api/profile', { profile: draft });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error.code).toBe('UI_BAD_PROFILE');
    expect(await readdir(world.folder)).toEqual([]);

    const settled = JSON.parse(await readFile(LEGACY_PROFILE, 'utf8'));
    const kept = await call(world, pass, '/api/profile', { profile: settled });
    expect(kept.status).toBe(200);
    const path = join(world.folder, PROFILE_BESIDE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(settled);

    // Next month's file: the kept profile fits its headers.
    const next = await uploaded(world, pass, LEGACY, 'export-2.csv');
    const again = JSON.parse((await call(world, pass, '/api/mapping', { upload: next, sheet: '' })).body);
    expect(again.saved).toEqual(settled);
    expect(again.draft.savedFits).toBe(true);
    // A template file reads as it is, with nothing to map; the kept profile does not fit it.
    const template = await uploaded(world, pass, join(ROOT, 'samples', 'interviews.csv'), 'interviews.csv');
    const plain = JSON.parse((await call(world, pass, '/api/mapping', { upload: template, sheet: '' })).body);
    expect([plain.draft.template, plain.draft.savedFits]).toEqual([true, false]);

    // A profile others can write is not the user's own: not offered.
    await chmod(path, 0o666);
    const open = JSON.parse((await call(world, pass, '/api/mapping', { upload: next, sheet: '' })).body);
    expect(open.saved).toBeNull();
    await chmod(path, 0o600);
    await writeFile(path, '{"columns": {"面试编号": "no_such_column"}}', { mode: 0o600 });
    const broken = JSON.parse((await call(world, pass, '/api/mapping', { upload: next, sheet: '' })).body);
    expect(broken.saved).toBeNull();
  });

  it('refuses a file the page does not hold, and answers no draft for a file it cannot read (the check says why)', async () => {
    world = await startWorld();
    const pass = await login(world.ui);
    const gone = await call(world, pass, '/api/mapping', { upload: 'nope', sheet: '' });
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.body).error.code).toBe('UI_UPLOAD_GONE');
    const dir = world.folder;
    await writeFile(join(dir, 'broken.xlsx'), 'not a zip');
    const upload = await uploaded(world, pass, join(dir, 'broken.xlsx'), 'broken.xlsx');
    const answer = await call(world, pass, '/api/mapping', { upload, sheet: '' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).draft).toBeNull();
  });
});
