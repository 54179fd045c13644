import { ROW } from './messages.js';
import { col, say } from '../messages.js';
import type { MergeRefusal } from './merge-assessments.js';
import { showTime } from '../time-zones.js';
import { DIMENSION_NEEDS } from './row-fields.js';
import type { InterviewBody } from '../feishu/body.js';
import type { RowRef } from './types.js';
import { TIME_SPAN } from '../schema.js';

/**
 * The checks a plain file's rows get, run on a merged body before it is sent: the end not before
 * the begin, and every dimension with its type and the value its type needs. A problem is
 * blamed on `at`, the interview's first row.
 */
export function checkMergedBody(body: InterviewBody, at: RowRef, zone: string): MergeRefusal | undefined {
  const begin = body[TIME_SPAN.begin];
  const end = body[TIME_SPAN.end];
  if (begin !== undefined && end !== undefined && end < begin) {
    return {
      at,
      code: 'ROW_END_BEFORE_BEGIN',
      column: TIME_SPAN.end,
      message: say(
        ROW.endBeforeBeginMerged({
          begin: showTime(begin, zone),
          end: showTime(end, zone),
          row: at.row,
          column: col(TIME_SPAN.end),
        }),
      ),
      facts: { zone, begin, end },
    };
  }
  for (const [i, a] of (body.interview_assessments ?? []).entries()) {
    for (const d of a.assessment_dimension_list ?? []) {
      const need = d.assessment_type === undefined ? undefined : DIMENSION_NEEDS[d.assessment_type];
      if (need && d[need.field] !== undefined) continue;
      const which = ROW.dimensionOf(d.title ?? '', i + 1, a.username);
      const column = need ? need.column : 'assessment_type';
      const wanted = need ? ROW.valueFor(col(need.column), d.assessment_type!) : ROW.typeWanted;
      return {
        at,
        code: need ? 'ROW_DIMENSION_INCOMPLETE' : 'ROW_MISSING_ASSESSMENT_TYPE',
        column,
        message: say(ROW.incompleteMerged({ wanted, which, row: at.row, column: col(column) })),
      };
    }
  }
  return undefined;
}
