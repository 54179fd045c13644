import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The order of what reaches the disk and what goes out: every PUT is sent only after its
 * interview's backup line was written and a sync of the backup that began after that write
 * has finished (docs/run-files.md, "Backup lines"). A spy on node:fs and on the PUT.
 */
const events = vi.hoisted(() => ({
  log: [] as ({ t: 'line'; id: string } | { t: 'sync-start' | 'sync-done'; n: number } | { t: 'put'; id: string })[],
  backupFds: new Set<number>(),
  syncs: 0,
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = (...args: Parameters<typeof fs.openSync>) => {
    const fd = fs.openSync(...args);
    if (String(args[0]).endsWith('.backup.jsonl')) events.backupFds.add(fd);
    return fd;
  };
  const writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    const written = (fs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    if (events.backupFds.has(fd) && typeof data === 'string') {
      for (const line of data.split('\n').filter(Boolean))
        events.log.push({
          t: 'line',
          id: (JSON.parse(line) as { external_interview_id: string }).external_interview_id,
        });
    }
    return written;
  }) as typeof fs.writeSync;
  const fdatasync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    if (!events.backupFds.has(fd)) return fs.fdatasync(fd, callback);
    const n = ++events.syncs;
    events.log.push({ t: 'sync-start', n });
    fs.fdatasync(fd, (error) => {
      events.log.push({ t: 'sync-done', n });
      callback(error);
    });
  }) as typeof fs.fdatasync;
  const fdatasyncSync = (fd: number) => {
    const n = ++events.syncs;
    if (events.backupFds.has(fd)) events.log.push({ t: 'sync-start', n });
    fs.fdatasyncSync(fd);
    if (events.backupFds.has(fd)) events.log.push({ t: 'sync-done', n });
  };
  const patched = { ...fs, openSync, writeSync, fdatasync, fdatasyncSync };
  return { ...patched, default: patched };
});

const { importFile, startSimulator } = await import('../../src/index.js');
const { InterviewApi } = await import('../../src/feishu/interview-api.js');
const { existing, interviewsCsv, tempDir } = await import('../helpers.js');

afterEach(() => {
  vi.restoreAllMocks();
  events.log.length = 0;
  events.backupFds.clear();
});

/** Why the PUT at `at` went out too early, or undefined when its line was on disk before it. */
function tooEarly(at: number, id: string): string | undefined {
  const line = events.log.findIndex((e, i) => i < at && e.t === 'line' && e.id === id);
  if (line < 0) return `PUT ${id} went out with no backup line before it`;
  const started = new Set<number>();
  for (let i = line + 1; i < at; i++) {
    const e = events.log[i]!;
    if (e.t === 'sync-start') started.add(e.n);
    if (e.t === 'sync-done' && started.has(e.n)) return undefined;
  }
  return `PUT ${id} went out before a sync of its backup line finished`;
}

describe('the backup line before its PUT', () => {
  it('every PUT waits for a sync of the backup that began after its line was written', async () => {
    const n = 70; // four read batches of 20: lines of several batches, and PUTs in flight across them
    const { text, ids } = interviewsCsv(n);
    const sim = await startSimulator({
      appId: 'cli_order',
      appSecret: 'order-secret',
      rateLimit: 0,
      readRateLimit: 0,
      latencyMs: 2,
      seed: existing(ids),
    });
    try {
      const dir = await tempDir();
      const file = join(dir, 'in.csv');
      await writeFile(file, text);
      const put = InterviewApi.prototype.put;
      vi.spyOn(InterviewApi.prototype, 'put').mockImplementation(function (
        this: InstanceType<typeof InterviewApi>,
        id,
        body,
      ) {
        events.log.push({ t: 'put', id });
        return put.call(this, id, body);
      });
      const result = await importFile(file, {
        appId: 'cli_order',
        appSecret: 'order-secret',
        baseUrl: sim.url,
        tz: 'Asia/Shanghai',
        concurrency: 25,
        rate: 0,
        report: join(dir, 'r.csv'),
      });
      expect(result.summary.counts.ok).toBe(n * 2);
      const puts = events.log.flatMap((e, at) => (e.t === 'put' ? [{ at, id: e.id }] : []));
      expect(puts).toHaveLength(n);
      expect(puts.map(({ at, id }) => tooEarly(at, id)).filter(Boolean)).toEqual([]);
      // Each interview written has exactly one line: the run owns what it writes, nothing else.
      expect(events.log.filter((e) => e.t === 'line')).toHaveLength(n);
    } finally {
      await sim.close();
    }
  });

  it('a stopped run leaves lines only for the batch it was at and the next, not for every batch read ahead', async () => {
    const n = 120; // six read batches, all read ahead by the time the run stops
    const { text, ids } = interviewsCsv(n);
    const sim = await startSimulator({
      appId: 'cli_order',
      appSecret: 'order-secret',
      rateLimit: 0,
      readRateLimit: 0,
      latencyMs: 5,
      seed: existing(ids),
    });
    try {
      const dir = await tempDir();
      const file = join(dir, 'in.csv');
      await writeFile(file, text);
      const stop = new AbortController();
      const put = InterviewApi.prototype.put;
      vi.spyOn(InterviewApi.prototype, 'put').mockImplementation(function (
        this: InstanceType<typeof InterviewApi>,
        id,
        body,
      ) {
        // Slow PUTs: every read ahead has answered long before the tenth PUT.
        if (events.log.filter((e) => e.t === 'put').length === 10) stop.abort();
        events.log.push({ t: 'put', id });
        return new Promise((r) => setTimeout(r, 20)).then(() => put.call(this, id, body));
      });
      const result = await importFile(file, {
        appId: 'cli_order',
        appSecret: 'order-secret',
        baseUrl: sim.url,
        tz: 'Asia/Shanghai',
        concurrency: 2,
        rate: 0,
        report: join(dir, 'r.csv'),
        signal: stop.signal,
      });
      expect(result.exitCode).toBe(130);
      expect(sim.stats.requests.batchQuery).toBe(6);
      const lines = events.log.filter((e) => e.t === 'line').length;
      expect(lines).toBeGreaterThanOrEqual(11);
      expect(lines).toBeLessThanOrEqual(40);
    } finally {
      await sim.close();
    }
  });
});
