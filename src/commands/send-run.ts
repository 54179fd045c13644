import type { SendRunOptions } from './send-run-options.js';
import { type RunFiles, appIdOf, checkResume, openRunFiles, wroteAnything } from './run-files.js';
import { preparer, sendable } from './prepare.js';
import { OUTCOME } from '../plan/messages.js';
import { RUN } from '../run/messages.js';
import { say } from '../messages.js';
import { setMaxListeners } from 'node:events';
import { basename, dirname, resolve } from 'node:path';
import { resolveBaseUrl } from '../feishu/endpoints.js';
import type { InterviewApi } from '../feishu/interview-api.js';
import { type RemovalCounts, removesAnything } from '../plan/removals.js';
import type { Plan } from '../plan/types.js';
import { writeBodies } from '../report/payloads.js';
import { fileSha256, probeReport } from '../report/report-claim.js';
import { type KindCounts, countKinds, rowOutcomes } from '../run/run-outcomes.js';
import { finishRun } from '../report/finish-run.js';
import { createWith } from '../run/create-interview.js';
import { type DispatchResult, dispatch } from '../run/dispatch.js';
import { readJournal } from '../run/journal.js';
import { journalPathFor } from '../run-paths.js';
import { readEarlierRecords } from '../run/earlier-records.js';
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

/**
 * The sending half shared by `import` and `undo`: connect; open the journal and backup; for each
 * interview read what is needed and decide (`run/decide.ts`), apply (`dispatch`); then report.
 */
export async function sendPlan(
  plan: Plan,
  options: Readonly<SendRunOptions>,
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
      {
        started,
        previous,
        origin: base.origin,
        input: plan.table.file,
        inputHash,
        profile: plan.table.profile?.content,
      },
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
    beyondLimit: outcomes.filter((o) => o.status === 'not_sent' && o.errorCode === 'RUN_LIMIT').length,
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
