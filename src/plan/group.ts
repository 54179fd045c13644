import type { RowProblem } from '../errors.js';
import type { SourceRow } from '../input/table.js';
import type { RowFields } from './row-fields.js';
import type { AssessmentBody, DimensionBody, InterviewBody } from './types.js';

/** A value and the row it was first seen on, so a disagreeing row can name it. */
interface Seen<T> {
  value: T;
  row: number;
}

interface AssessmentGroup {
  username?: Seen<string>;
  conclusion?: Seen<number>;
  content?: Seen<string>;
  dimensions: DimensionBody[];
}

export interface InterviewGroup {
  readonly id: string;
  readonly rows: number[];
  applicationId?: Seen<string>;
  participateStatus?: Seen<number>;
  beginTime?: Seen<number>;
  endTime?: Seen<number>;
  readonly assessments: Map<string, AssessmentGroup>;
}

type Field = 'applicationId' | 'participateStatus' | 'beginTime' | 'endTime';
const INTERVIEW_FIELDS: readonly (readonly [Field, string])[] = [
  ['applicationId', 'external_application_id'],
  ['participateStatus', 'participate_status'],
  ['beginTime', 'begin_time'],
  ['endTime', 'end_time'],
];

/**
 * Groups rows under their interview (wherever they are in the file) and, within it, under their
 * assessment (`assessment_no` when given, else `username`). Interview and assessment fields may
 * be blank on later rows; a different non-blank value is a problem on the row that disagrees.
 */
export function groupRows(fields: readonly RowFields[], rows: readonly SourceRow[]): Map<string, InterviewGroup> {
  const groups = new Map<string, InterviewGroup>();
  fields.forEach((f, i) => {
    if (f.interviewId === undefined) return;
    let group = groups.get(f.interviewId);
    if (!group) {
      group = { id: f.interviewId, rows: [], assessments: new Map() };
      groups.set(f.interviewId, group);
    }
    group.rows.push(i);
    const row = rows[i]!.row;
    const where = `interview ${f.interviewId}`;
    for (const [field, column] of INTERVIEW_FIELDS) {
      const value = f[field];
      if (value === undefined) continue;
      const seen = group[field];
      if (!seen) group[field] = { value, row } as Seen<never>;
      else if (seen.value !== value) f.problems.push(conflict(column, where, show(field, value), show(field, seen.value), seen.row, row));
    }
    addToAssessment(group, f, row);
  });
  return groups;
}

function addToAssessment(group: InterviewGroup, f: RowFields, row: number): void {
  const hasAssessment = f.username !== undefined || f.conclusion !== undefined || f.assessmentContent !== undefined || f.dimension !== undefined;
  if (!hasAssessment && f.assessmentNo === undefined) return;
  const key = f.assessmentNo !== undefined ? `no:${f.assessmentNo}` : f.username !== undefined ? `user:${f.username}` : 'none';
  let a = group.assessments.get(key);
  if (!a) {
    a = { dimensions: [] };
    group.assessments.set(key, a);
  }
  const where = `assessment ${f.assessmentNo !== undefined ? `no. ${f.assessmentNo}` : f.username !== undefined ? `of ${f.username}` : '(no number or interviewer)'} of interview ${group.id}`;
  const fieldsOf = [
    ['username', 'username', f.username],
    ['conclusion', 'conclusion', f.conclusion],
    ['content', 'assessment_content', f.assessmentContent],
  ] as const;
  for (const [field, column, value] of fieldsOf) {
    if (value === undefined) continue;
    const seen = a[field] as Seen<string | number> | undefined;
    if (!seen) (a as unknown as Record<string, Seen<string | number>>)[field] = { value, row };
    else if (seen.value !== value) f.problems.push(conflict(column, where, JSON.stringify(value), JSON.stringify(seen.value), seen.row, row));
  }
  if (f.dimension) a.dimensions.push(f.dimension);
}

function show(field: Field, value: string | number): string {
  if (field === 'beginTime' || field === 'endTime') return `${value} (${new Date(value as number).toISOString()})`;
  return String(value);
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
  if (group.participateStatus) body.participate_status = group.participateStatus.value;
  if (group.beginTime) body.begin_time = group.beginTime.value;
  if (group.endTime) body.end_time = group.endTime.value;
  const assessments: AssessmentBody[] = [];
  for (const a of group.assessments.values()) {
    const out: AssessmentBody = {};
    if (a.username) out.username = a.username.value;
    if (a.conclusion) out.conclusion = a.conclusion.value;
    if (a.content) out.content = a.content.value;
    if (a.dimensions.length > 0) out.assessment_dimension_list = a.dimensions.map(orderDimension);
    if (Object.keys(out).length > 0) assessments.push(out);
  }
  if (assessments.length > 0) body.interview_assessments = assessments;
  return body;
}

function orderDimension(d: DimensionBody): DimensionBody {
  const out: DimensionBody = {};
  if (d.score !== undefined) out.score = d.score;
  if (d.option !== undefined) out.option = d.option;
  if (d.options !== undefined) out.options = d.options;
  if (d.content !== undefined) out.content = d.content;
  if (d.assessment_type !== undefined) out.assessment_type = d.assessment_type;
  if (d.title !== undefined) out.title = d.title;
  if (d.description !== undefined) out.description = d.description;
  return out;
}
