/**
 * Some rows of a file checked again as the whole file's check would check them: the page's
 * re-check of an edited cell's interview, at once, while the whole file's check follows.
 */
import { cellText } from '../input/cells.js';
import type { ProblemFacts } from '../errors.js';
import type { CellEdit } from '../input/edits.js';
import { columnAsNamed, headerRules, tableOfRows } from '../input/table.js';
import { buildPlan } from '../plan/validate.js';
import type { RowStatus } from '../row-statuses.js';
import { REQUIRED_COLUMNS, REQUIRED_FOR_MERGE } from '../schema.js';
import { type InputOptions, runProfile } from './read-plan.js';

/** Rows of a file as its report names them: its columns, each row's number and cells as text. */
export interface RowsToCheck {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
  /** Changes to apply to them first (one naming another row is left alone). */
  readonly edits?: readonly CellEdit[];
}

/** A row as checked: its status, the column at fault as the file names it, the message, its cells after the edits. */
export interface CheckedRow {
  readonly row: number;
  readonly status: RowStatus;
  readonly code?: string;
  readonly column?: string;
  readonly message?: string;
  /** The times the problem names (src/errors.ts `ProblemFacts`). */
  readonly facts?: ProblemFacts;
  /** Every problem of the row, each with the column at fault as the file names it. */
  readonly problems: readonly {
    readonly code: string;
    readonly column?: string;
    readonly message: string;
    readonly facts?: ProblemFacts;
  }[];
  /** The interview the row belongs to (its key as the plan names it), when its key could be read. */
  readonly interview?: string;
  readonly cells: readonly string[];
}

export async function checkRowsCommand(options: InputOptions, input: RowsToCheck): Promise<CheckedRow[]> {
  const profile = await runProfile(options);
  const rules = headerRules({
    profile,
    required: options.merge ? REQUIRED_FOR_MERGE : REQUIRED_COLUMNS,
    edits: input.edits,
  });
  const rows = input.rows.map((r) => ({ row: r.row, cells: [...r.cells] }));
  const table = tableOfRows(options.file, [...input.columns], rows, rules, true);
  // A profile's tz stands for the zone when none was given, as for the whole file (read-plan.ts).
  const tz = options.tzGiven === false && profile?.tz !== undefined ? profile.tz : options.tz;
  const plan = buildPlan(table, tz, { merge: options.merge });
  const named = (column: string | undefined) => (column === undefined ? undefined : columnAsNamed(table, column));
  const interviewOf = new Map<number, string>();
  for (const p of plan.interviews) for (const i of p.rows) interviewOf.set(i, p.id);
  return plan.outcomes.map((o, i) => ({
    row: table.rows[i]!.row,
    status: o.status,
    code: o.errorCode,
    column: named(o.errorColumn),
    message: o.message,
    ...(o.errorFacts ? { facts: o.errorFacts } : {}),
    problems: (
      o.problems ??
      (o.errorCode ? [{ code: o.errorCode, column: o.errorColumn, message: o.message ?? '', facts: o.errorFacts }] : [])
    ).map((p) => ({
      code: p.code,
      column: named(p.column),
      message: p.message,
      ...(p.facts ? { facts: p.facts } : {}),
    })),
    interview: interviewOf.get(i),
    cells: table.rows[i]!.cells.map((c) => cellText(c)),
  }));
}
