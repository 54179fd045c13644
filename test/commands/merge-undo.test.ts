import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import {
  csv,
  interviewsCsv,
  original,
  readReport,
  runCli,
  seededIds as ids,
  startCli,
  tempDir,
  waitFor,
} from '../helpers.js';

const SECRET = 'Merge-Test-Secret-7';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(n: number, options: SimulatorOptions = {}) {
  sim = await startSimulator({
    appId: 'cli_m',
    appSecret: SECRET,
    rateLimit: 0,
    seed: ids(n).map((id, i) => [id, original(i)]),
    ...options,
  });
  return sim;
}

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_m', FEISHU_APP_SECRET: SECRET });
const bodyIn = (s: RunningSimulator, id: string) => InterviewStore.bodyOf(s.store.get(id)!);

describe('--merge', () => {
  it('a file with only external_interview_id and participate_status changes the status and nothing else', async () => {
    const s = await simulator(3);
    const dir = await tempDir();
    const file = join(dir, 'status.csv');
    const [a, b, c] = ids(3);
    await writeFile(
      file,
      csv([
        ['external_interview_id', 'participate_status'],
        [a!, '爽约'],
        [b!, '2'],
        [c!, ''],
      ]),
    );

    const without = await runCli(['import', '--lang', 'en', file], { env: env(s) });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('to change only the columns this file carries, import it with --merge.');

    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(bodyIn(s, a!)).toEqual({ ...original(0), participate_status: 3 });
    expect(bodyIn(s, b!)).toEqual(original(1));
    expect(bodyIn(s, c!)).toEqual(original(2));
    expect([...s.stats.accepted.keys()]).toEqual([a]);
    const rows = await readReport(join(dir, 'status.report.csv'));
    expect(rows.map((r) => [r.status, r.message])).toEqual([
      ['ok', 'landed; the previous version is in status.report.csv.backup.jsonl'],
      ['skipped', 'unchanged: Feishu already holds exactly this'],
      ['skipped', 'unchanged: Feishu already holds exactly this'],
    ]);
    expect(run.stdout).toContain('changed 1 · unchanged 2 · missing 0 interview(s)');
  });

  it('clears a field only with <clear>; replaces the assessments only with --replace-assessments', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const file = join(dir, 'fix.csv');
    const [a] = ids(1);
    await writeFile(
      file,
      csv([
        ['external_interview_id', 'begin_time', 'end_time', 'username', 'conclusion'],
        [a!, '<clear>', '', '王五', 'fail'],
      ]),
    );
    const refused = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
    expect(refused.code).toBe(1);
    expect(s.stats.requests.put).toBe(0);
    expect((await readReport(join(dir, 'fix.report.csv'))).map((r) => [r.status, r.error_code, r.message])).toEqual([
      [
        'invalid',
        'ROW_NO_SUCH_ASSESSMENT',
        "expected an assessment by an interviewer of this interview, got 王五, but this interview has 2 assessment(s) (张三, 李四) (row 2, column username): fix the name; to rename an interviewer, add the assessment_no column with the assessment's number (1 for the first listed) and keep 王五 as the new name; or pass --add-assessments to add an assessment by 王五",
      ],
    ]);
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--replace-assessments', '--quiet'], {
      env: env(s),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('removed 2 value(s), 1 assessment(s) and 2 dimension(s) that Feishu held');
    const { begin_time: _b, ...rest } = original(0);
    expect(bodyIn(s, a!)).toEqual({ ...rest, interview_assessments: [{ username: '王五', conclusion: 1 }] });
  });

  it('--dry-run --merge reads, writes a field-level diff and counts, and writes nothing', async () => {
    const s = await simulator(2);
    const dir = await tempDir();
    const file = join(dir, 'preview.csv');
    const [a, b] = ids(2);
    await writeFile(
      file,
      csv([
        ['external_interview_id', 'participate_status', 'end_time'],
        [a!, '3', '2024-03-01T10:30:00Z'],
        [b!, '', ''],
        ['7999999999999999999', '1', ''],
      ]),
    );
    const run = await runCli(
      ['import', file, '--merge', '--dry-run', '--quiet', '--payloads', join(dir, 'merged.jsonl')],
      { env: env(s) },
    );
    expect(run.code).toBe(1);
    expect(s.stats.requests.put).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'merged.jsonl'), 'utf8'))).toEqual({
      external_interview_id: a,
      body: { ...original(0), participate_status: 3, end_time: Date.UTC(2024, 2, 1, 10, 30) },
    });
    const rows = await readReport(join(dir, 'preview.report.csv'));
    expect(rows.map((r) => [r.status, r.message])).toEqual([
      [
        'ok',
        'would change: participate_status: participated → no_show; end_time: 2024-03-01 09:00 (UTC) → 2024-03-01 10:30 (UTC)',
      ],
      ['skipped', 'unchanged: Feishu already holds exactly this'],
      [
        'failed',
        'not sent: interview 7999999999999999999 does not exist in Feishu (batch_query found no such external interview); check the ID, or create it first',
      ],
    ]);
    expect(run.stdout).toContain('would change 1 · unchanged 1 · missing 1 interview(s)');
    expect((await readdir(dir)).sort()).toEqual([
      'merged.jsonl',
      'preview.csv',
      'preview.report.csv',
      'preview.report.csv.written',
    ]);
  });
});

