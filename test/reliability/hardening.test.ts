import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, chown, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { APP1, HEADER_EN, ID1, csv, existing, readReport, row, runCli, tempDir } from '../helpers.js';

const SECRET = 'Hardening-Secret-5';
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function simulator(): Promise<RunningSimulator> {
  const s = await startSimulator({ appId: 'cli_h', appSecret: SECRET, rateLimit: 0, seed: existing([ID1]) });
  closers.push(() => s.close());
  return s;
}

/** Something between here and Feishu: a real token answer, then `answer` for every other call. */
async function gateway(
  answer: { status: number; type: string; body: string },
  token: Record<string, unknown> = { expire: 7200 },
  seen = { tokens: 0 },
): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.includes('tenant_access_token')) {
        seen.tokens++;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ code: 0, msg: 'ok', tenant_access_token: 't-gw', ...token }));
      }
      res.writeHead(answer.status, { 'content-type': answer.type });
      res.end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function oneInterview(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = join(dir, 'in.csv');
  await writeFile(
    file,
    csv([
      [...HEADER_EN],
      // The key is given, so no read is needed to keep it (see keepKeys): the gateway answers every call alike.
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        external_id: 'ATS-1',
        begin_time: '1709280000000',
      }),
    ]),
  );
  return { dir, file };
}

const env = (url: string) => ({ FEISHU_BASE_URL: url, FEISHU_APP_ID: 'cli_h', FEISHU_APP_SECRET: SECRET });

describe('never count a non-answer as landed', () => {
  it("a 200 that is not Feishu's JSON is a failed call (HTTP_BAD_ANSWER), never journaled as landed", async () => {
    const url = await gateway({ status: 200, type: 'text/html', body: '<html>Welcome to the hotel Wi-Fi</html>' });
    const { dir, file } = await oneInterview();
    const run = await runCli(['import', file, '--no-backup', '--replace', '--retries', '1', '--quiet'], {
      env: env(url),
    });
    expect(run.code).toBe(1);
    const [r] = await readReport(join(dir, 'in.report.csv'));
    expect(r).toMatchObject({ status: 'failed', error_code: 'HTTP_BAD_ANSWER', http_status: '200' });
    expect(r!.message).toContain('(content type text/html)');
    const journal = await readFile(join(dir, 'in.report.csv.journal.jsonl'), 'utf8');
    expect(journal).not.toContain('"status":"ok"');
  });

  it('an answer past 4 MiB is not read on', async () => {
    const url = await gateway({
      status: 200,
      type: 'application/json',
      body: JSON.stringify({ code: 0, data: 'x'.repeat(5 * 1024 * 1024) }),
    });
    const { dir, file } = await oneInterview();
    const run = await runCli(['import', file, '--no-backup', '--replace', '--retries', '0', '--quiet'], {
      env: env(url),
    });
    expect(run.code).toBe(1);
    expect((await readReport(join(dir, 'in.report.csv')))[0]).toMatchObject({
      status: 'failed',
      error_code: 'HTTP_ANSWER_TOO_LARGE',
    });
  });

  it('--resume refuses a journal written against another service', async () => {
    const a = await simulator();
    const b = await simulator();
    const { dir, file } = await oneInterview();
    expect((await runCli(['import', file, '--quiet'], { env: env(a.url) })).code).toBe(0);
    const resumed = await runCli(
      ['import', file, '--quiet', '--resume', join(dir, 'in.report.csv'), '--report', join(dir, 'again.csv')],
      { env: env(b.url) },
    );
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(
      `error [RESUME_MISMATCH]: expected --resume ${join(dir, 'in.report.csv')} to continue the same run, got a journal where it sent to ${a.url}, this run to ${b.url}`,
    );
    expect(b.stats.requests.put).toBe(0);
  });
});

