import { NAME, ROW } from './messages.js';
import { type Pair, col, say } from '../messages.js';
import type { ProblemFacts, RowProblem } from '../errors.js';
import type { RowFields } from './row-fields.js';

/**
 * The group key of an interview that has no Feishu id yet: its legacy key (`external_id`).
 * Not digits, so it can never be taken for a Feishu id.
 */
export const LEGACY_PREFIX = 'external_id:';

/** How a message names an interview: its Feishu id, or its legacy key. */
export function interviewName(key: string): Pair {
  return key.startsWith(LEGACY_PREFIX) ? NAME.legacyInterview(key.slice(LEGACY_PREFIX.length)) : NAME.interview(key);
}

/** How a message names the assessment a row gives: by its key, number or interviewer. */
export function assessmentName(f: RowFields, key: string): Pair {
  const which =
    f.assessmentExternalId !== undefined
      ? NAME.byExternalId(f.assessmentExternalId)
      : f.assessmentNo !== undefined
        ? NAME.byNo(f.assessmentNo)
        : f.username !== undefined
          ? NAME.byUser(f.username)
          : NAME.unnamed;
  return NAME.assessment(which, interviewName(key));
}

/** Two rows that give one field of one interview or assessment two values; `facts`, the two times of a time's. */
export function conflict(
  column: string,
  where: Pair,
  here: string,
  there: string,
  otherRow: number,
  row: number,
  facts?: ProblemFacts,
): RowProblem {
  return {
    code: 'ROW_CONFLICT',
    column,
    message: say(ROW.conflict({ column: col(column), where, here, there, otherRow, row })),
    ...(facts ? { facts } : {}),
  };
}
