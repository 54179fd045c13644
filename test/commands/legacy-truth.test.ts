import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { UNPACED, csv, legacyApp, legacyBody, legacyFile, readReport, runCli, tempDir } from '../helpers.js';

/**
 * Issue 27, items 1–7: the ways a migration or a correction by legacy key went silently wrong.
 * Each scenario is driven through the CLI against the simulator, and what the simulator holds
 * is the truth it is checked against. "Another machine" is a fresh folder holding only what the
 * README tells the user to copy (the migration's report), passed with --records.
 */
const SECRET = 'Legacy-Truth-Secret';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(options: SimulatorOptions) {
  sim = await startSimulator({ appId: 'cli_t', appSecret: SECRET, ...UNPACED, ...options });
  return sim;
}

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_t', FEISHU_APP_SECRET: SECRET });
const run = (s: RunningSimulator, command: string, args: string[]) =>
  runCli([command, '--lang', 'en', ...args, '--quiet', ...(command === 'undo' ? [] : ['--tz', 'Asia/Shanghai'])], {
    env: env(s),
  });

/** What Feishu holds, by legacy key (the simulator stores the keys even where its reads leave them out). */
const byKey = (s: RunningSimulator) =>
  new Map([...s.store.interviews.values()].map((x) => [x.external_id!, { id: x.id, body: InterviewStore.bodyOf(x) }]));

const APP = '6200000000000000007';
const SLOT = ['外部系统面试ID', '外部投递ID', '参与状态', '开始时间', '结束时间'];
const slot = (key: string, status = '参与') => [key, APP, status, '2024-05-06 10:00', '2024-05-06 10:45'];
const slotBody = (key: string, status = 2): InterviewBody => ({
  external_id: key,
  external_application_id: APP,
  participate_status: status,
  begin_time: Date.UTC(2024, 4, 6, 2),
  end_time: Date.UTC(2024, 4, 6, 2, 45),
});

describe('item 1: twins where reads carry no external_id', () => {
  it('two keys with one body and one interview in Feishu: neither is matched by the body, none shares an id', async () => {
    const s = await simulator({
      readsWithoutExternalId: true,
      seed: [['7300000000000000501', slotBody('000501')]],
    });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv([SLOT, slot('000501'), slot('000502'), slot('000503', '爽约')]));
    const result = await run(s, 'import', [file, '--create-missing']);
    expect(result.code).toBe(1);
    const rows = await readReport(join(dir, 'legacy.report.csv'));
    expect(rows.map((r) => [r.外部系统面试ID, r.status, r.error_code])).toEqual([
      ['000501', 'failed', 'RUN_CANNOT_TELL_APART'],
      ['000502', 'failed', 'RUN_CANNOT_TELL_APART'],
      ['000503', 'ok', ''],
    ]);
    expect(rows[0]!.message).toBe(
      `not sent: Feishu's read carries no external_id, and interview 7300000000000000501 of application ${APP} fits the file's interviews with external_id "000501", "000502" alike (the same body, or records naming it for each): which one it is cannot be told, so neither is created nor changed; put its Feishu ID in external_interview_id on the rows of the one it is (the migration's report has it), or pass --records with the folder of the run that created it`,
    );
    expect(rows[1]!.message).toBe(rows[0]!.message);
    // A report never gives two keys one Feishu id.
    const ids = rows.map((r) => r.外部面试ID ?? '').filter((id) => id !== '');
    expect(new Set(ids).size).toBe(ids.length);
    expect([...s.store.interviews.keys()]).toHaveLength(2);

    const verify = await run(s, 'verify', [file]);
    expect(verify.code).toBe(1);
    const checked = await readReport(join(dir, 'legacy.verify.csv'));
    expect(checked.map((r) => [r.外部系统面试ID, r.error_code])).toEqual([
      ['000501', 'VERIFY_NOT_LOCATED'],
      ['000502', 'VERIFY_NOT_LOCATED'],
      ['000503', ''],
    ]);
  });

  it('a report that gave two keys one Feishu id (as an earlier version wrote) proves neither', async () => {
    const s = await simulator({
      readsWithoutExternalId: true,
      seed: [['7300000000000000501', slotBody('000501')]],
    });
    const dir = await tempDir();
    const kept = join(dir, 'kept');
    await mkdir(kept);
    const id = '7300000000000000501';
    await writeFile(
      join(kept, 'old.report.csv'),
      `\uFEFF${csv([
        ['row', 'status', 'error_code', 'message', ...SLOT, '外部面试ID'],
        ['2', 'ok', '', 'skipped, unchanged', ...slot('000501'), id],
        ['3', 'ok', '', 'skipped, unchanged', ...slot('000502'), id],
      ])}`,
    );
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv([SLOT, slot('000501'), slot('000502')]));
    expect((await run(s, 'import', [file, '--create-missing', '--records', kept])).code).toBe(1);
    const rows = await readReport(join(dir, 'legacy.report.csv'));
    expect(rows.map((r) => [r.error_code, r.外部面试ID ?? ''])).toEqual([
      ['RUN_CANNOT_TELL_APART', ''],
      ['RUN_CANNOT_TELL_APART', ''],
    ]);
    expect(s.store.interviews.size).toBe(1);
    const verify = await run(s, 'verify', [file, '--records', kept]);
    expect(verify.stdout).toContain('0 of 2 interview(s) match the file');
  });

  it('the fix the message gives: one twin named by its Feishu ID, the other created', async () => {
    const id = '7300000000000000501';
    const s = await simulator({ readsWithoutExternalId: true, seed: [[id, slotBody('000501')]] });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', ...SLOT],
        [id, ...slot('000501')],
        ['', ...slot('000502')],
      ]),
    );
    const result = await run(s, 'import', [file, '--create-missing']);
    expect(result.code).toBe(0);
    const held = byKey(s);
    expect(held.get('000501')).toEqual({ id, body: slotBody('000501') });
    expect(held.get('000502')!.body).toEqual(slotBody('000502'));
    expect(held.get('000502')!.id).not.toBe(id);
  });

  it('a record naming one twin tells both apart: the one named is found, the other created', async () => {
    const s = await simulator({ readsWithoutExternalId: true });
    const dir = await tempDir();
    const first = join(dir, 'first.csv');
    await writeFile(first, csv([SLOT, slot('000501')]));
    expect((await run(s, 'import', [first, '--create-missing'])).code).toBe(0);
    s.store.createdExternalIds.clear();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv([SLOT, slot('000501'), slot('000502')]));
    expect((await run(s, 'import', [file, '--create-missing'])).code).toBe(0);
    const held = byKey(s);
    expect(held.get('000501')!.body).toEqual(slotBody('000501'));
    expect(held.get('000502')!.body).toEqual(slotBody('000502'));
    const rows = await readReport(join(dir, 'legacy.report.csv'));
    expect(rows.map((r) => r.外部面试ID)).toEqual([held.get('000501')!.id, held.get('000502')!.id]);
  });
});

