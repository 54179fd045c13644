import { FILES } from '../report/messages.js';
import { OUTCOME } from '../plan/messages.js';
import { RUN } from '../run/messages.js';
import { say } from '../messages.js';
import { setMaxListeners } from 'node:events';
import { existsSync, rmSync, statSync, truncateSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ToolError } from '../errors.js';
import type { InterviewBody } from '../feishu/body.js';
import { resolveBaseUrl } from '../feishu/endpoints.js';
import type { ApiStats, InterviewApi } from '../feishu/interview-api.js';
import type { StoredRecord } from '../feishu/read-current.js';
import type { Lang } from '../lang.js';
import type { ImportArgs } from '../options.js';
import { canonicalBody } from '../plan/canonical.js';
import { type RemovalCounts, removesAnything } from '../plan/removals.js';
import type { Plan, SendablePlanned } from '../plan/types.js';
import { writeBodies } from '../report/payloads.js';
import { fileSha256, probeReport } from '../report/report-claim.js';
import { type KindCounts, countKinds, rowOutcomes } from '../run/run-outcomes.js';
import { finishRun } from '../report/finish-run.js';
import { createWith } from '../run/create-interview.js';
import { type DecideRules, type Decision, applicationOf, decideLegacy, decideUpdate } from '../run/decide.js';
import { type DispatchResult, type Prepared, type SendItem, dispatch } from '../run/dispatch.js';
import { type Journal, type JournalState, openJournal, readJournal } from '../run/journal.js';
import { journalPathFor } from '../run-paths.js';
import { type EarlierRecords, readEarlierRecords } from '../run/earlier-records.js';
import { withKnownKeys } from '../run/known-keys.js';
import { LegacyLookup } from '../run/legacy-lookup.js';
import { Backup, PreImages } from '../run/pre-images.js';
import { backupPathFor } from '../run-paths.js';
import { takeRunLock } from '../run/run-lock.js';
import { connect } from './connect.js';
import type { RunContext } from '../run/progress.js';
import type { RunResult } from '../report/run-result.js';

/** What a run says before its counts: what it read (or undoes), and its warnings. */
export interface RunHead {
  readonly lines: readonly string[];
  readonly warnings: readonly string[];
}

/** After Ctrl-C, requests in flight get this long to finish before they are cut off. */
const GRACE_MS = 10_000;

export type SendOptions = Pick<
  ImportArgs,
  | 'report'
  | 'concurrency'
  | 'rate'
  | 'retries'
  | 'timeoutMs'
  | 'limit'
  | 'resume'
  | 'domain'
  | 'baseUrl'
  | 'credentials'
  | 'dryRun'
  | 'payloads'
  | 'createMissing'
> & {
  /** Read and back up each interview before overwriting it (default on; `--no-backup`). */
  readonly backup: boolean;
  readonly merge: boolean;
  /** `--add-assessments`: a correction may add assessments and dimensions the interview lacks. */
  readonly addAssessments?: boolean;
  /** `--replace-assessments`: the file's assessments replace all current ones. */
  readonly replaceAssessments?: boolean;
  /** `--replace`: a plain import may remove what Feishu holds and the file does not name. */
  readonly replace?: boolean;
  /** The report's language: the run's (src/lang.ts). */
  readonly lang: Lang;
  /** False when the caller wants no report file (`report: false`); its path still names the journal and backup. */
  readonly reportFile: boolean;
  /** The line saying the report went beside the one asked for, which is the user's (src/report/report-claim.ts). */
  readonly reportBeside?: string;
  /** How the summary names the command: import, import --dry-run, undo. */
  readonly command: string;
  /** `--records`: folders (or files) of earlier runs beyond the report's own folder. */
  readonly records?: readonly string[];
};

/**
 * The sending half shared by `import` and `undo`: connect; open the journal and backup; for each
 * interview read what is needed and decide (`run/decide.ts`), apply (`dispatch`); then report.
 */
