/**
 * Runs a check (src/ui/step-worker.ts) in a worker thread and waits for it, forwarding its
 * progress; 停止 aborts the check's signal there, and ends the thread if the check has not
 * ended within a second (a stage that runs without a pause, such as checking 100,000 rows, does
 * not look at its signal until it is done). The thread is given back (src/ui/step-threads.ts):
 * kept for the check after a look at a file's first rows, else ended and replaced.
 */
import type { Worker } from 'node:worker_threads';
import { ToolError } from '../errors.js';
import { say } from '../messages.js';
import { SUMMARY } from '../report/messages.js';
import type { ProgressEvent } from '../run/progress.js';
import type { ReadProgress } from '../input/read-progress.js';
import type { MappingDraft } from '../input/mapping-draft.js';
import { STOP, type StepJob, type StepMessage, type StepOutcome, type StepStart } from './step-protocol.js';
import type { StepThreads } from './step-threads.js';
import { fromThread } from './thread-error.js';

/** How long a stopped check may take to end on its own before its thread is ended. */
const GRACE_MS = 1000;

export interface OffLoopRun {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** A validation's rows read, as the thread tells them. */
  readonly onReading?: (event: ReadProgress) => void;
}

/** The mapping step's draft of a file, read in the thread. */
export const draftOffLoop = (threads: StepThreads, job: Extract<StepJob, { kind: 'draft' }>): Promise<MappingDraft> =>
  inThread<MappingDraft>(threads, job, {});

export const offLoop = (threads: StepThreads, job: StepJob, run: OffLoopRun = {}): Promise<StepOutcome> =>
  inThread<StepOutcome>(threads, job, run);

function inThread<T>(threads: StepThreads, job: StepJob, run: OffLoopRun): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker: Worker = threads.take();
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    /** `ended`: the check ended in the thread (not ended by force), which a light one leaves fit for the next. */
    const settle = (done: () => void, ended = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      run.signal?.removeEventListener('abort', stop);
      worker.off('message', heard);
      worker.off('error', failed);
      worker.off('exit', exited);
      threads.give(worker, ended && job.kind === 'draft' && job.options.peek === true);
      done();
    };
    const stopped = () => new ToolError('RUN_INTERRUPTED', say(SUMMARY.stopped), { file: job.path }, 130);
    const stop = () => {
      worker.postMessage(STOP);
      grace = setTimeout(() => settle(() => reject(stopped())), GRACE_MS);
    };
    const heard = (m: StepMessage) => {
      if (m.type === 'progress') run.onProgress?.(m.event);
      else if (m.type === 'reading') run.onReading?.(m.event);
      else if (m.type === 'done') settle(() => resolve(m.outcome as T), true);
      else if (m.type === 'draft') settle(() => resolve(m.draft as T), true);
      else settle(() => reject(fromThread(m.error)), true);
    };
    const failed = (error: Error) => settle(() => reject(error));
    const exited = (code: number) =>
      settle(() =>
        reject(run.signal?.aborted ? stopped() : new Error(`the check ended without a result (exit code ${code})`)),
      );
    worker.on('message', heard);
    worker.on('error', failed);
    worker.on('exit', exited);
    worker.postMessage({ job } satisfies StepStart);
    if (run.signal?.aborted) stop();
    else run.signal?.addEventListener('abort', stop, { once: true });
  });
}
