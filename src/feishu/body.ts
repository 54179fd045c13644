import type { AssessmentValues, DimensionKey, DimensionValues, InterviewValues } from '../schema.js';

/**
 * The request body of the external interview API (docs/feishu-api.md, "The body"): what a PUT or
 * a create sends, and what every canonical body read back is compared as.
 */

/**
 * One `assessment_dimension_list[]` entry: the dimension fields of src/schema.ts by their body
 * keys, built in the API page's order (`DIMENSION_KEYS`); blanks are omitted.
 */
export type DimensionBody = DimensionValues;

/** A dimension's keys in the API page's order (the order `DimensionBody` lists them). */
export const DIMENSION_KEYS = [
  'score',
  'option',
  'options',
  'content',
  'assessment_type',
  'title',
  'description',
] as const satisfies readonly (keyof DimensionBody & DimensionKey)[];
/** Every dimension field of src/schema.ts has its place in `DIMENSION_KEYS`: a type error names the one without. */
export type UnorderedDimensionKey = Exclude<DimensionKey, (typeof DIMENSION_KEYS)[number]>;
const everyDimensionKeyOrdered: [UnorderedDimensionKey] extends [never] ? true : UnorderedDimensionKey = true;
void everyDimensionKeyOrdered;

/** An assessment: its key, its interviewer and its values (`ASSESSMENT_VALUES` in src/schema.ts: conclusion, content, …). */
export interface AssessmentBody extends AssessmentValues {
  /** The assessment's key in the system it came from. */
  external_id?: string;
  username?: string;
  assessment_dimension_list?: DimensionBody[];
}

/**
 * The body of `PUT /open-apis/hire/v1/external_interviews/:external_interview_id`: its ids, its
 * values (`INTERVIEW_VALUES` in src/schema.ts: participation, times, …) and its assessments.
 */
export interface InterviewBody extends InterviewValues {
  /** The interview's key in the system it came from (a legacy ATS): kept, and sent back by every merge. */
  external_id?: string;
  external_application_id: string;
  interview_assessments?: AssessmentBody[];
}
