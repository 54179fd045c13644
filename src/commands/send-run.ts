import type { SendRunOptions } from './send-run-options.js';
import { type RunFiles, appIdOf, checkResume, openRunFiles, wroteAnything } from './run-files.js';
import { preparer, sendable } from './prepare.js';
import { OUTCOME } from '../run/outcome-messages.js';
import { RUN } from '../run/messages.js';
import { say } from '../messages.js';
import { setMaxListeners } from 'node:events';
import { basename, dirname, resolve } from 'node:path';
import { resolveBaseUrl } from '../feishu/endpoints.js';
import type { InterviewApi } from '../feishu/interview-api.js';
import { type RemovalCounts, removesAnything } from '../plan/removals.js';
import type { Plan, SendablePlanned } from '../plan/types.js';
import { type CallCounts, paceLine } from '../feishu/estimate.js';
import { FEISHU_RATE } from '../feishu/rate-gate.js';
import { writeBodies } from '../report/payloads.js';
import { fileSha256, probeReport } from '../report/report-claim.js';
import { type KindCounts, countKinds, rowOutcomes } from '../run/run-outcomes.js';
import { finishRun } from '../report/finish-run.js';
import { correctionChanges } from '../run/correction-changes.js';
import { createWith } from '../run/create-interview.js';
import { type DispatchResult, type SendOutcome, dispatch } from '../run/dispatch.js';
import { type JournalState, readJournal } from '../run/journal.js';
import { journalPathFor } from '../run-paths.js';
import { readEarlierRecords } from '../run/earlier-records.js';
import { proveIds } from '../run/prove-ids.js';
import { connect } from './connect.js';
import type { RunContext } from '../run/progress.js';
import type { RunResult } from '../report/run-result.js';
import { type Warning, warning } from '../warnings.js';

/** What a run says before its counts: what it read (or undoes), and its warnings. */
export interface RunHead {
  readonly lines: readonly string[];
  readonly warnings: readonly Warning[];
  /** An undo: the backup's interviews it leaves alone before reading anything (the run did not own them). */
  readonly undo?: UndoLeftAlone;
}

/** The interviews of an undone run that undo leaves alone by the backup alone. */
export interface UndoLeftAlone {
  /** The run read them (a backup of an earlier version) but wrote none. */
  onlyRead: number;
  /** The run deleted them (an undo of a create): undo does not create them again. */
  deletedByRun: number;
}

/** After Ctrl-C, requests in flight get this long to finish before they are cut off. */
const GRACE_MS = 10_000;

/**
 * The sending half shared by `import` and `undo`: connect; open the journal and backup; for each
 * interview read what is needed and decide (`run/decide.ts`), apply (`dispatch`); then report.
 */
export async function sendPlan(
  given: Plan,
  options: Readonly<SendRunOptions>,
  context: RunContext,
  head: RunHead,
): Promise<RunResult> {
  const started = Date.now();
  const interrupt = context.signal ?? new AbortController().signal;
  const previous = options.resume ? readJournal(journalPathFor(options.resume)) : undefined;
  const inputHash = fileSha256(given.table.file);
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
  const { base, client, api } = await connect(
    options,
    hardStop.signal,
    () => interrupt.aborted,
    context.waitWhileUnreachable,
  );
  let files: RunFiles | undefined;
  try {
    files = await openRunFiles(
      options,
      {
        started,
        previous,
        origin: base.origin,
        input: given.table.file,
        inputHash,
        profile: given.table.profile?.content,
      },
      () => wroteAnything(api.stats),
    );
    // Read once, before anything is sent: which legacy key is which interview, by the earlier runs.
    const readRecords = () => readEarlierRecords(dirname(resolve(options.report)), options.records, given.mapping);
    const records = sendable(given, options.limit).some((p) => p.legacy) ? await readRecords() : undefined;
    // A correction by legacy key alone is the interview the records prove (run/prove-ids.ts).
    const plan = proveIds(given, records);
    const items = sendable(plan, options.limit);
    const steps = preparer(plan, items, {
      api,
      options,
      previous,
      records,
      readRecords,
      backup: files.backup,
      stopping: () => interrupt.aborted,
    });
    context.onStart?.(say(paceLine(startCounts(items, options, steps.plannedReads), paceOf(options), 'upTo')));
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
        earlier: previous ? landedEarlier(previous) : undefined,
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
      removals: [...steps.removing.values()],
      removing: new Set(steps.removing.keys()),
      files,
      head,
      keyless,
      interrupt,
    });
  } finally {
    files?.close();
    if (interrupt.aborted) await client.destroy();
    else await client.close();
  }
}

