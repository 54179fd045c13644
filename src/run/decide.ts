import { OUTCOME } from './outcome-messages.js';
import { col, say } from '../messages.js';
import { type Column, type FieldSpec, INTERVIEW_VALUES, type InterviewValueColumn } from '../schema.js';
import type { InterviewBody } from '../feishu/body.js';
import type { StoredRecord } from '../feishu/read-current.js';
import { bodyHash, canonicalBody } from '../plan/canonical.js';
import { checkMergedBody } from '../plan/check-body.js';
import { keepKeys } from '../plan/keep-keys.js';
import { type MergeRefusal, diffText, fieldChanges, mergeBody } from '../plan/merge.js';
import { columnsOf } from '../input/table.js';
import {
  type RemovalCounts,
  type Removals,
  countRemovals,
  removalsBetween,
  removesAnything,
} from '../plan/removals.js';
import type { InterviewPatch, Plan, SendablePlanned } from '../plan/types.js';
import type { Prepared, SendOutcome } from './dispatch.js';
import { type LegacyMatch, withoutKeys } from './legacy-lookup.js';
import { keepWrittenKeys, undoMerge } from './undo-merge.js';

/**
 * What to call for each interview, decided from the plan and the current record alone: pure
 * functions, tested in-process. The run reads (`PreImages`, `LegacyLookup`), asks here, and
 * hands the decision to `dispatch`.
 */

export interface DecideRules {
  readonly plan: Plan;
  readonly dryRun: boolean;
  /** A current record was read on purpose (backup or merge): without one the interview is missing. */
  readonly mustExist: boolean;
  readonly addAssessments: boolean;
  readonly replaceAssessments: boolean;
  /** `--replace`: the file is the whole truth for the interviews it names; it may remove what Feishu holds. */
  readonly replace?: boolean;
  readonly createMissing: boolean;
  /** The hash the journal of the resumed run says landed for this interview, if any. */
  readonly landedHash?: string;
  /** The hash of a create the resumed run sent for this legacy key without an answer, if any. */
  readonly lostCreateHash?: string;
  /** The hash of a PUT the resumed run sent without an answer: found landed, it is that run's, not unchanged. */
  readonly lostPutHash?: string;
  /** The current record was read without `external_id`: bodies are compared with the keys left out. */
  readonly keysUnread?: boolean;
}

/** The decision, and what a dry run or the summary needs to know of it. */
export interface Decision {
  readonly prepared: Prepared;
  /** Dry run: the body that would be sent or created (for `--payloads`). */
  readonly wouldSend?: InterviewBody;
  /** What the body removes of what Feishu holds, asked for (`--replace`, `--replace-assessments`, `<clear>`). */
  readonly removed?: RemovalCounts;
  /** A create of the resumed run whose answer was lost, found landed: the run created it, with this body. */
  readonly adopted?: InterviewBody;
}

const done = (outcome: SendOutcome, hash?: string): Decision => ({ prepared: { done: outcome, hash } });

