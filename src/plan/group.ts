import type { RowProblem } from '../errors.js';
import type { RowFields } from './row-fields.js';
import type { AssessmentBody, ClearableField, DimensionBody, InterviewBody, InterviewPatch } from './types.js';

/** A value and the row it was first seen on, so a disagreeing row can name it. */
interface Seen<T> {
  value: T;
  row: number;
}

interface AssessmentGroup {
  /** `assessment_no` when given, else `username` (see `byNumber`). */
  readonly key: string;
  readonly byNumber: boolean;
  username?: Seen<string>;
  conclusion?: Seen<number>;
  content?: Seen<string>;
  dimensions: DimensionBody[];
}

export interface InterviewGroup {
  readonly id: string;
  readonly rows: number[];
  applicationId?: Seen<string>;
  /** `null` values come from the `<clear>` marker. */
  participateStatus?: Seen<number | null>;
  beginTime?: Seen<number | null>;
  endTime?: Seen<number | null>;
  /** Assessments in order of first appearance, found by `assessment_no` or else by `username`. */
  readonly assessments: AssessmentGroup[];
}

/**
 * Adds one row to its interview (wherever it is in the file) and, within it, to its assessment
 * (`assessment_no` when given, else `username`). Interview and assessment fields may be blank on
 * later rows; a different non-blank value is a problem on the row that disagrees.
 */
export function addRow(groups: Map<string, InterviewGroup>, index: number, f: RowFields, row: number): void {
  if (f.interviewId === undefined) return;
  let group = groups.get(f.interviewId);
  if (!group) {
    // Every field is set up front so that all groups share one hidden class: added as rows
    // happen to arrive, they gave each group its own, and every access here went megamorphic.
    group = { id: f.interviewId, rows: [], applicationId: undefined, participateStatus: undefined, beginTime: undefined, endTime: undefined, assessments: [] };
    groups.set(f.interviewId, group);
  }
  group.rows.push(index);
  // Spelled out field by field: this runs once per row and must not allocate.
  if (f.applicationId !== undefined) group.applicationId = agree(group.applicationId, f.applicationId, row, f, 'external_application_id', group);
  if (f.participateStatus !== undefined) group.participateStatus = agree(group.participateStatus, f.participateStatus, row, f, 'participate_status', group);
  if (f.beginTime !== undefined) group.beginTime = agree(group.beginTime, f.beginTime, row, f, 'begin_time', group);
  if (f.endTime !== undefined) group.endTime = agree(group.endTime, f.endTime, row, f, 'end_time', group);
  addToAssessment(group, f, row);
}

/** The value seen first stays; a different one is a problem on the row that disagrees. */
function agree<T extends string | number | null>(seen: Seen<T> | undefined, value: T, row: number, f: RowFields, column: string, group: InterviewGroup, inAssessment = false): Seen<T> {
  if (!seen) return { value, row };
  if (seen.value !== value) {
    const assessment = inAssessment ? assessmentName(f, group) : undefined;
    const where = assessment ?? `interview ${group.id}`;
    const isTime = column === 'begin_time' || column === 'end_time';
    const show = (v: T) => (v === null ? '<clear>' : isTime ? `${v} (${new Date(v as number).toISOString()})` : assessment ? JSON.stringify(v) : String(v));
    f.problems.push(conflict(column, where, show(value), show(seen.value), seen.row, row));
  }
  return seen;
}

function addToAssessment(group: InterviewGroup, f: RowFields, row: number): void {
  const hasAssessment = f.username !== undefined || f.conclusion !== undefined || f.assessmentContent !== undefined || f.dimension !== undefined;
  if (!hasAssessment && f.assessmentNo === undefined) return;
  // An interview has a handful of assessments: a linear search beats a Map per interview,
  // which cost more to build than all the lookups it saved.
  const byNumber = f.assessmentNo !== undefined;
  const key = f.assessmentNo ?? f.username ?? '';
  let a: AssessmentGroup | undefined;
  for (const x of group.assessments) {
    if (x.byNumber === byNumber && x.key === key) {
      a = x;
      break;
    }
  }
  if (!a) {
    a = { key, byNumber, username: undefined, conclusion: undefined, content: undefined, dimensions: [] }; // one hidden class, as above
    group.assessments.push(a);
  }
  if (f.username !== undefined) a.username = agree(a.username, f.username, row, f, 'username', group, true);
  if (f.conclusion !== undefined) a.conclusion = agree(a.conclusion, f.conclusion, row, f, 'conclusion', group, true);
  if (f.assessmentContent !== undefined) a.content = agree(a.content, f.assessmentContent, row, f, 'assessment_content', group, true);
  if (f.dimension) a.dimensions.push(f.dimension);
}

function assessmentName(f: RowFields, group: InterviewGroup): string {
  const which = f.assessmentNo !== undefined ? `no. ${f.assessmentNo}` : f.username !== undefined ? `of ${f.username}` : '(no number or interviewer)';
  return `assessment ${which} of interview ${group.id}`;
}

function conflict(column: string, where: string, here: string, there: string, otherRow: number, row: number): RowProblem {
  return {
    code: 'ROW_CONFLICT',
    column,
    message: `expected the same ${column} on every row of ${where}, got ${here} here but ${there} on row ${otherRow} (row ${row}, column ${column}): make them equal, or leave this cell blank`,
  };
}

/** The request body of a group whose rows are all valid. Keys in the API page's order. */
export function bodyOf(group: InterviewGroup): InterviewBody {
  const body: InterviewBody = { external_application_id: group.applicationId!.value };
  const { set } = patchOf(group, false);
  Object.assign(body, set);
  const assessments = assessmentsOf(group);
  if (assessments.length > 0) body.interview_assessments = assessments;
  return body;
}

/** What the file says of an interview for `--merge`: values it sets, fields it clears. */
export function patchOf(group: InterviewGroup, carriesAssessments: boolean): InterviewPatch {
  const set: Partial<InterviewBody> = {};
  const clear: ClearableField[] = [];
  if (group.applicationId) set.external_application_id = group.applicationId.value;
  const fields = [
    ['participate_status', group.participateStatus],
    ['begin_time', group.beginTime],
    ['end_time', group.endTime],
  ] as const;
  for (const [key, seen] of fields) {
    if (!seen) continue;
    if (seen.value === null) clear.push(key);
    else set[key] = seen.value;
  }
  return { set, clear, assessments: carriesAssessments ? assessmentsOf(group) : undefined };
}

function assessmentsOf(group: InterviewGroup): AssessmentBody[] {
  const assessments: AssessmentBody[] = [];
  for (const a of group.assessments) {
    const out: AssessmentBody = {};
    if (a.username) out.username = a.username.value;
    if (a.conclusion) out.conclusion = a.conclusion.value;
    if (a.content) out.content = a.content.value;
    // Dimensions were built with their keys in the API page's order (see readRowFields).
    if (a.dimensions.length > 0) out.assessment_dimension_list = a.dimensions;
    if (Object.keys(out).length > 0) assessments.push(out);
  }
  return assessments;
}
