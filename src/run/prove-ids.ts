import { ROW } from '../plan/messages.js';
import { OUTCOME } from './outcome-messages.js';
import { col, say } from '../messages.js';
import { interviewName } from '../plan/group.js';
import type { MergePlanned, Plan, PlannedInterview, RowOutcome } from '../plan/types.js';
import type { EarlierRecords } from './earlier-records.js';

/** A correction's interview named by its legacy key alone: no application to look it up in. */
export const lacksApplication = (p: PlannedInterview): p is MergePlanned & { legacy: { externalId: string } } =>
  p.kind === 'merge' && p.legacy !== undefined && p.patch.set.external_application_id === undefined;

/**
 * A `--merge` interview named by its legacy key without its application (`面试记录ID,评价ID,…`)
 * is the Feishu interview the tool's records give that key, where they give exactly one: it is
 * then read and merged by that id like any other. Where nothing proves one, its first row is
 * `ROW_MISSING_APPLICATION_ID` and the others are blocked, as the file alone would have it.
 */
export function proveIds(plan: Plan, records: EarlierRecords | undefined): Plan {
  if (!plan.interviews.some(lacksApplication)) return plan;
  const outcomes = plan.outcomes.slice();
  const interviews = plan.interviews.map((p): PlannedInterview => {
    if (!lacksApplication(p)) return p;
    const ids = records?.namedAnywhere(p.legacy.externalId) ?? [];
    if (ids.length === 1) return { ...p, id: ids[0]!, legacy: undefined };
    refuse(plan, p, outcomes);
    return { kind: 'invalid', id: p.id, rows: p.rows, legacy: p.legacy };
  });
  return { ...plan, interviews, outcomes };
}

function refuse(plan: Plan, p: MergePlanned, outcomes: RowOutcome[]): void {
  const [first, ...rest] = p.rows;
  const row = plan.table.rows[first!]!.row;
  const column = col('external_application_id');
  outcomes[first!] = {
    status: 'invalid',
    errorCode: 'ROW_MISSING_APPLICATION_ID',
    errorColumn: 'external_application_id',
    message: say(ROW.missingApplication({ interview: interviewName(p.id), row, column, correction: false })),
  };
  const message = say(
    OUTCOME.blocked({
      reasons: say(OUTCOME.invalidRows({ interview: interviewName(p.id), rows: String(row), many: false })),
      many: false,
    }),
  );
  for (const i of rest) outcomes[i] = { status: 'blocked', errorCode: 'ROW_BLOCKED', message };
}