/** An interview named by its Feishu id: PUT its body (merged under `--merge`) unless nothing would change. */
export function decideUpdate(p: SendablePlanned, current: StoredRecord | undefined, rules: DecideRules): Decision {
  if (p.kind === 'remove') return decideRemove(p.id, p.body, current, rules.dryRun);
  if (p.kind === 'restore' && p.written && current) return decideRestore(p.id, p.body, p.written, current, rules);
  if (!current && rules.mustExist) {
    return done({
      status: 'failed',
      kind: 'missing',
      errorCode: 'RUN_NOT_FOUND',
      message: say(OUTCOME.missing(p.id)),
    });
  }
  const built = bodyFor(p, current ?? {}, rules);
  if ('refusal' in built) return done(refusedOutcome(built.refusal));
  const { body } = built;
  const hash = bodyHash(body);
  // Without a read, the journal decides; with one, what Feishu holds does (it may have changed since).
  if (rules.landedHash === hash && !current)
    return done({ status: 'skipped', kind: 'resumed', message: say(OUTCOME.resumed()) }, hash);
  if (!current)
    return rules.dryRun
      ? {
          prepared: { done: { status: 'ok', kind: 'changed', message: say(OUTCOME.wouldBeSent) } },
          wouldSend: withAssessmentList(body),
        }
      : { prepared: { send: withAssessmentList(body), hash } };
  const before = canonicalBody(current);
  const landedBefore = rules.landedHash === hash || rules.lostPutHash === hash;
  // A read without the keys cannot show them: compared without, and the file's keys go in the PUT.
  const seen = rules.keysUnread ? withoutKeys : (b: InterviewBody) => b;
  // Without keysUnread, `seen` is the body itself, whose hash is `hash` already (hashing is most of a decision's cost).
  if (bodyHash(seen(before)) === (rules.keysUnread ? bodyHash(seen(body)) : hash))
    return done(
      {
        status: 'skipped',
        kind: landedBefore ? 'resumed' : 'unchanged',
        message: say(landedBefore ? OUTCOME.resumed() : OUTCOME.unchanged),
      },
      hash,
    );
  const removals = removalsBetween(seen(before), seen(body));
  const unasked = unaskedRemovals(p, removals, rules);
  if (unasked) return done(wouldRemoveOutcome(unasked));
  const counts = countRemovals(removals);
  const removed = removesAnything(counts) ? { removed: counts } : {};
  if (rules.dryRun) {
    const fields = fieldChanges(seen(before), seen(body));
    const message = say(OUTCOME.wouldChange(diffText(fields, rules.plan.zone).join('; ')));
    return {
      prepared: { done: { status: 'ok', kind: 'changed', message, fields } },
      wouldSend: withAssessmentList(body),
      ...removed,
    };
  }
  return { prepared: { send: withAssessmentList(body), hash }, ...removed };
}

/**
 * What a body would remove that the user did not ask to, unless `--replace`: a plain import
 * asks only by `<clear>` cells; a merge by `<clear>` cells, by `<clear>` in 面试官 (that
 * assessment and its dimensions) and by `--replace-assessments`. Whatever the dry run would
 * count as removed is one of these or refused here.
 */
function unaskedRemovals(p: SendablePlanned, removals: Removals, rules: DecideRules): Removals | undefined {
  if (rules.replace || (p.kind !== 'replace' && p.kind !== 'merge')) return undefined;
  const merge = p.kind === 'merge' ? p : undefined;
  const cleared = new Set<string>(merge ? merge.patch.clear : 'cleared' in p ? (p.cleared?.fields ?? []) : []);
  let unasked: Removals = { ...removals, values: removals.values.filter((v) => !cleared.has(v)) };
  if (merge) {
    const asked = rules.replaceAssessments
      ? Number.POSITIVE_INFINITY
      : (merge.patch.assessments ?? []).filter((a) => a.remove).length;
    const gone = removals.assessments.length <= asked ? removals.assessments : [];
    const ofGone = (d: string) => gone.some((a) => d.startsWith(`${a} `));
    unasked = {
      // `--replace-assessments` asks for what the replaced assessments held (`#1 张三 content`).
      values: unasked.values.filter((v) => !(rules.replaceAssessments && v.startsWith('#'))),
      assessments: removals.assessments.filter((a) => !gone.includes(a)),
      dimensions: rules.replaceAssessments ? [] : removals.dimensions.filter((d) => !ofGone(d)),
    };
  }
  return removesAnything(countRemovals(unasked)) ? unasked : undefined;
}

/** Blocked: the interview is left as it is, and the message names what would go and both ways forward. */
function wouldRemoveOutcome(r: Removals): SendOutcome {
  const none = say(OUTCOME.nothingNamed);
  const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : none);
  return {
    status: 'failed',
    kind: 'refused',
    errorCode: 'RUN_WOULD_REMOVE',
    message: say(
      OUTCOME.wouldRemove({
        values: list(r.values),
        assessments: list(r.assessments),
        dimensions: list(r.dimensions),
      }),
    ),
  };
}

