import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { UNPACED, csv, legacyApp, legacyBody, legacyFile, readReport, runCli, tempDir } from '../helpers.js';

/**
 * Issue 18, item 6: where Feishu's reads carry no `external_id`, an interview of a legacy file is
 * found by the tool's own records of earlier runs, then by its body, and never created where one
 * may already exist. Each scenario runs in both read modes; the simulator holds the truth.
 */
const SECRET = 'Reads-Without-Keys-Secret';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(options: SimulatorOptions) {
  sim = await startSimulator({ appId: 'cli_k', appSecret: SECRET, ...UNPACED, ...options });
  return sim;
}

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_k', FEISHU_APP_SECRET: SECRET });
const run = (s: RunningSimulator, command: string, args: string[]) =>
  runCli([command, '--lang', 'en', ...args, '--quiet', '--tz', 'Asia/Shanghai'], { env: env(s) });

/** Feishu id by legacy key, and each body as a request would send it. */
const byKey = (s: RunningSimulator) =>
  new Map([...s.store.interviews.values()].map((x) => [x.external_id!, { id: x.id, body: InterviewStore.bodyOf(x) }]));
const writes = (s: RunningSimulator) => s.stats.requests.put + s.stats.requests.create + s.stats.requests.delete;

const N = 6;
/** ATS-1's 专业 score corrected from 81 to 99. */
const corrected = (i: number) => (i === 1 ? 99 : 80 + i);

