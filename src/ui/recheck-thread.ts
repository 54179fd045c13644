/**
 * The server's end of the re-check thread (src/ui/recheck-worker.ts): started when a check starts
 * (`warm`), so the first edit does not wait for a thread to start and load the checks; started
 * again after a failure; ended with the server (`close`). It holds the process open only while a
 * re-check is pending.
 */
import { Worker } from 'node:worker_threads';
import type { CheckedRow, RowsToCheck } from '../commands/check-rows.js';
import type { RecheckAnswer, RecheckJob } from './recheck-protocol.js';
import { fromThread } from './thread-error.js';

interface Waiting {
  resolve(rows: readonly CheckedRow[]): void;
  reject(error: Error): void;
}

export class RecheckThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private serial = 0;

  /** `script`: dist/ui/recheck-worker.js. */
  constructor(private readonly script: string) {}

  /** Starts the thread now, if it is not going, for a re-check that may follow. */
  warm(): void {
    this.started();
  }

  /** `checkRows(path, rows, options)`, run in the thread. */
  check(path: string, rows: RowsToCheck, options: RecheckJob['options']): Promise<readonly CheckedRow[]> {
    const worker = this.started();
    const id = ++this.serial;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, path, rows, options } satisfies RecheckJob);
    });
  }

  /** Ends the thread; a re-check still pending fails. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new Error('the page server stopped'));
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (answer: RecheckAnswer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) worker.unref();
      if ('error' in answer) waiting?.reject(fromThread(answer.error));
      else waiting?.resolve(answer.checked);
    });
    // A thread that failed or ended is replaced at the next re-check; what waited on it fails.
    const gone = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.fail(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the re-check thread ended (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}