/** Undo of a create: delete the interview only while it holds exactly what the undone run created. */
function decideRemove(
  id: string,
  created: InterviewBody,
  current: StoredRecord | undefined,
  dryRun: boolean,
): Decision {
  const hash = bodyHash(created);
  if (!current) return done({ status: 'skipped', kind: 'gone', message: say(OUTCOME.alreadyGone) });
  if (!holds(current, created)) {
    return done({
      status: 'failed',
      kind: 'refused',
      errorCode: 'UNDO_CHANGED_SINCE',
      message: say(OUTCOME.changedSince({ id, dryRun })),
    });
  }
  if (dryRun) return done({ status: 'ok', kind: 'deleted', message: say(OUTCOME.wouldDelete) });
  return { prepared: { remove: id, hash } };
}

/**
 * Undo of a write: Feishu holding what the run wrote gets the state before back; holding the
 * state before, it is left alone; changed since, the run's own changes are undone where nothing
 * changed them again (`undoMerge`), and the interview is refused where something did.
 */
function decideRestore(
  id: string,
  before: InterviewBody,
  written: InterviewBody,
  current: StoredRecord,
  rules: DecideRules,
): Decision {
  // A read without the keys shows none (those the records give it are no proof of what Feishu
  // holds): what the run wrote is compared, and merged, as it would read; the keys go back after.
  const keyed = !rules.keysUnread && readsKeys(current);
  const seen = keyed ? (b: InterviewBody) => b : withoutKeys;
  const now = seen(canonicalBody(current));
  const already = () =>
    done({ status: 'skipped', kind: 'unchanged', message: say(OUTCOME.alreadyBefore) }, bodyHash(now));
  if (bodyHash(now) === bodyHash(seen(before))) return already();
  let body = before;
  if (bodyHash(now) !== bodyHash(seen(written))) {
    const merged = undoMerge(seen(before), seen(written), now);
    if (merged.kind === 'conflict') {
      const fields = merged.conflicts.map((c) => `${c.field} (${c.now})`).join('; ');
      return done({
        status: 'failed',
        kind: 'refused',
        errorCode: 'UNDO_CHANGED_SINCE',
        message: say(OUTCOME.writtenChangedSince({ id, fields, dryRun: rules.dryRun })),
      });
    }
    body = merged.body;
    if (bodyHash(body) === bodyHash(now)) return already();
  }
  // Every key the before-image carried goes back; where it carried none, the one the run wrote
  // is kept (nothing says which Feishu held before, and a re-run finds the interview by it).
  if (!keyed) body = keepWrittenKeys(keepWrittenKeys(body, before), written);
  const sent = withAssessmentList(body);
  if (rules.dryRun) {
    const fields = fieldChanges(now, seen(body));
    const message = say(OUTCOME.wouldRestore(diffText(fields, rules.plan.zone).join('; ')));
    return { prepared: { done: { status: 'ok', kind: 'changed', message, fields } }, wouldSend: sent };
  }
  return { prepared: { send: sent, hash: bodyHash(body) } };
}

/**
 * A PUT body says its assessments even when there are none (`[]`): the PUT overwrites the whole
 * interview, and a list left out could be read as "keep the ones held" (docs/feishu-api.md, "Update").
 */
export function withAssessmentList(body: InterviewBody): InterviewBody {
  return body.interview_assessments === undefined ? { ...body, interview_assessments: [] } : body;
}

/** Whether a read shows the legacy keys (`external_id`): Feishu's reads may leave them out (docs/feishu-api.md). */
export function readsKeys(record: StoredRecord): boolean {
  const assessments = Array.isArray(record.interview_assessments) ? record.interview_assessments : [];
  return typeof record.external_id === 'string' || assessments.some((a) => typeof a?.external_id === 'string');
}

/** Feishu holds exactly `body`, as far as its read shows: without the keys when it shows none. */
function holds(record: StoredRecord, body: InterviewBody): boolean {
  const held = canonicalBody(record);
  return readsKeys(record)
    ? bodyHash(held) === bodyHash(body)
    : bodyHash(held) === bodyHash(withoutKeys(canonicalBody(body as unknown as Record<string, unknown>)));
}