describe('--merge keeps every field the update accepts', () => {
  it('a status correction keeps the legacy keys of the interview and its assessments, and undo restores them exactly', async () => {
    const [a] = ids(1);
    const legacy: InterviewBody = {
      external_id: 'ATS-2019-0042',
      ...original(0),
      interview_assessments: original(0).interview_assessments!.map((x, i) => ({ external_id: `ATS-A-${i}`, ...x })),
    };
    sim = await startSimulator({ appId: 'cli_m', appSecret: SECRET, rateLimit: 0, seed: [[a!, legacy]] });
    const dir = await tempDir();
    const file = join(dir, 'status.csv');
    await writeFile(
      file,
      csv([
        ['external_interview_id', 'participate_status'],
        [a!, '爽约'],
      ]),
    );
    expect((await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(sim) })).code).toBe(0);
    expect(bodyIn(sim, a!)).toEqual({ ...legacy, participate_status: 3 });
    const stored = sim.store.get(a!)!;
    expect(stored.interview_assessments!.every((x) => /^\d+$/.test(x.id))).toBe(true);
    expect(
      (
        await runCli(['undo', '--lang', 'en', join(dir, 'status.report.csv.backup.jsonl'), '--quiet'], {
          env: env(sim),
        })
      ).code,
    ).toBe(0);
    expect(bodyIn(sim, a!)).toEqual(legacy);
  });
});

