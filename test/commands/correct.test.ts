import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/api.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { csv, original, seededIds as ids, tempDir } from '../helpers.js';
import { corrected, correctionRows } from './correction-month.js';

const SECRET = 'Correct-Test-Secret-5';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('correct: one run that changes, renames, adds and removes only what is switched on', () => {
  it('previews every interview grouped, then imports what is left switched on', async () => {
    sim = await startSimulator({
      appId: 'cli_c',
      appSecret: SECRET,
      rateLimit: 0,
      seed: ids(3).map((id, i) => [id, original(i)]),
    });
    const dir = await tempDir();
    const file = join(dir, 'month.csv');
    await writeFile(file, csv(correctionRows()));
    const o = { baseUrl: sim.url, appId: 'cli_c', appSecret: SECRET, tz: 'Asia/Shanghai', lang: 'en' as const };
    const [a, b, c] = ids(3);

    const preview = await importFile(file, { ...o, correct: true, dryRun: true });
    expect(sim.stats.requests.put + sim.stats.requests.create).toBe(0);
    const groups = preview.summary.changes!.map((x) => [x.id, x.group, x.rows]);
    expect(groups).toEqual([
      [a, 'change', [2, 3]],
      [b, 'change', [4]],
      [c, 'remove', [5]],
      ['external_id:ATS-NEW-1', 'create', [6]],
      ['external_id:ATS-NEW-2', 'problem', [7]],
    ]);
    const [changeA, , removeC, , problem] = preview.summary.changes!;
    expect(changeA!.detail).toContain('张三');
    expect(changeA!.detail).toContain('王五');
    expect(removeC!.detail).toContain('begin_time');
    expect(problem!.detail).toContain('ATS-NEW-2');
    expect(preview.summary.interviews_by_kind).toMatchObject({ changed: 3, created: 1, left: 0 });

    // The removal is not switched on: left out, and said so.
    const run = await importFile(file, { ...o, correct: true, leaveOut: [c!] });
    expect(run.summary.changes!.map((x) => x.group)).toEqual(['change', 'change', 'left', 'create', 'problem']);
    expect(run.summary.interviews_by_kind).toMatchObject({ changed: 2, created: 1, left: 1 });
    expect(run.rows[3]).toMatchObject({ status: 'skipped', message: 'left as it is: switched off in the preview' });

    const held = (id: string) => InterviewStore.bodyOf(sim!.store.get(id)!);
    const want = corrected();
    expect(held(a!)).toEqual(want.a);
    expect(held(b!)).toEqual(want.b);
    expect(held(c!)).toEqual(original(2));
    const created = run.summary.changes![3]!.feishu_id!;
    expect(run.summary.changes![3]!.detail).toBe(`created in Feishu as ${created}`);
    expect(held(created)).toEqual(want.created);
  });

  it('refuses leaveOut without correct, and correct with replace', async () => {
    await expect(
      importFile('x.csv', { leaveOut: ['1'], baseUrl: 'http://127.0.0.1:9', appId: 'a', appSecret: 'b' }),
    ).rejects.toMatchObject({
      code: 'USAGE_BAD_OPTION',
      message:
        'expected leaveOut with correct, got it alone: it names interviews of a correction run to leave as they are',
    });
    await expect(
      importFile('x.csv', { correct: true, replace: true, appId: 'a', appSecret: 'b' }),
    ).rejects.toMatchObject({
      code: 'USAGE_BAD_OPTION',
    });
  });
});
