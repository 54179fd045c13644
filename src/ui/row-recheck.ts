/**
 * An edited cell's rows checked again at once (issue 31 item 4): the rows around it in the last
 * check's report, with the edits made since, through the library's `checkRows` in the re-check
 * thread (src/ui/recheck-thread.ts): a few hundred rows, milliseconds, where the whole file's check
 * of 100,000 rows takes seconds (that check follows, in the checks' thread, and replaces these rows). The rows it gives are kept over the
 * report's until then, so the grid, the counts and the problems panel show the file as edited.
 */
import type { CheckedRow } from '../commands/check-rows.js';
import type { CellEdit } from '../input/edits.js';
import type { RecheckJob } from './recheck-protocol.js';
import type { RecheckThread } from './recheck-thread.js';
import type { Problem, ProblemTally } from './problem-tally.js';
import { type GridRow, type JsonRow, type ReportRows, gridRow, indexOfRow, shapeRow } from './report-rows.js';

/**
 * Rows checked on each side of the edited one: an interview's rows sit together in the files
 * people write (20 assessments × 5 dimensions is 100 rows); one that reaches past the window is
 * left to the whole file's check.
 */
export const WINDOW = 150;

/** What a re-check needs of the run whose grid shows the rows. */
export interface RecheckRun {
  readonly rows: ReportRows;
  /** The uploaded file (the messages name it) and how its check read it. */
  readonly path: string;
  readonly options: RecheckJob['options'];
  /** Rows checked again since the check: shown over the report's. */
  readonly overlay: Map<number, GridRow>;
  /** The check's counts by status, kept up to date with the overlay. */
  counts: Record<string, number>;
  /** The check's commonest problems, kept up to date with the overlay. */
  readonly problems?: ProblemTally;
}

/** The rows around report row `index`, checked with `edits` applied in `thread`: each with its index. */
export async function checkAround(
  run: RecheckRun,
  index: number,
  edits: readonly CellEdit[],
  thread: Pick<RecheckThread, 'check'>,
): Promise<{ from: number; read: readonly JsonRow[]; checked: readonly CheckedRow[] }> {
  const { rows } = run;
  const from = Math.max(0, index - WINDOW);
  const to = Math.min(rows.count, index + WINDOW + 1);
  const read = await rows.read(Array.from({ length: to - from }, (_, k) => from + k));
  const window = read.map((r) => ({ row: r.row, cells: rows.columns.map((c) => r.cells[c] ?? '') }));
  const checked = await thread.check(run.path, { columns: rows.columns, rows: window, edits }, run.options);
  return { from, read, checked };
}

/**
 * Re-checks the rows of the edited cell's interview (and the rows around it) and keeps those that
 * now show otherwise in the overlay; rows of an interview that reaches the window's edge are left
 * as they were. Gives the rows changed (their status, message, cells or times), by index, and the
 * counts and commonest problems after: the rows the check shows as they were are not sent again.
 */
export async function recheckEdit(
  run: RecheckRun,
  row: number,
  edits: readonly CellEdit[],
  zone: string | undefined,
  thread: Pick<RecheckThread, 'check'>,
): Promise<
  { rows: Record<number, GridRow>; counts: Record<string, number>; problems?: readonly Problem[] } | undefined
> {
  const index = indexOfRow(run.rows, row);
  if (index < 0) return undefined;
  const { from, read, checked } = await checkAround(run, index, edits, thread);
  const atEdge = new Set<string | undefined>();
  const last = checked.length - 1;
  if (from > 0) atEdge.add(checked[0]?.interview);
  if (from + last < run.rows.count - 1) atEdge.add(checked[last]?.interview);
  const changed: Record<number, GridRow> = {};
  checked.forEach((c, k) => {
    const at = from + k;
    const edge = (k === 0 && from > 0) || (k === last && at < run.rows.count - 1);
    if (edge || (c.interview !== undefined && atEdge.has(c.interview))) return;
    const before = run.overlay.get(at) ?? gridRow(read[k]!, run.rows, zone);
    const after = shapeRow(c, run.rows, zone);
    if (sameRow(before, after)) return;
    run.counts[before.status] = (run.counts[before.status] ?? 1) - 1;
    run.counts[after.status] = (run.counts[after.status] ?? 0) + 1;
    run.problems?.change(at, before, after);
    run.overlay.set(at, after);
    changed[at] = after;
  });
  return {
    rows: changed,
    counts: { ...run.counts },
    ...(run.problems ? { problems: await run.problems.list() } : {}),
  };
}

/** The row shows the same: status, problem, message, cells and times. */
function sameRow(a: GridRow, b: GridRow): boolean {
  return (
    a.status === b.status &&
    a.code === b.code &&
    a.fault === b.fault &&
    a.message === b.message &&
    a.cells.length === b.cells.length &&
    a.cells.every((cell, i) => cell === b.cells[i]) &&
    a.times?.begin === b.times?.begin &&
    a.times?.end === b.times?.end
  );
}