/** An interview the resumed run's journal says landed: `ok`, with the Feishu id that run learnt. */
function landedEarlier(previous: JournalState): (id: string) => SendOutcome | undefined {
  return (id) =>
    previous.landed.has(id)
      ? { status: 'ok', kind: 'earlier', feishuId: previous.feishuIds.get(id), message: say(OUTCOME.landedEarlier) }
      : undefined;
}

/** The report file, the summary lines and the result. */
async function reportRun(
  plan: Plan,
  options: Readonly<SendRunOptions>,
  run: {
    started: number;
    base: URL;
    api: InterviewApi;
    result: DispatchResult;
    removals: readonly RemovalCounts[];
    removing: ReadonlySet<string>;
    files: RunFiles;
    head: RunHead;
    /** How legacy interviews were found where reads carry no `external_id`. */
    keyless?: string;
    interrupt: AbortSignal;
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
  const noBackup = !options.backup && !dryRun ? [warning('RUN_NO_BACKUP', say(RUN.noBackup), {})] : [];
  return finishRun({
    plan,
    outcomes,
    command: options.command,
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
    lines: runLines(options, { ...run, elapsed, kinds, reads, wrote, planned: plan.interviews.length }),
    beside: options.reportBeside,
    interrupted: result.interrupted,
    beyondLimit: outcomes.filter((o) => o.status === 'not_sent' && o.errorCode === 'RUN_LIMIT').length,
    json: {
      origin: run.base.origin,
      requests: {
        puts: writes,
        // The journal's truth: a create whose answer was lost and that was found landed counts.
        creates: options.dryRun ? 0 : kinds.created,
        create_attempts: api.stats.createAttempts,
        deletes,
        reads,
        rate_limited: api.stats.rateLimited,
        retried: api.stats.retried,
      },
      rate_per_s: rate,
      elapsed_s: Number(elapsed.toFixed(1)),
      interviews_by_kind: kinds,
      changes:
        options.correct || run.head.undo
          ? correctionChanges(plan, result.outcomes, outcomes, run.removing, Boolean(run.head.undo))
          : undefined,
      undo: run.head.undo
        ? undoJson(undoCounts({ kinds, result, planned: plan.interviews.length }, run.head.undo))
        : undefined,
      stopped_early:
        result.stopReason ?? (result.interrupted ? say(RUN.interruptedBy(interruptReason(run.interrupt))) : undefined),
      paths: {
        journal: dryRun ? undefined : resolve(files.journalPath),
        backup: backup && wrote ? resolve(files.backupPath) : undefined,
      },
    },
  });
}

/** What aborted the run's signal, where the caller said (the CLI says which signal: `SIGTERM`). */
function interruptReason(signal: AbortSignal): string | undefined {
  return typeof signal.reason === 'string' ? signal.reason : undefined;
}

/** The summary's lines on what was sent, changed, skipped and where the files are. */
function runLines(
  options: Readonly<SendRunOptions>,
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
    head: RunHead;
    /** The interviews the plan sends (some may be beyond --limit). */
    planned: number;
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
        creates: dryRun ? 0 : kinds.created,
        posts: api.stats.createAttempts,
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
  const undo = run.head.undo;
  if (!undo && (options.merge || dryRun || options.createMissing || kinds.created + kinds.ambiguous > 0)) {
    const showCreated = kinds.created > 0 || Boolean(options.createMissing);
    extra.push(say(RUN.kinds({ dryRun, showCreated, ...kinds })));
  }
  if (dryRun) {
    const counts = { creates: kinds.created, puts: kinds.changed, deletes: kinds.deleted, reads };
    extra.push(say(paceLine(counts, paceOf(options), 'dryRun')));
  }
  if (undo) extra.push(...undoLines({ ...run, dryRun }, undo));
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
  if (kinds.earlier > 0) extra.push(say(RUN.landedEarlier(kinds.earlier)));
  if (result.stopReason) extra.push(say(RUN.stoppedEarly(result.stopReason)));
  if (result.interrupted) extra.push(say(RUN.interrupted()));
  if (run.keyless) extra.push(run.keyless);
  if (files.backup && run.wrote) {
    extra.push(
      say(RUN.backup({ path: resolve(files.backupPath), run: files.backup.runId, relative: files.backupPath })),
    );
  }
  if (!dryRun) extra.push(say(RUN.journal(resolve(files.journalPath))));
  return extra;
}

/** What an undo did (or, dry, would do) with each interview of the run, each counted once: they add up to `total`. */
export interface UndoCounts {
  readonly total: number;
  readonly restored: number;
  readonly deleted: number;
  readonly already: number;
  readonly gone: number;
  /** Changed since the undone run (`UNDO_CHANGED_SINCE`), or deleted since: nothing of it is written. */
  readonly changedSince: number;
  readonly onlyRead: number;
  readonly deletedByRun: number;
  readonly failed: number;
  readonly notSent: number;
}

function undoCounts(
  run: { kinds: KindCounts; result: DispatchResult; planned: number },
  alone: UndoLeftAlone,
): UndoCounts {
  const { kinds } = run;
  const sent = [...run.result.outcomes.values()];
  return {
    total: run.planned + alone.onlyRead + alone.deletedByRun,
    restored: kinds.changed,
    deleted: kinds.deleted,
    already: kinds.unchanged,
    gone: kinds.gone,
    changedSince: kinds.refused + kinds.missing,
    ...alone,
    failed: sent.filter((o) => o.status === 'failed' && o.kind !== 'refused' && o.kind !== 'missing').length,
    // Interviews never reached (an interrupt, --limit) are not sent, as are those the stop left.
    notSent: run.planned - run.result.outcomes.size + sent.filter((o) => o.status === 'not_sent').length,
  };
}

/** `--json`'s `undo`: the summary line's counts under the names a scheduler reads. */
function undoJson(c: UndoCounts) {
  return {
    interviews: c.total,
    restored: c.restored,
    deleted: c.deleted,
    already_as_before: c.already,
    already_gone: c.gone,
    left_alone: c.changedSince + c.onlyRead + c.deletedByRun,
    left_alone_why: { changed_since: c.changedSince, only_read: c.onlyRead, deleted_by_run: c.deletedByRun },
    failed: c.failed,
    not_sent: c.notSent,
  };
}

/** The undo's counts, and plainly when there was nothing left to undo (a run undone twice). */
function undoLines(
  run: { kinds: KindCounts; result: DispatchResult; wrote: boolean; planned: number; dryRun: boolean },
  alone: UndoLeftAlone,
): string[] {
  const { result } = run;
  const sent = [...result.outcomes.values()];
  const lines = [say(RUN.undone({ dryRun: run.dryRun, ...undoCounts(run, alone) }))];
  const troubled = sent.some((o) => o.status !== 'ok' && o.status !== 'skipped');
  if (!run.dryRun && !run.wrote && !troubled && result.outcomes.size > 0) lines.push(say(RUN.nothingToUndo));
  return lines;
}

/** The pace each API starts at: `--rate`, else Feishu's limit. */
const paceOf = (options: Readonly<SendRunOptions>) => options.rate ?? FEISHU_RATE;

/** The most a run may send, by API, before it has read anything: an interview found unchanged is not written. */
function startCounts(items: readonly SendablePlanned[], options: Readonly<SendRunOptions>, reads: number): CallCounts {
  let puts = 0;
  let createsOrPuts = 0;
  let deletes = 0;
  for (const p of items) {
    if (p.kind === 'remove') deletes++;
    else if (p.legacy && options.createMissing) createsOrPuts++;
    else puts++;
  }
  return options.dryRun ? { reads } : { puts, createsOrPuts, deletes, reads };
}
