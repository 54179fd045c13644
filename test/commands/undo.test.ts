import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/run/journal.js';
import type { BackupEntry } from '../../src/run/pre-images.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { existsSync } from 'node:fs';
import type { InterviewBody } from '../../src/feishu/body.js';
import {
  csv,
  legacyBody,
  legacyFile,
  original,
  readReport,
  runCli,
  seededIds as ids,
  startCli,
  tempDir,
  waitFor,
} from '../helpers.js';

const SECRET = 'Undo-Test-Secret-5';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_u', FEISHU_APP_SECRET: SECRET });
const bodyIn = (s: RunningSimulator, id: string) => InterviewStore.bodyOf(s.store.get(id)!);
/** Everything the simulator holds, Feishu's own ids included (a PUT gives assessments new ones). */
const snapshot = (s: RunningSimulator) => structuredClone(new Map(s.store.interviews));

async function simulator(n: number, options: SimulatorOptions = {}) {
  sim = await startSimulator({
    appId: 'cli_u',
    appSecret: SECRET,
    rateLimit: 0,
    readRateLimit: 0,
    createRateLimit: 0,
    seed: ids(n).map((id, i) => [id, original(i)]),
    ...options,
  });
  return sim;
}

/** A `--merge` correction of `rows` (after the header), its report beside it as `<name>.report.csv`. */
async function correct(s: RunningSimulator, dir: string, name: string, rows: string[][]) {
  const file = join(dir, `${name}.csv`);
  await writeFile(file, csv(rows));
  return runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
}

const undo = (s: RunningSimulator, backup: string, more: string[] = []) =>
  runCli(['undo', '--lang', 'en', backup, '--quiet', ...more], { env: env(s) });

const backupLines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as BackupEntry);

