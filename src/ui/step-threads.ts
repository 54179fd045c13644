/**
 * The threads the page's checks run in (src/ui/step-worker.ts): one waits, started and loaded
 * before it is needed. Starting a thread and loading the checks into it is a quarter of a second
 * (measured: 244 ms on the 2-core machine while other work ran), paid otherwise by every check,
 * and twice on a file's way in: the mapping step's first look at its first rows, then its check.
 * The thread of that first look is kept for the check that follows it; after any other check its
 * thread is ended and a fresh one waits instead, since a thread keeps the memory its last check
 * grew to (the server held 335 MB idle after a 100,000-row check in a kept thread, 187 MB without
 * one: measured). A waiting thread does not hold the process open.
 */
import { Worker } from 'node:worker_threads';

export class StepThreads {
  private waiting: Worker | undefined;
  private closed = false;

  /** `script`: dist/ui/step-worker.js. */
  constructor(private readonly script: string) {}

  /** Starts a thread now, if none waits, for a check that may follow (a file is on its way in). */
  warm(): void {
    if (!this.waiting && !this.closed) this.waiting = this.started();
  }

  /** The waiting thread, or a new one: the caller's until it gives it back or ends it. */
  take(): Worker {
    const worker = this.waiting ?? this.started();
    this.waiting = undefined;
    worker.ref();
    return worker;
  }

  /**
   * A thread whose check is over: kept for the next when `light` (a look at a file's first rows
   * that ended in the thread), else ended, and a fresh one started to wait.
   */
  give(worker: Worker, light: boolean): void {
    if (!light || this.waiting || this.closed) {
      void worker.terminate();
      this.warm();
      return;
    }
    worker.unref();
    this.waiting = worker;
  }

  /** Ends the waiting thread; a thread given back later is ended then. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.waiting;
    this.waiting = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    // A waiting thread that fails or ends is not handed out.
    const gone = () => {
      if (this.waiting === worker) this.waiting = undefined;
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    return worker;
  }
}
