import type { InputTable } from '../input/table.js';
import { bodyOf, groupRows } from './group.js';
import { readRowFields } from './row-fields.js';
import type { Plan, PlannedInterview, RowOutcome } from './types.js';

/**
 * Reads, groups and validates every row, and builds one request body per interview whose rows
 * are all valid. If any row of an interview is invalid, nothing of it is sent (a PUT replaces
 * the whole interview, so a partial body would delete what the invalid row meant to say).
 */
export function buildPlan(table: InputTable, zone: string): Plan {
  const width = table.headers.length;
  const fields = table.rows.map((r) => readRowFields(r, table.columns.index, zone, width));
  const groups = groupRows(fields, table.rows);
  const outcomes: RowOutcome[] = new Array(fields.length);
  const interviews: PlannedInterview[] = [];

  for (const group of groups.values()) {
    const first = group.rows[0]!;
    if (!group.applicationId && fields[first]!.problems.every((p) => p.column !== 'external_application_id')) {
      fields[first]!.problems.push({
        code: 'ROW_MISSING_APPLICATION_ID',
        column: 'external_application_id',
        message: `expected an external_application_id on at least one row of interview ${group.id}, got none (row ${table.rows[first]!.row}, column external_application_id): fill it in on this row`,
      });
    }
    if (group.beginTime && group.endTime && group.endTime.value < group.beginTime.value) {
      const at = group.rows.find((i) => table.rows[i]!.row === group.endTime!.row)!;
      fields[at]!.problems.push({
        code: 'ROW_END_BEFORE_BEGIN',
        column: 'end_time',
        message: `expected an end_time after the begin_time ${new Date(group.beginTime.value).toISOString()} (row ${group.beginTime.row}), got ${new Date(group.endTime.value).toISOString()} (row ${group.endTime.row}, column end_time): swap the two times or fix the date`,
      });
    }
    const invalid = group.rows.filter((i) => fields[i]!.problems.length > 0);
    if (invalid.length === 0) {
      interviews.push({ id: group.id, rows: group.rows, body: bodyOf(group) });
      for (const i of group.rows) outcomes[i] = { status: 'ok', message: 'valid' };
      continue;
    }
    interviews.push({ id: group.id, rows: group.rows });
    const named = invalid.map((i) => table.rows[i]!.row);
    const list = named.length > 5 ? `${named.slice(0, 5).join(', ')} and ${named.length - 5} more` : named.join(', ');
    for (const i of group.rows) {
      if (fields[i]!.problems.length > 0) continue;
      outcomes[i] = {
        status: 'blocked',
        error_code: 'ROW_BLOCKED',
        message: `not sent: interview ${group.id} has invalid row${named.length > 1 ? 's' : ''} ${list}; fix ${named.length > 1 ? 'them' : 'it'} and import again (its rows are sent together or not at all)`,
      };
    }
  }
  fields.forEach((f, i) => {
    if (f.problems.length > 0) {
      outcomes[i] = { status: 'invalid', error_code: f.problems[0]!.code, message: f.problems.map((p) => p.message).join('; ') };
    }
  });
  return { table, outcomes, interviews, zone, usedZone: fields.some((f) => f.usedZone) };
}
