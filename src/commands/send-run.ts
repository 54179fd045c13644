import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { existsSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ToolError } from '../errors.js';
import { resolveBaseUrl } from '../feishu/endpoints.js';
import type { ApiStats } from '../feishu/interview-api.js';
import type { ImportArgs } from '../options.js';
import { bodyHash, canonicalBody } from '../plan/canonical.js';
import { checkMergedBody } from '../plan/check-body.js';
import { type MergeRefusal, type Removed, diffBodies, mergeBody } from '../plan/merge.js';
import type { InterviewBody, Plan, PlannedInterview, RowOutcome } from '../plan/types.js';
import { writeBodies } from '../report/payloads.js';
import { writeReport } from '../report/report-writer.js';
import { allRowsFine, formatSummary, reportLines, summarise, writeSummary } from '../report/summary.js';
import { type Prepared, type SendItem, type SendOutcome, dispatch } from '../run/dispatch.js';
import { type JournalState, journalPathFor, openJournal, readJournal } from '../run/journal.js';
import { Backup, PreImages, backupPathFor } from '../run/pre-images.js';
import { createProgress } from '../run/progress.js';
import { LegacyLookup } from '../run/legacy-lookup.js';
import { takeRunLock } from '../run/run-lock.js';
import { connect } from './connect.js';
import { type LegacyContext, applicationOf, createWith, prepareLegacy } from './send-legacy.js';
import type { CommandIo, CommandResult } from './io.js';

/** After Ctrl-C, requests in flight get this long to finish before they are cut off. */
const GRACE_MS = 10_000;


export type SendOptions = Pick<
  ImportArgs,
  'report' | 'concurrency' | 'rate' | 'retries' | 'timeoutMs' | 'limit' | 'resume' | 'quiet' | 'domain' | 'baseUrl' | 'credentials' | 'dryRun' | 'payloads' | 'createMissing'
> & {
  /** Read and back up each interview before overwriting it (default on; `--no-backup`). */
  readonly backup: boolean;
  readonly merge: boolean;
  /** `--add-assessments`: a correction may add assessments and dimensions the interview lacks. */
  readonly addAssessments?: boolean;
  /** `--replace-assessments`: the file's assessments replace all current ones. */
  readonly replaceAssessments?: boolean;
  /** `--json`: the summary as one JSON object on stdout. */
  readonly json?: boolean;
  /** How the summary names the command: import, import --dry-run, undo. */
  readonly command: string;
};

/**
 * The sending half shared by `import` and `undo`: connect, read pre-images (backup, merge,
 * unchanged check), send, journal, and fill the per-row report.
 */
