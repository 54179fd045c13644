import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimReport, probeReport, recordReport } from '../../src/report/report-claim.js';
import { writtenPathFor } from '../../src/run-paths.js';
import { tempDir } from '../helpers.js';

describe('claimReport', () => {
  it("takes a path that is free, or the tool's own unchanged report of the same command or a preview", async () => {
    const dir = await tempDir();
    const report = join(dir, 'x.report.csv');
    expect(claimReport(report, 'import')).toEqual({ path: report });
    await writeFile(report, 'row,status\r\n');
    await recordReport(report, 'validate');
    expect(JSON.parse(await readFile(writtenPathFor(report), 'utf8'))).toEqual({
      command: 'validate',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(claimReport(report, 'import')).toEqual({ path: report });
    await recordReport(report, 'import');
    expect(claimReport(report, 'import')).toEqual({ path: report });
  });

  it("writes beside an import's report for another command, and beside one changed since", async () => {
    const dir = await tempDir();
    const report = join(dir, 'x.report.csv');
    await writeFile(report, 'row,status\r\n');
    await recordReport(report, 'import');
    const beside = join(dir, 'x.report-2.csv');
    expect(claimReport(report, 'validate')).toEqual({ path: beside, beside: report });
    expect(claimReport(report, 'import --dry-run')).toEqual({ path: beside, beside: report });
    await writeFile(report, 'row,status\r\n2,ok\r\n');
    expect(claimReport(report, 'import')).toEqual({ path: beside, beside: report });
    // No record at all: the file is taken as the user's.
    await writeFile(beside, 'mine');
    expect(claimReport(report, 'import')).toEqual({ path: join(dir, 'x.report-3.csv'), beside: report });
  });
});

describe('probeReport', () => {
  it("stops on a folder in the report's place, and makes a missing folder as the run would", async () => {
    const dir = await tempDir();
    const report = join(dir, 'x.report.csv');
    await mkdir(report);
    expect(() => probeReport(report)).toThrow(
      expect.objectContaining({ code: 'REPORT_LOCKED', message: expect.stringContaining('EISDIR') }),
    );
    const nested = join(dir, 'new', 'r.csv');
    expect(() => probeReport(nested)).not.toThrow();
    expect(existsSync(join(dir, 'new'))).toBe(true);
    expect(existsSync(nested)).toBe(false);
  });
});
