import type { MergeRefusal } from './merge-assessments.js';
import { showTime } from './normalise.js';
import { DIMENSION_NEEDS } from './row-fields.js';
import type { InterviewBody } from '../feishu/body.js';
import type { RowRef } from './types.js';

/**
 * The checks a plain file's rows get, run on a merged body before it is sent: the end not before
 * the begin, and every dimension with its type and the value its type needs. A problem is
 * blamed on `at`, the interview's first row.
 */
export function checkMergedBody(body: InterviewBody, at: RowRef, zone: string): MergeRefusal | undefined {
  const { begin_time: begin, end_time: end } = body;
  if (begin !== undefined && end !== undefined && end < begin) {
    return {
      at,
      code: 'ROW_END_BEFORE_BEGIN',
      column: 'end_time',
      message: `expected an end_time after the begin_time ${showTime(begin, zone)}, got ${showTime(end, zone)} once merged with the current record (row ${at.row}, column end_time): fix the time in the file`,
    };
  }
  for (const [i, a] of (body.interview_assessments ?? []).entries()) {
    for (const d of a.assessment_dimension_list ?? []) {
      const need = d.assessment_type === undefined ? undefined : DIMENSION_NEEDS[d.assessment_type];
      if (need && d[need.field] !== undefined) continue;
      const which = `dimension ${JSON.stringify(d.title ?? '')} of assessment ${i + 1}${a.username ? ` (${a.username})` : ''}`;
      const column = need ? need.column : 'assessment_type';
      const wanted = need
        ? `a value in ${need.column}: a dimension of type ${need.label}`
        : 'an assessment_type (1 打分题 · 2 单选题 · 3 描述题 · 4 多选题)';
      return {
        at,
        code: need ? 'ROW_DIMENSION_INCOMPLETE' : 'ROW_MISSING_ASSESSMENT_TYPE',
        column,
        message: `expected ${wanted} for ${which}, got none once merged with the current record (row ${at.row}, column ${column}): fill it in`,
      };
    }
  }
  return undefined;
}