export async function sendPlan(
  plan: Plan,
  options: Readonly<SendOptions>,
  context: RunContext,
  head: RunHead,
): Promise<RunResult> {
  const started = Date.now();
  const interrupt = context.signal ?? new AbortController().signal;
  const previous = options.resume ? readJournal(journalPathFor(options.resume)) : undefined;
  const inputHash = fileSha256(plan.table.file);
  if (previous)
    checkResume(
      previous,
      { origin: resolveBaseUrl(options.domain, options.baseUrl).origin, appId: appIdOf(options), inputHash },
      options.resume!,
    );
  const hardStop = new AbortController();
  // Every request in flight listens on this signal; more than Node's default of 10 is expected.
  setMaxListeners(0, hardStop.signal);
  // A report that cannot be written (open in Excel/WPS) stops the run before its first request.
  if (options.reportFile) probeReport(options.report);
  // Wrong credentials stop the run here, before anything is read or written.
  const { base, client, api } = await connect(options, hardStop.signal, () => interrupt.aborted);
  let files: RunFiles | undefined;
  try {
    files = await openRunFiles(
      options,
      { started, previous, origin: base.origin, input: plan.table.file, inputHash },
      () => wroteAnything(api.stats),
    );
    const items = sendable(plan, options.limit);
    // Read once, before anything is sent: which legacy key is which interview, by the earlier runs.
    const readRecords = () => readEarlierRecords(dirname(resolve(options.report)), options.records);
    const records = items.some((p) => p.legacy) ? await readRecords() : undefined;
    const steps = preparer(plan, items, {
      api,
      options,
      previous,
      records,
      readRecords,
      backup: files.backup,
      stopping: () => interrupt.aborted,
    });
    const result = await dispatch(
      items.map((p) => ({ id: p.id })),
      {
        api,
        concurrency: options.concurrency,
        journal: files.journal,
        onProgress: context.onProgress,
        interrupt,
        hardStop,
        graceMs: GRACE_MS,
        prepare: steps.prepare,
        create: createWith(api, steps.lookup, files.backup, new Map(items.map((p) => [p.id, p])), 1 + options.retries),
      },
    );
    if (options.dryRun && options.payloads) {
      await writeBodies(
        options.payloads,
        plan.interviews
          .filter((p) => steps.wouldSend.has(p.id))
          .map((p) => ({ id: p.id, body: steps.wouldSend.get(p.id)! })),
      );
    }
    const keyless = steps.lookup.keyless ? say(RUN.readsWithoutKeys(records?.files ?? 0)) : undefined;
    return await reportRun(plan, options, {
      started,
      base,
      api,
      result,
      removals: steps.removals,
      files,
      head,
      keyless,
    });
  } finally {
    files?.close();
    if (interrupt.aborted) await client.destroy();
    else await client.close();
  }
}