describe('--merge at the level the file names', () => {
  const conclusionFix = (a: string) => [
    ['外部面试ID', '面试官', '面试结论'],
    [a, '李四', '通过'],
  ];

  it("a conclusion correction changes that assessment's conclusion and nothing else", async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const file = join(dir, 'conclusion.csv');
    const [a] = ids(1);
    await writeFile(file, csv(conclusionFix(a!)));
    const preview = await runCli(
      ['import', '--lang', 'en', file, '--merge', '--dry-run', '--quiet', '--tz', 'Asia/Shanghai'],
      {
        env: env(s),
      },
    );
    expect((await readReport(join(dir, 'conclusion.report.csv'))).map((r) => r.message)).toEqual([
      'would change: assessment 2 (李四) conclusion: pending → pass',
    ]);
    expect(preview.stdout).toContain('would change 1 · unchanged 0 · missing 0 interview(s)');
    expect(preview.stdout).not.toContain('remove');
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet', '--tz', 'Asia/Shanghai'], {
      env: env(s),
    });
    expect(run.code).toBe(0);
    const want = original(0);
    want.interview_assessments![1]!.conclusion = 2;
    expect(bodyIn(s, a!)).toEqual(want);
  });

  it('a score fix (interviewer, dimension, score) changes that score only; a dimension the interview lacks is refused, or added with --add-assessments', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [a] = ids(1);
    const file = join(dir, 'score.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '面试官', '评价维度', '分数'],
        [a!, '张三', '专业', '95'],
      ]),
    );
    expect((await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) })).code).toBe(0);
    const want = original(0);
    want.interview_assessments![0]!.assessment_dimension_list![0]!.score = 95;
    expect(bodyIn(s, a!)).toEqual(want);

    const added = join(dir, 'added.csv');
    await writeFile(
      added,
      csv([
        ['外部面试ID', '面试官', '评价维度', '题目类型', '分数'],
        [a!, '张三', '沟通', '打分题', '70'],
      ]),
    );
    expect((await runCli(['import', '--lang', 'en', added, '--merge', '--quiet'], { env: env(s) })).code).toBe(1);
    expect((await readReport(join(dir, 'added.report.csv'))).map((r) => [r.error_code, r.message])).toEqual([
      [
        'ROW_NO_SUCH_DIMENSION',
        'expected a dimension of the assessment by 张三, got "沟通", but the assessment by 张三 has 1 dimension(s) ("专业") (row 2, column 评价维度): fix the title, or pass --add-assessments to add it',
      ],
    ]);
    expect(
      (await runCli(['import', '--lang', 'en', added, '--merge', '--add-assessments', '--quiet'], { env: env(s) }))
        .code,
    ).toBe(0);
    want.interview_assessments![0]!.assessment_dimension_list!.push({ score: 70, assessment_type: 1, title: '沟通' });
    expect(bodyIn(s, a!)).toEqual(want);
  });

  it('a row that cannot say which assessment it means is invalid, naming them', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [a] = ids(1);
    const file = join(dir, 'which.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '面试结论'],
        [a!, '不通过'],
      ]),
    );
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
    expect(run.code).toBe(1);
    expect(s.stats.requests.put).toBe(0);
    expect((await readReport(join(dir, 'which.report.csv'))).map((r) => [r.status, r.error_code, r.message])).toEqual([
      [
        'invalid',
        'ROW_AMBIGUOUS_ASSESSMENT',
        'expected this row to say which assessment it changes, got no interviewer: this interview has 2 assessment(s) (张三, 李四) (row 2, column username): add the 面试官 (username) column',
      ],
    ]);
    expect(run.stdout).toContain('changed 0 · unchanged 0 · missing 0 · refused 1 interview(s)');
  });

  it('checks a merged body like a plain one: an end before the current begin is refused, times shown in --tz', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [a] = ids(1);
    const file = join(dir, 'end.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '结束时间'],
        [a!, '2024-03-01 15:00'],
      ]),
    );
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet', '--tz', 'Asia/Shanghai'], {
      env: env(s),
    });
    expect(run.code).toBe(1);
    expect((await readReport(join(dir, 'end.report.csv'))).map((r) => [r.error_code, r.message])).toEqual([
      [
        'ROW_END_BEFORE_BEGIN',
        'expected an end_time after the begin_time 2024-03-01 16:00 (Asia/Shanghai), got 2024-03-01 15:00 (Asia/Shanghai) once merged with the current record (row 2, column 结束时间): fix the time in the file',
      ],
    ]);
    // The JSON report gives the two times as facts, the begin's row none (Feishu held it).
    const json = join(dir, 'end.report.json');
    await runCli(['import', file, '--merge', '--quiet', '--tz', 'Asia/Shanghai', '--report', json], { env: env(s) });
    const rows = (JSON.parse(await readFile(json, 'utf8')) as { rows: { error_facts?: unknown }[] }).rows;
    expect(rows.map((r) => r.error_facts)).toEqual([
      { zone: 'Asia/Shanghai', begin: Date.UTC(2024, 2, 1, 8), end: Date.UTC(2024, 2, 1, 7) },
    ]);
  });

  it('--replace-assessments previews what it removes', async () => {
    const s = await simulator(2);
    const dir = await tempDir();
    const [a, b] = ids(2);
    const file = join(dir, 'replace.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '面试官', '面试结论'],
        [a!, '张三', '通过'],
        [b!, '张三', '通过'],
      ]),
    );
    const run = await runCli(
      ['import', '--lang', 'en', file, '--merge', '--replace-assessments', '--dry-run', '--quiet'],
      {
        env: env(s),
      },
    );
    expect(run.stdout).toContain('would remove 2 value(s), 2 assessment(s) and 4 dimension(s) that Feishu held');
    expect(s.stats.requests.put).toBe(0);
    const flags = await runCli(['import', '--lang', 'en', file, '--replace-assessments', '--quiet'], { env: env(s) });
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain('expected --merge with --replace-assessments, got none');
  });
});