/**
 * An interview the file names by its legacy key (`external_id`, no Feishu id): found in Feishu,
 * it is updated like any other (skipped when unchanged); absent, it is created with
 * `--create-missing`, else reported missing; found twice, or not told apart from an interview no
 * record accounts for, it is reported and left alone.
 */
export function decideLegacy(p: SendablePlanned, externalId: string, match: LegacyMatch, rules: DecideRules): Decision {
  const application = applicationOf(p);
  if (match.kind === 'ambiguous') {
    const message = say(
      OUTCOME.ambiguous({ externalId, count: match.ids.length, application, ids: match.ids.join(', ') }),
    );
    return done({ status: 'failed', kind: 'ambiguous', errorCode: 'RUN_EXTERNAL_ID_AMBIGUOUS', message });
  }
  if (match.kind === 'untold') {
    const ids = match.ids.join(', ');
    const message = say(
      match.twins
        ? OUTCOME.twins({ keys: match.twins.map((k) => JSON.stringify(k)).join(', '), application, ids })
        : OUTCOME.untold({ externalId, application, ids }),
    );
    return done({ status: 'failed', kind: 'ambiguous', errorCode: 'RUN_CANNOT_TELL_APART', message });
  }
  const note = match.gone ? say(OUTCOME.recordGone({ application, ids: match.gone.join(', ') })) : undefined;
  if (match.kind === 'absent') return withNote(decideCreate(p, application, externalId, match, rules), note);
  const adopted = rules.lostCreateHash ? lostCreate(p, application, match, rules) : undefined;
  if (adopted) return adopted;
  // The read shows no keys: the interview's own is the file's (the assessments' come with the file's body).
  const record = match.keysUnread ? { ...match.record, external_id: externalId } : match.record;
  const decision = decideUpdate(p, record, { ...rules, mustExist: true, keysUnread: match.keysUnread });
  const { prepared } = decision;
  if ('done' in prepared)
    return withNote({ ...decision, prepared: { ...prepared, done: { ...prepared.done, feishuId: match.id } } }, note);
  if ('send' in prepared) return withNote({ ...decision, prepared: { ...prepared, to: match.id } }, note);
  return decision;
}

/**
 * The resumed run sent a create for this key and lost its answer; Feishu holds an interview with
 * exactly that body: the create landed, and the run created it (undo deletes it). docs/run-files.md.
 */
function lostCreate(
  p: SendablePlanned,
  application: string,
  match: Extract<LegacyMatch, { kind: 'found' }>,
  rules: DecideRules,
): Decision | undefined {
  const built = bodyFor(p, { external_application_id: application }, rules);
  if ('refusal' in built || bodyHash(built.body) !== rules.lostCreateHash) return undefined;
  if (!holds(match.record, built.body)) return undefined;
  const outcome: SendOutcome = {
    status: 'ok',
    kind: 'created',
    landed: true,
    feishuId: match.id,
    note: say(OUTCOME.createdBeforeInterrupt),
    message: 'ok',
  };
  return { prepared: { done: outcome, hash: bodyHash(built.body) }, adopted: built.body };
}

/** Says what the records named that Feishu no longer holds: on the write's note, or after the outcome's message. */
function withNote(decision: Decision, note: string | undefined): Decision {
  const { prepared } = decision;
  if (note === undefined || 'remove' in prepared) return decision;
  if ('done' in prepared) {
    // The facts no longer say the whole message: a caller with words of its own shows the message.
    const { fields: _partial, ...done } = prepared.done;
    return { ...decision, prepared: { ...prepared, done: { ...done, message: `${done.message} (${note})` } } };
  }
  return { ...decision, prepared: { ...prepared, note } };
}

/**
 * What a correction's rows leave out that a new interview needs (`--merge --create-missing`):
 * the values the field list marks `neededToCreate` (its status and times), and each assessment's interviewer, the columns the template marks
 * required for a new interview. A row that gives only a conclusion under a mistyped key is a
 * correction gone astray, not an interview to create.
 */
