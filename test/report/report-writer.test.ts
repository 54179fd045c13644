import { readFile, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/input/table.js';
import { buildPlan } from '../../src/plan/validate.js';
import { writeReport } from '../../src/report/report-writer.js';
import { defaultReportPath } from '../../src/run-paths.js';
import { summarise } from '../../src/report/summary.js';
import type { Plan } from '../../src/plan/types.js';
import { bodyOf, APP1, HEADER_EN, ID1, ID2, csv, interviewsCsv, row, tempDir } from '../helpers.js';

/** What validate gives the writer besides the rows. */
const runOf = (plan: Plan) => ({
  facts: { command: 'validate' },
  summary: summarise(plan.outcomes, plan.interviews.length),
  lang: 'en' as const,
});

/** An ID as the CSV report writes it, so that Excel keeps it as text: `="7000…"`, quoted. */
const x = (id: string) => `"=""${id}"""`;

async function planFor(text: string) {
  const dir = await tempDir();
  const file = join(dir, 'in.csv');
  await import('node:fs/promises').then((fs) => fs.writeFile(file, text));
  const table = await readInput(file);
  return { dir, plan: buildPlan(table, 'UTC') };
}

describe('writeReport', () => {
  it('defaults to <input>.report.xlsx beside an .xlsx input, <input>.report.csv beside any other', () => {
    expect(defaultReportPath('/data/march.xlsx')).toBe('/data/march.report.xlsx');
    expect(defaultReportPath('/data/march.csv')).toBe('/data/march.report.csv');
    expect(defaultReportPath('/data/march.report.csv')).toBe('/data/march.rerun.report.csv');
    expect(defaultReportPath('/data/march.report.xlsx')).toBe('/data/march.rerun.report.xlsx');
  });

  it('writes CSV with a BOM, our columns first, then every original column, neutralising formulas', async () => {
    const { dir, plan } = await planFor(
      csv([
        [...HEADER_EN, 'legacy'],
        row({ external_interview_id: 'oops', external_application_id: APP1 }),
        [
          ...row({ external_interview_id: ID1, external_application_id: APP1, username: '=HYPERLINK("x")' }),
          'keep, me',
        ],
      ]),
    );
    const path = join(dir, 'out.csv');
    await writeReport(path, plan.table, plan.outcomes, runOf(plan));
    const text = await readFile(path, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      `\uFEFFrow,status,error_code,error_column,message,http_status,log_id,attempts,${HEADER_EN.join(',')},legacy`,
    );
    expect(lines[1]).toMatch(
      /^2,invalid,ROW_ID_NOT_DIGITS,external_interview_id,"expected a 19-digit ID as text, got ""oops"" \(row 2, column external_interview_id\)/,
    );
    const cells = row({
      external_interview_id: x(ID1),
      external_application_id: x(APP1),
      username: `"'=HYPERLINK(""x"")"`,
    });
    expect(lines[2]).toBe(`3,ok,,,valid,,,,${cells.join(',')},"keep, me"`);
  });

  it('guards a 23-digit log_id as text, like the IDs, and reads it back exactly', async () => {
    const { dir, plan } = await planFor(
      csv([HEADER_EN, row({ external_interview_id: ID1, external_application_id: APP1 })]),
    );
    const logId = '20240301123456789012345';
    const outcomes = [{ ...plan.outcomes[0]!, status: 'failed', httpStatus: 500, logId: logId, attempts: 3 }] as const;
    const path = join(dir, 'out.csv');
    await writeReport(path, plan.table, outcomes as never, runOf(plan));
    expect((await readFile(path, 'utf8')).split('\r\n')[1]).toBe(
      `2,failed,,,valid,500,${x(logId)},3,${x(ID1)},${x(APP1)}${','.repeat(HEADER_EN.length - 2)}`,
    );
    expect((await readInput(path)).rows[0]!.cells[6]).toBe(logId);
  });

  it('copies a CSV row as written when it can stand, and quotes cell by cell the rows that cannot', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    const header = 'external_interview_id,external_application_id,username,assessment_content';
    await writeFile(
      file,
      `\uFEFF${header}\r\n` +
        `${ID1},"${APP1}","Zhang, San","kept ""as"" written"\r\n` +
        '\r\n,,,\r\n' + // blank lines: skipped, and counted in the row numbers
        `${ID2},${APP1},@evil,x\r\n` +
        `${ID2},${APP1},"=1+1",y\r\n` +
        `${ID1},${APP1},short\r\n` +
        `"${ID1}",${APP1},李四,no line break at the end`,
    );
    const table = await readInput(file);
    const plan = buildPlan(table, 'UTC');
    const path = join(dir, 'out.csv');
    await writeReport(path, plan.table, plan.outcomes, runOf(plan));
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines).toEqual([
      `\uFEFFrow,status,error_code,error_column,message,http_status,log_id,attempts,${header}`,
      `2,ok,,,valid,,,,${x(ID1)},${x(APP1)},"Zhang, San","kept ""as"" written"`, // copied, quotes and all
      `5,ok,,,valid,,,,${x(ID2)},${x(APP1)},'@evil,x`, // a formula: neutralised
      `6,ok,,,valid,,,,${x(ID2)},${x(APP1)},'=1+1,y`,
      `7,ok,,,valid,,,,${x(ID1)},${x(APP1)},short,`, // a short row: padded to the header
      `8,ok,,,valid,,,,${x(ID1)},${x(APP1)},李四,no line break at the end`,
      '',
    ]);
    const back = buildPlan(await readInput(path), 'UTC');
    expect(back.interviews.map(bodyOf)).toEqual(plan.interviews.map(bodyOf));
  });

  it('gives each report row its own text and number after a quoted line break and a last line of bare commas', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    const header = 'external_interview_id,external_application_id,dimension_title,assessment_type,score';
    await writeFile(
      file,
      `${header}\n${ID1},${APP1},"专业\n能力",1,80\n${ID2},${APP1},沟通,1,abc\n7000000000000000003,${APP1},沟通,1,70\n,,,,`,
    );
    const plan = buildPlan(await readInput(file), 'UTC');
    const path = join(dir, 'out.csv');
    await writeReport(path, plan.table, plan.outcomes, runOf(plan));
    const text = await readFile(path, 'utf8');
    expect(text.slice(1).split('\r\n')).toEqual([
      `row,status,error_code,error_column,message,http_status,log_id,attempts,${header}`,
      `2,ok,,,valid,,,,${x(ID1)},${x(APP1)},"专业\n能力",1,80`,
      `4,invalid,ROW_BAD_SCORE,score,"expected a whole-number score such as 88, got ""abc"" (row 4, column score): type digits only",,,,${x(ID2)},${x(APP1)},沟通,1,abc`,
      `5,ok,,,valid,,,,${x('7000000000000000003')},${x(APP1)},沟通,1,70`,
      '',
    ]);
  });

  it('writes a report longer than its 1 MiB piece whole: every row once, in file order, reading back the same', async () => {
    const { dir, plan } = await planFor(interviewsCsv(8000, 2).text);
    const path = join(dir, 'big.csv');
    await writeReport(path, plan.table, plan.outcomes, runOf(plan));
    const written = await readFile(path);
    expect(written.length).toBeGreaterThan(1024 * 1024);
    const lines = written.toString('utf8').split('\r\n');
    expect(lines).toHaveLength(16_000 + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).map((l) => Number(l.slice(0, l.indexOf(','))))).toEqual(
      plan.table.rows.map((r) => r.row),
    );
    const back = buildPlan(await readInput(path), 'UTC');
    expect(back.interviews.map(bodyOf)).toEqual(plan.interviews.map(bodyOf));
  });

  it('copies rows of a GBK file as UTF-8, and quotes every row of a tab-separated one', async () => {
    const dir = await tempDir();
    const gbk = join(dir, 'gbk.csv');
    await writeFile(
      gbk,
      iconv.encode(`external_interview_id,external_application_id,username\r\n${ID1},${APP1},张三\r\n`, 'gbk'),
    );
    const tsv = join(dir, 'tab.tsv');
    await writeFile(tsv, `external_interview_id\texternal_application_id\tusername\n${ID1}\t${APP1}\t"a,b"\n`);
    for (const [input, expected] of [
      [gbk, `2,ok,,,valid,,,,${x(ID1)},${x(APP1)},张三`],
      [tsv, `2,ok,,,valid,,,,${x(ID1)},${x(APP1)},"a,b"`],
    ] as const) {
      const plan = buildPlan(await readInput(input), 'UTC');
      const path = join(dir, 'out.csv');
      await writeReport(path, plan.table, plan.outcomes, runOf(plan));
      expect((await readFile(path, 'utf8')).split('\r\n')[1]).toBe(expected);
    }
  });

  it('reads its own CSV report back as input, restoring neutralised cells and ignoring its columns', async () => {
    const { dir, plan } = await planFor(
      csv([
        HEADER_EN as unknown as string[],
        row({
          external_interview_id: ID1,
          external_application_id: APP1,
          username: '-dash',
          assessment_content: '多行\n内容',
        }),
      ]),
    );
    const path = join(dir, 'again.csv');
    await writeReport(path, plan.table, plan.outcomes, runOf(plan));
    const back = await readInput(path);
    expect(back.columns.isReport).toBe(true);
    const again = buildPlan(back, 'UTC');
    expect(bodyOf(again.interviews[0]!)).toEqual(bodyOf(plan.interviews[0]!));
    expect(bodyOf(again.interviews[0]!)!.interview_assessments![0]!.username).toBe('-dash');
  });

  it('writes .json and .xlsx reports that read back to the same bodies', async () => {
    const { dir, plan } = await planFor(
      csv([
        HEADER_EN as unknown as string[],
        row({ external_interview_id: ID1, external_application_id: APP1, begin_time: '1709301600000' }),
        row({ external_interview_id: ID2, external_application_id: '1e5' }),
      ]),
    );
    for (const name of ['r.json', 'r.xlsx']) {
      const path = join(dir, name);
      await writeReport(path, plan.table, plan.outcomes, runOf(plan));
      const back = buildPlan(await readInput(path), 'UTC');
      expect(bodyOf(back.interviews[0]!)).toEqual({ external_application_id: APP1, begin_time: 1709301600000 });
      expect(back.outcomes.map((o) => o.status)).toEqual(['ok', 'invalid']);
    }
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
    expect(json.rows[1]).toMatchObject({
      row: 3,
      status: 'invalid',
      error_code: 'ROW_ID_AS_NUMBER',
      cells: { external_interview_id: ID2, external_application_id: '1e5' },
    });
  });
});

describe('formula neutralising', () => {
  it('quotes full-width formula starts and a typed quote before one, and reading back takes off exactly what it added', async () => {
    const { protectFormula, unprotectFormula } = await import('../../src/input/cells.js');
    for (const typed of ['＝1+1', '＋86', '－3', '＠x', "'=1+1", "''@x", '=1', 'plain', "'plain"]) {
      expect(unprotectFormula(protectFormula(typed))).toBe(typed);
    }
    expect(protectFormula('＝1+1')).toBe("'＝1+1");
    expect(protectFormula("'=1+1")).toBe("''=1+1");
    expect(protectFormula("'plain")).toBe("'plain");
  });
});
