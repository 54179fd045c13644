/**
 * The re-checks of edited cells' rows (src/ui/row-recheck.ts), off the page's server's event
 * loop: a few hundred rows take tens of milliseconds that the server would otherwise spend
 * answering nothing else. One thread serves the server's life, its jobs answered as they end.
 * Built to dist/ui/recheck-worker.js; started by src/ui/recheck-thread.ts, its only caller.
 */
import { parentPort } from 'node:worker_threads';
import { checkRows } from '../api.js';
// Loaded as the thread starts, not at the first edit: the first answer is as quick as the others.
import '../commands/check-rows.js';
import type { RecheckAnswer, RecheckJob } from './recheck-protocol.js';
import { toThread } from './thread-error.js';

if (parentPort) {
  const port = parentPort;
  const post = (answer: RecheckAnswer) => port.postMessage(answer);
  port.on('message', (job: RecheckJob) => {
    checkRows(job.path, job.rows, job.options).then(
      (checked) => post({ id: job.id, checked }),
      (error: unknown) => post({ id: job.id, error: toThread(error) }),
    );
  });
}