/** Migrates legacyFile(2) in `dir`, and copies its report (only) into a fresh folder: the other machine. */
async function migrateElsewhere(s: RunningSimulator, dir: string, extra: string[] = [], file = 'legacy.csv') {
  const path = join(dir, file);
  expect((await run(s, 'import', [path, '--create-missing', ...extra])).code).toBe(0);
  const kept = join(dir, 'kept');
  await mkdir(kept);
  await copyFile(join(dir, file.replace(/\.csv$/, '.report.csv')), join(kept, 'migration.report.csv'));
  const other = join(dir, 'other');
  await mkdir(other);
  return { kept, other };
}

describe.each([
  ['reads with external_id', false],
  ['reads without external_id', true],
])('%s', (_, readsWithoutExternalId) => {
  it('item 2: undo of a correction on another machine puts back every key the before-image carried', async () => {
    const s = await simulator({ readsWithoutExternalId });
    const dir = await tempDir();
    await writeFile(join(dir, 'legacy.csv'), csv(legacyFile(2)));
    const { kept, other } = await migrateElsewhere(s, dir);
    const migrated = byKey(s);
    const fix = join(other, 'fix.csv');
    await writeFile(
      fix,
      csv([
        ['外部系统面试ID', '外部投递ID', '外部系统面评ID', '面试结论'],
        ['ATS-1', legacyApp(1), 'ATS-A-1', '不通过'],
      ]),
    );
    const correct = await run(s, 'import', [fix, '--merge', '--records', kept]);
    expect(correct.stdout + correct.stderr).toContain('changed 1');
    expect(correct.code).toBe(0);
    const fixed = legacyBody(1);
    fixed.interview_assessments![0]!.conclusion = 1;
    expect(byKey(s).get('ATS-1')).toEqual({ id: migrated.get('ATS-1')!.id, body: fixed });

    const undo = await run(s, 'undo', [join(other, 'fix.report.csv.backup.jsonl')]);
    expect(undo.code).toBe(0);
    expect(byKey(s).get('ATS-1')).toEqual({ id: migrated.get('ATS-1')!.id, body: legacyBody(1) });
    // A correction by review key still finds the assessment afterwards.
    const again = await run(s, 'import', [fix, '--merge', '--records', kept, '--report', join(other, 'again.csv')]);
    expect(again.code).toBe(0);
    expect(byKey(s).get('ATS-1')!.body).toEqual(fixed);
  });

  it('item 6: the report of a mapped migration, copied to another machine, is read with the run’s --map', async () => {
    const s = await simulator({ readsWithoutExternalId });
    const dir = await tempDir();
    const map = join(dir, 'map.json');
    const names = [
      'Interview Ref',
      'Req',
      'Attended',
      'Start',
      'Review Ref',
      'Reviewer',
      'Verdict',
      'Topic',
      'Kind',
      'Points',
    ];
    const canonical = [
      'external_id',
      'external_application_id',
      'participate_status',
      'begin_time',
      'assessment_external_id',
      'username',
      'conclusion',
      'dimension_title',
      'assessment_type',
      'score',
    ];
    await writeFile(map, JSON.stringify(Object.fromEntries(names.map((n, i) => [n, canonical[i]]))));
    const mapped = (score?: (i: number) => number) => csv([names, ...legacyFile(2, score).slice(1)]);
    await writeFile(join(dir, 'legacy.csv'), mapped());
    const { kept, other } = await migrateElsewhere(s, dir, ['--map', map]);
    const migrated = byKey(s);
    const file = join(other, 'legacy.csv');
    await writeFile(
      file,
      mapped((i) => (i === 1 ? 99 : 80 + i)),
    );
    const fix = await run(s, 'import', [file, '--create-missing', '--map', map, '--records', kept]);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain('created 0 · changed 1 · unchanged 1 · missing 0 interview(s)');
    expect(byKey(s).get('ATS-1')).toEqual({
      id: migrated.get('ATS-1')!.id,
      body: legacyBody(1, (i) => (i === 1 ? 99 : 80 + i)),
    });
    expect(s.store.interviews.size).toBe(2);
  });

  it('item 7: a correction by legacy key without the application id uses the Feishu id the records prove', async () => {
    const s = await simulator({ readsWithoutExternalId });
    const dir = await tempDir();
    await writeFile(join(dir, 'legacy.csv'), csv(legacyFile(2)));
    const { kept, other } = await migrateElsewhere(s, dir);
    const migrated = byKey(s);
    const fix = join(other, 'fix.csv');
    await writeFile(
      fix,
      csv([
        ['面试记录ID', '评价ID', '评价结论'],
        ['ATS-1', 'ATS-A-1', '不通过'],
      ]),
    );
    const map = join(other, 'map.json');
    await writeFile(
      map,
      JSON.stringify({ 面试记录ID: 'external_id', 评价ID: 'assessment_external_id', 评价结论: 'conclusion' }),
    );
    const correct = await run(s, 'import', [fix, '--merge', '--map', map, '--records', kept]);
    expect(correct.stdout + correct.stderr).toContain('changed 1');
    expect(correct.code).toBe(0);
    const fixed = legacyBody(1);
    fixed.interview_assessments![0]!.conclusion = 1;
    expect(byKey(s).get('ATS-1')).toEqual({ id: migrated.get('ATS-1')!.id, body: fixed });
    expect(byKey(s).get('ATS-0')!.body).toEqual(legacyBody(0));

    // Nothing proves a key no record names: refused as before, naming the missing column.
    const unknown = join(other, 'unknown.csv');
    await writeFile(
      unknown,
      csv([
        ['面试记录ID', '评价ID', '评价结论'],
        ['ATS-9', 'ATS-A-9', '不通过'],
      ]),
    );
    const refused = await run(s, 'import', [unknown, '--merge', '--map', map, '--records', kept]);
    expect(refused.code).toBe(1);
    const rows = await readReport(join(other, 'unknown.report.csv'));
    expect(rows.map((r) => r.error_code)).toEqual(['ROW_MISSING_APPLICATION_ID']);
  });
});

