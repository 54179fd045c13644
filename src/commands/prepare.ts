import type { SendRunOptions } from './send-run-options.js';
import { OUTCOME } from '../run/outcome-messages.js';
import { say } from '../messages.js';
import type { InterviewBody } from '../feishu/body.js';
import type { InterviewApi } from '../feishu/interview-api.js';
import type { StoredRecord } from '../feishu/read-current.js';
import { canonicalBody } from '../plan/canonical.js';
import type { RemovalCounts } from '../plan/removals.js';
import type { Plan, SendablePlanned } from '../plan/types.js';
import {
  type DecideRules,
  type Decision,
  applicationOf,
  decideLegacy,
  decideUpdate,
  readsKeys,
} from '../run/decide.js';
import type { Prepared, SendItem } from '../run/dispatch.js';
import type { JournalState } from '../run/journal.js';
import type { EarlierRecords } from '../run/earlier-records.js';
import { withKnownKeys } from '../run/known-keys.js';
import { LegacyLookup } from '../run/legacy-lookup.js';
import { type Backup, type BackupEntry, type OnBatch, PreImages } from '../run/pre-images.js';
/** What each interview needs from the run before it is decided: its current record, or its legacy match. */
export function preparer(
  plan: Plan,
  items: readonly SendablePlanned[],
  run: {
    api: InterviewApi;
    options: Readonly<SendRunOptions>;
    previous?: JournalState;
    records?: EarlierRecords;
    /** Reads the records where none were read yet: a record read without keys needs them. */
    readRecords: () => Promise<EarlierRecords>;
    backup?: Backup;
    stopping: () => boolean;
  },
) {
  const { api, options, previous, backup, stopping } = run;
  const leaveOut = new Set(options.leaveOut ?? []);
  // Switched off in the preview: not read, so not backed up either.
  const needRead = readsNeeded(items, options, previous).filter((id) => !leaveOut.has(id));
  const read = new Set(needRead);
  const byId = new Map(items.map((p) => [p.id, p]));
  const lookup = new LegacyLookup(
    api,
    items
      .filter((p) => p.legacy)
      .map((p) => ({ application: applicationOf(p), key: p.legacy!.externalId, body: legacyBody(p) })),
    new Map(previous?.feishuIds ?? []),
    run.records,
    stopping,
    items.filter((p) => !p.legacy).map((p) => p.id),
  );
  const wouldSend = new Map<string, InterviewBody>();
  /** What each interview's body removes of what Feishu holds (a correction run's 删除 group). */
  const removing = new Map<string, RemovalCounts>();
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
  const decideRead = async (p: SendablePlanned, raw: StoredRecord | undefined) => {
    const current = await withKeysOf(p.id, raw);
    // An undo compares what Feishu shows: keys the records lend a keyless read prove nothing it holds.
    const keysUnread = p.kind === 'restore' && raw !== undefined && !readsKeys(raw);
    return { current, decision: decideUpdate(p, current, { ...rules(p, true), keysUnread }) };
  };
  const batches = batchDecider((id, raw) => decideRead(byId.get(id)!, raw), backup);
  const preImages = needRead.length > 0 ? new PreImages(api, needRead, stopping, batches.onBatch) : undefined;
  const prepare = async (item: SendItem): Promise<Prepared> => {
    const p = byId.get(item.id)!;
    // Switched off in the preview: nothing read, nothing written, nothing backed up.
    if (leaveOut.has(p.id)) return { done: { status: 'skipped', kind: 'left', message: say(OUTCOME.leftOut) } };
    let decision: Decision;
    if (p.legacy) {
      let match = await lookup.find(p.id, applicationOf(p), p.legacy.externalId, legacyBody(p));
      // A correction's key Feishu lacks may be a typo: the refusal names the keys near it.
      if (match.kind === 'absent' && p.kind === 'merge' && options.createMissing)
        match = { ...match, near: await lookup.nearKeys(applicationOf(p), p.legacy.externalId) };
      decision = decideLegacy(p, p.legacy.externalId, match, rules(p, true));
      if (match.kind === 'found') {
        // Read without keys, the pre-image carries the interview's own (the one it was found by), so undo keeps it.
        const record = match.keysUnread ? { ...match.record, external_id: p.legacy.externalId } : match.record;
        await own(backup, match.id, record, decision);
        if (decision.adopted) lookup.created(p.id, match.id);
      }
    } else {
      if (read.has(p.id)) {
        await preImages!.get(p.id);
        decision = await batches.take(p.id);
      } else decision = decideUpdate(p, undefined, rules(p, false));
    }
    if (decision.wouldSend) wouldSend.set(p.id, decision.wouldSend);
    if (decision.removed) removing.set(p.id, decision.removed);
    return decision.prepared;
  };
  // The reads the run plans: the pre-images' batches and a listing per application (at least).
  const plannedReads = (preImages?.batches ?? 0) + lookup.applications;
  return { prepare, lookup, wouldSend, removing, plannedReads };
}