describe('undo owns what its run wrote, nothing it only read', () => {
  it.each([false, true])(
    'leaves interviews the run found unchanged or refused exactly as Feishu holds them, later changes included (reads without external_id: %s)',
    async (readsWithoutExternalId) => {
      const s = await simulator(3, { readsWithoutExternalId });
      const dir = await tempDir();
      const [a, b, c] = ids(3);
      const march = await correct(s, dir, 'march', [
        ['external_interview_id', 'participate_status', 'username', 'conclusion'],
        [a!, '3', '', ''],
        [b!, '2', '', ''],
        [c!, '', '王五', 'fail'],
      ]);
      expect(march.code).toBe(1);
      const rows = await readReport(join(dir, 'march.report.csv'));
      expect(rows.map((r) => [r.status, r.error_code])).toEqual([
        ['ok', ''],
        ['skipped', ''],
        ['invalid', 'ROW_NO_SUCH_ASSESSMENT'],
      ]);
      const backup = join(dir, 'march.report.csv.backup.jsonl');
      const lines = await backupLines(backup);
      expect(lines.map((l) => [l.external_interview_id, l.body, l.written])).toEqual([
        [a, original(0), { ...original(0), participate_status: 3 }],
      ]);

      // Later, someone changes the two the run did not write.
      s.store.put(b!, { ...original(1), participate_status: 1 });
      s.store.put(c!, { ...original(2), end_time: 1709290000000 });
      const held = snapshot(s);
      const puts = s.stats.requests.put;

      const undone = await undo(s, backup);
      expect(undone.stderr).toBe('');
      expect(undone.code).toBe(0);
      expect(undone.stdout).toContain('undo: 1 interview(s) of run');
      expect(undone.stdout).toContain(
        'undo, 1 interview(s): restored 1 · deleted 0 · already as before 0 · left alone 0',
      );
      expect(s.stats.requests.put).toBe(puts + 1);
      expect(bodyIn(s, a!)).toEqual(original(0));
      expect(s.store.get(b!)).toEqual(held.get(b!));
      expect(s.store.get(c!)).toEqual(held.get(c!));
    },
  );

  it.each([false, true])(
    "undo of March after April changed another field keeps April's change and restores March's field (reads without external_id: %s)",
    async (readsWithoutExternalId) => {
      const s = await simulator(1, { readsWithoutExternalId });
      const dir = await tempDir();
      const [a] = ids(1);
      expect(
        (
          await correct(s, dir, 'march', [
            ['external_interview_id', 'participate_status'],
            [a!, '3'],
          ])
        ).code,
      ).toBe(0);
      expect(
        (
          await correct(s, dir, 'april', [
            ['external_interview_id', 'username', 'conclusion', 'dimension_title', 'score'],
            [a!, '李四', 'pass', '', ''],
            [a!, '张三', '', '专业', '91'],
          ])
        ).code,
      ).toBe(0);
      const undone = await undo(s, join(dir, 'march.report.csv.backup.jsonl'));
      expect(undone.code).toBe(0);
      const want = original(0);
      want.interview_assessments![1]!.conclusion = 2;
      want.interview_assessments![0]!.assessment_dimension_list![0]!.score = 91;
      expect(bodyIn(s, a!)).toEqual(want);
    },
  );

  it.each([false, true])(
    'undo of March after April changed the same field is refused, naming it and its value, writing nothing (reads without external_id: %s)',
    async (readsWithoutExternalId) => {
      const s = await simulator(2, { readsWithoutExternalId });
      const dir = await tempDir();
      const [a, b] = ids(2);
      const status = (value: string) => [
        ['external_interview_id', 'participate_status'],
        [a!, value],
        [b!, value],
      ];
      expect((await correct(s, dir, 'march', status('3'))).code).toBe(0);
      expect(
        (
          await correct(s, dir, 'april', [
            ['external_interview_id', 'participate_status'],
            [a!, '1'],
          ])
        ).code,
      ).toBe(0);
      const held = snapshot(s);
      const received = s.stats.received.get(a!);

      const undone = await undo(s, join(dir, 'march.report.csv.backup.jsonl'));
      expect(undone.code).toBe(1);
      expect(undone.stdout).toContain(
        'undo, 2 interview(s): restored 1 · deleted 0 · already as before 0 · left alone 1 (changed since the undone run 1)',
      );
      expect(s.stats.received.get(a!)).toBe(received);
      expect(s.store.get(a!)).toEqual(held.get(a!));
      expect(bodyIn(s, b!)).toEqual(original(1));
      const rows = await readReport(join(dir, 'march.report.csv.backup.undo.report.csv'));
      expect(rows.map((r) => [r.external_interview_id, r.status, r.error_code, r.message])).toEqual([
        [
          a,
          'failed',
          'UNDO_CHANGED_SINCE',
          `left alone: expected interview ${a} to hold what the undone run wrote, got later changes to fields that run changed too: participate_status (1) (as Feishu holds them now); nothing of it was written: correct those fields in Feishu yourself, or import a correction`,
        ],
        [b, 'ok', '', 'landed; the previous version is in march.report.csv.backup.undo.report.csv.backup.jsonl'],
      ]);
    },
  );

  it('an undo run twice writes nothing the second time and says so; the undo itself can be undone', async () => {
    const s = await simulator(2);
    const dir = await tempDir();
    const [a, b] = ids(2);
    expect(
      (
        await correct(s, dir, 'march', [
          ['external_interview_id', 'participate_status', 'end_time'],
          [a!, '3', ''],
          [b!, '', '2024-03-01T12:00:00Z'],
        ])
      ).code,
    ).toBe(0);
    const marchState = snapshot(s);
    const backup = join(dir, 'march.report.csv.backup.jsonl');
    expect((await undo(s, backup)).code).toBe(0);
    expect([bodyIn(s, a!), bodyIn(s, b!)]).toEqual([original(0), original(1)]);
    const undoBackup = join(dir, 'march.report.csv.backup.undo.report.csv.backup.jsonl');
    const size = (await stat(undoBackup)).size;

    const writes = s.stats.requests.put + s.stats.requests.delete + s.stats.requests.create;
    const firstReport = join(dir, 'march.report.csv.backup.undo.report.csv');
    const first = await readFile(firstReport, 'utf8');
    const again = await undo(s, backup);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      'nothing to undo: every interview that run wrote already holds what it held before that run (was it undone already?); nothing was written',
    );
    expect(s.stats.requests.put + s.stats.requests.delete + s.stats.requests.create).toBe(writes);
    // The second undo's report goes beside the first, which stays the record of what was restored.
    expect(await readFile(firstReport, 'utf8')).toBe(first);
    const secondReport = join(dir, 'march.report.csv.backup.undo.report-2.csv');
    expect(again.stdout).toContain(`this run's report is ${secondReport}`);
    expect((await readReport(secondReport)).map((r) => [r.status, r.message])).toEqual([
      ['skipped', 'skipped: already as it was before the undone run'],
      ['skipped', 'skipped: already as it was before the undone run'],
    ]);
    expect((await stat(undoBackup)).size).toBe(size);

    const redo = await undo(s, undoBackup, ['--report', join(dir, 'redo.csv')]);
    expect(redo.code).toBe(0);
    for (const id of [a!, b!]) expect(bodyIn(s, id)).toEqual(InterviewStore.bodyOf(marchState.get(id)!));
  });
});