describe('item 3: a --merge row naming an assessment key Feishu does not have', () => {
  it.each([
    ['reads with external_id', false],
    ['reads without external_id', true],
  ])('%s: refused, naming the keys the interview has; nothing is re-keyed', async (_, readsWithoutExternalId) => {
    const s = await simulator({ readsWithoutExternalId });
    const dir = await tempDir();
    await writeFile(join(dir, 'legacy.csv'), csv(legacyFile(1)));
    expect((await run(s, 'import', [join(dir, 'legacy.csv'), '--create-missing'])).code).toBe(0);
    const fix = join(dir, 'fix.csv');
    await writeFile(
      fix,
      csv([
        ['外部系统面试ID', '外部投递ID', '外部系统面评ID', '面试官', '面试结论'],
        ['ATS-0', legacyApp(0), 'ATS-A-99', '张伟', '不通过'],
      ]),
    );
    const dry = await run(s, 'import', [fix, '--merge', '--dry-run']);
    expect(dry.stdout).not.toContain('remove');
    const real = await run(s, 'import', [fix, '--merge']);
    expect(real.code).toBe(1);
    const rows = await readReport(join(dir, 'fix.report.csv'));
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([['invalid', 'ROW_NO_SUCH_ASSESSMENT']]);
    expect(rows[0]!.message).toBe(
      'expected an assessment of this interview by its external_id, got "ATS-A-99", which Feishu does not hold: its assessments have external_id ATS-A-0 (row 2, column 外部系统面评ID): correct the key, or leave it blank to name the assessment by username or assessment_no; a new key goes on an assessment named by its assessment_no (评价序号), or pass --add-assessments to add an assessment with this key',
    );
    expect(byKey(s).get('ATS-0')!.body).toEqual(legacyBody(0));

    // With --add-assessments the new key is a new assessment; the one held keeps its key.
    const added = await run(s, 'import', [fix, '--merge', '--add-assessments', '--report', join(dir, 'added.csv')]);
    expect(added.code).toBe(0);
    const both = legacyBody(0);
    both.interview_assessments!.push({ external_id: 'ATS-A-99', username: '张伟', conclusion: 1 });
    expect(byKey(s).get('ATS-0')!.body).toEqual(both);
  });
});

