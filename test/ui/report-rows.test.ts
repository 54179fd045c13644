import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/api.js';
import { readReportRows, rowWindow } from '../../src/ui/report-rows.js';
import { ROOT, tempDir } from '../helpers.js';

const SAMPLE = join(ROOT, 'samples', 'interviews.csv');

describe('the grid rows read back from the JSON report', () => {
  it('finds each row without parsing the whole report, and reads it as a whole parse would', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.json');
    const result = await validateFile(SAMPLE, { tz: 'Asia/Shanghai', lang: 'en', report });
    const statuses = result.rows.map((r) => r.status);
    const whole = JSON.parse(await readFile(report, 'utf8')) as { rows: { row: number; cells: object }[] };
    const rows = await readReportRows(report, statuses);
    expect(rows.count).toBe(173);
    for (let i = 0; i < rows.count; i++) expect(rows.row(i)).toEqual(whole.rows[i]);
    // The run's rows are in the report's order: the problem rows are known from the run alone.
    expect(result.rows.map((r) => r.row)).toEqual(whole.rows.map((r) => r.row));
    expect(rows.problems.map((i) => rows.row(i).row)).toEqual([3, 10, 30, 35, 75, 163, 164, 174]);
    // Laid out another way, the report is parsed whole, with the same rows.
    const compact = join(dir, 'compact.json');
    await writeFile(compact, JSON.stringify(whole));
    const fallback = await readReportRows(compact, statuses);
    expect(rowWindow(fallback, 0, 500, false)).toEqual(rowWindow(rows, 0, 500, false));
  });

  it('gives a window of all rows or of the problem rows, the cell at fault by its column', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.json');
    const result = await validateFile(SAMPLE, { tz: 'Asia/Shanghai', lang: 'en', report });
    const rows = await readReportRows(
      report,
      result.rows.map((r) => r.status),
    );
    const bad = rowWindow(rows, 1, 1, true);
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
    expect(rowWindow(rows, 170, 10, false).rows.map((r) => r.row)).toEqual([200, 201, 203]);
    expect(rowWindow(rows, 200, 10, false)).toEqual({ total: 173, rows: [] });
  });

  it("gives each row its times as they land in the run's zone, none without a zone", async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.json');
    const result = await validateFile(SAMPLE, { tz: 'Asia/Shanghai', lang: 'en', report });
    const rows = await readReportRows(
      report,
      result.rows.map((r) => r.status),
    );
    // File row 10: 2024-03-24 16:00 to 16:45, Beijing time (UTC+8).
    const bad = rowWindow(rows, 1, 1, true, 'Asia/Shanghai').rows[0]!;
    expect(bad.row).toBe(10);
    expect(bad.times).toEqual({ begin: Date.UTC(2024, 2, 24, 8, 0), end: Date.UTC(2024, 2, 24, 8, 45) });
    expect(rowWindow(rows, 1, 1, true, 'UTC').rows[0]!.times).toEqual({
      begin: Date.UTC(2024, 2, 24, 16, 0),
      end: Date.UTC(2024, 2, 24, 16, 45),
    });
    expect(rowWindow(rows, 1, 1, true).rows[0]!.times).toBeUndefined();
    // A continuation row has no times of its own.
    expect(rowWindow(rows, 0, 1, false, 'Asia/Shanghai').rows[0]!.times).toBeUndefined();
  });
});
