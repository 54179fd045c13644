import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { csv, original, readReport, runCli, seededIds as ids, tempDir } from '../helpers.js';

const SECRET = 'Removal-Test-Secret-3';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(n: number) {
  sim = await startSimulator({
    appId: 'cli_r',
    appSecret: SECRET,
    rateLimit: 0,
    seed: ids(n).map((id, i) => [id, original(i)]),
  });
  return sim;
}

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_r', FEISHU_APP_SECRET: SECRET });
const bodyIn = (s: RunningSimulator, id: string) => InterviewStore.bodyOf(s.store.get(id)!);

/** A small correction file that names the application but nothing of the assessments or times. */
async function statusFile(dir: string, id: string, application: string): Promise<string> {
  const file = join(dir, 'fix.csv');
  await writeFile(
    file,
    csv([
      ['外部面试ID', '外部投递ID', '参与状态'],
      [id, application, '爽约'],
    ]),
  );
  return file;
}

describe('nothing removed unless the run says so', () => {
  it('blocks a plain import that would remove what Feishu holds; --merge keeps it, --replace removes it', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [id] = ids(1);
    const file = await statusFile(dir, id!, original(0).external_application_id);

    const dry = await runCli(['import', '--lang', 'en', file, '--dry-run', '--quiet'], { env: env(s) });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(
      '1 interview(s) not sent (RUN_WOULD_REMOVE): the file would remove what Feishu holds; import with --merge to keep it, or --replace to remove it',
    );

    const plain = await runCli(['import', '--lang', 'en', file, '--quiet'], { env: env(s) });
    expect(plain.code).toBe(1);
    expect(s.stats.requests.put).toBe(0);
    expect(bodyIn(s, id!)).toEqual(original(0));
    const [row] = await readReport(join(dir, 'fix.report.csv'));
    expect(row).toMatchObject({ status: 'failed', error_code: 'RUN_WOULD_REMOVE' });
    expect(row!.message).toBe(
      'not sent: the file does not name what Feishu holds for this interview, and a plain import would remove it — values: begin_time, end_time; assessments: #1 张三, #2 李四; dimensions: #1 张三 "专业", #2 李四 "亮点". To keep it and change only what the file names, import with --merge; to remove it (the file is the whole truth for this interview), import with --replace; to remove the status or a time alone, write <clear> in its cell',
    );

    const replaced = await runCli(['import', '--lang', 'en', file, '--replace', '--quiet'], { env: env(s) });
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('removed 2 value(s), 2 assessment(s) and 2 dimension(s) that Feishu held');
    expect(bodyIn(s, id!)).toEqual({
      external_application_id: original(0).external_application_id,
      participate_status: 3,
    });
  });

  it('a merge keeps everything the file does not name', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [id] = ids(1);
    const file = await statusFile(dir, id!, original(0).external_application_id);
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('remove');
    expect(bodyIn(s, id!)).toEqual({ ...original(0), participate_status: 3 });
  });

  it('renaming an interviewer of an assessment found by its key removes nothing and says so', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [id] = ids(1);
    const keyed = original(0);
    keyed.interview_assessments = keyed.interview_assessments!.map((a, i) => ({ ...a, external_id: `A-${i}` }));
    s.store.put(id!, keyed);
    const file = join(dir, 'rename.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '外部系统面评ID', '面试官'],
        [id!, 'A-0', '王五'],
      ]),
    );
    const run = await runCli(['import', '--lang', 'zh', file, '--merge', '--quiet'], { env: env(s) });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('将删除');
    expect(run.stdout).not.toContain('已删除');
    const held = bodyIn(s, id!);
    expect(held.interview_assessments![0]).toEqual({ ...keyed.interview_assessments![0], username: '王五' });
    expect(held.interview_assessments![1]).toEqual(keyed.interview_assessments![1]);
  });

  it('--json says changed', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [id] = ids(1);
    const file = await statusFile(dir, id!, original(0).external_application_id);
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--json'], { env: env(s) });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.interviews_by_kind).toMatchObject({ changed: 1, unchanged: 0 });
    expect(json.interviews_by_kind.change).toBeUndefined();
  });
});

describe('no user work overwritten', () => {
  it("validate after import writes beside the import's report; an edited report is left as it is", async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [id] = ids(1);
    const file = await statusFile(dir, id!, original(0).external_application_id);
    const report = join(dir, 'fix.report.csv');
    expect((await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) })).code).toBe(0);
    const imported = await readFile(report);

    const validated = await runCli(['validate', '--lang', 'en', file, '--merge']);
    expect(validated.code).toBe(0);
    expect(await readFile(report)).toEqual(imported);
    expect(existsSync(join(dir, 'fix.report-2.csv'))).toBe(true);
    expect(validated.stdout).toContain(`${report} was changed since the tool wrote it, or is another command's report`);

    // The same command may write over its own report, unchanged.
    expect((await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) })).code).toBe(0);
    expect(existsSync(join(dir, 'fix.report-3.csv'))).toBe(false);
    const again = await readFile(report, 'utf8');

    // Fixed in Excel: the next run writes beside it, over the validate report there (a preview).
    await writeFile(report, `${again}\r\n`);
    const edited = await readFile(report);
    const next = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
    expect(next.code).toBe(0);
    expect(await readFile(report)).toEqual(edited);
    expect(next.stdout).toContain(
      `${report} was changed since the tool wrote it, or is another command's report or an earlier undo's: it was left as it is, and this run's report is ${join(dir, 'fix.report-2.csv')}`,
    );
    expect((await readReport(join(dir, 'fix.report-2.csv')))[0]).toMatchObject({ status: 'skipped' });
    expect(existsSync(join(dir, 'fix.report-3.csv'))).toBe(false);
  });

  it('a report that cannot be written stops the run before anything is sent', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [id] = ids(1);
    const file = await statusFile(dir, id!, original(0).external_application_id);
    const report = join(dir, 'locked.report.csv');
    await mkdir(report);
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--report', report], { env: env(s) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('REPORT_LOCKED');
    expect(run.stderr).toContain('The file may be open in Excel or WPS (close it)');
    expect(s.stats.requests.put).toBe(0);
    expect(s.stats.requests.batchQuery + s.stats.requests.token).toBe(0);
    expect(bodyIn(s, id!)).toEqual(original(0));
  });
});
