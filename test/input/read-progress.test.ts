import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/api.js';
import { type ReadProgress, PROGRESS_EVERY_MS, ReadTicker } from '../../src/input/read-progress.js';
import { readInput } from '../../src/input/table.js';
import { speaking } from '../../src/lang.js';
import { interviewsCsv, tempDir } from '../helpers.js';

/** A clock that moves `step` ms at each look. */
const stepping = (step: number) => {
  let t = 0;
  return () => {
    t += step;
    return t;
  };
};

/** 1,500 interviews of 4 rows: 6,000 data rows under one header row. */
const ROWS = 6000;
const files = async () => {
  const dir = await tempDir();
  const { text } = interviewsCsv(ROWS / 4, 4);
  const csv = join(dir, 'rows.csv');
  await writeFile(csv, text);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('面试记录');
  for (const r of parse(text) as string[][]) ws.addRow(r);
  const xlsx = join(dir, 'rows.xlsx');
  await wb.xlsx.writeFile(xlsx);
  return { csv, xlsx };
};

describe('ReadTicker', () => {
  it('tells the rows read at most every 200 ms by its clock, and the end always', () => {
    const events: ReadProgress[] = [];
    const times = [0, 50, 199, 200, 350, 401, 450, 460];
    const ticker = new ReadTicker(
      (e) => events.push(e),
      () => times.shift()!,
    );
    ticker.tick(10, 0.1); // 50: too soon
    ticker.tick(20, 0.2); // 199: too soon
    ticker.tick(30, 0.3); // 200: told
    ticker.tick(40, 0.4); // 350: too soon after 200
    ticker.tick(50, 1.7); // 401: told, the share capped at 1
    ticker.tick(60); // 450: too soon
    ticker.read(61); // 460: the end, told however soon
    expect(events).toEqual([
      { stage: 'reading', rows: 30, fraction: 0.3, elapsedMs: 200 },
      { stage: 'reading', rows: 50, fraction: 1, elapsedMs: 401 },
      { stage: 'checking', rows: 61, fraction: 1, elapsedMs: 460 },
    ]);
    expect(PROGRESS_EVERY_MS).toBe(200);
  });

  it('leaves out a share that is not a number (an archive that states no size)', () => {
    const events: ReadProgress[] = [];
    new ReadTicker((e) => events.push(e), stepping(1000)).tick(5, Number.NaN);
    expect(events).toEqual([{ stage: 'reading', rows: 5, elapsedMs: 1000 }]);
  });
});

describe('reading a file tells the rows read', () => {
  it('CSV: every 1,024 records, the rows so far and the share of the bytes parsed', async () => {
    const { csv } = await files();
    const events: ReadProgress[] = [];
    const table = await speaking({ lang: 'en' }, () =>
      readInput(csv, { ticker: new ReadTicker((e) => events.push(e), stepping(1000)) }),
    );
    expect(table.rows).toHaveLength(ROWS);
    // The record that makes 1,024 is told before it is kept: 1,023 kept, the header among them.
    expect(events.map((e) => e.rows)).toEqual([1023, 2047, 3071, 4095, 5119]);
    const shares = events.map((e) => e.fraction!);
    expect(shares.every((f, i) => f > 0 && f < 1 && (i === 0 || f > shares[i - 1]!))).toBe(true);
    // Rows are about the same length: the share read is about the share of the rows.
    expect(shares[0]).toBeCloseTo(1023 / (ROWS + 1), 1);
  });

  it('XLSX: after each chunk of the sheet, the rows so far and the share of its XML', async () => {
    const { xlsx } = await files();
    const events: ReadProgress[] = [];
    const table = await speaking({ lang: 'en' }, () =>
      readInput(xlsx, { ticker: new ReadTicker((e) => events.push(e), stepping(1000)) }),
    );
    expect(table.rows).toHaveLength(ROWS);
    expect(events.length).toBeGreaterThan(1);
    const rows = events.map((e) => e.rows);
    expect(rows.every((n, i) => n > 0 && n <= ROWS + 1 && (i === 0 || n > rows[i - 1]!))).toBe(true);
    // The last chunk holds the last row: every row and the header read, all of the XML.
    expect(events.at(-1)).toMatchObject({ rows: ROWS + 1, fraction: 1 });
  });
});

describe('validateFile onProgress', () => {
  it('ends with the data rows exactly, as their check begins, for CSV and XLSX', async () => {
    const { csv, xlsx } = await files();
    for (const file of [csv, xlsx]) {
      const events: ReadProgress[] = [];
      const result = await validateFile(file, {
        tz: 'Asia/Shanghai',
        report: false,
        onProgress: (e) => events.push(e),
      });
      expect(result.rows).toHaveLength(ROWS);
      expect(events.at(-1)).toMatchObject({ stage: 'checking', rows: ROWS, fraction: 1 });
      expect(events.filter((e) => e.stage === 'checking')).toHaveLength(1);
      expect(events.every((e) => e.elapsedMs >= 0 && e.rows <= ROWS + 1)).toBe(true);
    }
  });

  it('is refused with a near name, as every option is', async () => {
    const { csv } = await files();
    await expect(validateFile(csv, { on_progress: () => {} } as never)).rejects.toMatchObject({
      code: 'OPTION_UNKNOWN',
      message: expect.stringContaining('onProgress'),
    });
  });
});