export async function sendPlan(plan: Plan, options: Readonly<SendOptions>, io: CommandIo, header: readonly string[]): Promise<CommandResult> {
  const started = Date.now();
  const interrupt = io.interrupt ?? new AbortController().signal;
  const journalPath = journalPathFor(options.report);
  const backupPath = backupPathFor(options.report);
  const previous = options.resume ? readJournal(journalPathFor(options.resume)) : undefined;
  const inputHash = fileHash(plan.table.file);
  const dryRun = options.dryRun;

  const hardStop = new AbortController();
  // Every request in flight listens on this signal; more than Node's default of 10 is expected.
  setMaxListeners(0, hardStop.signal);
  const opened: { close(): void }[] = [];
  const cleanups: (() => void)[] = [];
  if (previous) checkResume(previous, { origin: resolveBaseUrl(options.domain, options.baseUrl).origin, appId: appIdOf(options), inputHash }, options.resume!);
  let unlock = () => {};
  // Wrong credentials stop the run here, before anything is read or written.
  const { base, client, api } = await connect(options, hardStop.signal, () => interrupt.aborted);
  try {
    await mkdir(dirname(resolve(options.report)), { recursive: true });
    // A dry run writes nothing but its report: no journal, no backup, so it needs no lock.
    if (!options.dryRun) unlock = takeRunLock(options.report);
    const journal = dryRun ? undefined : openJournal(journalPath);
    if (journal) opened.push(journal);
    // A --resume goes on with the run it resumes: one undo puts back what both overwrote.
    const runId = previous?.runId ?? new Date(started).toISOString();
    journal?.write({ t: 'run', at: new Date(started).toISOString(), input: resolve(plan.table.file), report: resolve(options.report), command: 'import', run_id: runId, origin: base.origin, app_id: appIdOf(options), input_hash: inputHash });
    const sizeBefore = existsSync(backupPath) ? statSync(backupPath).size : undefined;
    const backup: Backup | undefined = options.backup && !dryRun ? Backup.open(backupPath, runId) : undefined;
    if (backup) {
      opened.push(backup);
      // A run that wrote nothing (no PUT, create or delete) leaves the backup as it found it (so
      // `undo` still finds the last run that did change something), and says nothing of one.
      cleanups.push(() => {
        if (wroteAnything(api.stats)) return;
        if (sizeBefore === undefined) rmSync(backupPath, { force: true });
        else truncateSync(backupPath, sizeBefore);
      });
    }

    const candidates = plan.interviews.filter((p) => (options.merge ? p.patch : p.body));
    const items = options.limit === undefined ? candidates : candidates.slice(0, options.limit);
    const needRead = items.filter((p) => !p.legacy && (options.backup || options.merge || previous?.inDoubt.has(p.id))).map((p) => p.id);
    const preImages = needRead.length > 0 ? new PreImages(api, needRead, backup, () => interrupt.aborted) : undefined;
    const needsRead = new Set(needRead);
    const byId = new Map(items.map((p) => [p.id, p]));
    const wouldSend = new Map<string, InterviewBody>();
    const removals: Removed[] = [];
    const context: PrepareContext = { plan, previous, options, wouldSend, removals };
    const legacyItems = items.filter((p) => p.legacy);
    const lookup = new LegacyLookup(api, legacyItems.map(applicationOf), new Map(previous?.feishuIds ?? []), () => interrupt.aborted);
    const legacy: LegacyContext = {
      lookup,
      backup,
      createMissing: Boolean(options.createMissing),
      dryRun,
      zone: plan.zone,
      wouldSend,
      bodyFor: (p, current) => {
        const built = options.merge ? mergeFor(p, current, context) : { body: p.body! };
        return 'refusal' in built ? { done: refusedOutcome(built.refusal) } : built;
      },
    };
    const prepare = (item: SendItem): Promise<Prepared> => {
      const p = byId.get(item.id)!;
      return p.legacy ? prepareLegacy(p, legacy) : prepareOne(p, needsRead.has(item.id) ? preImages : undefined, context);
    };

    const result = await dispatch(
      items.map((p) => ({ id: p.id })),
      {
        api,
        concurrency: options.concurrency,
        journal,
        progress: createProgress(options.quiet ? 'quiet' : 'auto', io.stderr, items.length),
        interrupt,
        hardStop,
        graceMs: GRACE_MS,
        prepare,
        create: createWith(api, lookup, backup, byId, 1 + options.retries),
      },
    );
    if (dryRun && options.payloads) {
      const merged = plan.interviews.filter((p) => wouldSend.has(p.id)).map((p) => ({ id: p.id, body: wouldSend.get(p.id)! }));
      await writeBodies(options.payloads, merged);
    }
    const landed = backup ? `landed; the previous version is in ${basename(backupPath)}` : 'landed';
    const outcomes = rowOutcomes(plan, result.outcomes, options.limit, landed);
    const summary = summarise(outcomes, plan.interviews.length);
    const elapsed = (Date.now() - started) / 1000;
    const rate = api.stats.writes / Math.max(0.001, elapsed);
    await writeReport(options.report, plan.table, outcomes, {
      command: dryRun ? 'import --dry-run' : 'import',
      zone: plan.zone,
      elapsed_s: elapsed,
      requests: api.stats.requests,
      backup: backup ? resolve(backupPath) : null,
      ...summary,
    });
    const extra: string[] = [];
    if (!options.backup && !dryRun) extra.push('warning: --no-backup: what was overwritten was not saved, so this run cannot be undone');
    const { writes, creates, deletes } = api.stats;
    const reads = api.stats.requests - writes - creates - deletes;
    const others = `${creates > 0 ? `, ${creates} create(s)` : ''}${deletes > 0 ? `, ${deletes} delete(s)` : ''}`;
    const pace = creates > writes ? `${(creates / Math.max(0.001, elapsed)).toFixed(1)} create/s` : `${rate.toFixed(1)} PUT/s`;
    extra.push(
      `${dryRun ? 'read from' : 'sent to'} ${base.origin}: ${writes} PUT(s)${others} and ${reads} batch_query read(s), ${api.stats.rateLimited} answered 429, ${api.stats.retried} retried, ${pace} over ${elapsed.toFixed(1)} s`,
    );
    const kinds = countKinds(result.outcomes);
    if (options.merge || dryRun || options.createMissing || kinds.created + kinds.ambiguous > 0) {
      const refused = kinds.refused > 0 ? ` · refused ${kinds.refused}` : '';
      const created = kinds.created > 0 || options.createMissing ? `${dryRun ? 'would create' : 'created'} ${kinds.created} · ` : '';
      const ambiguous = kinds.ambiguous > 0 ? ` · ambiguous ${kinds.ambiguous}` : '';
      extra.push(`${created}${dryRun ? 'would change' : 'changed'} ${kinds.change} · unchanged ${kinds.unchanged} · missing ${kinds.missing}${ambiguous}${refused} interview(s)`);
    }
    if (kinds.deleted > 0) extra.push(`deleted ${kinds.deleted} interview(s) the undone run had created`);
    const removed = removals.reduce((t, r) => ({ assessments: t.assessments + r.assessments, dimensions: t.dimensions + r.dimensions }), { assessments: 0, dimensions: 0 });
    if (removed.assessments + removed.dimensions > 0) {
      extra.push(`${dryRun ? 'would remove' : 'removed'} ${removed.assessments} assessment(s) and ${removed.dimensions} dimension(s) (--replace-assessments)`);
    }
    if (kinds.resumed > 0) extra.push(`skipped ${kinds.resumed} interview(s) that already landed with the same body (--resume)`);
    if (result.stopReason) extra.push(`stopped early: ${result.stopReason}`);
    if (result.interrupted) extra.push('interrupted: unsent rows are not_sent; run the same command with --resume REPORT to finish');
    if (backup && wroteAnything(api.stats)) extra.push(`backup: ${resolve(backupPath)}, run ${backup.runId} (undo with: feishu-interview-import undo ${backupPath})`);
    if (!dryRun) extra.push(`journal: ${resolve(journalPath)}`);
    extra.push(...reportLines(resolve(options.report), summary));
    const beyondLimit = outcomes.filter((o) => o.status === 'not_sent' && o.error_code === 'RUN_LIMIT').length;
    const exitCode = result.interrupted ? 130 : allRowsFine(summary, beyondLimit) ? 0 : 1;
    const t = plan.table;
    writeSummary(io, options.json, formatSummary(summary, extra, header), summary, exitCode, {
      command: options.command,
      input: { file: resolve(t.file), sheet: t.sheet, encoding: t.encoding, header_row: t.headerRow },
      zone: plan.usedZone ? plan.zone : undefined,
      origin: base.origin,
      requests: { puts: writes, creates, deletes, reads, rate_limited: api.stats.rateLimited, retried: api.stats.retried },
      rate_per_s: Number((Math.max(writes, creates) / Math.max(0.001, elapsed)).toFixed(2)),
      elapsed_s: Number(elapsed.toFixed(1)),
      interviews_by_kind: kinds,
      stopped_early: result.stopReason,
      paths: { report: resolve(options.report), journal: dryRun ? undefined : resolve(journalPath), backup: backup && wroteAnything(api.stats) ? resolve(backupPath) : undefined },
    });
    return { exitCode };
  } finally {
    for (const f of opened) f.close();
    for (const c of cleanups) c();
    unlock();
    if (interrupt.aborted) await client.destroy();
    else await client.close();
  }
}

