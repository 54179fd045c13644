import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/api.js';
import { notingRowStarts } from '../../src/report/row-starts.js';
import { type ReportRows, indexOfRow, openReportRows, rowWindow, scanRows } from '../../src/ui/report-rows.js';
import { ROOT, tempDir } from '../helpers.js';

const SAMPLE = join(ROOT, 'samples', 'interviews.csv');

/** The sample checked with its JSON report at `report`, its rows opened as the page's server opens them. */
async function checked(report: string, file = SAMPLE) {
  const { result, starts } = await notingRowStarts(() =>
    validateFile(file, { tz: 'Asia/Shanghai', lang: 'en', report }),
  );
  const statuses = result.rows.map((r) => r.status);
  const numbers = result.rows.map((r) => r.row);
  return { result, starts, statuses, numbers, rows: await openReportRows(report, statuses, numbers, starts) };
}

const all = (rows: ReportRows) => rows.read(Array.from({ length: rows.count }, (_, i) => i));

describe('the grid rows read back from the JSON report', () => {
  it('reads each row from the file by where the writer noted it, as a whole parse would', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.json');
    const { result, starts, statuses, numbers, rows } = await checked(report);
    const whole = JSON.parse(await readFile(report, 'utf8')) as { rows: { row: number; cells: object }[] };
    // One start per row, then where the rows end: just before the report's closing `]`.
    expect(starts).toHaveLength(174);
    expect((await readFile(report)).subarray(starts[173]!).toString()).toBe('\n ]\n}\n');
    expect(rows.count).toBe(173);
    expect(await all(rows)).toEqual(whole.rows);
    // Rows far apart are read each on its own, in the order asked.
    expect(await rows.read([0, 1, 2, 100, 172])).toEqual([0, 1, 2, 100, 172].map((i) => whole.rows[i]));
    // The run's rows are in the report's order: the problem rows and numbers are known from the run alone.
    expect(result.rows.map((r) => r.row)).toEqual(whole.rows.map((r) => r.row));
    expect(rows.problems.map((i) => rows.numberOf(i))).toEqual([3, 10, 30, 35, 75, 163, 164, 174]);
    expect(indexOfRow(rows, 10)).toBe(rows.problems[1]);
    expect(indexOfRow(rows, 4)).toBe(-1);
    // Without the starts the report is read whole and its rows found; laid out another way, parsed whole.
    const found = await openReportRows(report, statuses, numbers);
    expect(await all(found)).toEqual(whole.rows);
    const compact = join(dir, 'compact.json');
    await writeFile(compact, JSON.stringify(whole));
    const fallback = await openReportRows(compact, statuses, numbers, starts.slice(1));
    expect(await rowWindow(fallback, 0, 500, false)).toEqual(await rowWindow(rows, 0, 500, false));
    await Promise.all([rows.close(), found.close(), fallback.close()]);
  });

  it('keeps reading its own report when a later check renames another over its name, until its last holder closes it', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.json');
    const first = await checked(report);
    const before = await all(first.rows);
    // A later check of another file writes the same name (its report is renamed into place).
    const other = join(dir, 'other.csv');
    await writeFile(other, (await readFile(SAMPLE, 'utf8')).replace('八十五', '85'));
    const second = await checked(report, other);
    expect(await all(second.rows)).not.toEqual(before);
    expect(await all(first.rows)).toEqual(before);
    // A second holder (an import saying its problems by its preview's rows) keeps them open.
    const held = first.rows.share();
    await first.rows.close();
    expect(await held.read([1])).toEqual([before[1]]);
    await held.close();
    await expect(held.read([1])).rejects.toThrow();
    await second.rows.close();
  });

  it('gives a window of all rows or of the problem rows, the cell at fault by its column', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.json');
    const { rows } = await checked(report);
    const bad = await rowWindow(rows, 1, 1, true);
    expect(bad.total).toBe(8);
    expect(bad.rows).toHaveLength(1);
    const row = bad.rows[0]!;
    expect(row).toMatchObject({
      row: 10,
      status: 'invalid',
      code: 'ROW_BAD_SCORE',
      message: 'expected a whole-number score such as 88, got "八十五" (row 10, column 分数): type digits only',
    });
    expect(rows.columns[row.fault!]).toBe('分数');
    expect(row.cells[row.fault!]).toBe('八十五');
    // The window stops at the last row (the file's row 203: its row numbers skip blank lines).
    expect((await rowWindow(rows, 170, 10, false)).rows.map((r) => r.row)).toEqual([200, 201, 203]);
    expect(await rowWindow(rows, 200, 10, false)).toEqual({ total: 173, rows: [] });
  });

  it("gives each row its times as they land in the run's zone, none without a zone", async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.json');
    const { rows } = await checked(report);
    // File row 10: 2024-03-24 16:00 to 16:45, Beijing time (UTC+8).
    const bad = (await rowWindow(rows, 1, 1, true, 'Asia/Shanghai')).rows[0]!;
    expect(bad.row).toBe(10);
    expect(bad.times).toEqual({ begin: Date.UTC(2024, 2, 24, 8, 0), end: Date.UTC(2024, 2, 24, 8, 45) });
    expect((await rowWindow(rows, 1, 1, true, 'UTC')).rows[0]!.times).toEqual({
      begin: Date.UTC(2024, 2, 24, 16, 0),
      end: Date.UTC(2024, 2, 24, 16, 45),
    });
    expect((await rowWindow(rows, 1, 1, true)).rows[0]!.times).toBeUndefined();
    // A continuation row has no times of its own.
    expect((await rowWindow(rows, 0, 1, false, 'Asia/Shanghai')).rows[0]!.times).toBeUndefined();
  });

  it('looks through rows a batch at a time, bounded by rows and by bytes, and stops where asked', async () => {
    const reads: number[][] = [];
    const fake = (size: number) => ({
      read: async (indexes: readonly number[]) => {
        reads.push([...indexes]);
        return indexes.map((i) => ({ row: i + 2, status: 'invalid', cells: {} }));
      },
      sizeOf: () => size,
    });
    const seen: number[] = [];
    await scanRows(
      fake(100),
      Array.from({ length: 1200 }, (_, i) => i),
      (r, k) => {
        seen.push(k);
        return r.row === 1001;
      },
    );
    expect(reads.map((r) => [r[0], r.length])).toEqual([
      [0, 500],
      [500, 500],
    ]);
    expect(seen).toHaveLength(1000);
    // Rows of 600 KB: two to a batch (the batch passes 1 MB with its second), a larger one alone.
    reads.length = 0;
    await scanRows(fake(600_000), [3, 4, 5, 9, 10], () => false);
    expect(reads).toEqual([[3, 4], [5, 9], [10]]);
    reads.length = 0;
    await scanRows(fake(5_000_000), [3, 4], () => false);
    expect(reads).toEqual([[3], [4]]);
  });
});
