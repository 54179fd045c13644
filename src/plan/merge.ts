import { DIFF, DIFF_JOIN, MERGE } from './messages.js';
import { col, say } from '../messages.js';
import { ASSESSMENT_KEYS, type Column, FIELD, FIELD_BY_KEY, INTERVIEW_KEYS, INTERVIEW_VALUES } from '../schema.js';
import { canonicalBody } from './canonical.js';
import { type AssessmentRules, type MergeRefusal, mergeAssessments } from './merge-assessments.js';
import { enumLabel } from './normalise.js';
import { showTime } from '../time-zones.js';
import { type AssessmentBody, DIMENSION_KEYS, type InterviewBody } from '../feishu/body.js';
import type { FieldChange, InterviewPatch, RowRef } from './types.js';

export type { AssessmentRules, MergeRefusal } from './merge-assessments.js';

export type MergeResult =
  | { readonly kind: 'merged'; readonly body: InterviewBody }
  | { readonly kind: 'refused'; readonly refusal: MergeRefusal };

/**
 * `--merge`: the current record with what the file says laid over it. A field the file leaves
 * blank (or has no column for) keeps its current value; `<clear>` removes it. Assessments and
 * dimensions change field by field, matched as `mergeAssessments` says. Read-only ids are never
 * sent back. A current record without an application id cannot be sent: refused on `first`.
 */
export function mergeBody(
  current: Record<string, unknown>,
  patch: InterviewPatch,
  rules: AssessmentRules,
  first: RowRef,
): MergeResult {
  const base = canonicalBody(current);
  const applicationId = patch.set.external_application_id ?? base.external_application_id;
  if (!applicationId) {
    return refused(first, 'RUN_NO_APPLICATION_ID', 'external_application_id', say(MERGE.noApplication(first.row)));
  }
  const out = {} as InterviewBody;
  // A blank key cell keeps the key Feishu holds; only `<clear>` removes it.
  const externalId = patch.clear.includes('external_id') ? undefined : (patch.set.external_id ?? base.external_id);
  if (externalId !== undefined) out.external_id = externalId;
  out.external_application_id = applicationId;
  // An interview value's column is its body key (src/schema.ts).
  const values = out as unknown as Record<string, unknown>;
  for (const { column } of INTERVIEW_VALUES) {
    if (patch.clear.includes(column)) continue;
    const value = patch.set[column] ?? base[column];
    if (value !== undefined) values[column] = value;
  }
  const currentAssessments = base.interview_assessments ?? [];
  let assessments = currentAssessments;
  if (patch.assessments) {
    const merged = mergeAssessments(currentAssessments, patch.assessments, rules);
    if (merged.kind === 'refused') return merged;
    assessments = merged.assessments;
  }
  if (assessments.length > 0) out.interview_assessments = assessments;
  return { kind: 'merged', body: out };
}

const refused = (at: RowRef, code: string, column: string, message: string): MergeResult => ({
  kind: 'refused',
  refusal: { at, code, column, message },
});

/** A value as the file would hold it: times in `zone`, enumerations by their label (通过, not 2). */
const show = (key: string, v: unknown, zone?: string): string => {
  if (v === undefined) return say(DIFF.none);
  if (zone !== undefined && FIELD[key as Column]?.type === 'time' && typeof v === 'number') return showTime(v, zone);
  return enumLabel(key, v) ?? JSON.stringify(v);
};

/** The template column each body field is read from, by where it sits: the diff names fields as the file does. */
const ASSESSMENT_COLUMN = FIELD_BY_KEY.assessment;
const DIMENSION_COLUMN = FIELD_BY_KEY.dimension;

/**
 * A field-level diff as facts, one entry per changed field (or assessment or dimension added or
 * removed whole), in the API page's order: for a caller that says them in its own words.
 */
export function fieldChanges(before: InterviewBody, after: InterviewBody): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of INTERVIEW_KEYS) {
    if (before[key] !== after[key])
      changes.push(valueChange({}, FIELD_BY_KEY.interview[key]!.column, before[key], after[key]));
  }
  const a = before.interview_assessments ?? [];
  const b = after.interview_assessments ?? [];
  const count = Math.max(a.length, b.length);
  for (let i = 0; i < count; i++) changes.push(...assessmentChanges(a[i], b[i], i));
  return changes;
}

/** The change of one value: only the sides that hold one (no key holds undefined). */
function valueChange(
  of: Pick<FieldChange, 'assessment' | 'dimension'>,
  column: string,
  before: unknown,
  after: unknown,
): FieldChange {
  return {
    ...of,
    column,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

function assessmentChanges(
  before: AssessmentBody | undefined,
  after: AssessmentBody | undefined,
  i: number,
): FieldChange[] {
  const username = (after ?? before)?.username;
  const of = { assessment: { n: i + 1, ...(username === undefined ? {} : { username }) } };
  if (!before) return [{ ...of, whole: 'added' }];
  if (!after) return [{ ...of, whole: 'removed' }];
  const changes: FieldChange[] = [];
  for (const key of ASSESSMENT_KEYS) {
    if (before[key] !== after[key])
      changes.push(valueChange(of, ASSESSMENT_COLUMN[key]!.column, before[key], after[key]));
  }
  const da = before.assessment_dimension_list ?? [];
  const db = after.assessment_dimension_list ?? [];
  for (let k = 0; k < Math.max(da.length, db.length); k++) {
    const x = da[k];
    const y = db[k];
    const dim = { ...of, dimension: (y ?? x)?.title ?? k + 1 };
    if (!x) changes.push({ ...dim, whole: 'added' });
    else if (!y) changes.push({ ...dim, whole: 'removed' });
    else {
      for (const key of DIMENSION_KEYS) {
        if (JSON.stringify(x[key]) !== JSON.stringify(y[key]))
          changes.push(valueChange(dim, DIMENSION_COLUMN[key]!.column, x[key], y[key]));
      }
    }
  }
  return changes;
}

/**
 * One change in the run's words: a field named by its column as a Chinese file does (分数), an
 * English run's by the API's field (score); times in `zone` (an interview's own; an assessment
 * holds none).
 */
function changeText(c: FieldChange, zone: string): string {
  const assessment = c.assessment && say(DIFF.assessment(c.assessment));
  const of =
    c.dimension === undefined
      ? assessment
      : say(DIFF.dimension({ of: assessment!, title: JSON.stringify(c.dimension) }));
  if (c.whole) return say(c.whole === 'added' ? DIFF.added(of!) : DIFF.removed(of!));
  const column = c.column!;
  const key = FIELD[column as Column]?.key ?? column;
  const name = say({ en: key, zh: col(column) });
  const field = of === undefined ? name : say(DIFF_JOIN.within({ of, field: name }));
  const at = c.assessment === undefined ? zone : undefined;
  return say(DIFF_JOIN.field({ field, before: show(key, c.before, at), after: show(key, c.after, at) }));
}

/** A field-level diff, one entry per changed field, in the API page's order; times in `zone`. */
export function diffBodies(before: InterviewBody, after: InterviewBody, zone: string): string[] {
  return diffText(fieldChanges(before, after), zone);
}

/** The words of a diff's facts (`fieldChanges`), in the run's language; times in `zone`. */
export const diffText = (changes: readonly FieldChange[], zone: string): string[] =>
  changes.map((c) => changeText(c, zone));
