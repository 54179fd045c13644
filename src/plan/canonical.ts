import { createHash } from 'node:crypto';
import { type AssessmentBody, DIMENSION_KEYS, type DimensionBody, type InterviewBody } from '../feishu/body.js';
import {
  ASSESSMENT_KEYS,
  FIELD_BY_KEY,
  type FieldSpec,
  INTERVIEW_VALUES,
  isNumeric,
  zeroMeansUnset,
} from '../schema.js';

const ASSESSMENT_FIELDS = FIELD_BY_KEY.assessment;
const DIMENSION_FIELDS = FIELD_BY_KEY.dimension;

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
  // An interview value's column is its body key (src/schema.ts).
  const values = body as unknown as Record<string, unknown>;
  for (const f of INTERVIEW_VALUES) copyValue(values, f.column, record[f.column], f);
  const assessments = (Array.isArray(record.interview_assessments) ? record.interview_assessments : []) as Record<
    string,
    unknown
  >[];
  const out: AssessmentBody[] = [];
  for (const a of assessments) {
    const x: AssessmentBody = {};
    for (const k of ASSESSMENT_KEYS) copyValue(x as Record<string, unknown>, k, a[k], ASSESSMENT_FIELDS[k]!);
    const dims = (Array.isArray(a.assessment_dimension_list) ? a.assessment_dimension_list : []) as Record<
      string,
      unknown
    >[];
    const list: DimensionBody[] = [];
    for (const d of dims) {
      const y: Record<string, unknown> = {};
      for (const k of DIMENSION_KEYS)
        if (zeroMeansUnset(DIMENSION_FIELDS[k]) ? presentNumber(d[k]) : present(d[k])) y[k] = d[k];
      if (Object.keys(y).length > 0) list.push(y as DimensionBody);
    }
    if (list.length > 0) x.assessment_dimension_list = list;
    if (Object.keys(x).length > 0) out.push(x);
  }
  if (out.length > 0) body.interview_assessments = out;
  return body;
}

/** `value` into `out[key]` when present: a number for a numeric field, else a string. */
function copyValue(out: Record<string, unknown>, key: string, value: unknown, f: FieldSpec): void {
  if (!(zeroMeansUnset(f) ? presentNumber(value) : present(value))) return;
  out[key] = isNumeric(f) ? Number(value) : String(value);
}

/** A short fingerprint of a body: equal bodies, equal hashes. */
export function bodyHash(body: InterviewBody): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalBody(body as unknown as Record<string, unknown>)))
    .digest('hex')
    .slice(0, 32);
}
