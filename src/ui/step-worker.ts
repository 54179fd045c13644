/**
 * The page's checks, off its server's event loop: validation, the preview (a dry run that reads
 * Feishu), the .xlsx report of a validation and the mapping step's draft run in this worker thread, so the page,
 * `/api/state` and 停止 answer while a large or hostile file is read and checked. Built to
 * dist/ui/step-worker.js; started by src/ui/step-threads.ts before it is needed, it runs each
 * check src/ui/off-loop.ts sends it, one at a time, and waits for the next.
 */
import { parentPort } from 'node:worker_threads';
import { importFile, validateFile, writeEditedFile } from '../api.js';
import { readFileSync } from 'node:fs';
import { mappingDraft } from '../input/mapping-draft.js';
import { jsonRowStarts } from '../report/json-report.js';
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
    const result =
      job.kind === 'validate'
        ? await validateFile(job.path, {
            ...job.options,
            signal,
            onProgress: (event) => post({ type: 'reading', event }),
          })
        : await importFile(job.path, {
            ...job.options,
            signal,
            onProgress: (event) => post({ type: 'progress', event }),
          });
    const { exitCode, counts, interviews, summary } = result;
    const statuses: string[] = [];
    const codes: Record<string, number> = {};
    for (const r of result.rows) {
      statuses.push(r.status);
      if (r.errorCode !== undefined && r.status !== 'blocked') codes[r.errorCode] = (codes[r.errorCode] ?? 0) + 1;
    }
    // The grid's report, read and indexed here: for a large one (415 MB for issue 26's workbook)
    // that is hundreds of milliseconds the server's event loop does not spend. Read in one call:
    // this thread has nothing else to do meanwhile, and the 55 MB of a 100,000-row report took
    // 190 ms in the promise API's pieces against 150 ms at once (measured).
    const json = job.options.report;
    const bytes = typeof json === 'string' && json.endsWith('.json') ? readFileSync(json) : undefined;
    const report = bytes && { bytes, starts: jsonRowStarts(bytes, statuses.length) };
    post({ type: 'done', outcome: { exitCode, counts, interviews, summary, statuses, codes, report } });
  } catch (error) {
    post({ type: 'failed', error: toThread(error) });
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (m: StepMessage) => {
    // The report's bytes move to the server's thread rather than being copied (a Buffer of its own).
    const bytes = m.type === 'done' ? m.outcome.report?.bytes : undefined;
    const whole = bytes !== undefined && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    port.postMessage(m, whole ? [bytes.buffer as ArrayBuffer] : []);
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
