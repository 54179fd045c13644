import { type Cell, cellText, isBlankCell } from './cells.js';
import type { Column } from '../schema.js';

/** The cells a profile's `fill_down` filled, per column: said in the summary, never silently. */
export interface FilledCells {
  readonly column: Column;
  /** The row numbers (as a person sees them) whose cell was filled. */
  readonly rows: readonly number[];
}

interface FillRow {
  readonly row: number;
  readonly cells: Cell[];
}

/** The columns that say which interview a row belongs to: filled first, from the row above. */
const KEYS: readonly Column[] = ['external_interview_id', 'external_id'];

/**
 * Fills the blank cells of `columns` from the nearest row above, only inside a block of
 * consecutive rows (a blank row ends it). The interview's key fills first, from any row above in
 * the block; every other column fills only from rows of the same interview, so an interview that
 * gives no times of its own never takes those of the one above. `spans`: the lines a row's text
 * takes (a CSV cell may hold line breaks), so a gap in row numbers is a blank row.
 */
export function fillDown(
  rows: readonly FillRow[],
  index: Readonly<Partial<Record<Column, number>>>,
  columns: readonly Column[],
  csv: boolean,
): FilledCells[] {
  const keys = KEYS.filter((c) => index[c] !== undefined);
  const keyFills = keys.filter((c) => columns.includes(c));
  const others = columns.filter((c) => !keys.includes(c) && index[c] !== undefined);
  const filled = new Map<Column, number[]>(columns.map((c) => [c, []]));
  let block = 0;
  const blockOf = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && rows[i]!.row > rows[i - 1]!.row + linesOf(rows[i - 1]!.cells, csv)) block++;
    blockOf[i] = block;
  }
  for (const column of keyFills) fillColumn(rows, index[column]!, blockOf, () => true, filled.get(column)!);
  const keyTexts = (i: number) => keys.map((c) => cellText(rows[i]!.cells[index[c]!]).trim());
  for (const column of others) {
    const sameInterview = (from: number, to: number) => {
      const id = keyTexts(to);
      const other = keyTexts(from);
      return id.some((k) => k !== '') && id.every((k, n) => k === other[n]);
    };
    fillColumn(rows, index[column]!, blockOf, sameInterview, filled.get(column)!);
  }
  return [...filled].filter(([, list]) => list.length > 0).map(([column, list]) => ({ column, rows: list }));
}

/**
 * One column: each blank cell takes the cell of the nearest row above that has one, while the
 * rows between stay in the block and `joins` says they are one interview.
 */
function fillColumn(
  rows: readonly FillRow[],
  at: number,
  blockOf: Int32Array,
  joins: (from: number, to: number) => boolean,
  filled: number[],
): void {
  let source = -1;
  for (let i = 0; i < rows.length; i++) {
    const cell = rows[i]!.cells[at];
    if (cell !== undefined && !isBlankCell(cell)) {
      source = i;
      continue;
    }
    if (source < 0 || blockOf[source] !== blockOf[i] || !joins(source, i)) {
      source = -1;
      continue;
    }
    while (rows[i]!.cells.length <= at) rows[i]!.cells.push('');
    rows[i]!.cells[at] = rows[source]!.cells[at]!;
    filled.push(rows[i]!.row);
  }
}

/** The lines a row's text takes: one, and one more for each line break inside a CSV cell. */
function linesOf(cells: readonly Cell[], csv: boolean): number {
  if (!csv) return 1;
  let lines = 1;
  for (const c of cells)
    if (typeof c === 'string') for (let k = c.indexOf('\n'); k >= 0; k = c.indexOf('\n', k + 1)) lines++;
  return lines;
}
