import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/api.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';
import {
  APP1,
  HEADER_EN,
  ID1,
  ID2,
  csv,
  existing,
  expectedBodies,
  heldBodies,
  interviewsCsv,
  readReport,
  row,
  runCli,
  startCli,
  tempDir,
  waitFor,
} from '../helpers.js';

const SECRET = 'Sup3r-Secret-App-Value-42';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(options: SimulatorOptions = {}, ids: readonly string[] = []) {
  sim = await startSimulator({ appId: 'cli_test', appSecret: SECRET, seed: existing(ids), ...options });
  return sim;
}

/** Ids of interviewsCsv(n), so a simulator can hold them before the run. */
const idsOf = (n: number) => interviewsCsv(n).ids;

const envFor = (s: RunningSimulator) => ({
  FEISHU_BASE_URL: s.url,
  FEISHU_APP_ID: 'cli_test',
  FEISHU_APP_SECRET: SECRET,
});

async function allFiles(dir: string): Promise<string> {
  const names = await readdir(dir);
  return (await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')))).join('\n');
}

describe('feishu-interview-import import', () => {
  it('lands the exact bodies, reports each row with its log id, and writes no secret anywhere', async () => {
    const s = await simulator({ rateLimit: 0 }, [ID1, ID2]);
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(
      file,
      csv([
        [...HEADER_EN],
        row({
          external_interview_id: ID1,
          external_application_id: APP1,
          participate_status: '参与',
          begin_time: '2024-03-01T14:00:00+08:00',
          assessment_no: '1',
          username: '张三',
          conclusion: '通过',
          dimension_title: '专业',
          assessment_type: '打分题',
          score: '88',
        }),
        row({ external_interview_id: ID2, external_application_id: APP1, participate_status: '爽约' }),
        row({
          external_interview_id: ID1,
          assessment_no: '1',
          dimension_title: '亮点',
          assessment_type: '多选题',
          options: 'a|b',
        }),
      ]),
    );
    const run = await runCli(['import', file, '--quiet'], { env: envFor(s) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(heldBodies(s)).toEqual(
      new Map<string, unknown>([
        [
          ID1,
          {
            external_application_id: APP1,
            participate_status: 2,
            begin_time: Date.UTC(2024, 2, 1, 6),
            interview_assessments: [
              {
                username: '张三',
                conclusion: 2,
                assessment_dimension_list: [
                  { score: 88, assessment_type: 1, title: '专业' },
                  { options: ['a', 'b'], assessment_type: 4, title: '亮点' },
                ],
              },
            ],
          },
        ],
        [ID2, { external_application_id: APP1, participate_status: 3 }],
      ]),
    );
    const report = await readReport(join(dir, 'in.report.csv'));
    const landed = 'landed; the previous version is in in.report.csv.backup.jsonl';
    expect(report.map((r) => [r.row, r.status, r.message, r.http_status, r.attempts])).toEqual([
      ['2', 'ok', landed, '200', '1'],
      ['3', 'ok', landed, '200', '1'],
      ['4', 'ok', landed, '200', '1'],
    ]);
    const backup = (await readFile(join(dir, 'in.report.csv.backup.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(backup.map((b) => [b.external_interview_id, b.body])).toEqual([
      [ID1, { external_application_id: '6000000000000000000' }],
      [ID2, { external_application_id: '6000000000000000000' }],
    ]);
    expect(report[0]!.log_id).toMatch(/^\d+$/);
    expect(run.stdout).toContain(`sent to ${s.url}: 2 PUT(s) and 1 batch_query read(s), 0 answered 429, 0 retried`);
    expect(run.stdout).toContain(
      `journal: ${join(dir, 'in.report.csv.journal.jsonl')}\nreport: ${join(dir, 'in.report.csv')}\n`,
    );
    const everything = `${run.stdout}${run.stderr}${await allFiles(dir)}`;
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toMatch(/t-sim-[0-9a-f]+/);
  });

  it('ends with every interview ok through 500s, dropped connections, an expiring token and rate limiting', async () => {
    const s = await simulator(
      { rateLimit: 40, failRate: 0.05, dropRate: 0.02, expireTokenAfterPuts: 50, randomSeed: 11 },
      idsOf(150),
    );
    const dir = await tempDir();
    const file = join(dir, 'many.csv');
    const { text, ids } = interviewsCsv(150);
    await writeFile(file, text);
    const expected = await expectedBodies(file, dir);
    const run = await runCli(['import', file, '--rate', '0', '--concurrency', '10', '--retries', '8', '--quiet'], {
      env: envFor(s),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(heldBodies(s)).toEqual(expected);
    expect(s.stats.rateLimited).toBeGreaterThan(0);
    expect(s.stats.failed).toBeGreaterThan(0);
    expect(s.stats.dropped).toBeGreaterThan(0);
    expect(s.stats.tokensIssued).toBeGreaterThan(1);
    const report = await readReport(join(dir, 'many.report.csv'));
    expect(new Set(report.map((r) => r.status))).toEqual(new Set(['ok']));
    // No interview was accepted more often than its attempts explain.
    const attempts = new Map(report.map((r) => [r.external_interview_id!, Number(r.attempts)]));
    for (const id of ids) expect(s.stats.accepted.get(id)).toBeLessThanOrEqual(attempts.get(id)!);
  });

  it('after SIGKILL, --resume finishes without sending a landed interview again', async () => {
    const s = await simulator({ rateLimit: 10 }, idsOf(40));
    const dir = await tempDir();
    const file = join(dir, 'big.csv');
    const { text, ids } = interviewsCsv(40);
    await writeFile(file, text);
    const first = startCli(['import', file, '--quiet'], { env: envFor(s) });
    await waitFor(() => s.stats.accepted.size >= 12);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const landedBefore = new Map(s.stats.accepted);
    const receivedBefore = new Map(s.stats.received);
    expect(landedBefore.size).toBeGreaterThanOrEqual(12);
    expect(landedBefore.size).toBeLessThan(ids.length);

    const report = join(dir, 'big.report.csv');
    const again = await runCli(['import', file, '--resume', report, '--quiet'], { env: envFor(s) });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    for (const id of landedBefore.keys()) expect(s.stats.received.get(id)).toBe(receivedBefore.get(id));
    expect(s.store.interviews.size).toBe(ids.length);
    const rows = await readReport(report);
    const skipped = new Set(rows.filter((r) => r.status === 'skipped').map((r) => r.external_interview_id));
    expect(skipped).toEqual(new Set(landedBefore.keys()));
    expect(rows.every((r) => r.status === 'ok' || r.status === 'skipped')).toBe(true);
    // Journaled results are skipped from the journal; one in flight at the kill is read back
    // from Feishu and skipped as unchanged.
    const resumed = new Set(
      rows
        .filter((r) => r.message === 'already landed in an earlier run with the same body (--resume)')
        .map((r) => r.external_interview_id),
    );
    const unchanged = new Set(
      rows
        .filter((r) => r.message === 'unchanged: Feishu already holds exactly this')
        .map((r) => r.external_interview_id),
    );
    expect(new Set([...resumed, ...unchanged])).toEqual(skipped);
    expect(resumed.size).toBeGreaterThan(0);
    expect(again.stdout).toContain(
      `skipped ${resumed.size} interview(s) that already landed with the same body (--resume)`,
    );
  });

  it('an interrupted --resume keeps the rows that landed in the earlier run ok, its report saying so', async () => {
    const s = await simulator({ rateLimit: 0 }, idsOf(30));
    const dir = await tempDir();
    const file = join(dir, 'big.csv');
    const { text, ids } = interviewsCsv(30);
    await writeFile(file, text);
    const report = join(dir, 'big.report.csv');
    const stopAfter = (n: number) => {
      const stop = new AbortController();
      const onProgress = (e: { done: number }) => {
        if (e.done >= n) stop.abort('SIGTERM');
      };
      return { signal: stop.signal, onProgress };
    };
    const send = { baseUrl: s.url, appId: 'cli_test', appSecret: SECRET, concurrency: 1, rate: 0 };
    const first = await importFile(file, { ...send, ...stopAfter(12) });
    expect(first.exitCode).toBe(130);
    expect(first.summary.stopped_early).toBe(
      'interrupted by SIGTERM: the requests in flight finished, the rest were not sent',
    );
    const landedFirst = new Set(s.stats.accepted.keys());
    expect(landedFirst.size).toBe(12);
    // The resume is interrupted too, before it reaches most of what the first run landed.
    const second = await importFile(file, { ...send, resume: report, ...stopAfter(3) });
    expect(second.exitCode).toBe(130);
    expect(new Set(s.stats.accepted.keys())).toEqual(landedFirst);
    const rows = await readReport(report);
    const byId = (id: string) => rows.filter((r) => r.external_interview_id === id);
    for (const id of ids.slice(3, 12))
      for (const r of byId(id))
        expect(r).toMatchObject({
          status: 'ok',
          error_code: '',
          message: 'landed in an earlier run of this file (its journal says so); this run stopped before it reached it',
        });
    for (const id of ids.slice(12)) for (const r of byId(id)) expect(r.status).toBe('not_sent');
    expect(second.counts.ok + second.counts.skipped).toBe(12 * 2);
    expect(second.counts.not_sent).toBe(18 * 2);
    expect(second.summary.interviews_by_kind).toMatchObject({ earlier: 9 });
    expect(second.text).toContain(
      '9 interview(s) landed in the earlier run and were not reached again: their rows stay ok',
    );
  });

  it('on SIGINT finishes what is in flight, writes a complete report and exits 130', async () => {
    const s = await simulator({ rateLimit: 10 }, idsOf(40));
    const dir = await tempDir();
    const file = join(dir, 'int.csv');
    const { text, ids } = interviewsCsv(40);
    await writeFile(file, text);
    const run = startCli(['import', file, '--quiet'], { env: envFor(s) });
    await waitFor(() => s.stats.accepted.size >= 5);
    run.child.kill('SIGINT');
    const done = await run.done;
    expect(done.code).toBe(130);
    expect(done.stderr).toContain('SIGINT: finishing the requests in flight, then writing the report');
    const rows = await readReport(join(dir, 'int.report.csv'));
    expect(rows).toHaveLength(ids.length * 2);
    const okIds = new Set(rows.filter((r) => r.status === 'ok').map((r) => r.external_interview_id));
    expect(okIds).toEqual(new Set(s.stats.accepted.keys()));
    const notSent = rows.filter((r) => r.status === 'not_sent');
    expect(notSent.length).toBe(rows.length - okIds.size * 2);
    expect(notSent[0]).toMatchObject({
      error_code: 'RUN_INTERRUPTED',
      message: 'not sent: interrupted before it was sent; import again with --resume',
    });
    expect(done.stdout).toContain('interrupted: unsent rows are not_sent');
  });

  it('after SIGTERM, --json says it stopped early and why', async () => {
    const s = await simulator({ rateLimit: 10 }, idsOf(30));
    const dir = await tempDir();
    const file = join(dir, 'term.csv');
    await writeFile(file, interviewsCsv(30).text);
    const run = startCli(['import', file, '--quiet', '--json'], { env: envFor(s) });
    await waitFor(() => s.stats.accepted.size >= 3);
    run.child.kill('SIGTERM');
    const done = await run.done;
    expect(done.code).toBe(130);
    expect(JSON.parse(done.stdout)).toMatchObject({
      exit_code: 130,
      stopped_early: 'interrupted by SIGTERM: the requests in flight finished, the rest were not sent',
    });
  });

  it("reports a permanent error with Feishu's code, message and log id, and exits 1", async () => {
    const s = await simulator({ rateLimit: 0, missingApplications: [APP1] }, [ID1]);
    const dir = await tempDir();
    const file = join(dir, 'bad.csv');
    await writeFile(file, csv([[...HEADER_EN], row({ external_interview_id: ID1, external_application_id: APP1 })]));
    const run = await runCli(['import', file, '--quiet'], { env: envFor(s) });
    expect(run.code).toBe(1);
    const [r] = await readReport(join(dir, 'bad.report.csv'));
    expect(r).toMatchObject({
      status: 'failed',
      error_code: '1002002',
      message: `参数错误 external application not found; external_application_id: no such external application (got ${APP1})`,
      http_status: '400',
      attempts: '1',
    });
    expect(r!.log_id).toMatch(/^\d+$/);
    expect(s.stats.requests.put).toBe(1);
  });

  it('stops before any PUT on wrong credentials, naming the code and not the secret', async () => {
    const s = await simulator();
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(file, csv([[...HEADER_EN], row({ external_interview_id: ID1, external_application_id: APP1 })]));
    const run = await runCli(['import', file], { env: { ...envFor(s), FEISHU_APP_SECRET: 'Wrong-Secret-Value-99' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[AUTH_BAD_CREDENTIALS\]: expected a tenant access token for app cli_test, got code 10014 \(app secret invalid/,
    );
    expect(run.stderr).not.toContain('Wrong-Secret-Value-99');
    expect(s.stats.requests.put).toBe(0);
  });

  it('stops early when the app lacks the scope: the rest are not_sent with the reason', async () => {
    const s = await simulator({ rateLimit: 0, missingScope: true }, idsOf(30));
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(file, interviewsCsv(30).text);
    const run = await runCli(['import', file, '--concurrency', '2', '--quiet'], { env: envFor(s) });
    expect(run.code).toBe(1);
    expect(s.stats.requests.put).toBeLessThanOrEqual(2);
    const rows = await readReport(join(dir, 'in.report.csv'));
    expect(rows.filter((r) => r.status === 'failed').every((r) => r.error_code === '99991672')).toBe(true);
    const notSent = rows.filter((r) => r.status === 'not_sent');
    expect(notSent.length).toBeGreaterThanOrEqual(56);
    expect(notSent[0]!.message).toMatch(
      /^not sent: stopped after code 99991672: .*lacks the scope hire:external_application/,
    );
    expect(run.stdout).toContain('stopped early: stopped after code 99991672');
  });

  it('sends only the first N interviews with --limit', async () => {
    const s = await simulator({ rateLimit: 0 }, idsOf(5));
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    const { text, ids } = interviewsCsv(5);
    await writeFile(file, text);
    const run = await runCli(['import', file, '--limit', '2', '--quiet'], { env: envFor(s) });
    // A pilot that did what it was asked succeeded: the rest are not_sent by request.
    expect(run.code).toBe(0);
    expect([...s.stats.accepted.keys()]).toEqual(ids.slice(0, 2));
    const rows = await readReport(join(dir, 'in.report.csv'));
    expect(rows.filter((r) => r.status === 'not_sent').every((r) => r.message === 'not sent: beyond --limit 2')).toBe(
      true,
    );
  });

  it('refuses plain http to a host that is not loopback, and a run without credentials', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(file, csv([[...HEADER_EN], row({ external_interview_id: ID1, external_application_id: APP1 })]));
    const http = await runCli(['import', file, '--base-url', 'http://open.feishu.cn'], {
      env: { FEISHU_APP_ID: 'a', FEISHU_APP_SECRET: 'b' },
    });
    expect(http).toMatchObject({ code: 2, stderr: expect.stringContaining('error [USAGE_INSECURE_BASE_URL]') });
    const none = await runCli(['import', file]);
    expect(none).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('expected credentials, got none: set FEISHU_APP_ID and FEISHU_APP_SECRET'),
    });
  });
});
