import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isToolError } from '../../src/errors.js';
import type { RowOutcome } from '../../src/plan/types.js';
import { writeReport } from '../../src/report/report-writer.js';
import { summarise } from '../../src/report/summary.js';
import { readEarlierRecords } from '../../src/run/earlier-records.js';
import { APP1, APP2, csv, row, templateTable, tempDir } from '../helpers.js';

const F1 = '7100000000000000000001';
const F2 = '7100000000000000000002';

/** Two legacy interviews, the first of two rows (its application on the first row only). */
function reportOf(lang: 'en' | 'zh' = 'en') {
  const table = templateTable([
    row({ external_id: 'ATS-1', external_application_id: APP1, participate_status: '2' }),
    row({ external_id: 'ATS-1', dimension_title: '沟通' }),
    row({ external_id: 'ATS-2', external_application_id: APP2, participate_status: '2' }),
  ]);
  const outcomes: RowOutcome[] = [
    { status: 'ok', feishuId: F1 },
    { status: 'ok', feishuId: F1 },
    { status: 'ok', feishuId: F2 },
  ];
  return {
    table,
    outcomes,
    run: { facts: { command: 'import' }, summary: summarise(outcomes, 2), lang },
  };
}

describe('readEarlierRecords', () => {
  it.each([
    ['csv', 'en'],
    ['xlsx', 'en'],
    ['xlsx', 'zh'],
    ['json', 'en'],
  ] as const)('reads the legacy keys and Feishu ids of a .%s report (%s)', async (ext, lang) => {
    const dir = await tempDir();
    const { table, outcomes, run } = reportOf(lang);
    await writeReport(join(dir, `migration.report.${ext}`), table, outcomes, run);
    const records = await readEarlierRecords(dir);
    expect(records.files).toBe(1);
    expect(records.named('ATS-1', APP1)).toEqual([F1]);
    expect(records.named('ATS-2', APP2)).toEqual([F2]);
    // The report says which application: another's interview is not this one.
    expect(records.named('ATS-2', APP1)).toEqual([]);
    expect(records.accounts(F1)).toBe(true);
    expect(records.accounts('7100000000000000000003')).toBe(false);
  });

  it('reads journals (result lines of legacy keys) and backups (lines whose body carries the key); passes over the rest', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'r.csv.journal.jsonl'),
      [
        JSON.stringify({ t: 'run', at: 'x', input: 'in.csv', report: 'r.csv', command: 'import' }),
        JSON.stringify({ t: 'result', id: 'external_id:ATS-1', hash: 'h', status: 'ok', feishu_id: F1 }),
        JSON.stringify({ t: 'result', id: '7000000000000000001', hash: 'h', status: 'ok' }),
        '{"t":"result","id":"external_id:ATS-9","hash":"h","status":"ok","feishu_id":"7100', // torn by a kill
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'r.csv.backup.jsonl'),
      `${JSON.stringify({
        run: 'x',
        external_interview_id: F2,
        taken_at: 'x',
        body: { external_id: 'ATS-2', external_application_id: APP2 },
        created: true,
      })}\n`,
    );
    // A payloads file (ids are legacy keys, not Feishu ids), an input and a non-report JSON: none of them records.
    await writeFile(
      join(dir, 'p.jsonl'),
      `${JSON.stringify({ external_interview_id: 'external_id:ATS-3', body: { external_id: 'ATS-3' } })}\n`,
    );
    await writeFile(
      join(dir, 'in.csv'),
      csv([
        ['external_interview_id', 'external_id'],
        ['7100000000000000000004', 'ATS-4'],
      ]),
    );
    await writeFile(join(dir, 'map.json'), '{"旧表头": "external_id"}');
    const records = await readEarlierRecords(dir);
    expect(records.files).toBe(2);
    expect(records.named('ATS-1', APP1)).toEqual([F1]);
    expect(records.named('ATS-2', APP2)).toEqual([F2]);
    expect(records.named('ATS-3', APP1)).toEqual([]);
    expect(records.named('ATS-4', APP1)).toEqual([]);
    expect(records.named('ATS-9', APP1)).toEqual([]);
  });

  it('reads the folders --records names, and a file it names; one that is not there stops the run', async () => {
    const dir = await tempDir();
    const other = join(dir, 'earlier');
    await mkdir(other);
    const { table, outcomes, run } = reportOf();
    await writeReport(join(other, 'a.csv'), table, outcomes, run);
    expect((await readEarlierRecords(join(dir, 'empty'))).named('ATS-1', APP1)).toEqual([]);
    expect((await readEarlierRecords(dir, [other])).named('ATS-1', APP1)).toEqual([F1]);
    expect((await readEarlierRecords(dir, [join(other, 'a.csv')])).named('ATS-1', APP1)).toEqual([F1]);
    const missing = join(dir, 'nowhere');
    const error = await readEarlierRecords(dir, [missing]).catch((e: unknown) => e);
    expect(isToolError(error) && error.code).toBe('USAGE_RECORDS_UNREADABLE');
    expect((error as Error).message).toBe(
      `expected --records ${missing} to be a folder (or a file) of earlier runs' reports, journals and backups, got ENOENT: check the path`,
    );
  });
});
