import { setMaxListeners } from 'node:events';
import { resolve } from 'node:path';
import { TokenProvider } from '../feishu/auth.js';
import { FeishuClient } from '../feishu/client.js';
import { resolveBaseUrl } from '../feishu/endpoints.js';
import { InterviewApi } from '../feishu/interview-api.js';
import { RateGate } from '../feishu/rate-gate.js';
import { readCurrent } from '../feishu/read-current.js';
import { bodyHash, canonicalBody } from '../feishu/records.js';
import { DEFAULT_RETRY } from '../feishu/retry-policy.js';
import type { ImportArgs } from '../options.js';
import type { Plan, RowOutcome } from '../plan/types.js';
import { writeReport } from '../report/report-writer.js';
import { allRowsFine, formatSummary, summarise } from '../report/summary.js';
import { type SendItem, type SendOutcome, dispatch } from '../run/dispatch.js';
import { Journal, type JournalState, journalPathFor, readJournal } from '../run/journal.js';
import { createProgress } from '../run/progress.js';
import type { CommandIo, CommandResult } from './io.js';
import { inputLines, readPlan } from './read-plan.js';
import { validateCommand } from './validate.js';

/** After Ctrl-C, requests in flight get this long to finish before they are cut off. */
const GRACE_MS = 10_000;

/** batch_query's own limit (shared/feishu-api/README.md): 10 calls/s. */
const READ_RATE = 10;

export async function importCommand(options: Readonly<ImportArgs>, io: CommandIo): Promise<CommandResult> {
  if (options.dryRun) return validateCommand(options, io);
  const started = Date.now();
  const interrupt = io.interrupt ?? new AbortController().signal;
  const { plan, warnings } = await readPlan(options);
  const base = resolveBaseUrl(options.domain, options.baseUrl);
  const journalPath = journalPathFor(options.report);
  const previous = options.resume ? readJournal(journalPathFor(options.resume)) : undefined;

  const client = new FeishuClient(base, { connections: options.concurrency, timeoutMs: options.timeoutMs });
  const hardStop = new AbortController();
  // Every request in flight listens on this signal; more than Node's default of 10 is expected.
  setMaxListeners(0, hardStop.signal);
  try {
    const tokens = new TokenProvider(options.credentials!, client);
    // Wrong credentials stop the run here, before any PUT.
    await tokens.get();
    const api = new InterviewApi({
      client,
      tokens,
      gate: new RateGate(options.rate),
      readGate: new RateGate(READ_RATE),
      retry: { ...DEFAULT_RETRY, retries: options.retries },
      abort: hardStop.signal,
      stopping: () => interrupt.aborted,
    });
    const journal = Journal.open(journalPath);
    try {
      journal.write({ t: 'run', at: new Date(started).toISOString(), input: resolve(options.file), report: resolve(options.report), command: 'import' });
      const { toSend, skipped } = await choose(plan, previous, api);
      for (const item of skipped) journal.write({ t: 'result', id: item.id, hash: item.hash, status: 'ok', skipped: true });
      const sending = options.limit === undefined ? toSend : toSend.slice(0, options.limit);
      const result = await dispatch(sending, {
        api,
        concurrency: options.concurrency,
        journal,
        progress: createProgress(options.quiet ? 'quiet' : 'auto', io.stderr, sending.length),
        interrupt,
        hardStop,
        graceMs: GRACE_MS,
      });
      const outcomes = rowOutcomes(plan, result.outcomes, new Set(skipped.map((s) => s.id)), options.limit);
      const summary = summarise(outcomes, plan.interviews.length);
      const elapsed = (Date.now() - started) / 1000;
      const rate = api.stats.requests / Math.max(0.001, elapsed);
      await writeReport(options.report, plan.table, outcomes, { command: 'import', zone: plan.zone, elapsed_s: elapsed, requests: api.stats.requests, ...summary });
      const extra = inputLines(plan, warnings);
      extra.push(`sent to ${base.origin}: ${api.stats.requests} request(s), ${api.stats.rateLimited} answered 429, ${api.stats.retried} retried, ${rate.toFixed(1)} req/s, ${elapsed.toFixed(1)} s`);
      if (skipped.length > 0) extra.push(`skipped ${skipped.length} interview(s) that already landed with the same body (--resume)`);
      if (result.stopReason) extra.push(`stopped early: ${result.stopReason}`);
      if (result.interrupted) extra.push('interrupted: unsent rows are not_sent; run the same command with --resume REPORT to finish');
      extra.push(`journal: ${resolve(journalPath)}`, `report: ${resolve(options.report)}`);
      io.stdout.write(formatSummary(summary, extra));
      if (result.interrupted) return { exitCode: 130 };
      return { exitCode: allRowsFine(summary) ? 0 : 1 };
    } finally {
      journal.close();
    }
  } finally {
    if (interrupt.aborted) await client.destroy();
    else await client.close();
  }
}

/**
 * What to send: every valid interview, except (with --resume) those that already landed with
 * the same body. An interview sent when the earlier run was killed, with no result recorded,
 * is read back with batch_query and skipped when Feishu already holds exactly this body.
 */
async function choose(plan: Plan, previous: JournalState | undefined, api: InterviewApi): Promise<{ toSend: SendItem[]; skipped: SendItem[] }> {
  const toSend: SendItem[] = [];
  const skipped: SendItem[] = [];
  const doubtful: SendItem[] = [];
  for (const interview of plan.interviews) {
    if (!interview.body) continue;
    const item = { id: interview.id, body: interview.body, hash: bodyHash(interview.body) };
    if (previous?.landed.get(item.id) === item.hash) skipped.push(item);
    else if (previous?.inDoubt.get(item.id) === item.hash) doubtful.push(item);
    else toSend.push(item);
  }
  if (doubtful.length > 0) {
    const current = await readCurrent(api, doubtful.map((d) => d.id));
    for (const item of doubtful) {
      const record = current.get(item.id);
      if (record && bodyHash(canonicalBody(record)) === item.hash) skipped.push(item);
      else toSend.push(item);
    }
    // Keep file order among what is sent.
    const order = new Map(plan.interviews.map((p, i) => [p.id, i]));
    toSend.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
  return { toSend, skipped };
}

function rowOutcomes(plan: Plan, sent: ReadonlyMap<string, SendOutcome>, skipped: ReadonlySet<string>, limit: number | undefined): RowOutcome[] {
  const outcomes = plan.outcomes.slice();
  for (const interview of plan.interviews) {
    if (!interview.body) continue;
    let outcome: RowOutcome;
    const s = sent.get(interview.id);
    if (skipped.has(interview.id)) outcome = { status: 'skipped', message: 'already landed in an earlier run with the same body (--resume)' };
    else if (!s) outcome = { status: 'not_sent', error_code: 'RUN_LIMIT', message: `not sent: beyond --limit ${limit}` };
    else
      outcome = {
        status: s.status,
        error_code: s.status === 'ok' ? undefined : s.errorCode,
        message: s.status === 'ok' ? 'landed' : s.message,
        http_status: s.httpStatus,
        log_id: s.logId,
        attempts: s.attempts,
      };
    for (const i of interview.rows) outcomes[i] = outcome;
  }
  return outcomes;
}