const RESUMED = 'already landed in an earlier run with the same body (--resume)';
const UNCHANGED = 'unchanged: Feishu already holds exactly this';

interface PrepareContext {
  readonly plan: Plan;
  readonly previous: JournalState | undefined;
  readonly options: Readonly<SendOptions>;
  /** Dry run: the bodies that would be sent, for --payloads. */
  readonly wouldSend: Map<string, InterviewBody>;
  /** What each merged body removes (only --replace-assessments removes). */
  readonly removals: Removed[];
}

/**
 * Decides one interview: its body (merged with the current record under `--merge`), and
 * whether it needs sending at all.
 */
async function prepareOne(p: PlannedInterview, preImages: PreImages | undefined, context: PrepareContext): Promise<Prepared> {
  const { previous, options, wouldSend } = context;
  let current: Record<string, unknown> | undefined;
  if (preImages) {
    current = await preImages.get(p.id);
    if (p.remove) return prepareRemove(p, current);
    if (!current && (options.backup || options.merge)) {
      return { done: { status: 'failed', kind: 'missing', errorCode: 'RUN_NOT_FOUND', message: `not sent: interview ${p.id} does not exist in Feishu (batch_query found no such external interview); check the ID, or create it first` } };
    }
  }
  const built = options.merge ? mergeFor(p, current!, context) : { body: p.body! };
  if ('refusal' in built) return { done: refusedOutcome(built.refusal) };
  const { body } = built;
  const hash = bodyHash(body);
  const landedBefore = previous?.landed.get(p.id) === hash;
  // Without a read, the journal decides; with one, what Feishu holds does (it may have changed since).
  if (landedBefore && !current) return { done: { status: 'skipped', kind: 'resumed', message: RESUMED }, hash };
  if (current) {
    const before = canonicalBody(current);
    if (bodyHash(before) === hash) return { done: { status: 'skipped', kind: landedBefore ? 'resumed' : 'unchanged', message: landedBefore ? RESUMED : UNCHANGED }, hash };
    if (built.removed) context.removals.push(built.removed);
    if (options.dryRun) {
      wouldSend.set(p.id, body);
      return { done: { status: 'ok', kind: 'changed', message: `would change: ${diffBodies(before, body, context.plan.zone).join('; ')}` } };
    }
  }
  // A dry run never sends, whatever path led here.
  if (options.dryRun) {
    wouldSend.set(p.id, body);
    return { done: { status: 'ok', kind: 'changed', message: 'would be sent' } };
  }
  return { send: body, hash };
}

