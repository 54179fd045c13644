import { createHash } from 'node:crypto';
import type { AssessmentBody, DimensionBody, InterviewBody } from './types.js';

const DIMENSION_KEYS = ['score', 'option', 'options', 'content', 'assessment_type', 'title', 'description'] as const;

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/**
 * An interview as a request body, in the API page's key order, ids and blanks left out: the
 * one form in which a body we built and a record Feishu returns can be compared.
 */
export function canonicalBody(record: Record<string, unknown>): InterviewBody {
  const body: InterviewBody = { external_application_id: String(record.external_application_id ?? '') };
  if (present(record.participate_status)) body.participate_status = Number(record.participate_status);
  if (present(record.begin_time)) body.begin_time = Number(record.begin_time);
  if (present(record.end_time)) body.end_time = Number(record.end_time);
  const assessments = (Array.isArray(record.interview_assessments) ? record.interview_assessments : []) as Record<string, unknown>[];
  const out: AssessmentBody[] = [];
  for (const a of assessments) {
    const x: AssessmentBody = {};
    if (present(a.username)) x.username = String(a.username);
    if (present(a.conclusion)) x.conclusion = Number(a.conclusion);
    if (present(a.content)) x.content = String(a.content);
    const dims = (Array.isArray(a.assessment_dimension_list) ? a.assessment_dimension_list : []) as Record<string, unknown>[];
    const list: DimensionBody[] = [];
    for (const d of dims) {
      const y: Record<string, unknown> = {};
      for (const k of DIMENSION_KEYS) if (present(d[k])) y[k] = d[k];
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
  return createHash('sha256').update(JSON.stringify(canonicalBody(body as unknown as Record<string, unknown>))).digest('hex').slice(0, 32);
}
