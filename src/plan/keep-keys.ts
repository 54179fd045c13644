import type { AssessmentBody, InterviewBody } from '../feishu/body.js';
import type { ClearedKeys } from './types.js';

/**
 * The file's body with the legacy keys Feishu holds carried over where the file leaves them blank:
 * the PUT overwrites the whole interview (docs/feishu-api.md, "Update"), so a key left out is a
 * key erased, and next month's `--create-missing` would create the interview again. Only a
 * `<clear>` cell (`cleared`) removes one.
 *
 * An assessment of the file without a key takes the key of the current assessment it is: the one
 * with its interviewer that no other assessment of the file claims by key, or the only one when
 * both sides have one. Where that is not certain, no key is carried (nothing is guessed).
 */
export function keepKeys(body: InterviewBody, current: InterviewBody, cleared: ClearedKeys | undefined): InterviewBody {
  let out = body;
  if (body.external_id === undefined && current.external_id !== undefined && !cleared?.interview)
    out = { external_id: current.external_id, ...body };
  const assessments = body.interview_assessments;
  const before = (current.interview_assessments ?? []).filter((a) => a.external_id !== undefined);
  if (!assessments || before.length === 0) return out;
  const claimed = new Set<string | undefined>(assessments.map((a) => a.external_id));
  const free = before.filter((a) => !claimed.has(a.external_id));
  const onlyOne = assessments.length === 1 && (current.interview_assessments ?? []).length === 1;
  const picks = assessments.map((a, i) =>
    a.external_id !== undefined || cleared?.assessments[i] ? undefined : keyFor(a, free, onlyOne),
  );
  // A key two of the file's assessments could take is given to neither.
  const taken = picks.filter((k) => k !== undefined);
  const unique = (k: string | undefined) => k !== undefined && taken.indexOf(k) === taken.lastIndexOf(k);
  if (!picks.some(unique)) return out;
  return {
    ...out,
    interview_assessments: assessments.map((a, i) => (unique(picks[i]) ? { external_id: picks[i]!, ...a } : a)),
  };
}

function keyFor(a: AssessmentBody, free: readonly AssessmentBody[], onlyOne: boolean): string | undefined {
  if (a.username !== undefined) {
    const same = free.filter((c) => c.username === a.username);
    if (same.length === 1) return same[0]!.external_id;
    if (same.length > 1) return undefined;
  }
  return onlyOne && free.length === 1 ? free[0]!.external_id : undefined;
}
