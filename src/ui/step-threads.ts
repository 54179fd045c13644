/**
 * The threads the page's checks run in (src/ui/step-worker.ts): one waits, started and loaded
 * before it is needed, and a thread whose check ended is kept for the next. Starting a thread and
 * loading the checks into it is a quarter of a second (measured: 244 ms on the 2-core machine
 * while other work ran), paid otherwise by every check, and twice on a file's way in: the mapping
 * step's first look, then its check. A waiting thread does not hold the process open.
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

  /** A thread whose check ended (done, failed or stopped, not ended by force) waits for the next. */
  give(worker: Worker): void {
    if (this.waiting || this.closed) {
      void worker.terminate();
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