/** What each interview needs from the run before it is decided: its current record, or its legacy match. */
function preparer(
  plan: Plan,
  items: readonly SendablePlanned[],
  run: {
    api: InterviewApi;
    options: Readonly<SendOptions>;
    previous?: JournalState;
    records?: EarlierRecords;
    /** Reads the records where none were read yet: a record read without keys needs them. */
    readRecords: () => Promise<EarlierRecords>;
    backup?: Backup;
    stopping: () => boolean;
  },
) {
  const { api, options, previous, backup, stopping } = run;
  // A plain import reads the record: the key Feishu holds is kept where the file leaves it blank
  // (see keepKeys), and nothing the file does not name is removed without --replace.
  const needRead = items
    .filter(
      (p) =>
        !p.legacy &&
        (p.kind === 'remove' ||
          options.backup ||
          options.merge ||
          previous?.inDoubt.has(p.id) ||
          (p.kind === 'replace' && (lacksKeys(p.body) || !options.replace))),
    )
    .map((p) => p.id);
  const preImages = needRead.length > 0 ? new PreImages(api, needRead, stopping) : undefined;
  const read = new Set(needRead);
  const byId = new Map(items.map((p) => [p.id, p]));
  const lookup = new LegacyLookup(
    api,
    items.filter((p) => p.legacy).map((p) => ({ application: applicationOf(p), body: legacyBody(p) })),
    new Map(previous?.feishuIds ?? []),
    run.records,
    stopping,
  );
  const wouldSend = new Map<string, InterviewBody>();
  const removals: RemovalCounts[] = [];
  const rules = (p: SendablePlanned, wasRead: boolean): DecideRules => ({
    plan,
    dryRun: options.dryRun,
    mustExist: wasRead && (options.backup || options.merge),
    addAssessments: Boolean(options.addAssessments),
    replaceAssessments: Boolean(options.replaceAssessments),
    replace: Boolean(options.replace),
    createMissing: Boolean(options.createMissing),
    landedHash: p.legacy ? undefined : previous?.landed.get(p.id),
    lostCreateHash: p.legacy ? previous?.inDoubtCreates.get(p.id) : undefined,
    lostPutHash: previous?.inDoubtCreates.has(p.id) ? undefined : previous?.inDoubt.get(p.id),
  });
  // A read without `external_id` gets the keys the tool's records say it wrote (docs/feishu-api.md,
  // "Batch query"): kept by a plain import, matched by a merge. Records are read once, on first need.
  let records = run.records ? Promise.resolve(run.records) : undefined;
  const withKeysOf = async (id: string, current: StoredRecord | undefined) => {
    if (!current || typeof current.external_id === 'string') return current;
    records ??= run.readRecords();
    return withKnownKeys(current, (await records).keysOf(id));
  };
  const prepare = async (item: SendItem): Promise<Prepared> => {
    const p = byId.get(item.id)!;
    let decision: Decision;
    if (p.legacy) {
      const match = await lookup.find(p.id, applicationOf(p), p.legacy.externalId, legacyBody(p));
      decision = decideLegacy(p, p.legacy.externalId, match, rules(p, true));
      if (match.kind === 'found') {
        // Read without keys, the pre-image carries the interview's own (the one it was found by), so undo keeps it.
        const record = match.keysUnread ? { ...match.record, external_id: p.legacy.externalId } : match.record;
        await own(backup, match.id, record, decision);
        if (decision.adopted) lookup.created(p.id, match.id);
      }
    } else {
      const current = read.has(p.id) ? await withKeysOf(p.id, await preImages!.get(p.id)) : undefined;
      decision = decideUpdate(p, current, rules(p, read.has(p.id)));
      if (current) await own(backup, p.id, current, decision);
    }
    if (decision.wouldSend) wouldSend.set(p.id, decision.wouldSend);
    if (decision.removed) removals.push(decision.removed);
    return decision.prepared;
  };
  return { prepare, lookup, wouldSend, removals };
}

/** A body that leaves out a key Feishu may hold: the interview's or an assessment's. */
function lacksKeys(body: InterviewBody): boolean {
  return body.external_id === undefined || (body.interview_assessments ?? []).some((a) => a.external_id === undefined);
}

/**
 * The backup line that makes an interview the run's own, on disk before its request goes out:
 * what it held and what the PUT sends, what a delete removes, or a lost-answer create the run
 * made. Interviews the run only reads get none: undo never touches them (docs/run-files.md).
 */
async function own(backup: Backup | undefined, id: string, current: StoredRecord, decision: Decision): Promise<void> {
  if (!backup) return;
  const { prepared, adopted } = decision;
  const line = { external_interview_id: id, taken_at: new Date().toISOString() };
  if (adopted) await backup.write({ ...line, body: adopted, created: true });
  else if ('send' in prepared)
    await backup.write({ ...line, body: canonicalBody(current), record: current, written: prepared.send });
  else if ('remove' in prepared)
    await backup.write({ ...line, body: canonicalBody(current), record: current, deleted: true });
}

/** What a legacy interview is matched by where a read shows no keys: the file's body, or as much as a correction gives. */
function legacyBody(p: SendablePlanned): InterviewBody {
  return p.body ?? { external_application_id: applicationOf(p), external_id: p.legacy?.externalId };
}

/** The interviews to send: every one with something to send, up to `--limit`. */
function sendable(plan: Plan, limit: number | undefined): SendablePlanned[] {
  const all = plan.interviews.filter((p): p is SendablePlanned => p.kind !== 'invalid');
  return limit === undefined ? all : all.slice(0, limit);
}

interface RunFiles {
  readonly journal?: Journal;
  readonly backup?: Backup;
  readonly journalPath: string;
  readonly backupPath: string;
  close(): void;
}

/**
 * The journal (every result, as it arrives), the backup (a line per interview the run writes, before its request) and
 * the lock that keeps a second run off both. A dry run writes nothing but its report.
 */
