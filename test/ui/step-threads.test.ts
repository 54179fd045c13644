/**
 * The page's checks run in threads that wait for them (src/ui/step-threads.ts, src/ui/off-loop.ts):
 * a thread warmed before the check takes it, a thread whose check ended takes the next, and one
 * ended by force (停止 past its grace) is not handed out again.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { offLoop } from '../../src/ui/off-loop.js';
import { StepThreads } from '../../src/ui/step-threads.js';
import { ROOT, interviewsCsv, tempDir } from '../helpers.js';
import { longStringWorkbook } from '../input/hostile-xlsx.js';

const SCRIPT = join(ROOT, 'dist', 'ui', 'step-worker.js');

/** The threads, each one they hand out recorded in order. */
function recorded(): { threads: StepThreads; taken: Worker[] } {
  const threads = new StepThreads(SCRIPT);
  const taken: Worker[] = [];
  const take = threads.take.bind(threads);
  threads.take = () => {
    const w = take();
    taken.push(w);
    return w;
  };
  return { threads, taken };
}

const validate = (path: string) =>
  ({ kind: 'validate', path, options: { tz: 'UTC', lang: 'en', report: `${path}.report.json` } }) as const;

describe('StepThreads', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  it('hands out the thread it warmed, and takes it back for the next check', async () => {
    const { threads, taken } = recorded();
    close = () => threads.close();
    const file = join(await tempDir(), 'rows.csv');
    await writeFile(file, interviewsCsv(20, 2).text);
    threads.warm();
    const first = await offLoop(threads, validate(file));
    const second = await offLoop(threads, validate(file));
    expect([first.counts.ok, second.counts.ok]).toEqual([40, 40]);
    expect(taken).toHaveLength(2);
    expect(taken[1]).toBe(taken[0]);
    // Its report came back whole both times: the thread read it after each check.
    expect([first.statuses.length, second.statuses.length]).toEqual([40, 40]);
  }, 60_000);

  it('a check stopped in time leaves its thread for the next; one ended by force is not handed out', async () => {
    const { threads, taken } = recorded();
    close = () => threads.close();
    const dir = await tempDir();
    const small = join(dir, 'rows.csv');
    await writeFile(small, interviewsCsv(5, 1).text);
    const stopped = new AbortController();
    stopped.abort();
    // Stopped before it starts: the check ends at its first look at the signal, in the thread.
    await expect(offLoop(threads, validate(small), { signal: stopped.signal })).rejects.toMatchObject({
      code: 'RUN_INTERRUPTED',
    });
    await offLoop(threads, validate(small));
    expect(taken[1]).toBe(taken[0]);
    // The 23 KB workbook of issue 26 checks for seconds without looking at its signal: ended by force.
    const long = join(dir, 'long.xlsx');
    await writeFile(long, longStringWorkbook());
    const abort = new AbortController();
    const check = offLoop(threads, validate(long), { signal: abort.signal });
    setTimeout(() => abort.abort(), 300);
    await expect(check).rejects.toMatchObject({ code: 'RUN_INTERRUPTED' });
    const exited = new Promise<number>((resolve) => taken[2]!.once('exit', resolve));
    await offLoop(threads, validate(small));
    expect(taken[2]).toBe(taken[0]);
    expect(taken[3]).not.toBe(taken[2]);
    expect(typeof (await exited)).toBe('number');
  }, 60_000);

  it('ends the waiting thread when closed, and one given back after', async () => {
    const threads = new StepThreads(SCRIPT);
    threads.warm();
    const held = threads.take();
    threads.warm();
    const waiting = threads.take();
    const ended = [held, waiting].map((w) => new Promise<number>((resolve) => w.once('exit', resolve)));
    threads.give(waiting);
    await threads.close();
    threads.give(held);
    expect(await Promise.all(ended)).toHaveLength(2);
  }, 30_000);
});
