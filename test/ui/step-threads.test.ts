/**
 * The page's checks run in threads that wait for them (src/ui/step-threads.ts, src/ui/off-loop.ts):
 * the thread warmed as a file comes in takes the look at its first rows, then its check; after a
 * check its thread ends and a fresh one waits; one ended by force (停止 past its grace) too.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { draftOffLoop, offLoop } from '../../src/ui/off-loop.js';
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

const exit = (w: Worker) => new Promise<number>((resolve) => w.once('exit', resolve));

async function csvFile(interviews: number, rows: number): Promise<string> {
  const file = join(await tempDir(), 'rows.csv');
  await writeFile(file, interviewsCsv(interviews, rows).text);
  return file;
}

describe('StepThreads', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  it('the first look at a file and its check take the thread warmed for them; a fresh one waits after the check', async () => {
    const { threads, taken } = recorded();
    close = () => threads.close();
    const file = await csvFile(20, 2);
    threads.warm();
    const look = await draftOffLoop(threads, { kind: 'draft', path: file, options: { peek: true } });
    expect(look?.template).toBe(true);
    const checkedAt = taken.length;
    const ended = exit(taken[0]!);
    const first = await offLoop(threads, validate(file));
    expect(first.counts.ok).toBe(40);
    expect(taken[checkedAt]).toBe(taken[0]);
    // The check's thread keeps the memory it grew to: ended, and another waits for the next check.
    expect(typeof (await ended)).toBe('number');
    const second = await offLoop(threads, validate(file));
    expect(second.counts.ok).toBe(40);
    expect(taken[2]).not.toBe(taken[0]);
    // Its report came back whole both times: the thread read it after each check.
    expect([first.statuses.length, second.statuses.length]).toEqual([40, 40]);
  }, 60_000);

  it('a check ended by force (停止 past its grace) ends its thread; the next check runs in another', async () => {
    const { threads, taken } = recorded();
    close = () => threads.close();
    // The 23 KB workbook of issue 26 checks for seconds without looking at its signal.
    const long = join(await tempDir(), 'long.xlsx');
    await writeFile(long, longStringWorkbook());
    const abort = new AbortController();
    const check = offLoop(threads, validate(long), { signal: abort.signal });
    setTimeout(() => abort.abort(), 300);
    await expect(check).rejects.toMatchObject({ code: 'RUN_INTERRUPTED' });
    const ended = exit(taken[0]!);
    const next = await offLoop(threads, validate(await csvFile(5, 1)));
    expect(next.counts.ok).toBe(5);
    expect(taken[1]).not.toBe(taken[0]);
    expect(typeof (await ended)).toBe('number');
  }, 60_000);

  it('ends the waiting thread when closed, and one given back after', async () => {
    const threads = new StepThreads(SCRIPT);
    threads.warm();
    const held = threads.take();
    threads.warm();
    const waiting = threads.take();
    const ended = [held, waiting].map(exit);
    threads.give(waiting, true);
    await threads.close();
    threads.give(held, true);
    expect(await Promise.all(ended)).toHaveLength(2);
  }, 30_000);
});