describe('backup and undo', () => {
  it('keeps a complete backup when the run is killed, and undo restores the exact previous bodies', async () => {
    const n = 40;
    const s = await simulator(n, { rateLimit: 10 });
    const dir = await tempDir();
    const file = join(dir, 'all.csv');
    await writeFile(file, interviewsCsv(n).text);
    const first = startCli(['import', '--lang', 'en', file, '--replace', '--quiet'], { env: env(s) });
    await waitFor(() => s.stats.accepted.size >= 8);
    first.child.kill('SIGKILL');
    await first.done;
    await new Promise((r) => setTimeout(r, 300));
    const backupFile = join(dir, 'all.report.csv.backup.jsonl');
    const backup = (await readFile(backupFile, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { external_interview_id: string; body: InterviewBody });
    const backedUp = new Map(backup.map((b) => [b.external_interview_id, b.body]));
    for (const id of s.stats.received.keys()) expect(backedUp.get(id)).toEqual(original(ids(n).indexOf(id)));

    const finish = await runCli(
      ['import', '--lang', 'en', file, '--replace', '--resume', join(dir, 'all.report.csv'), '--quiet'],
      {
        env: env(s),
      },
    );
    expect(finish.code).toBe(0);
    for (const id of ids(n)) expect(bodyIn(s, id)).not.toEqual(original(ids(n).indexOf(id)));

    const undo = await runCli(['undo', '--lang', 'en', backupFile, '--quiet'], { env: env(s) });
    expect(undo.stderr).toBe('');
    expect(undo.code).toBe(0);
    ids(n).forEach((id, i) => {
      expect(bodyIn(s, id)).toEqual(original(i));
    });
    expect(undo.stdout).toContain(`report: ${join(dir, 'all.report.csv.backup.undo.report.csv')}`);
    // The undo backed up what it overwrote: it can be undone too.
    const undoBackup = (await readFile(join(dir, 'all.report.csv.backup.undo.report.csv.backup.jsonl'), 'utf8'))
      .trim()
      .split('\n');
    expect(undoBackup).toHaveLength(n);
  }, 60_000);

  it('undo puts back the state before the last run, not the oldest state of every run on that report; --run picks another', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [a] = ids(1);
    const file = join(dir, 'fix.csv');
    const status = async (value: string) => {
      await writeFile(
        file,
        csv([
          ['external_interview_id', 'participate_status'],
          [a!, value],
        ]),
      );
      return runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
    };
    expect((await status('3')).code).toBe(0);
    expect((await status('1')).code).toBe(0);
    const backupFile = join(dir, 'fix.report.csv.backup.jsonl');
    const runs = (await readFile(backupFile, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).run as string);
    expect(runs).toHaveLength(2);
    expect(runs[0]).not.toBe(runs[1]);

    const undo = await runCli(['undo', '--lang', 'en', backupFile, '--quiet'], { env: env(s) });
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain(`undo: 1 interview(s) of run ${runs[1]} from ${backupFile}`);
    expect(undo.stdout).toContain(
      `the backup also holds run(s) ${runs[0]}, left as they are (undo one with --run ID, newest first)`,
    );
    expect(bodyIn(s, a!).participate_status).toBe(3);
    const first = await runCli(
      ['undo', backupFile, '--run', runs[0]!, '--quiet', '--report', join(dir, 'undo-first.csv')],
      { env: env(s) },
    );
    expect(first.code).toBe(0);
    expect(bodyIn(s, a!)).toEqual(original(0));
  });

  it('says nothing of a backup, and leaves none, when a run overwrote nothing', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const [a] = ids(1);
    const file = join(dir, 'same.csv');
    await writeFile(
      file,
      csv([
        ['external_interview_id', 'participate_status'],
        [a!, '2'],
      ]),
    );
    const run = await runCli(['import', '--lang', 'en', file, '--merge', '--quiet'], { env: env(s) });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('backup');
    expect((await readdir(dir)).sort()).toEqual([
      'same.csv',
      'same.report.csv',
      'same.report.csv.journal.jsonl',
      'same.report.csv.written',
    ]);
  });

  it('refuses to write an interview that does not exist, before any write, and warns with --no-backup', async () => {
    const s = await simulator(1);
    const dir = await tempDir();
    const file = join(dir, 'x.csv');
    const { text } = interviewsCsv(2);
    await writeFile(file, text);
    const run = await runCli(['import', '--lang', 'en', file, '--replace', '--quiet'], { env: env(s) });
    expect(run.code).toBe(1);
    expect([...s.stats.received.keys()]).toEqual([ids(1)[0]]);
    const rows = await readReport(join(dir, 'x.report.csv'));
    expect(rows.filter((r) => r.status === 'failed').map((r) => r.error_code)).toEqual([
      'RUN_NOT_FOUND',
      'RUN_NOT_FOUND',
    ]);
    const off = await runCli(
      ['import', '--lang', 'en', file, '--replace', '--no-backup', '--quiet', '--report', join(dir, 'off.csv')],
      {
        env: env(s),
      },
    );
    expect(off.stdout).toContain(
      'warning: --no-backup: what was overwritten was not saved, so this run cannot be undone',
    );
  });

  it('reads ahead in batches of 20 on their own gate without one 429', async () => {
    const n = 60;
    const s = await simulator(n, { rateLimit: 20, readRateLimit: 10 });
    const dir = await tempDir();
    const file = join(dir, 'paced.csv');
    await writeFile(file, interviewsCsv(n).text);
    const run = await runCli(
      ['import', '--lang', 'en', file, '--replace', '--rate', '20', '--concurrency', '8', '--quiet'],
      {
        env: env(s),
      },
    );
    expect(run.code).toBe(0);
    expect(s.stats.rateLimited).toBe(0);
    expect(s.stats.requests.batchQuery).toBe(3);
    expect(s.stats.requests.put).toBe(n);
  });
});