describe('a backup of an earlier version', () => {
  it('holds a pre-image of every interview read, without what was written: none is touched', async () => {
    const s = await simulator(2);
    const dir = await tempDir();
    const [a, b] = ids(2);
    s.store.put(a!, { ...original(0), participate_status: 3 });
    const held = snapshot(s);
    const file = join(dir, 'old.report.csv.backup.jsonl');
    const line = (id: string, i: number) =>
      JSON.stringify({ run: 'R1', external_interview_id: id, taken_at: '2026-03-01T00:00:00Z', body: original(i) });
    await writeFile(file, `${line(a!, 0)}\n${line(b!, 1)}\n`);
    const undone = await undo(s, file);
    expect(undone.code).toBe(0);
    expect(undone.stdout).toContain('undo: 2 interview(s) of run R1');
    expect(undone.stdout).toContain(
      'undo, 2 interview(s): restored 0 · deleted 0 · already as before 0 · left alone 2 (only read by it 2)',
    );
    expect(undone.stdout).not.toContain('nothing to undo');
    expect(s.stats.requests.put).toBe(0);
    expect(s.store.interviews).toEqual(held);
    expect((await readReport(join(dir, 'old.report.csv.backup.undo.report.csv'))).map((r) => r.message)).toEqual([
      'left alone: the undone run read this interview but did not write it',
      'left alone: the undone run read this interview but did not write it',
    ]);
  });
});

/** A legacy export of `n` interviews keyed by the old system's ids, in one application. */
const APP = '6200000000000000000';
function legacyCsv(n: number): string {
  const rows = [['外部系统面试ID', '外部投递ID', '参与状态', '开始时间', '外部系统面评ID', '面试官', '面试结论']];
  for (let i = 0; i < n; i++)
    rows.push([`ATS-${i}`, APP, '参与', `2024-03-0${1 + (i % 9)}T14:00:00+08:00`, `ATS-A-${i}`, '张伟', '通过']);
  return csv(rows);
}