describe('personal data stays private', () => {
  it('report, journal and backup are 0600 whatever the umask', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    expect((await runCli(['import', file, '--quiet'], { env: env(s.url) })).code).toBe(0);
    for (const f of ['in.report.csv', 'in.report.csv.journal.jsonl', 'in.report.csv.backup.jsonl'])
      expect(((await stat(join(dir, f))).mode & 0o777).toString(8)).toBe('600');
  });

  it('never writes through a planted symlink', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    await writeFile(join(dir, 'victim.txt'), 'keep me');
    await symlink(join(dir, 'victim.txt'), join(dir, 'in.report.csv.journal.jsonl'));
    const run = await runCli(['import', file, '--quiet'], { env: env(s.url) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error [RUN_FILE_UNTRUSTED]: expected the journal ${join(dir, 'in.report.csv.journal.jsonl')} to be a plain file of yours that no one else can write, got a symbolic link: another account may have planted or changed it`,
    );
    expect(await readFile(join(dir, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(s.stats.requests.put).toBe(0);
  });

  it('refuses an output that is the input; a report read back gets a report of its own', async () => {
    const { dir, file } = await oneInterview();
    const same = await runCli(['validate', file, '--report', file]);
    expect(same).toMatchObject({ code: 2, stderr: expect.stringContaining('error [USAGE_OUTPUT_IS_INPUT]') });
    expect(await readFile(file, 'utf8')).toContain(ID1);
    expect((await runCli(['validate', file])).code).toBe(0);
    const again = await runCli(['validate', join(dir, 'in.report.csv')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`report: ${join(dir, 'in.rerun.report.csv')}`);
  });
});

describe('a failed report write', () => {
  it('leaves no temp file behind', async () => {
    const { dir, file } = await oneInterview();
    const { mkdir, readdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'taken.csv'));
    const run = await runCli(['validate', file, '--report', join(dir, 'taken.csv')]);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('error [REPORT_UNWRITABLE]') });
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('one run per report', () => {
  it('a second run refuses while the first holds the lock; a stale lock is taken over', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    await writeFile(join(dir, 'in.report.csv.lock'), `${process.pid}\n`);
    const locked = await runCli(['import', file, '--quiet'], { env: env(s.url) });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain(
      `error [RUN_LOCKED]: expected no other run on ${join(dir, 'in.report.csv')}, got one: process ${process.pid} holds`,
    );
    await writeFile(join(dir, 'in.report.csv.lock'), '999999999\n');
    expect((await runCli(['import', file, '--quiet'], { env: env(s.url) })).code).toBe(0);
    await expect(stat(join(dir, 'in.report.csv.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('tokens and secrets', () => {
  it('a token answer without expire is kept for its documented lifetime, not fetched before every request', async () => {
    const seen = { tokens: 0 };
    const url = await gateway(
      { status: 200, type: 'application/json', body: JSON.stringify({ code: 0, msg: 'ok', data: {} }) },
      {},
      seen,
    );
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    const ids = ['7000000000000000001', '7000000000000000002', '7000000000000000003'];
    await writeFile(
      file,
      csv([
        [...HEADER_EN],
        ...ids.map((id) =>
          row({
            external_interview_id: id,
            external_application_id: APP1,
            external_id: id,
            begin_time: '1709280000000',
          }),
        ),
      ]),
    );
    expect((await runCli(['import', file, '--no-backup', '--replace', '--quiet'], { env: env(url) })).code).toBe(0);
    expect(seen.tokens).toBe(1);
  });

  it('reads the app secret from --app-secret-file, and refuses a pasted token with a line break', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    await writeFile(join(dir, 'secret'), `${SECRET}\n`, { mode: 0o600 });
    const run = await runCli(
      ['import', file, '--quiet', '--app-id', 'cli_h', '--app-secret-file', join(dir, 'secret')],
      { env: { FEISHU_BASE_URL: s.url } },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const token = await runCli(['import', file], {
      env: { FEISHU_BASE_URL: s.url, FEISHU_TENANT_ACCESS_TOKEN: 't-abc\nrest' },
    });
    expect(token).toMatchObject({ code: 2, stderr: expect.stringContaining('error [USAGE_BAD_TOKEN]') });
  });
});

describe('secrets and hosts', () => {
  it('warns about --app-secret on the command line, never echoes it, and refuses credentials in --base-url', async () => {
    const { file } = await oneInterview();
    const run = await runCli([
      'import',
      file,
      '--app-id',
      'cli_h',
      '--app-secret',
      'Sup3r-Secret-Value',
      '--concurrency',
      'Sup3r-Secret-Value',
    ]);
    expect(run.stderr).toContain('warning: --app-secret on the command line shows in ps and in shell history');
    expect(run.stderr).not.toContain('Sup3r-Secret-Value');
    const url = await runCli(['import', file, '--base-url', 'https://me:pa55word@open.feishu.cn'], {
      env: { FEISHU_APP_ID: 'a', FEISHU_APP_SECRET: 'b' },
    });
    expect(url.code).toBe(2);
    expect(url.stderr).not.toContain('pa55word');
  });

  it('the simulator answers only loopback host names', async () => {
    const s = await simulator();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: s.port, path: '/__simulator/state', headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('run files another user could have written (issue 26)', () => {
  const backupOf = (dir: string) => join(dir, 'in.report.csv.backup.jsonl');
  const refusal = (path: string, what: string, got: string) =>
    `error [RUN_FILE_UNTRUSTED]: expected the ${what} ${path} to be a plain file of yours that no one else can write, got ${got}: another account may have planted or changed it, so nothing is sent on its word; look at what it holds, move it away, and run again (or pass --report in a folder only you can write)`;

  it('a backup others can write (0666) is neither appended to nor undone from; nothing is sent', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    const planted = `${JSON.stringify({ run: 'x', external_interview_id: ID1, taken_at: '2024-01-01T00:00:00Z', body: { external_application_id: APP1 } })}\n`;
    await writeFile(backupOf(dir), planted);
    await chmod(backupOf(dir), 0o666);
    const run = await runCli(['import', file, '--quiet'], { env: env(s.url) });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      refusal(backupOf(dir), 'backup', 'a file others can write (mode 0666; yours are 0600)'),
    );
    expect(await readFile(backupOf(dir), 'utf8')).toBe(planted);
    const undo = await runCli(['undo', backupOf(dir), '--quiet'], { env: env(s.url) });
    expect(undo.code).toBe(2);
    expect(undo.stderr.trim()).toBe(
      refusal(backupOf(dir), 'backup', 'a file others can write (mode 0666; yours are 0600)'),
    );
    expect(s.stats.requests.put).toBe(0);
    expect(s.stats.requests.delete ?? 0).toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0)('a backup owned by another user is refused; nothing is sent', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    await writeFile(backupOf(dir), '', { mode: 0o600 });
    await chown(backupOf(dir), 65534, 65534);
    const run = await runCli(['import', file, '--quiet'], { env: env(s.url) });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(refusal(backupOf(dir), 'backup', 'a file owned by another user (uid 65534)'));
    expect(s.stats.requests.put).toBe(0);
  });

  it('a backup that is a symbolic link is refused, the file it points at untouched; nothing is sent', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    await writeFile(join(dir, 'elsewhere.jsonl'), 'keep me');
    await symlink(join(dir, 'elsewhere.jsonl'), backupOf(dir));
    const run = await runCli(['import', file, '--quiet'], { env: env(s.url) });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(refusal(backupOf(dir), 'backup', 'a symbolic link'));
    expect(await readFile(join(dir, 'elsewhere.jsonl'), 'utf8')).toBe('keep me');
    expect(s.stats.requests.put).toBe(0);
  });

  it("a lock, a journal to resume and a report's record others can write are not believed", async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    const lock = join(dir, 'in.report.csv.lock');
    await writeFile(lock, '1\n');
    await chmod(lock, 0o666);
    const locked = await runCli(['import', file, '--quiet'], { env: env(s.url) });
    expect(locked.stderr.trim()).toBe(refusal(lock, 'lock', 'a file others can write (mode 0666; yours are 0600)'));
    await rm(lock);
    expect((await runCli(['import', file, '--quiet'], { env: env(s.url) })).code).toBe(0);
    const journal = join(dir, 'in.report.csv.journal.jsonl');
    await chmod(journal, 0o622);
    const resumed = await runCli(
      ['import', file, '--quiet', '--resume', join(dir, 'in.report.csv'), '--report', join(dir, 'again.csv')],
      { env: env(s.url) },
    );
    expect(resumed.code).toBe(2);
    expect(resumed.stderr.trim()).toBe(
      refusal(journal, 'journal', 'a file others can write (mode 0622; yours are 0600)'),
    );
    const claim = join(dir, 'in.report.csv.written');
    await chmod(claim, 0o666);
    const again = await runCli(['validate', file]);
    expect(again.stderr.trim()).toBe(
      refusal(claim, "report's record", 'a file others can write (mode 0666; yours are 0600)'),
    );
    expect(s.stats.requests.put).toBe(1);
  });

  it('creates each new run file exclusively, 0600', async () => {
    const s = await simulator();
    const { dir, file } = await oneInterview();
    expect((await runCli(['import', file, '--quiet'], { env: env(s.url) })).code).toBe(0);
    for (const f of ['in.report.csv.backup.jsonl', 'in.report.csv.journal.jsonl', 'in.report.csv.written'])
      expect(((await stat(join(dir, f))).mode & 0o777).toString(8)).toBe('600');
  });
});