describe('item 4: --merge --create-missing with a mistyped key', () => {
  it('a row that cannot make a whole interview is refused, naming the missing columns and the near key', async () => {
    const s = await simulator({});
    const dir = await tempDir();
    await writeFile(join(dir, 'legacy.csv'), csv([SLOT, slot('000107')]));
    expect((await run(s, 'import', [join(dir, 'legacy.csv'), '--create-missing'])).code).toBe(0);
    const fix = join(dir, 'fix.csv');
    await writeFile(
      fix,
      csv([
        ['外部系统面试ID', '外部投递ID', '外部系统面评ID', '面试结论'],
        ['0001077', APP, 'R-1', '通过'],
      ]),
    );
    const result = await run(s, 'import', [fix, '--merge', '--create-missing']);
    expect(result.code).toBe(1);
    const rows = await readReport(join(dir, 'fix.report.csv'));
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([['invalid', 'ROW_NEW_INTERVIEW_INCOMPLETE']]);
    expect(rows[0]!.message).toBe(
      'expected participate_status, begin_time, end_time, username on the rows of a new interview (application 6200000000000000007 has no interview with external_id "0001077", so this run would create one), got them blank (row 2): did you mean "000107"? correct the key if it names an interview Feishu holds, or fill in those columns to create it',
    );
    expect(s.store.interviews.size).toBe(1);
  });
});

describe('item 5: an empty assessment list is sent, not implied', () => {
  // A Feishu that keeps the assessments a PUT leaves out: only an explicit [] removes them.
  const keeps = { keepsOmittedAssessments: true } as const;
  const ID = '7300000000000000777';

  it('a --replace with no assessments, and an undo back to none, leave none', async () => {
    const s = await simulator({ ...keeps, seed: [[ID, legacyBody(0)]] });
    const dir = await tempDir();
    const file = join(dir, 'bare.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '外部投递ID', '参与状态'],
        [ID, legacyApp(0), '爽约'],
      ]),
    );
    expect((await run(s, 'import', [file, '--replace'])).code).toBe(0);
    expect(InterviewStore.bodyOf(s.store.get(ID)!)).toEqual({
      external_id: 'ATS-0',
      external_application_id: legacyApp(0),
      participate_status: 3,
    });
    const add = join(dir, 'add.csv');
    await writeFile(
      add,
      csv([
        ['外部面试ID', '面试官', '面试结论'],
        [ID, '王芳', '通过'],
      ]),
    );
    expect((await run(s, 'import', [add, '--merge', '--add-assessments'])).code).toBe(0);
    expect(s.store.get(ID)!.interview_assessments).toHaveLength(1);
    expect((await run(s, 'undo', [join(dir, 'add.report.csv.backup.jsonl')])).code).toBe(0);
    expect(InterviewStore.bodyOf(s.store.get(ID)!)).toEqual({
      external_id: 'ATS-0',
      external_application_id: legacyApp(0),
      participate_status: 3,
    });
  });
});
