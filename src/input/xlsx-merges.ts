import { INPUT } from './messages.js';
import { type Range, columnLetters } from './xlsx-refs.js';
import type { SheetContent, SheetRow } from './xlsx-sheet.js';
import { overLimit } from './zip.js';

/**
 * The cells merges may fill. One merge: 16,384 (a full row of Excel's grid, or 910 rows of the
 * template's 18 columns); the template merged as people merge it (an interview's IDs, status and
 * times over its 5 dimension rows) fills 25, while one merge Excel allows, `A2:XFD1048576`, over
 * 10,000 rows of 18 columns would fill 180,000 and copy one value into every cell of the report.
 * All merges of a sheet: 4 per cell the sheet holds, and 65,536 more (the template merged as
 * above fills under 1 per cell held; 5,000 whole-sheet merges hung the reader).
 */
const FILL_ONE = 16_384;
const FILL_PER_CELL = 4;
const FILL_MIN = 65_536;

/**
 * A merged range shows its top-left value in every cell it covers: each cell gets that value.
 * Only rows that hold cells are filled, and only columns up to the widest row: a range reaching
 * to XFD or row 1,048,576 adds nothing where the sheet has nothing. Rows are in order (the
 * reader refuses them otherwise), so each range finds its first row by bisection.
 */
export function spreadMerges(content: SheetContent, where: { file: string; part: string }): SheetRow[] {
  const { rows, merges } = content;
  if (merges.length === 0) return rows;
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const limit = FILL_PER_CELL * content.held + FILL_MIN;
  let filled = 0;
  for (const m of merges) {
    let at = firstRowFrom(rows, m.top);
    const value = rows[at]?.row === m.top ? rows[at]!.cells[m.left - 1] : undefined;
    if (value === undefined || value === '') continue;
    const right = Math.min(m.right, width);
    let one = 0;
    for (; at < rows.length && rows[at]!.row <= m.bottom; at++) {
      const cells = rows[at]!.cells;
      one += right - m.left + 1;
      filled += right - m.left + 1;
      if (one > FILL_ONE)
        throw overLimit(where.file, inPart(where.part, m), INPUT.limitMergeCells, FILL_ONE.toLocaleString('en'));
      if (filled > limit) throw overLimit(where.file, where.part, INPUT.limitMergeCells, limit.toLocaleString('en'));
      while (cells.length < m.left - 1) cells.push('');
      for (let c = m.left; c <= right; c++) cells[c - 1] = value;
    }
  }
  return rows;
}

/** The part and the merge in it, as a message names them: `xl/worksheets/sheet1.xml (merge A2:XFD1048576)`. */
function inPart(part: string, m: Range): string {
  return `${part} (merge ${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom})`;
}

/** The index of the first row numbered `row` or more (rows.length if none). */
function firstRowFrom(rows: readonly SheetRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