/** Undo of a create: delete the interview only while it holds exactly what the undone run created. */
function prepareRemove(p: PlannedInterview, current: Record<string, unknown> | undefined): Prepared {
  const hash = bodyHash(p.body!);
  if (!current) return { done: { status: 'skipped', message: 'already gone: the interview the undone run created no longer exists' } };
  if (bodyHash(canonicalBody(current)) !== hash) {
    return { done: { status: 'failed', errorCode: 'UNDO_CHANGED_SINCE', message: `left alone: interview ${p.id} changed after the undone run created it; delete it in Feishu yourself if it should go` } };
  }
  return { remove: p.id, hash };
}

/** The merged body, checked as a plain one would be; or why a row of the file cannot be applied. */
function mergeFor(p: PlannedInterview, current: Record<string, unknown>, context: PrepareContext): { body: InterviewBody; removed?: Removed } | { refusal: MergeRefusal } {
  const { options, plan } = context;
  const first = { index: p.rows[0]!, row: plan.table.rows[p.rows[0]!]!.row };
  const rules = { add: Boolean(options.addAssessments), replace: Boolean(options.replaceAssessments) };
  const merged = mergeBody(current, p.patch!, rules, first);
  if (merged.kind === 'refused') return { refusal: merged.refusal };
  const problem = checkMergedBody(merged.body, first, plan.zone);
  return problem ? { refusal: problem } : { body: merged.body, removed: merged.removed };
}

