import type { AssessmentBody, InterviewBody } from '../feishu/body.js';
import type { StoredRecord } from '../feishu/read-current.js';

/** The legacy keys the tool last wrote to one interview: what a read without keys cannot show. */
export interface KnownKeys {
  /** When that write was recorded (the backup line's `taken_at`): the newest record wins. */
  readonly at: string;
  readonly external_id?: string;
  readonly assessments: readonly { readonly username?: string; readonly external_id?: string }[];
}

export function keysOfBody(body: InterviewBody, at: string): KnownKeys {
  const keys: { at: string; external_id?: string; assessments: KnownKeys['assessments'] } = {
    at,
    assessments: (body.interview_assessments ?? []).map((a) => ({ username: a.username, external_id: a.external_id })),
  };
  if (body.external_id !== undefined) keys.external_id = body.external_id;
  return keys;
}

/**
 * A record read without `external_id` (docs/feishu-api.md, "Batch query") with the keys the
 * tool's own records say it wrote: the interview's, and each assessment's where the assessment is
 * certain (the same interviewers in the same order, else the only one of its interviewer). A
 * record that shows keys is returned as it is.
 */
export function withKnownKeys(record: StoredRecord, known: KnownKeys | undefined): StoredRecord {
  if (!known || typeof record.external_id === 'string') return record;
  const out: StoredRecord = { ...record };
  if (known.external_id !== undefined) out.external_id = known.external_id;
  const list = record.interview_assessments as (AssessmentBody & { id?: string })[] | undefined;
  if (!Array.isArray(list)) return out;
  const samePeople =
    list.length === known.assessments.length && list.every((a, i) => a.username === known.assessments[i]!.username);
  out.interview_assessments = list.map((a, i) => {
    if (a.external_id !== undefined) return a;
    const key = samePeople ? known.assessments[i]!.external_id : onlyOneOf(known, a.username, list);
    return key === undefined ? a : { ...a, external_id: key };
  });
  return out;
}

function onlyOneOf(
  known: KnownKeys,
  username: string | undefined,
  list: readonly AssessmentBody[],
): string | undefined {
  if (username === undefined || list.filter((a) => a.username === username).length !== 1) return undefined;
  const mine = known.assessments.filter((a) => a.username === username);
  return mine.length === 1 ? mine[0]!.external_id : undefined;
}
