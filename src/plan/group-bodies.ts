import type { AssessmentBody, DimensionBody, InterviewBody } from '../feishu/body.js';
import type { AssessmentIndex, GroupIndex, GroupStore, RowIndex } from './group-store.js';
import { NONE } from './group-store.js';
import { type AssessmentValueKey, INTERVIEW_VALUES, type InterviewValueColumn } from '../schema.js';
import type { AssessmentPatch, ClearableField, ClearedKeys, DimensionPatch, InterviewPatch, RowRef } from './types.js';

/**
 * The bodies built from the column store (src/plan/group-store.ts): the request body of a group
 * whose rows are all valid, and what the file says of it for `--merge`. Keys in the API page's order.
 */
export function bodyOf(s: GroupStore, g: GroupIndex): InterviewBody {
  const body = {} as InterviewBody;
  const externalId = s.externalId.values[g];
  if (externalId !== undefined) body.external_id = externalId;
  body.external_application_id = s.applicationId.values[g]!;
  Object.assign(body, patchOf(s, g, false).set);
  const assessments = assessmentsOf(s, g);
  if (assessments.length > 0) body.interview_assessments = assessments;
  return body;
}

/** What the file says of an interview for `--merge`: values it sets, fields it clears. */
export function patchOf(s: GroupStore, g: GroupIndex, carriesAssessments: boolean): InterviewPatch {
  const set: Partial<InterviewBody> = {};
  const clear: ClearableField[] = [];
  const externalId = s.externalId.values[g];
  if (externalId !== undefined) set.external_id = externalId;
  else if (s.clearKey[g]) clear.push('external_id');
  const applicationId = s.applicationId.values[g];
  if (applicationId !== undefined) set.external_application_id = applicationId;
  // An interview value's column is its body key (src/schema.ts, `INTERVIEW_VALUES`).
  const values = set as Record<InterviewValueColumn, number | string>;
  for (const { column } of INTERVIEW_VALUES) {
    const value = s.interviewValues[column].values[g];
    if (value === undefined) continue;
    if (value === null) clear.push(column);
    else values[column] = value;
  }
  return { set, clear, assessments: carriesAssessments ? assessmentPatchesOf(s, g) : undefined };
}

/** The keys and fields the file clears, keys by position in `bodyOf(g)`; undefined when it clears none. */
export function clearedKeysOf(s: GroupStore, g: GroupIndex): ClearedKeys | undefined {
  const assessments: boolean[] = [];
  assessmentsOf(s, g, assessments);
  const interview = s.clearKey[g] === 1 && s.externalId.values[g] === undefined;
  const fields = patchOf(s, g, false).clear.filter((f) => f !== 'external_id');
  return interview || assessments.includes(true) || fields.length > 0 ? { interview, assessments, fields } : undefined;
}

function ref(s: GroupStore, index: RowIndex): RowRef {
  return { index, row: s.rowNumber[index]! };
}

/** The file's assessments as changes to the current ones (`--merge`): what each names, and the rows it came from. */
function assessmentPatchesOf(s: GroupStore, g: GroupIndex): AssessmentPatch[] {
  const patches: AssessmentPatch[] = [];
  for (let a = s.firstAssessment[g]!; a !== NONE; a = s.nextAssessment[a]!) {
    const dimensions: DimensionPatch[] = [];
    for (let d = s.firstDimension[a]!; d !== NONE; d = s.nextDimension[d]!) {
      const { title, ...set } = s.dimensions[d]!;
      dimensions.push(
        title === undefined ? { at: ref(s, s.dimensionRow[d]!), set } : { at: ref(s, s.dimensionRow[d]!), title, set },
      );
    }
    const { external_id: externalId, ...fields } = fieldsOf(s, a);
    const patch: { -readonly [K in keyof AssessmentPatch]: AssessmentPatch[K] } = {
      at: ref(s, s.assessmentRow[a]!),
      dimensions,
      ...fields,
    };
    const no = s.assessmentNo.values[a];
    if (externalId !== undefined) patch.externalId = externalId;
    else if (s.clearAssessmentKey[a]) patch.clearExternalId = true;
    if (no !== undefined) patch.no = no;
    if (s.removeAssessment[a]) patch.remove = true;
    patches.push(patch);
  }
  return patches;
}

/** An assessment's own fields that the file gave, keys in the API page's order. */
function fieldsOf(s: GroupStore, a: AssessmentIndex): AssessmentBody {
  const out: AssessmentBody = {};
  const externalId = s.assessmentExternalId.values[a];
  const username = s.username.values[a];
  if (externalId !== undefined) out.external_id = externalId;
  if (username !== undefined) out.username = username;
  // Each value under its body key, in the API page's order (src/schema.ts, `ASSESSMENT_VALUES`).
  // Widened: the store holds each value as number | string, and a key typed with its value's type
  // (a union of slots) is not followed through the loop by TypeScript (microsoft/TypeScript#30581).
  const values: Partial<Record<AssessmentValueKey, number | string>> = out;
  for (const v of s.assessmentSlots) {
    const value = v.field.values[a];
    if (value !== undefined) values[v.key] = value;
  }
  return out;
}

/** `cleared`, when given, gets each assessment's `<clear>` flag in the same order. */
function assessmentsOf(s: GroupStore, g: GroupIndex, cleared?: boolean[]): AssessmentBody[] {
  const assessments: AssessmentBody[] = [];
  for (let a = s.firstAssessment[g]!; a !== NONE; a = s.nextAssessment[a]!) {
    // A whole body lists the assessments it keeps: one marked for removal is left out.
    if (s.removeAssessment[a]) continue;
    const out = fieldsOf(s, a);
    // Dimensions were built with their keys in the API page's order (see readRowFields).
    const dimensions: DimensionBody[] = [];
    for (let d = s.firstDimension[a]!; d !== NONE; d = s.nextDimension[d]!) dimensions.push(s.dimensions[d]!);
    if (dimensions.length > 0) out.assessment_dimension_list = dimensions;
    if (Object.keys(out).length === 0) continue;
    assessments.push(out);
    cleared?.push(s.clearAssessmentKey[a] === 1 && out.external_id === undefined);
  }
  return assessments;
}