const appIdOf = (o: Readonly<SendOptions>) => (o.credentials?.kind === 'app' ? o.credentials.appId : undefined);

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * A journal says what landed where, from which file: resuming it against another service, app or
 * input would skip what never landed there. Refused, saying which differs (journals written
 * before these were recorded are taken as they are).
 */
function checkResume(previous: JournalState, now: { origin: string; appId?: string; inputHash: string }, report: string): void {
  const differs: string[] = [];
  if (previous.origin && previous.origin !== now.origin) differs.push(`it sent to ${previous.origin}, this run to ${now.origin}`);
  if (previous.appId && now.appId && previous.appId !== now.appId) differs.push(`it used app ${previous.appId}, this run ${now.appId}`);
  if (previous.inputHash && previous.inputHash !== now.inputHash) differs.push('its input file was different (it has changed since)');
  if (differs.length === 0) return;
  throw new ToolError('RESUME_MISMATCH', `expected --resume ${report} to continue the same run, got a journal where ${differs.join('; ')}: run without --resume (the current records are read and compared), or resume with the original file and settings`, { file: report });
}

const wroteAnything = (s: ApiStats) => s.writes + s.creates + s.deletes > 0;

/** A row that cannot be applied is invalid; a current record that cannot be sent (RUN_…) is failed. */
function refusedOutcome(r: MergeRefusal): SendOutcome {
  if (r.code.startsWith('RUN_')) return { status: 'failed', kind: 'refused', errorCode: r.code, message: `not sent: ${r.message}` };
  return { status: 'invalid', kind: 'refused', errorCode: r.code, row: r.at.index, message: r.message };
}

function countKinds(outcomes: ReadonlyMap<string, SendOutcome>) {
  const kinds = { change: 0, unchanged: 0, missing: 0, resumed: 0, refused: 0, created: 0, deleted: 0, ambiguous: 0 };
  for (const o of outcomes.values()) {
    if (o.kind === 'unchanged') kinds.unchanged++;
    else if (o.kind === 'resumed') kinds.resumed++;
    else if (o.kind === 'missing') kinds.missing++;
    else if (o.kind === 'refused') kinds.refused++;
    else if (o.kind === 'ambiguous') kinds.ambiguous++;
    else if (o.kind === 'created' && o.status === 'ok') kinds.created++;
    else if (o.kind === 'deleted' && o.status === 'ok') kinds.deleted++;
    else if (o.status === 'ok') kinds.change++;
  }
  return kinds;
}

function rowOutcomes(plan: Plan, sent: ReadonlyMap<string, SendOutcome>, limit: number | undefined, landed: string): RowOutcome[] {
  const outcomes = plan.outcomes.slice();
  for (const interview of plan.interviews) {
    if (!interview.body && !interview.patch) continue;
    const s = sent.get(interview.id);
    let outcome: RowOutcome;
    if (!s) outcome = { status: 'not_sent', error_code: 'RUN_LIMIT', message: `not sent: beyond --limit ${limit}` };
    else
      outcome = {
        status: s.status,
        feishu_id: s.feishuId,
        error_code: s.status === 'ok' || s.status === 'skipped' ? undefined : s.errorCode,
        message: s.status === 'ok' && s.message === 'ok' ? (s.kind === 'created' ? `created in Feishu as ${s.feishuId}` : s.kind === 'deleted' ? 'deleted: the undone run had created it' : landed) : s.message,
        http_status: s.httpStatus,
        log_id: s.logId,
        attempts: s.attempts,
      };
    if (s?.row !== undefined) {
      const blocked: RowOutcome = { status: 'blocked', error_code: 'ROW_BLOCKED', message: `not sent: row ${plan.table.rows[s.row]!.row} of interview ${interview.id} cannot be applied to its current record; fix it and import again` };
      for (const i of interview.rows) outcomes[i] = i === s.row ? { status: 'invalid', error_code: s.errorCode, message: s.message } : blocked;
      continue;
    }
    for (const i of interview.rows) outcomes[i] = outcome;
  }
  return outcomes;
}
