/** A check's commonest problems as edits re-check its rows: counts, examples, codes dropped and risen. */
import { describe, expect, it } from 'vitest';
import { ProblemTally, type ShownProblem } from '../../src/ui/problem-tally.js';
import type { GridRow } from '../../src/ui/report-rows.js';

const COLUMNS = ['id', 'status'];

/** A check's rows as its report holds them: row 2 + i, each invalid with `codes[i]` or ok. */
function report(codes: readonly (string | undefined)[]) {
  const rows = codes.map((code, i) => ({
    row: i + 2,
    status: code ? 'invalid' : 'ok',
    ...(code ? { error_code: code, error_column: 'id', message: `row ${i + 2}: ${code}` } : {}),
    cells: { id: `k${i}`, status: 'x' },
  }));
  const problems = rows.flatMap((r, i) => (r.status === 'invalid' ? [i] : []));
  // Read as the page's server reads the report's file: each read counted, to show the scan's reach.
  const read = async (indexes: readonly number[]) => {
    reads.push(indexes.length);
    return indexes.map((i) => rows[i]!);
  };
  const reads: number[] = [];
  return { columns: COLUMNS, read, sizeOf: () => 100, problems, reads };
}

const grid = (at: number, code?: string, status = code ? 'invalid' : 'ok'): GridRow => ({
  row: at + 2,
  status,
  ...(code ? { code, fault: 0, message: `row ${at + 2}: ${code} now` } : {}),
  cells: [`k${at}`, 'x'],
});

/** An English tally of `rows` whose first row, at fault with `code`, an edit has fixed. */
function firstFixed(
  rows: ReturnType<typeof report>,
  codes: Record<string, number>,
  shown: readonly ShownProblem[],
  code: string,
): ProblemTally {
  const overlay = new Map<number, GridRow>();
  const tally = new ProblemTally(rows, overlay, 'en', codes, shown);
  overlay.set(0, grid(0));
  tally.change(0, grid(0, code), grid(0));
  return tally;
}