describe('a migration killed mid-run, resumed, then undone', () => {
  it.each([false, true])(
    'leaves Feishu exactly as before; creates whose answers the kill lost count as created (reads without external_id: %s)',
    async (readsWithoutExternalId) => {
      const n = 8;
      // Answers come a second after each create lands: a kill in that second loses them.
      const s = await simulator(2, { latencyMs: 1000, readsWithoutExternalId });
      const before = snapshot(s);
      const dir = await tempDir();
      const file = join(dir, 'legacy.csv');
      await writeFile(file, legacyCsv(n));
      const args = ['import', '--lang', 'en', file, '--create-missing', '--concurrency', '4', '--quiet'];
      const first = startCli(args, { env: env(s) });
      await waitFor(() => s.stats.created.size >= 2);
      first.child.kill('SIGKILL');
      await first.done;
      // A create sent just before the kill may still land: those are in doubt too.
      await new Promise((r) => setTimeout(r, 300));
      const lost = s.stats.created.size;
      const report = join(dir, 'legacy.report.csv');
      const journal = readJournal(`${report}.journal.jsonl`);
      expect(journal.inDoubtCreates.size).toBeGreaterThanOrEqual(lost);
      expect(journal.feishuIds.size).toBe(0);

      const resumed = await runCli([...args, '--resume', report], { env: env(s) });
      expect(resumed.stderr).toBe('');
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain(`created ${n} · changed 0 · unchanged 0 · missing 0 interview(s)`);
      expect(s.stats.created.size).toBe(n);
      const rows = await readReport(report);
      const adopted = rows.filter((r) => r.message?.includes('its answer was lost'));
      expect(adopted).toHaveLength(lost);
      for (const r of adopted)
        expect(r.message).toBe(
          `created in Feishu as ${r.外部面试ID} (the run resumed had created it; its answer was lost when that run stopped)`,
        );
      expect(readJournal(`${report}.journal.jsonl`).feishuIds.size).toBe(n);
      const lines = await backupLines(`${report}.backup.jsonl`);
      expect(lines.map((l) => l.created)).toEqual(Array(n).fill(true));
      expect(new Set(lines.map((l) => l.external_interview_id))).toEqual(new Set(s.stats.created.keys()));
      expect(new Set(lines.map((l) => l.run)).size).toBe(1);

      const undone = await undo(s, `${report}.backup.jsonl`);
      expect(undone.code).toBe(0);
      expect(undone.stdout).toContain(
        `undo, ${n} interview(s): restored 0 · deleted ${n} · already as before 0 · left alone 0`,
      );
      expect(s.store.interviews).toEqual(before);

      // Undoing that undo creates nothing again, and says so for each.
      const creates = s.stats.requests.create;
      const redo = await undo(s, `${report}.backup.undo.report.csv.backup.jsonl`, ['--report', join(dir, 'redo.csv')]);
      expect(redo.code).toBe(0);
      expect(s.stats.requests.create).toBe(creates);
      expect(s.store.interviews).toEqual(before);
      const redone = await readReport(join(dir, 'redo.csv'));
      expect(redone.map((r) => [r.status, r.message])).toEqual(
        redone.map((r) => [
          'skipped',
          `left alone: the undone run deleted interview ${r.external_interview_id}; undo does not create it again: import its rows with --create-missing if it should come back`,
        ]),
      );
      expect(redone).toHaveLength(n);
    },
    60_000,
  );
});

