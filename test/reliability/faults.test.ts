import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';
import { readJournal } from '../../src/run/journal.js';
import {
  existing,
  expectedBodies,
  heldBodies,
  interviewsCsv,
  readReport,
  runCli,
  startCli,
  tempDir,
  waitFor,
} from '../helpers.js';

const SECRET = 'Reliability-Secret-31';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(ids: readonly string[], options: SimulatorOptions) {
  sim = await startSimulator({ appId: 'cli_r', appSecret: SECRET, seed: existing(ids), ...options });
  return sim;
}

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_r', FEISHU_APP_SECRET: SECRET });

describe('faults', () => {
  it('500s, drops, stalls past the timeout, 429 bursts, an expiring token and a restart: every interview ok, exact bodies', async () => {
    const n = 120;
    const { text, ids } = interviewsCsv(n);
    const s = await simulator(ids, {
      rateLimit: 60,
      failRate: 0.05,
      dropRate: 0.03,
      stallRate: 0.03,
      stallMs: 1500,
      expireTokenAfterPuts: 35,
      randomSeed: 5,
    });
    const dir = await tempDir();
    const file = join(dir, 'faults.csv');
    await writeFile(file, text);
    const expected = await expectedBodies(file, dir);
    const run = startCli(
      ['import', file, '--rate', '0', '--concurrency', '12', '--retries', '10', '--timeout', '0.5', '--quiet'],
      { env: env(s) },
    );
    await waitFor(() => s.stats.accepted.size >= 40);
    await s.restart(600);
    const done = await run.done;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(heldBodies(s)).toEqual(expected);
    expect(s.stats.failed).toBeGreaterThan(0);
    expect(s.stats.dropped).toBeGreaterThan(0);
    expect(s.stats.stalled).toBeGreaterThan(0);
    expect(s.stats.rateLimited).toBeGreaterThan(0);
    expect(s.stats.tokensIssued).toBeGreaterThan(2);
    const rows = await readReport(join(dir, 'faults.report.csv'));
    expect(rows.every((r) => r.status === 'ok')).toBe(true);
    const attempts = new Map(rows.map((r) => [r.external_interview_id!, Number(r.attempts)]));
    for (const id of ids) expect(s.stats.accepted.get(id)).toBeLessThanOrEqual(attempts.get(id)!);
  });
});

describe('interruption', () => {
  it('SIGKILL at three random points, then --resume each time: nothing that landed is sent again', async () => {
    const n = 45;
    const { text, ids } = interviewsCsv(n);
    const s = await simulator(ids, { rateLimit: 30 });
    const dir = await tempDir();
    const file = join(dir, 'kill.csv');
    await writeFile(file, text);
    const expected = await expectedBodies(file, dir);
    const report = join(dir, 'kill.report.csv');
    // Seeded points, so a failure can be replayed.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 3; round++) {
      const target = s.stats.accepted.size + 3 + Math.floor(random() * 8);
      const run = startCli(['import', file, '--rate', '30', '--quiet', ...(round > 0 ? ['--resume', report] : [])], {
        env: env(s),
      });
      await waitFor(() => s.stats.accepted.size >= Math.min(target, n - 1));
      run.child.kill('SIGKILL');
      await run.done;
      await new Promise((r) => setTimeout(r, 200));
      const landed = new Map(s.stats.accepted);
      const received = new Map(s.stats.received);
      const next = await runCli(['import', file, '--resume', report, '--quiet', '--limit', '1'], { env: env(s) });
      expect(next.stderr).toBe('');
      for (const id of landed.keys()) expect(s.stats.received.get(id)).toBe(received.get(id));
    }
    const last = await runCli(['import', file, '--resume', report, '--quiet'], { env: env(s) });
    expect(last.code).toBe(0);
    expect(heldBodies(s)).toEqual(expected);
    for (const id of ids) expect(s.stats.accepted.get(id)).toBeGreaterThanOrEqual(1);
  }, 90_000);

  // Remounting needs root and a kernel that lets this sandbox mount tmpfs; elsewhere it is skipped.
  const canMount = (() => {
    try {
      execFileSync(
        'sh',
        ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d" && umount "$d" && rmdir "$d"'],
        { stdio: 'ignore' },
      );
      return true;
    } catch {
      return false;
    }
  })();

  // The kernel refuses to remount a filesystem read-only while files on it are open for writing
  // (EBUSY), which is exactly the state of a run; so the disk fails the way it can here: it fills
  // up, and every write after that fails (ENOSPC), as after a read-only remount (EROFS).
  it.skipIf(!canMount)("the report folder's disk failing mid-run: a clear error, the journal intact", async () => {
    const n = 40;
    const { text, ids } = interviewsCsv(n);
    const s = await simulator(ids, { rateLimit: 20 });
    const dir = await tempDir();
    const file = join(dir, 'ro.csv');
    await writeFile(file, text);
    const out = join(dir, 'out');
    await mkdir(out);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', out]);
    try {
      const run = startCli(['import', file, '--rate', '20', '--quiet', '--report', join(out, 'ro.report.csv')], {
        env: env(s),
      });
      await waitFor(() => s.stats.accepted.size >= 10);
      execFileSync('sh', ['-c', `dd if=/dev/zero of="${join(out, 'filler')}" bs=64k 2>/dev/null || true`]);
      const done = await run.done;
      expect(done.code).toBe(2);
      expect(done.stderr).toMatch(
        /^error \[(JOURNAL|BACKUP)_UNWRITABLE\]: expected to append to the (journal|backup) .*, got ENOSPC: the run stopped so that nothing is sent unrecorded/,
      );
      expect(done.stderr).not.toMatch(/\n\s+at /);
      // Intact: readable by --resume (a line torn by the full disk is the last one, and ignored).
      const ok = new Set(readJournal(join(out, 'ro.report.csv.journal.jsonl')).landed.keys());
      expect(ok.size).toBeGreaterThanOrEqual(5);
      for (const id of ok) expect(s.stats.accepted.has(id)).toBe(true);
      // Nothing landed after the disk went read-only that the journal could not record, beyond what was in flight.
      expect(s.stats.accepted.size - ok.size).toBeLessThanOrEqual(5);
    } finally {
      execFileSync('umount', ['-l', out]);
    }
  });
});
