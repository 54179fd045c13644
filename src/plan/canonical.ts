import { createHash } from 'node:crypto';
import type { AssessmentBody, DimensionBody, InterviewBody } from '../feishu/body.js';

const DIMENSION_KEYS = ['score', 'option', 'options', 'content', 'assessment_type', 'title', 'description'] as const;

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
/** Enumerations and times: a read may return 0 for "not set" (no enumeration has a 0, no interview is at 1970). */
const presentNumber = (v: unknown) => present(v) && Number(v) !== 0;

/**
 * An interview as a request body, in the API page's key order, read-only ids and blanks left
 * out, every field the update accepts kept (`external_id` on the interview and each assessment):
 * the one form in which a body we built and a record Feishu returns can be compared, and the
 * body that puts a record back as it was (docs/feishu-api.md, "Update").
 */
export function canonicalBody(record: Record<string, unknown>): InterviewBody {
  const body = {} as InterviewBody;
  if (present(record.external_id)) body.external_id = String(record.external_id);
  body.external_application_id = String(record.external_application_id ?? '');
  if (presentNumber(record.participate_status)) body.participate_status = Number(record.participate_status);
  if (presentNumber(record.begin_time)) body.begin_time = Number(record.begin_time);
  if (presentNumber(record.end_time)) body.end_time = Number(record.end_time);
  const assessments = (Array.isArray(record.interview_assessments) ? record.interview_assessments : []) as Record<
    string,
    unknown
  >[];
  const out: AssessmentBody[] = [];
  for (const a of assessments) {
    const x: AssessmentBody = {};
    if (present(a.external_id)) x.external_id = String(a.external_id);
    if (present(a.username)) x.username = String(a.username);
    if (presentNumber(a.conclusion)) x.conclusion = Number(a.conclusion);
    if (present(a.content)) x.content = String(a.content);
    const dims = (Array.isArray(a.assessment_dimension_list) ? a.assessment_dimension_list : []) as Record<
      string,
      unknown
    >[];
    const list: DimensionBody[] = [];
    for (const d of dims) {
      const y: Record<string, unknown> = {};
      for (const k of DIMENSION_KEYS) if (k === 'assessment_type' ? presentNumber(d[k]) : present(d[k])) y[k] = d[k];
      if (Object.keys(y).length > 0) list.push(y as DimensionBody);
    }
    if (list.length > 0) x.assessment_dimension_list = list;
    if (Object.keys(x).length > 0) out.push(x);
  }
  if (out.length > 0) body.interview_assessments = out;
  return body;
}

/** A short fingerprint of a body: equal bodies, equal hashes. */
export function bodyHash(body: InterviewBody): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalBody(body as unknown as Record<string, unknown>)))
    .digest('hex')
    .slice(0, 32);
}