async function openRunFiles(
  options: Readonly<SendOptions>,
  run: { started: number; previous?: JournalState; origin: string; input: string; inputHash: string },
  wrote: () => boolean,
): Promise<RunFiles> {
  const journalPath = journalPathFor(options.report);
  const backupPath = backupPathFor(options.report);
  await mkdir(dirname(resolve(options.report)), { recursive: true });
  if (options.dryRun) return { journalPath, backupPath, close() {} };
  const unlock = takeRunLock(options.report);
  const closers: (() => void)[] = [];
  const close = () => {
    for (const c of closers.splice(0)) c();
    unlock();
  };
  try {
    const journal = openJournal(journalPath);
    closers.push(() => journal.close());
    // A --resume goes on with the run it resumes: one undo puts back what both overwrote.
    const runId = run.previous?.runId ?? new Date(run.started).toISOString();
    journal.write({
      t: 'run',
      at: new Date(run.started).toISOString(),
      input: resolve(run.input),
      report: resolve(options.report),
      command: options.command,
      run_id: runId,
      origin: run.origin,
      app_id: appIdOf(options),
      input_hash: run.inputHash,
    });
    if (!options.backup) return { journal, journalPath, backupPath, close };
    const sizeBefore = existsSync(backupPath) ? statSync(backupPath).size : undefined;
    const backup = Backup.open(backupPath, runId);
    closers.push(() => backup.close());
    // A run that wrote nothing (no PUT, create or delete) leaves the backup as it found it (so
    // `undo` still finds the last run that did change something), and says nothing of one.
    closers.push(() => {
      if (wrote() || backup.holdsAny) return;
      if (sizeBefore === undefined) rmSync(backupPath, { force: true });
      else truncateSync(backupPath, sizeBefore);
    });
    return { journal, backup, journalPath, backupPath, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** The report file, the summary lines and the result. */
async function reportRun(
  plan: Plan,
  options: Readonly<SendOptions>,
  run: {
    started: number;
    base: URL;
    api: InterviewApi;
    result: DispatchResult;
    removals: readonly RemovalCounts[];
    files: RunFiles;
    head: RunHead;
    /** How legacy interviews were found where reads carry no `external_id`. */
    keyless?: string;
  },
): Promise<RunResult> {
  const { api, result, files } = run;
  const { dryRun } = options;
  const backup = files.backup;
  const landed = say(OUTCOME.landed(backup ? basename(files.backupPath) : undefined));
  const outcomes = rowOutcomes(plan, result.outcomes, options.limit, landed);
  const elapsed = (Date.now() - run.started) / 1000;
  const { writes, creates, deletes } = api.stats;
  const reads = api.stats.requests - writes - api.stats.createAttempts - deletes;
  const rate = Number((Math.max(writes, creates) / Math.max(0.001, elapsed)).toFixed(2));
  const kinds = countKinds(result.outcomes);
  const wrote = wroteAnything(api.stats) || Boolean(backup?.holdsAny);
  const noBackup = !options.backup && !dryRun ? [say(RUN.noBackup)] : [];
  return finishRun({
    plan,
    outcomes,
    command: options.command,
    lang: options.lang,
    report: options.reportFile ? options.report : undefined,
    reportFacts: {
      origin: run.base.origin,
      elapsed_s: elapsed,
      requests: api.stats.requests,
      rate_per_s: rate,
      backup: backup ? resolve(files.backupPath) : null,
      journal: dryRun ? undefined : resolve(files.journalPath),
    },
    head: run.head.lines,
    warnings: [...run.head.warnings, ...noBackup],
    lines: runLines(options, { ...run, elapsed, kinds, reads, wrote }),
    beside: options.reportBeside,
    interrupted: result.interrupted,
    beyondLimit: outcomes.filter((o) => o.status === 'not_sent' && o.error_code === 'RUN_LIMIT').length,
    json: {
      origin: run.base.origin,
      requests: {
        puts: writes,
        creates,
        deletes,
        reads,
        rate_limited: api.stats.rateLimited,
        retried: api.stats.retried,
      },
      rate_per_s: rate,
      elapsed_s: Number(elapsed.toFixed(1)),
      interviews_by_kind: kinds,
      stopped_early: result.stopReason,
      paths: {
        journal: dryRun ? undefined : resolve(files.journalPath),
        backup: backup && wrote ? resolve(files.backupPath) : undefined,
      },
    },
  });
}

/** The summary's lines on what was sent, changed, skipped and where the files are. */
function runLines(
  options: Readonly<SendOptions>,
  run: {
    base: URL;
    api: InterviewApi;
    result: DispatchResult;
    removals: readonly RemovalCounts[];
    files: RunFiles;
    elapsed: number;
    kinds: KindCounts;
    reads: number;
    wrote: boolean;
    keyless?: string;
  },
): string[] {
  const { api, result, files, elapsed, kinds, reads } = run;
  const { dryRun } = options;
  const extra: string[] = [];
  const { writes, creates, deletes } = api.stats;
  const byCreate = creates > writes;
  extra.push(
    say(
      RUN.requests({
        dryRun,
        origin: run.base.origin,
        puts: writes,
        creates,
        deletes,
        reads,
        limited: api.stats.rateLimited,
        retried: api.stats.retried,
        pace: ((byCreate ? creates : writes) / Math.max(0.001, elapsed)).toFixed(1),
        unit: byCreate ? 'create' : 'PUT',
        seconds: elapsed.toFixed(1),
      }),
    ),
  );
  if (options.merge || dryRun || options.createMissing || kinds.created + kinds.ambiguous > 0) {
    const showCreated = kinds.created > 0 || Boolean(options.createMissing);
    extra.push(say(RUN.kinds({ dryRun, showCreated, ...kinds })));
  }
  if (options.command === 'undo') extra.push(...undoLines(run.wrote, kinds, result));
  if (kinds.deleted > 0) extra.push(say(RUN.deleted(kinds.deleted)));
  const removed = run.removals.reduce(
    (t, r) => ({
      values: t.values + r.values,
      assessments: t.assessments + r.assessments,
      dimensions: t.dimensions + r.dimensions,
    }),
    { values: 0, assessments: 0, dimensions: 0 },
  );
  if (removesAnything(removed)) extra.push(say(RUN.removed({ dryRun, ...removed })));
  const blocked = [...result.outcomes.values()].filter((o) => o.errorCode === 'RUN_WOULD_REMOVE').length;
  if (blocked > 0) extra.push(say(RUN.wouldRemoveBlocked(blocked)));
  if (kinds.resumed > 0) extra.push(say(RUN.resumed(kinds.resumed)));
  if (result.stopReason) extra.push(say(RUN.stoppedEarly(result.stopReason)));
  if (result.interrupted) extra.push(say(RUN.interrupted));
  if (run.keyless) extra.push(run.keyless);
  if (files.backup && run.wrote) {
    extra.push(
      say(RUN.backup({ path: resolve(files.backupPath), run: files.backup.runId, relative: files.backupPath })),
    );
  }
  if (!dryRun) extra.push(say(RUN.journal(resolve(files.journalPath))));
  return extra;
}

/** What an undo did, and plainly when there was nothing left to undo (a run undone twice). */
function undoLines(wrote: boolean, kinds: KindCounts, result: DispatchResult): string[] {
  const lines = [say(RUN.undone({ restored: kinds.changed, already: kinds.unchanged, refused: kinds.refused }))];
  const troubled = [...result.outcomes.values()].some((o) => o.status !== 'ok' && o.status !== 'skipped');
  if (!wrote && !troubled && result.outcomes.size > 0) lines.push(say(RUN.nothingToUndo));
  return lines;
}

const appIdOf = (o: Readonly<SendOptions>) => (o.credentials?.kind === 'app' ? o.credentials.appId : undefined);

/**
 * A journal says what landed where, from which file: resuming it against another service, app or
 * input would skip what never landed there. Refused, saying which differs (journals written
 * before these were recorded are taken as they are).
 */
function checkResume(
  previous: JournalState,
  now: { origin: string; appId?: string; inputHash: string },
  report: string,
): void {
  const differs: string[] = [];
  if (previous.origin && previous.origin !== now.origin)
    differs.push(say(FILES.sentTo({ before: previous.origin, now: now.origin })));
  if (previous.appId && now.appId && previous.appId !== now.appId)
    differs.push(say(FILES.usedApp({ before: previous.appId, now: now.appId })));
  if (previous.inputHash && previous.inputHash !== now.inputHash) differs.push(say(FILES.inputChanged));
  if (differs.length === 0) return;
  throw new ToolError('RESUME_MISMATCH', say(FILES.resumeMismatch({ report, differs: differs.join('; ') })), {
    file: report,
  });
}

const wroteAnything = (s: ApiStats) => s.writes + s.createAttempts + s.deletes > 0;
