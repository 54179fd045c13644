import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/input/table.js';
import { buildPlan } from '../../src/plan/validate.js';
import { defaultReportPath, writeReport } from '../../src/report/report-writer.js';
import { APP1, HEADER_EN, ID1, ID2, csv, row, tempDir } from '../helpers.js';

async function planFor(text: string) {
  const dir = await tempDir();
  const file = join(dir, 'in.csv');
  await import('node:fs/promises').then((fs) => fs.writeFile(file, text));
  const table = await readInput(file);
  return { dir, plan: buildPlan(table, 'UTC') };
}

describe('writeReport', () => {
  it('defaults to <input>.report.csv beside the input', () => {
    expect(defaultReportPath('/data/march.xlsx')).toBe('/data/march.report.csv');
    expect(defaultReportPath('/data/march.report.csv')).toBe('/data/march.report.csv');
  });

  it('writes CSV with a BOM, our columns first, then every original column, neutralising formulas', async () => {
    const { dir, plan } = await planFor(
      csv([
        [...HEADER_EN, 'legacy'],
        row({ external_interview_id: 'oops', external_application_id: APP1 }),
        [...row({ external_interview_id: ID1, external_application_id: APP1, username: '=HYPERLINK("x")' }), 'keep, me'],
      ]),
    );
    const path = join(dir, 'out.csv');
    await writeReport(path, plan.table, plan.outcomes, {});
    const text = await readFile(path, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`\uFEFFrow,status,error_code,message,http_status,log_id,attempts,${HEADER_EN.join(',')},legacy`);
    expect(lines[1]).toMatch(/^2,invalid,ROW_ID_NOT_DIGITS,"expected a 19-digit ID as text, got ""oops"" \(row 2, column external_interview_id\)/);
    expect(lines[2]).toBe(`3,ok,,valid,,,,${ID1},${APP1},,,,,"'=HYPERLINK(""x"")",,,,,,,,,,"keep, me"`);
  });

  it('reads its own CSV report back as input, restoring neutralised cells and ignoring its columns', async () => {
    const { dir, plan } = await planFor(csv([HEADER_EN as unknown as string[], row({ external_interview_id: ID1, external_application_id: APP1, username: '-dash', assessment_content: '多行\n内容' })]));
    const path = join(dir, 'again.csv');
    await writeReport(path, plan.table, plan.outcomes, {});
    const back = await readInput(path);
    expect(back.columns.isReport).toBe(true);
    const again = buildPlan(back, 'UTC');
    expect(again.interviews[0]!.body).toEqual(plan.interviews[0]!.body);
    expect(again.interviews[0]!.body!.interview_assessments![0]!.username).toBe('-dash');
  });

  it('writes .json and .xlsx reports that read back to the same bodies', async () => {
    const { dir, plan } = await planFor(
      csv([HEADER_EN as unknown as string[], row({ external_interview_id: ID1, external_application_id: APP1, begin_time: '1709301600000' }), row({ external_interview_id: ID2, external_application_id: '1e5' })]),
    );
    for (const name of ['r.json', 'r.xlsx']) {
      const path = join(dir, name);
      await writeReport(path, plan.table, plan.outcomes, { command: 'validate' });
      const back = buildPlan(await readInput(path), 'UTC');
      expect(back.interviews[0]!.body).toEqual({ external_application_id: APP1, begin_time: 1709301600000 });
      expect(back.outcomes.map((o) => o.status)).toEqual(['ok', 'invalid']);
    }
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
    expect(json.rows[1]).toMatchObject({ row: 3, status: 'invalid', error_code: 'ROW_ID_AS_NUMBER', cells: { external_interview_id: ID2, external_application_id: '1e5' } });
  });
});