/**
 * The interviews whose record is read before deciding: a plain import reads it so the key Feishu
 * holds is kept where the file leaves it blank (see keepKeys), and nothing the file does not name
 * is removed without --replace.
 */
function readsNeeded(
  items: readonly SendablePlanned[],
  options: Readonly<SendRunOptions>,
  previous: JournalState | undefined,
): string[] {
  return items
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
}

/**
 * Each read batch decided as a whole, and the backup lines of the interviews it will write put on
 * disk in one sync before any of them is sent (docs/run-files.md, "Backup lines"); `take` hands
 * an interview its decision.
 */
function batchDecider(
  decide: (id: string, raw: StoredRecord | undefined) => Promise<{ current?: StoredRecord; decision: Decision }>,
  backup: Backup | undefined,
) {
  const decided = new Map<string, Promise<Decision>>();
  const onBatch: OnBatch = async (ids, found) => {
    for (const id of ids) {
      const decision = decide(id, found.get(id)).then(({ current, decision }) => {
        const line = current && ownLine(id, current, decision);
        if (line) backup?.append(line);
        return decision;
      });
      // Awaited by the interview's own prepare, which reports its failure; none is left unhandled.
      decision.catch(() => {});
      decided.set(id, decision);
      await decision.catch(() => {});
      // A turn of the event loop between decisions: the pace gates' timers and the answers of
      // requests in flight are not held up by a whole batch's work at once.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await backup?.settle();
  };
  const take = (id: string): Promise<Decision> => {
    const decision = decided.get(id)!;
    decided.delete(id);
    return decision;
  };
  return { onBatch, take };
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
function ownLine(id: string, current: StoredRecord, decision: Decision): Omit<BackupEntry, 'run'> | undefined {
  const { prepared, adopted } = decision;
  const line = { external_interview_id: id, taken_at: new Date().toISOString() };
  if (adopted) return { ...line, body: adopted, created: true };
  if ('send' in prepared) return { ...line, body: canonicalBody(current), record: current, written: prepared.send };
  if ('remove' in prepared) return { ...line, body: canonicalBody(current), record: current, deleted: true };
  return undefined;
}

/** `ownLine`, written and synced on its own: an interview matched by its legacy key is not read in a batch. */
async function own(backup: Backup | undefined, id: string, current: StoredRecord, decision: Decision): Promise<void> {
  const line = backup && ownLine(id, current, decision);
  if (line) await backup!.write(line);
}

/** What a legacy interview is matched by where a read shows no keys: the file's body, or as much as a correction gives. */
function legacyBody(p: SendablePlanned): InterviewBody {
  return p.body ?? { external_application_id: applicationOf(p), external_id: p.legacy?.externalId };
}

/** The interviews to send: every one with something to send, up to `--limit`. */
export function sendable(plan: Plan, limit: number | undefined): SendablePlanned[] {
  const all = plan.interviews.filter((p): p is SendablePlanned => p.kind !== 'invalid');
  return limit === undefined ? all : all.slice(0, limit);
}
