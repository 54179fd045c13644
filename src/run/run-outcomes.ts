import { OUTCOME } from './outcome-messages.js';
import { say } from '../messages.js';
import type { Plan, RowOutcome } from '../plan/types.js';
import type { SendOutcome } from './dispatch.js';
import type { InterviewsByKind } from '../report/run-result.js';

/** Interviews by what happened to them, for the summary (never for a message): `interviews_by_kind`. */
export type KindCounts = { -readonly [K in keyof InterviewsByKind]: InterviewsByKind[K] };

export function countKinds(outcomes: ReadonlyMap<string, SendOutcome>): KindCounts {
  const kinds: KindCounts = {
    changed: 0,
    unchanged: 0,
    missing: 0,
    resumed: 0,
    refused: 0,
    created: 0,
    deleted: 0,
    ambiguous: 0,
    gone: 0,
    earlier: 0,
    left: 0,
  };
  for (const o of outcomes.values()) {
    if (o.kind === 'unchanged') kinds.unchanged++;
    else if (o.kind === 'resumed') kinds.resumed++;
    else if (o.kind === 'missing') kinds.missing++;
    else if (o.kind === 'refused') kinds.refused++;
    else if (o.kind === 'ambiguous') kinds.ambiguous++;
    else if (o.kind === 'earlier') kinds.earlier++;
    else if (o.kind === 'gone') kinds.gone++;
    else if (o.kind === 'left') kinds.left++;
    else if (o.kind === 'created' && o.status === 'ok') kinds.created++;
    else if (o.kind === 'deleted' && o.status === 'ok') kinds.deleted++;
    else if (o.status === 'ok') kinds.changed++;
  }
  return kinds;
}

/** What an `ok` write says in the report, by what it did. */
function landedMessage(s: SendOutcome, landed: string): string {
  const note = s.note ? ` (${s.note})` : '';
  if (s.kind === 'created') return `${say(OUTCOME.created(s.feishuId))}${note}`;
  if (s.kind === 'deleted') return `${say(OUTCOME.deleted)}${note}`;
  return `${landed}${note}`;
}

/**
 * Each row's outcome after the run: the interview's outcome on every one of its rows. A row the
 * current record refuses is invalid and blocks the interview's other rows; an interview beyond
 * `--limit` is not sent.
 */
export function rowOutcomes(
  plan: Plan,
  sent: ReadonlyMap<string, SendOutcome>,
  limit: number | undefined,
  landed: string,
): RowOutcome[] {
  const outcomes = plan.outcomes.slice();
  for (const interview of plan.interviews) {
    if (interview.kind === 'invalid') continue;
    const s = sent.get(interview.id);
    if (s?.row !== undefined) {
      const message = say(OUTCOME.blockedByRefusal({ row: plan.table.rows[s.row]!.row, id: interview.id }));
      const blocked: RowOutcome = { status: 'blocked', errorCode: 'ROW_BLOCKED', message };
      for (const i of interview.rows)
        outcomes[i] =
          i === s.row
            ? {
                status: 'invalid',
                errorCode: s.errorCode,
                errorColumn: s.column,
                message: s.message,
                ...(s.facts ? { errorFacts: s.facts } : {}),
              }
            : blocked;
      continue;
    }
    const outcome: RowOutcome = s
      ? {
          status: s.status,
          feishuId: s.feishuId,
          errorCode: s.status === 'ok' || s.status === 'skipped' ? undefined : s.errorCode,
          errorColumn: s.column,
          message: s.landed ? landedMessage(s, landed) : s.message,
          httpStatus: s.httpStatus,
          logId: s.logId,
          attempts: s.attempts,
        }
      : { status: 'not_sent', errorCode: 'RUN_LIMIT', message: say(OUTCOME.beyondLimit(limit)) };
    for (const i of interview.rows) outcomes[i] = outcome;
  }
  return outcomes;
}