describe('the commonest problems, as edits re-check rows', () => {
  it('counts a fixed row down and says the example of the next row with its code, dropping a code no row has', async () => {
    const rows = report(['A_X', 'A_X', 'B_X', undefined, 'A_X']);
    const overlay = new Map<number, GridRow>();
    const shown = [
      { code: 'A_X', count: 3, example: 'row 2: A_X', at: 0 },
      { code: 'B_X', count: 1, example: 'row 4: B_X', at: 2 },
    ];
    const tally = new ProblemTally(rows, overlay, 'en', { A_X: 3, B_X: 1 }, shown);
    const fix = (at: number, before: GridRow, after: GridRow) => {
      overlay.set(at, after);
      tally.change(at, before, after);
    };
    fix(0, grid(0, 'A_X'), grid(0));
    expect(await tally.list()).toEqual([
      { code: 'A_X', count: 2, example: 'row 3: A_X' },
      { code: 'B_X', count: 1, example: 'row 4: B_X' },
    ]);
    fix(2, grid(2, 'B_X'), grid(2));
    fix(1, grid(1, 'A_X'), grid(1));
    expect(await tally.list()).toEqual([{ code: 'A_X', count: 1, example: 'row 6: A_X' }]);
  });

  it('counts a spoilt row up, says a new code of it, and lets a code rise into the list', async () => {
    const checked = ['A_X', 'A_X', 'B_X', 'C_X', 'D_X', 'E_X', 'F_X', 'F_X', undefined];
    const rows = report(checked);
    const overlay = new Map<number, GridRow>();
    const codes = { A_X: 2, B_X: 1, C_X: 1, D_X: 1, E_X: 1, F_X: 2 };
    const listed = ['A_X', 'F_X', 'B_X', 'C_X', 'D_X'];
    const shown = listed.map((code) => ({ code, count: codes[code as keyof typeof codes], example: code }));
    const tally = new ProblemTally(rows, overlay, 'en', codes, shown);
    const spoil = (at: number, code: string) => {
      const after = grid(at, code);
      tally.change(at, overlay.get(at) ?? grid(at, checked[at]), after);
      overlay.set(at, after);
    };
    spoil(8, 'E_X');
    const now = await tally.list();
    // A tie in the check's order: E_X's first row is before F_X's.
    expect(now.map((p) => [p.code, p.count])).toEqual([
      ['A_X', 2],
      ['E_X', 2],
      ['F_X', 2],
      ['B_X', 1],
      ['C_X', 1],
    ]);
    // Risen into the list: said of the row that gave it its place, as that row is now.
    expect(now[1]!.example).toBe('row 10: E_X now');
    // That row spoilt otherwise: E_X falls out of the list; back in, said of the row that has it now.
    spoil(8, 'G_X');
    expect((await tally.list()).find((p) => p.code === 'E_X')).toBeUndefined();
    spoil(0, 'E_X');
    expect((await tally.list()).find((p) => p.code === 'E_X')).toEqual({
      code: 'E_X',
      count: 2,
      example: 'row 2: E_X now',
    });
    spoil(0, 'A_X');
    expect((await tally.list()).find((p) => p.code === 'E_X')).toBeUndefined();
    spoil(1, 'E_X');
    expect((await tally.list()).find((p) => p.code === 'E_X')).toEqual({
      code: 'E_X',
      count: 2,
      example: 'row 3: E_X now',
    });
    // A code no check saw, counted up by another row: still said of the row that first had it.
    spoil(3, 'G_X');
    expect((await tally.list()).find((p) => p.code === 'G_X')).toEqual({
      code: 'G_X',
      count: 2,
      example: 'row 10: G_X now',
    });
  });

  it('says an example of a row still at fault as the row is now, and the page’s words where it has them', async () => {
    const rows = report(['ROW_MISSING_ID', 'ROW_MISSING_ID']);
    const overlay = new Map<number, GridRow>();
    const shown = [{ code: 'ROW_MISSING_ID', count: 2, example: 'first', at: 0 }];
    const tally = new ProblemTally(rows, overlay, 'zh', { ROW_MISSING_ID: 2 }, shown);
    const after = grid(0, 'ROW_MISSING_ID');
    overlay.set(0, after);
    tally.change(0, grid(0, 'ROW_MISSING_ID'), after);
    expect((await tally.list())[0]!.example).toMatch(/^第 2 行「id」列：应填这场面试在飞书中的 ID/);
  });

  it('says a code in words when its next row lies past the bounded look, rather than dropping it', async () => {
    // ROW_MISSING_ID on the first row, then 6,000 rows of another problem, then on the last.
    const rows = report(['ROW_MISSING_ID', ...Array<string>(6000).fill('B_X'), 'ROW_MISSING_ID']);
    const shown = [
      { code: 'B_X', count: 6000, example: 'b', at: 1 },
      { code: 'ROW_MISSING_ID', count: 2, example: 'first', at: 0 },
    ];
    const tally = firstFixed(rows, { ROW_MISSING_ID: 2, B_X: 6000 }, shown, 'ROW_MISSING_ID');
    const [, missing] = await tally.list();
    expect(missing).toEqual({
      code: 'ROW_MISSING_ID',
      count: 1,
      example: expect.stringMatching(/^expected the interview's Feishu ID/),
    });
  });

  it('looks on for the next example in batches of rows read from the report, and says the row it finds', async () => {
    // B_X on the first row and on the 1,102nd, A_X between: the next B_X is three batches on
    // (read from the fixed row on).
    const rows = report(['B_X', ...Array<string>(1099).fill('A_X'), 'B_X']);
    const shown = [
      { code: 'A_X', count: 1099, example: 'a', at: 1 },
      { code: 'B_X', count: 2, example: 'row 2: B_X', at: 0 },
    ];
    const tally = firstFixed(rows, { A_X: 1099, B_X: 2 }, shown, 'B_X');
    expect((await tally.list())[1]).toEqual({ code: 'B_X', count: 1, example: 'row 1102: B_X' });
    expect(rows.reads).toEqual([500, 500, 101]);
    // Found, it is kept: the next list reads nothing.
    await tally.list();
    expect(rows.reads).toHaveLength(3);
  });
});
