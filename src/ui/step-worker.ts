/**
 * The page's checks, off its server's event loop: validation, the preview (a dry run that reads
 * Feishu), the .xlsx report of a validation and the mapping step's draft run in this worker thread, so the page,
 * `/api/state` and 停止 answer while a large or hostile file is read and checked. Built to
 * dist/ui/step-worker.js; started by src/ui/step-threads.ts before it is needed, it runs each
 * check src/ui/off-loop.ts sends it, one at a time, and waits for the next.
 */
import { parentPort } from 'node:worker_threads';
import { importFile, validateFile, writeEditedFile } from '../api.js';
import { mappingDraft } from '../input/mapping-draft.js';
import { notingRowStarts } from '../report/row-starts.js';
import { STOP, type StepJob, type StepMessage, type StepOutcome, type StepStart } from './step-protocol.js';
import { toThread } from './thread-error.js';

async function run(job: StepJob, signal: AbortSignal, post: (m: StepMessage) => void): Promise<void> {
  try {
    if (job.kind === 'edited') {
      const rows = await writeEditedFile(job.path, job.options);
      const summary = { rows } as unknown as StepOutcome['summary'];
      post({ type: 'done', outcome: { exitCode: 0, counts: {}, interviews: 0, summary, statuses: [] } });
      return;
    }
    if (job.kind === 'draft') {
      post({ type: 'draft', draft: await mappingDraft(job.path, job.options) });
      return;
    }
    // Each row's place in the grid's JSON report, noted as it is written: the server reads the
    // grid's windows from the file by them, and neither thread reads the report back whole.
    const { result, starts } = await notingRowStarts(() =>
      job.kind === 'validate'
        ? validateFile(job.path, {
            ...job.options,
            signal,
            onProgress: (event) => post({ type: 'reading', event }),
          })
        : importFile(job.path, {
            ...job.options,
            signal,
            onProgress: (event) => post({ type: 'progress', event }),
          }),
    );
    const { exitCode, counts, interviews, summary } = result;
    const statuses: string[] = [];
    const numbers = new Float64Array(result.rows.length);
    const codes: Record<string, number> = {};
    for (const [i, r] of result.rows.entries()) {
      statuses.push(r.status);
      numbers[i] = r.row;
      if (r.errorCode !== undefined && r.status !== 'blocked') codes[r.errorCode] = (codes[r.errorCode] ?? 0) + 1;
    }
    const report = {
      numbers,
      ...(starts.length === statuses.length + 1 ? { starts: Float64Array.from(starts) } : {}),
    };
    post({ type: 'done', outcome: { exitCode, counts, interviews, summary, statuses, codes, report } });
  } catch (error) {
    post({ type: 'failed', error: toThread(error) });
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (m: StepMessage) => {
    // The rows' numbers and starts move to the server's thread rather than being copied.
    const r = m.type === 'done' ? m.outcome.report : undefined;
    port.postMessage(m, r ? ([r.numbers.buffer, r.starts?.buffer].filter(Boolean) as ArrayBuffer[]) : []);
  };
  // The check running, if any: a 停止 that comes after its end stops nothing.
  let running: AbortController | undefined;
  port.on('message', (m: StepStart | typeof STOP) => {
    if (m === STOP) {
      running?.abort();
      return;
    }
    const abort = new AbortController();
    running = abort;
    void run(m.job, abort.signal, post).finally(() => {
      if (running === abort) running = undefined;
    });
  });
}
