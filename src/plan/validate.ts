import type { InputTable } from '../input/table.js';
import type { RowProblem } from '../errors.js';
import { ASSESSMENT_COLUMNS } from '../input/headers.js';
import { type InterviewGroup, addRow, bodyOf, patchOf } from './group.js';
import { columnPositions, newRowFields, readRowFields } from './row-fields.js';
import type { InterviewBody, Plan, PlannedInterview, RowOutcome } from './types.js';

/**
 * A valid interview. Its body is built on first use: `validate` without `--payloads` never
 * needs the 20,000 bodies of a 100,000-row file.
 */
function planned(group: InterviewGroup, merge: boolean, carriesAssessments: boolean): PlannedInterview {
  let body: InterviewBody | undefined;
  return {
    id: group.id,
    rows: group.rows,
    get body() {
      if (body === undefined && group.applicationId) body = bodyOf(group);
      return body;
    },
    patch: merge ? patchOf(group, carriesAssessments) : undefined,
  };
}

/** Shared by every valid row: outcomes are replaced, never changed in place. */
const VALID: RowOutcome = Object.freeze({ status: 'ok', message: 'valid' });

/**
 * Reads, groups and validates every row, and builds one request body per interview whose rows
 * are all valid. If any row of an interview is invalid, nothing of it is sent (a PUT replaces
 * the whole interview, so a partial body would delete what the invalid row meant to say).
 */
export function buildPlan(table: InputTable, zone: string, options: { merge?: boolean } = {}): Plan {
  const merge = options.merge ?? false;
  const carriesAssessments = ASSESSMENT_COLUMNS.some((c) => table.columns.index[c] !== undefined);
  const width = table.headers.length;
  const groups = new Map<string, InterviewGroup>();
  // Problems by row index: most rows have none, so most rows keep no parsed copy at all.
  const problems = new Map<number, RowProblem[]>();
  const scratch = newRowFields();
  const positions = columnPositions(table.columns.index);
  let usedZone = false;
  table.rows.forEach((r, i) => {
    readRowFields(r, positions, zone, width, scratch);
    addRow(groups, i, scratch, r.row);
    usedZone ||= scratch.usedZone;
    if (scratch.problems.length > 0) problems.set(i, [...scratch.problems]);
  });
  const problemsOf = (i: number) => {
    let list = problems.get(i);
    if (!list) problems.set(i, (list = []));
    return list;
  };
  const outcomes: RowOutcome[] = new Array(table.rows.length);
  const interviews: PlannedInterview[] = [];

  for (const group of groups.values()) {
    const first = group.rows[0]!;
    if (!merge && !group.applicationId && (problems.get(first) ?? []).every((p) => p.column !== 'external_application_id')) {
      problemsOf(first).push({
        code: 'ROW_MISSING_APPLICATION_ID',
        column: 'external_application_id',
        message: `expected an external_application_id on at least one row of interview ${group.id}, got none (row ${table.rows[first]!.row}, column external_application_id): fill it in on this row`,
      });
    }
    if (group.beginTime?.value != null && group.endTime?.value != null && group.endTime.value < group.beginTime.value) {
      const at = group.rows.find((i) => table.rows[i]!.row === group.endTime!.row)!;
      problemsOf(at).push({
        code: 'ROW_END_BEFORE_BEGIN',
        column: 'end_time',
        message: `expected an end_time after the begin_time ${new Date(group.beginTime.value).toISOString()} (row ${group.beginTime.row}), got ${new Date(group.endTime.value).toISOString()} (row ${group.endTime!.row}, column end_time): swap the two times or fix the date`,
      });
    }
    const invalid = group.rows.filter((i) => problems.has(i));
    if (invalid.length === 0) {
      interviews.push(planned(group, merge, carriesAssessments));
      for (const i of group.rows) outcomes[i] = VALID;
      continue;
    }
    interviews.push({ id: group.id, rows: group.rows });
    const named = invalid.map((i) => table.rows[i]!.row);
    const list = named.length > 5 ? `${named.slice(0, 5).join(', ')} and ${named.length - 5} more` : named.join(', ');
    for (const i of group.rows) {
      if (problems.has(i)) continue;
      outcomes[i] = {
        status: 'blocked',
        error_code: 'ROW_BLOCKED',
        message: `not sent: interview ${group.id} has invalid row${named.length > 1 ? 's' : ''} ${list}; fix ${named.length > 1 ? 'them' : 'it'} and import again (its rows are sent together or not at all)`,
      };
    }
  }
  for (const [i, list] of problems) {
    outcomes[i] = { status: 'invalid', error_code: list[0]!.code, message: list.map((p) => p.message).join('; ') };
  }
  return { table, outcomes, interviews, zone, usedZone };
}