describe('undo of a migration that created some interviews and changed others, after Feishu changed since', () => {
  /** ATS-0 and ATS-1 exist before (ATS-1 with another score), ATS-2…4 are created; then Feishu changes. */
  async function migrated() {
    const seed: [string, InterviewBody][] = [
      ['7100000000000000001', legacyBody(0, () => 50)],
      ['7100000000000000002', legacyBody(1, () => 51)],
    ];
    const s = await simulator(0, { seed });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyFile(5)));
    const run = await runCli(['import', '--lang', 'en', file, '--create-missing', '--quiet', '--tz', 'Asia/Shanghai'], {
      env: env(s),
    });
    expect(run.code).toBe(0);
    const idOf = (key: string) => [...s.store.interviews.values()].find((x) => x.external_id === key)!.id;
    const [a0, a1, a2, a3, a4] = [0, 1, 2, 3, 4].map((i) => idOf(`ATS-${i}`));
    // Someone changes ATS-1's score (the field the run changed) and ATS-3, and deletes ATS-4.
    s.store.put(
      a1!,
      legacyBody(1, () => 99),
    );
    s.store.put(a3!, { ...legacyBody(3), participate_status: 3 });
    s.store.interviews.delete(a4!);
    return { s, dir, backup: join(dir, 'legacy.report.csv.backup.jsonl'), ids: [a0!, a1!, a2!, a3!, a4!] };
  }

  it('the summary counts each interview once: restored, deleted, already gone, left alone because changed since', async () => {
    const { s, dir, backup, ids: held } = await migrated();
    const undone = await undo(s, backup);
    expect(undone.code).toBe(1);
    expect(undone.stdout).toContain(
      'undo, 5 interview(s): restored 1 · deleted 1 · already as before 0 · already gone 1 · left alone 2 (changed since the undone run 2)',
    );
    expect(undone.stdout).not.toContain('left alone, changed since 0');
    expect(s.store.get(held[0]!)).toBeDefined();
    expect(InterviewStore.bodyOf(s.store.get(held[0]!)!)).toEqual(legacyBody(0, () => 50));
    expect(s.store.get(held[2]!)).toBeUndefined();
    const rows = await readReport(join(dir, 'legacy.report.csv.backup.undo.report.csv'));
    expect(
      rows
        .filter((r) => r.error_code === 'UNDO_CHANGED_SINCE')
        .map((r) => r.external_interview_id)
        .sort(),
    ).toEqual([held[1], held[3]]);
  });

  it('--dry-run says per interview what it would delete, restore and leave alone, and why; it writes nothing', async () => {
    const { s, dir, backup, ids: held } = await migrated();
    const before = snapshot(s);
    const writes = () => s.stats.requests.put + s.stats.requests.delete + s.stats.requests.create;
    const sent = writes();
    const dry = await undo(s, backup, ['--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(1);
    expect(writes()).toBe(sent);
    expect(s.store.interviews).toEqual(before);
    expect(dry.stdout).toContain(
      'undo --dry-run, 5 interview(s): would restore 1 · would delete 1 · already as before 0 · already gone 1 · would leave alone 2 (changed since the undone run 2)',
    );
    const report = join(dir, 'legacy.report.csv.backup.undo.dry-run.report.csv');
    expect(dry.stdout).toContain(`report: ${report}`);
    const rows = await readReport(report);
    const said = new Map(rows.map((r) => [r.external_interview_id, [r.status, r.message]]));
    expect(said.get(held[0]!)).toEqual(['ok', 'would restore: assessment 1 (张伟) dimension "专业" score: 80 → 50']);
    expect(said.get(held[2]!)).toEqual([
      'ok',
      'would delete: the undone run created it and it holds what that run created',
    ]);
    expect(said.get(held[1]!)![1]).toMatch(/^would leave alone: .*changed/);
    expect(said.get(held[3]!)![1]).toBe(
      `would leave alone: interview ${held[3]} changed after the undone run created it; delete it in Feishu yourself if it should go`,
    );
    expect(said.get(held[4]!)).toEqual([
      'skipped',
      'already gone: the interview the undone run created no longer exists',
    ]);
    // No journal or backup: a dry run leaves nothing to undo or resume.
    expect(existsSync(`${report}.journal.jsonl`)).toBe(false);
    expect(existsSync(`${report}.backup.jsonl`)).toBe(false);

    // The real undo then does what the dry run said; --json carries the same counts.
    const undone = await undo(s, backup, ['--json']);
    expect(JSON.parse(undone.stdout).undo).toEqual({
      interviews: 5,
      restored: 1,
      deleted: 1,
      already_as_before: 0,
      already_gone: 1,
      left_alone: 2,
      left_alone_why: { changed_since: 2, only_read: 0, deleted_by_run: 0 },
      failed: 0,
      not_sent: 0,
    });
    expect(undone.stderr).toContain(
      'undo, 5 interview(s): restored 1 · deleted 1 · already as before 0 · already gone 1 · left alone 2 (changed since the undone run 2)',
    );
  });
});