describe.each([
  ['reads with external_id', false],
  ['reads without external_id', true],
])('%s', (_, readsWithoutExternalId) => {
  it('a corrected score updates in place, a re-run sends nothing, verify says all match', async () => {
    const s = await simulator({ readsWithoutExternalId });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyFile(N)));
    expect((await run(s, 'import', [file, '--create-missing'])).code).toBe(0);
    const first = byKey(s);
    expect(first.size).toBe(N);
    // A day later: Feishu's create no longer refuses a used external_id (docs/feishu-api.md, "Create").
    s.store.createdExternalIds.clear();

    await writeFile(file, csv(legacyFile(N, corrected)));
    const fix = await run(s, 'import', [file, '--create-missing']);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain(`created 0 · changed 1 · unchanged ${N - 1} · missing 0 interview(s)`);
    // The first run's report, journal and backup.
    const said =
      "Feishu's reads carry no external_id: legacy interviews were found by 3 file(s) of earlier runs' records";
    expect(fix.stdout.includes(said)).toBe(readsWithoutExternalId);
    expect(s.stats.requests.create).toBe(N);
    const now = byKey(s);
    expect(now.size).toBe(N);
    for (let i = 0; i < N; i++) {
      expect(now.get(`ATS-${i}`)!.id).toBe(first.get(`ATS-${i}`)!.id);
      expect(now.get(`ATS-${i}`)!.body).toEqual(legacyBody(i, corrected));
    }

    // The pre-image keeps the interview's key even where the read did not show it: undo puts it back.
    const backup = (await readFile(join(dir, 'legacy.report.csv.backup.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(backup.at(-1)!)).toMatchObject({
      external_interview_id: first.get('ATS-1')!.id,
      body: { external_id: 'ATS-1', participate_status: 2 },
    });

    const before = writes(s);
    const again = await run(s, 'import', [file, '--create-missing']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`created 0 · changed 0 · unchanged ${N} · missing 0 interview(s)`);
    expect(writes(s)).toBe(before);

    const verify = await run(s, 'verify', [file]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`${N} of ${N} interview(s) match the file`);
    const rows = await readReport(join(dir, 'legacy.verify.csv'));
    expect(new Set(rows.map((r) => r.message))).toEqual(
      new Set([
        readsWithoutExternalId ? "match (external_id keys not checked: Feishu's read does not return them)" : 'match',
      ]),
    );
    expect(rows.map((r) => r.外部面试ID)).toEqual(rows.map((r) => now.get(r.外部系统面试ID!)!.id));
  });

  it('an application holding an interview no record accounts for: refused where reads lack keys', async () => {
    const foreign = { external_id: 'OTHER-1', external_application_id: legacyApp(0), participate_status: 3 };
    const s = await simulator({ readsWithoutExternalId, seed: [['7300000000000000009', foreign]] });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyFile(2)));
    const result = await run(s, 'import', [file, '--create-missing']);
    const rows = await readReport(join(dir, 'legacy.report.csv'));
    if (!readsWithoutExternalId) {
      // Its key tells it apart: ATS-0 is created beside it.
      expect(result.code).toBe(0);
      expect(s.stats.requests.create).toBe(2);
      return;
    }
    expect(result.code).toBe(1);
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([
      ['failed', 'RUN_CANNOT_TELL_APART'],
      ['failed', 'RUN_CANNOT_TELL_APART'],
      ['ok', ''],
      ['ok', ''],
    ]);
    expect(rows[0]!.message).toBe(
      `not sent: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id "ATS-0", and application ${legacyApp(0)} holds interviews no record accounts for (7300000000000000009) whose body differs from the file's: any of them may be this one, so it is neither created nor changed; put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that created it`,
    );
    expect(s.stats.requests.create).toBe(1);
    expect([...s.store.interviews.values()].map((x) => x.external_id).sort()).toEqual(['ATS-1', 'OTHER-1']);
    const verify = await run(s, 'verify', [file]);
    const checked = await readReport(join(dir, 'legacy.verify.csv'));
    expect(verify.code).toBe(1);
    expect(checked.map((r) => r.error_code)).toEqual(['VERIFY_NOT_LOCATED', 'VERIFY_NOT_LOCATED', '', '']);
  });

  it("records are found in the report's folder without options, and in another through --records", async () => {
    const s = await simulator({ readsWithoutExternalId });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyFile(N)));
    const firstReport = join(dir, 'first', 'migration.xlsx');
    expect((await run(s, 'import', [file, '--create-missing', '--report', firstReport])).code).toBe(0);
    const ids = byKey(s);
    s.store.createdExternalIds.clear();
    await writeFile(file, csv(legacyFile(N, corrected)));

    // A new folder holds no record: where reads lack keys, the corrected ATS-1 cannot be told from the one in Feishu.
    const bare = await run(s, 'import', [file, '--create-missing', '--report', join(dir, 'second', 'r.csv')]);
    const bareRows = await readReport(join(dir, 'second', 'r.csv'));
    const ats1 = bareRows.filter((r) => r.外部系统面试ID === 'ATS-1');
    if (readsWithoutExternalId) {
      expect(bare.code).toBe(1);
      expect(ats1.map((r) => r.error_code)).toEqual(['RUN_CANNOT_TELL_APART', 'RUN_CANNOT_TELL_APART']);
      expect(ats1[0]!.message).toContain(`(${ids.get('ATS-1')!.id})`);
    } else expect(bare.code).toBe(0);
    expect(s.stats.requests.create).toBe(N);

    // Only the .xlsx report of the first run, copied elsewhere: it names ATS-1's interview.
    const kept = join(dir, 'kept');
    await mkdir(kept);
    await copyFile(firstReport, join(kept, 'migration.xlsx'));
    // Before the input, and repeated: each flag one more place to read.
    const named = await run(s, 'import', [
      '--records',
      join(dir, 'second'),
      '--records',
      kept,
      file,
      '--create-missing',
      '--report',
      join(dir, 'third', 'r.csv'),
    ]);
    expect(named.code).toBe(0);
    expect(s.stats.requests.create).toBe(N);
    const now = byKey(s);
    expect(now.size).toBe(N);
    expect(now.get('ATS-1')).toEqual({ id: ids.get('ATS-1')!.id, body: legacyBody(1, corrected) });
  });
});

describe('records checked against Feishu', () => {
  it('a record whose interview is gone is said so, and the interview created anew', async () => {
    const s = await simulator({ readsWithoutExternalId: true });
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(file, csv(legacyFile(1)));
    expect((await run(s, 'import', [file, '--create-missing'])).code).toBe(0);
    const [gone] = [...s.store.interviews.keys()];
    s.store.interviews.delete(gone!);
    s.store.createdExternalIds.clear();
    const again = await run(s, 'import', [file, '--create-missing']);
    expect(again.code).toBe(0);
    const rows = await readReport(join(dir, 'legacy.report.csv'));
    const [made] = [...s.store.interviews.keys()];
    expect(made).not.toBe(gone);
    expect(rows[0]!.message).toBe(
      `created in Feishu as ${made} (an earlier run's records gave it Feishu ID ${gone}, which application ${legacyApp(0)} no longer holds)`,
    );
  });
});
