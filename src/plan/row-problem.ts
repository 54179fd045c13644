import { ROW } from './messages.js';
import { col, say } from '../messages.js';
import type { RowProblem, ValueProblem } from '../errors.js';
import { currentLang } from '../lang.js';

/** A cell's problem as the report says it: what was expected and found, in which row and column, and the fix. */
export function describeValueProblem(p: ValueProblem, row: number, column: string): RowProblem {
  const lang = currentLang();
  return {
    code: p.code,
    column,
    message: say(
      ROW.value({ expected: p.expected[lang], got: p.got[lang], row, column: col(column), fix: p.fix[lang] }),
    ),
  };
}