export function newInterviewGaps(patch: InterviewPatch): Column[] {
  const out: Column[] = [];
  for (const f of INTERVIEW_VALUES as readonly FieldSpec[])
    if (f.neededToCreate && patch.set[f.column as InterviewValueColumn] === undefined) out.push(f.column as Column);
  if ((patch.assessments ?? []).some((a) => !a.remove && a.username === undefined)) out.push('username');
  return out;
}

function decideCreate(
  p: SendablePlanned,
  application: string,
  externalId: string,
  match: Extract<LegacyMatch, { kind: 'absent' }>,
  rules: DecideRules,
): Decision {
  if (!rules.createMissing) {
    const message = say(OUTCOME.missingLegacy({ application, externalId }));
    return done({ status: 'failed', kind: 'missing', errorCode: 'RUN_NOT_FOUND', message });
  }
  const gaps = p.kind === 'merge' ? newInterviewGaps(p.patch) : [];
  if (gaps.length > 0) {
    const first = { index: p.rows[0]!, row: rules.plan.table.rows[p.rows[0]!]!.row };
    const near = match.near?.map((k) => JSON.stringify(k)).join(', ') ?? '';
    const columns = gaps.map((c) => col(c)).join(', ');
    const message = say(OUTCOME.newInterviewIncomplete({ externalId, application, columns, near, row: first.row }));
    return done(refusedOutcome({ at: first, code: 'ROW_NEW_INTERVIEW_INCOMPLETE', column: gaps[0]!, message }));
  }
  // An interview created here has no assessments yet: every one the file gives is new, so
  // `--merge --create-missing` adds them without `--add-assessments`.
  const built = bodyFor(p, { external_application_id: application }, { ...rules, addAssessments: true });
  if ('refusal' in built) return done(refusedOutcome(built.refusal));
  if (rules.dryRun)
    return {
      prepared: { done: { status: 'ok', kind: 'created', message: say(OUTCOME.wouldCreate) } },
      wouldSend: built.body,
    };
  return { prepared: { create: built.body, hash: bodyHash(built.body) } };
}

/** The application a legacy interview is looked up in: the file's, which it must give. */
export function applicationOf(p: SendablePlanned): string {
  return (
    p.body?.external_application_id ?? (p.kind === 'merge' ? p.patch.set.external_application_id : undefined) ?? ''
  );
}

/** The body to send: the file's, or (`--merge`) the file's laid over the current record and checked as a plain one would be. */
function bodyFor(
  p: SendablePlanned,
  current: Record<string, unknown>,
  rules: DecideRules,
): { body: InterviewBody } | { refusal: MergeRefusal } {
  if (p.kind === 'replace') return { body: keepKeys(p.body, canonicalBody(current), p.cleared) };
  if (p.kind !== 'merge') return { body: p.body };
  const { plan } = rules;
  const first = { index: p.rows[0]!, row: plan.table.rows[p.rows[0]!]!.row };
  const merged = mergeBody(
    current,
    p.patch,
    { add: rules.addAssessments, replace: rules.replaceAssessments, columns: columnsOf(plan.table) },
    first,
  );
  if (merged.kind === 'refused') return { refusal: merged.refusal };
  // The file's assessments are the new list: the keys they leave blank are carried over, as a plain import's are.
  const body =
    rules.replaceAssessments && p.patch.assessments
      ? keepKeys(merged.body, canonicalBody(current), {
          interview: p.patch.clear.includes('external_id'),
          assessments: p.patch.assessments.map((a) => a.clearExternalId === true),
        })
      : merged.body;
  const problem = checkMergedBody(body, first, plan.zone);
  return problem ? { refusal: problem } : { body };
}

/** A row that cannot be applied is invalid; a current record that cannot be sent (RUN_…) is failed. */
function refusedOutcome(r: MergeRefusal): SendOutcome {
  if (r.code.startsWith('RUN_'))
    return {
      status: 'failed',
      kind: 'refused',
      errorCode: r.code,
      column: r.column,
      message: say(OUTCOME.notSent(r.message)),
    };
  return {
    status: 'invalid',
    kind: 'refused',
    errorCode: r.code,
    column: r.column,
    row: r.at.index,
    message: r.message,
    ...(r.facts ? { facts: r.facts } : {}),
  };
}
