import { open, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES, readCsvFile } from '../../src/input/csv-file.js';
import { readInput } from '../../src/input/table.js';
import { tempDir } from '../helpers.js';

describe('readCsvFile', () => {
  it('refuses a CSV file past the cap before reading it, naming the limit and the size', async () => {
    const file = join(await tempDir(), 'huge.csv');
    // A sparse file: its size is what is checked, and nothing is read.
    const handle = await open(file, 'w');
    await handle.truncate(3_150_000_000);
    await handle.close();
    await expect(readInput(file)).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      context: { file },
      message: `expected a CSV file of at most 1 GiB (Excel's 1,048,576 rows of 1 KiB each), got 3.15 GB in ${file}: split it into smaller files and run each`,
    });
    expect(MAX_CSV_BYTES).toBe(1024 ** 3);
  });

  it('reads a file larger than one piece exactly', async () => {
    const file = join(await tempDir(), 'big.csv');
    const bytes = Buffer.alloc(17 * 1024 * 1024 + 3, 'a,b,张三\r\n');
    await writeFile(file, bytes);
    expect((await readCsvFile(file, bytes.length)).equals(bytes)).toBe(true);
  });

  it('reads a UTF-16 file with a byte-order mark to the same rows and row numbers as UTF-8', async () => {
    const dir = await tempDir();
    const text =
      'external_interview_id,external_application_id,username\r\n7000000000000000001,6000000000000000001,"张\r\n三"\r\n\r\n7000000000000000002,6000000000000000001,李四\r\n';
    await writeFile(join(dir, 'u8.csv'), text);
    await writeFile(join(dir, 'u16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    const u8 = await readInput(join(dir, 'u8.csv'));
    const u16 = await readInput(join(dir, 'u16.csv'));
    expect(u16.rows).toEqual(u8.rows);
    expect(u16.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(u16.encoding).toBe('utf-16le (byte-order mark)');
  });
});
