import { OUTCOME, say } from '../catalogue.js';
import type { InterviewBody } from '../feishu/body.js';
import type { StoredRecord } from '../feishu/read-current.js';
import { bodyHash, canonicalBody } from '../plan/canonical.js';
import { checkMergedBody } from '../plan/check-body.js';
import { type MergeRefusal, type Removed, diffBodies, mergeBody } from '../plan/merge.js';
import type { Plan, SendablePlanned } from '../plan/types.js';
import type { Prepared, SendOutcome } from './dispatch.js';
import { type LegacyMatch, withoutKeys } from './legacy-lookup.js';

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
  readonly createMissing: boolean;
  /** The hash the journal of the resumed run says landed for this interview, if any. */
  readonly landedHash?: string;
  /** The current record was read without `external_id`: bodies are compared with the keys left out. */
  readonly keysUnread?: boolean;
}

/** The decision, and what a dry run or the summary needs to know of it. */
export interface Decision {
  readonly prepared: Prepared;
  /** Dry run: the body that would be sent or created (for `--payloads`). */
  readonly wouldSend?: InterviewBody;
  /** What the body removes (`--replace-assessments`). */
  readonly removed?: Removed;
}

const done = (outcome: SendOutcome, hash?: string): Decision => ({ prepared: { done: outcome, hash } });

/** An interview named by its Feishu id: PUT its body (merged under `--merge`) unless nothing would change. */
export function decideUpdate(p: SendablePlanned, current: StoredRecord | undefined, rules: DecideRules): Decision {
  if (p.kind === 'remove') return decideRemove(p.id, p.body, current);
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
  const landedBefore = rules.landedHash === hash;
  // Without a read, the journal decides; with one, what Feishu holds does (it may have changed since).
  if (landedBefore && !current)
    return done({ status: 'skipped', kind: 'resumed', message: say(OUTCOME.resumed) }, hash);
  if (!current)
    return rules.dryRun
      ? { prepared: { done: { status: 'ok', kind: 'changed', message: say(OUTCOME.wouldBeSent) } }, wouldSend: body }
      : { prepared: { send: body, hash } };
  const before = canonicalBody(current);
  // A read without the keys cannot show them: compared without, and the file's keys go in the PUT.
  const seen = rules.keysUnread ? withoutKeys : (b: InterviewBody) => b;
  if (bodyHash(seen(before)) === bodyHash(seen(body)))
    return done(
      {
        status: 'skipped',
        kind: landedBefore ? 'resumed' : 'unchanged',
        message: say(landedBefore ? OUTCOME.resumed : OUTCOME.unchanged),
      },
      hash,
    );
  if (rules.dryRun) {
    const message = say(OUTCOME.wouldChange(diffBodies(seen(before), seen(body), rules.plan.zone).join('; ')));
    return { prepared: { done: { status: 'ok', kind: 'changed', message } }, wouldSend: body, removed: built.removed };
  }
  return { prepared: { send: body, hash }, removed: built.removed };
}

/** Undo of a create: delete the interview only while it holds exactly what the undone run created. */
function decideRemove(id: string, created: InterviewBody, current: StoredRecord | undefined): Decision {
  const hash = bodyHash(created);
  if (!current) return done({ status: 'skipped', message: say(OUTCOME.alreadyGone) });
  if (bodyHash(canonicalBody(current)) !== hash) {
    return done({
      status: 'failed',
      errorCode: 'UNDO_CHANGED_SINCE',
      message: say(OUTCOME.changedSince(id)),
    });
  }
  return { prepared: { remove: id, hash } };
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
    const message = say(OUTCOME.untold({ externalId, application, ids: match.ids.join(', ') }));
    return done({ status: 'failed', kind: 'ambiguous', errorCode: 'RUN_CANNOT_TELL_APART', message });
  }
  const note = match.gone ? say(OUTCOME.recordGone({ application, ids: match.gone.join(', ') })) : undefined;
  if (match.kind === 'absent') return withNote(decideCreate(p, application, externalId, rules), note);
  // The read shows no keys: the interview's own is the file's (the assessments' come with the file's body).
  const record = match.keysUnread ? { ...match.record, external_id: externalId } : match.record;
  const decision = decideUpdate(p, record, { ...rules, mustExist: true, keysUnread: match.keysUnread });
  const { prepared } = decision;
  if ('done' in prepared)
    return withNote({ ...decision, prepared: { ...prepared, done: { ...prepared.done, feishuId: match.id } } }, note);
  if ('send' in prepared) return withNote({ ...decision, prepared: { ...prepared, to: match.id } }, note);
  return decision;
}

/** Says what the records named that Feishu no longer holds: on the write's note, or after the outcome's message. */
function withNote(decision: Decision, note: string | undefined): Decision {
  const { prepared } = decision;
  if (note === undefined || 'remove' in prepared) return decision;
  if ('done' in prepared)
    return {
      ...decision,
      prepared: { ...prepared, done: { ...prepared.done, message: `${prepared.done.message} (${note})` } },
    };
  return { ...decision, prepared: { ...prepared, note } };
}

function decideCreate(p: SendablePlanned, application: string, externalId: string, rules: DecideRules): Decision {
  if (!rules.createMissing) {
    const message = say(OUTCOME.missingLegacy({ application, externalId }));
    return done({ status: 'failed', kind: 'missing', errorCode: 'RUN_NOT_FOUND', message });
  }
  const built = bodyFor(p, { external_application_id: application }, rules);
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
): { body: InterviewBody; removed?: Removed } | { refusal: MergeRefusal } {
  if (p.kind !== 'merge') return { body: p.body };
  const { plan } = rules;
  const first = { index: p.rows[0]!, row: plan.table.rows[p.rows[0]!]!.row };
  const merged = mergeBody(current, p.patch, { add: rules.addAssessments, replace: rules.replaceAssessments }, first);
  if (merged.kind === 'refused') return { refusal: merged.refusal };
  const problem = checkMergedBody(merged.body, first, plan.zone);
  return problem ? { refusal: problem } : { body: merged.body, removed: merged.removed };
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
  };
}
