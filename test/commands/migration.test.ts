import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { UNPACED, csv, legacyApp, legacyBody, legacyFile, readReport, runCli, tempDir } from '../helpers.js';

const SECRET = 'Migration-Test-Secret-3';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_g', FEISHU_APP_SECRET: SECRET });
const app = legacyApp;
const legacyRows = (n: number) => legacyFile(n);
const expectedBody = (i: number) => legacyBody(i);

async function simulator(options: SimulatorOptions = {}) {
  sim = await startSimulator({ appId: 'cli_g', appSecret: SECRET, ...UNPACED, ...options });
  return sim;
}

const held = (s: RunningSimulator) =>
  [...s.store.interviews.values()]
    .map((x) => InterviewStore.bodyOf(x))
    .sort((a, b) => a.external_id!.localeCompare(b.external_id!, 'en', { numeric: true }));
const cli = (s: RunningSimulator, args: string[]) =>
  runCli(['import', '--lang', 'en', ...args, '--quiet', '--tz', 'Asia/Shanghai'], { env: env(s) });

describe('legacy migration', () => {
  it('without --create-missing, rows without a Feishu ID are failed with the hint; a dry run says what it would create', async () => {
    const s = await simulator();
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(2)));
    const plain = await cli(s, [file]);
    expect(plain.code).toBe(1);
    const rows = await readReport(join(dir, 'legacy.report.csv'));
    expect(rows.map((r) => [r.status, r.error_code])).toEqual(Array(4).fill(['failed', 'RUN_NOT_FOUND']));
    expect(rows[0]!.message).toBe(
      `not sent: application ${app(0)} has no interview with external_id "ATS-0" in Feishu; import with --create-missing to create it, or put its Feishu ID in external_interview_id`,
    );
    const dry = await cli(s, [file, '--create-missing', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would create 2 · would change 0 · unchanged 0 · missing 0 interview(s)');
    expect(s.stats.requests.create).toBe(0);
  });

  it("creates what does not exist, fills in every row's Feishu ID, and a re-run of the same file creates nothing", async () => {
    const s = await simulator();
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(5)));
    const run = await cli(s, [file, '--create-missing']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created 5 · changed 0 · unchanged 0 · missing 0 interview(s)');
    expect(held(s)).toEqual([0, 1, 2, 3, 4].map(expectedBody));
    const report = await readReport(join(dir, 'legacy.report.csv'));
    const idOf = new Map([...s.store.interviews.values()].map((x) => [x.external_id, x.id]));
    expect(report.map((r) => r.外部面试ID)).toEqual(report.map((r) => idOf.get(r.外部系统面试ID!)));
    expect(report.every((r) => /^\d{19}$/.test(r.外部面试ID!))).toBe(true);

    const again = await cli(s, [file, '--create-missing', '--report', join(dir, 'again.csv')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('created 0 · changed 0 · unchanged 5 · missing 0 interview(s)');
    expect(s.stats.requests.create).toBe(5);

    // The report re-imports as a correction file: by Feishu ID now.
    const fixed = await runCli(
      ['import', '--lang', 'en', join(dir, 'legacy.report.csv'), '--merge', '--dry-run', '--quiet'],
      {
        env: env(s),
      },
    );
    expect(fixed.stdout).toContain('would change 0 · unchanged 5 · missing 0 interview(s)');
  });

  it('finds created interviews by their whole body where reads carry no external_id and no record is left', async () => {
    const s = await simulator({ readsWithoutExternalId: true });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(3)));
    expect((await cli(s, [file, '--create-missing', '--report', join(dir, 'first', 'r.csv')])).code).toBe(0);
    const elsewhere = await tempDir();
    const again = await cli(s, [file, '--create-missing', '--report', join(elsewhere, 'again.csv')]);
    // No record in the new report's folder: each interview is found by its body, which matches (keys left out).
    expect(again.stdout).toContain('created 0 · changed 0 · unchanged 3');
    expect(s.stats.requests.create).toBe(3);
    expect(held(s)).toEqual([0, 1, 2].map(expectedBody));
  });

  it('never creates twice when answers are lost: a create whose answer was dropped is looked up first', async () => {
    const s = await simulator({ dropRate: 0.5, randomSeed: 7 });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(12)));
    const first = await cli(s, [file, '--create-missing', '--retries', '8']);
    const second = await cli(s, [
      file,
      '--create-missing',
      '--retries',
      '8',
      '--resume',
      join(dir, 'legacy.report.csv'),
      '--report',
      join(dir, 'resume.csv'),
    ]);
    expect([first.code, second.code]).toContain(0);
    expect(s.stats.dropped).toBeGreaterThan(0);
    expect(held(s)).toEqual(Array.from({ length: 12 }, (_, i) => expectedBody(i)));
  });

  it('counts every create the journal says landed, lost answers included: the summary, --json and the library agree with Feishu', async () => {
    const s = await simulator({ dropRate: 0.6, randomSeed: 11 });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(10)));
    const run = await cli(s, [file, '--create-missing', '--retries', '8', '--json']);
    expect(run.code).toBe(0);
    const held = s.store.interviews.size;
    expect(held).toBe(10);
    const posts = s.stats.requests.create;
    // Some answers were lost after the create landed: Feishu's success never reached the run.
    expect(s.stats.dropped).toBeGreaterThan(0);
    const out = JSON.parse(run.stdout);
    expect(out.interviews_by_kind.created).toBe(held);
    expect(out.requests.creates).toBe(held);
    expect(out.requests.create_attempts).toBe(posts);
    expect(run.stderr).toContain(`${held} create(s) landed (${posts} POST(s) sent)`);
    expect(run.stderr).toContain(`created ${held} · changed 0`);
    const journal = (await readFile(join(dir, 'legacy.report.csv.journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.t === 'result' && e.status === 'ok' && e.feishu_id);
    expect(journal).toHaveLength(held);
  });

  it('undo of a run that created interviews deletes exactly those, leaving one changed since alone', async () => {
    const s = await simulator();
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(3)));
    expect((await cli(s, [file, '--create-missing'])).code).toBe(0);
    const touched = [...s.store.interviews.values()].find((x) => x.external_id === 'ATS-1')!;
    s.store.put(touched.id, { ...InterviewStore.bodyOf(touched), participate_status: 3 });
    const undo = await runCli(['undo', '--lang', 'en', join(dir, 'legacy.report.csv.backup.jsonl'), '--quiet'], {
      env: env(s),
    });
    expect(undo.code).toBe(1);
    expect(undo.stdout).toContain(
      'undo, 3 interview(s): restored 0 · deleted 2 · already as before 0 · left alone 1 (changed since the undone run 1)',
    );
    expect([...s.store.interviews.values()].map((x) => x.external_id)).toEqual(['ATS-1']);
    const rows = await readReport(join(dir, 'legacy.report.csv.backup.undo.report.csv'));
    expect(rows.map((r) => r.error_code).filter(Boolean)).toEqual(['UNDO_CHANGED_SINCE']);
  });

  it('bad input: no application, one external_id on two interviews, an external_id Feishu holds twice', async () => {
    const s = await simulator({
      seed: [
        ['7300000000000000001', { external_id: 'ATS-9', external_application_id: app(0) }],
        ['7300000000000000002', { external_id: 'ATS-9', external_application_id: app(0) }],
      ],
    });
    const dir = await tempDir();
    const file = join(dir, 'bad.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '外部系统面试ID', '外部投递ID', '参与状态'],
        ['', 'ATS-1', '', '参与'],
        ['7000000000000000001', 'ATS-2', app(0), '参与'],
        ['7000000000000000002', 'ATS-2', app(0), '参与'],
        ['', 'ATS-9', app(0), '参与'],
        ['', 'ATS-5', app(1), '参与'],
      ]),
    );
    const run = await cli(s, [file, '--create-missing', '--no-backup']);
    expect(run.code).toBe(1);
    const rows = await readReport(join(dir, 'bad.report.csv'));
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([
      ['invalid', 'ROW_MISSING_APPLICATION_ID'],
      ['invalid', 'ROW_EXTERNAL_ID_TWICE'],
      ['invalid', 'ROW_EXTERNAL_ID_TWICE'],
      ['failed', 'RUN_EXTERNAL_ID_AMBIGUOUS'],
      ['ok', ''],
    ]);
    expect(rows[2]!.message).toBe(
      'expected each external_id on one interview, got "ATS-2" here and on interview 7000000000000000001 (row 3) (row 4, column 外部系统面试ID): a legacy key names one interview; fix one of them',
    );
    expect(rows[3]!.message).toContain('matches 2 interviews of application');
    expect(s.stats.requests.create).toBe(1);
    expect(
      JSON.parse(
        await readFile(join(dir, 'bad.report.csv.journal.jsonl'), 'utf8').then((t) => t.trim().split('\n').at(-1)!),
      ),
    ).toMatchObject({ t: 'result', status: 'ok', feishu_id: expect.stringMatching(/^\d{19}$/) });
  });

  it('verify reports per row match or the field-level difference, and exits 0 only when all match', async () => {
    const s = await simulator();
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(3)));
    expect((await cli(s, [file, '--create-missing'])).code).toBe(0);
    const verify = (report: string) =>
      runCli(['verify', '--lang', 'en', file, '--quiet', '--tz', 'Asia/Shanghai', '--report', join(dir, report)], {
        env: env(s),
      });
    const clean = await verify('v1.csv');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('3 of 3 interview(s) match the file');
    const touched = [...s.store.interviews.values()].find((x) => x.external_id === 'ATS-2')!;
    s.store.put(touched.id, { ...InterviewStore.bodyOf(touched), participate_status: 3 });
    const puts = s.stats.requests.put;
    const dirty = await verify('v2.csv');
    expect(dirty.code).toBe(1);
    const rows = await readReport(join(dir, 'v2.csv'));
    expect(rows.map((r) => [r.status, r.message])).toEqual([
      ['ok', 'match'],
      ['ok', 'match'],
      ['ok', 'match'],
      ['ok', 'match'],
      ['failed', 'differs (Feishu → file): participate_status: no_show → participated'],
      ['failed', 'differs (Feishu → file): participate_status: no_show → participated'],
    ]);
    expect(s.stats.requests.put + s.stats.requests.create + s.stats.requests.delete).toBe(puts + 3);
  });

  it('--json prints one summary object on stdout for a scheduler, the text on stderr', async () => {
    const s = await simulator();
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyRows(2)));
    const run = await cli(s, [file, '--create-missing', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('created 2 · changed 0');
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      command: 'import',
      exit_code: 0,
      rows: 4,
      interviews: 2,
      counts: { ok: 4, invalid: 0, failed: 0 },
      problems: [],
      origin: s.url,
      requests: { puts: 0, creates: 2 },
      interviews_by_kind: { created: 2 },
      input: { file, header_row: 1 },
      paths: {
        report: join(dir, 'legacy.report.csv'),
        journal: join(dir, 'legacy.report.csv.journal.jsonl'),
        backup: join(dir, 'legacy.report.csv.backup.jsonl'),
      },
    });
    const validate = await runCli(['validate', '--lang', 'en', file, '--json', '--tz', 'Asia/Shanghai']);
    expect(JSON.parse(validate.stdout)).toMatchObject({ command: 'validate', exit_code: 0, counts: { ok: 4 } });
    const fatal = await runCli(['validate', '--lang', 'en', join(dir, 'missing.csv'), '--json']);
    expect(fatal.code).toBe(2);
    expect(JSON.parse(fatal.stdout)).toMatchObject({ exit_code: 2, error: { code: 'INPUT_UNREADABLE' } });
  });
});
