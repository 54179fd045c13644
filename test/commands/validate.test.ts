import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
import { COLUMNS, FIELD } from '../../src/schema.js';
import { APP1, HEADER_EN, ID1, ID2, csv, erasedColumnWarnings, row, runCli, tempDir } from '../helpers.js';

const ZH_HEADER = [
  '外部面试ID',
  '外部投递ID',
  '参与状态',
  '开始时间',
  '面试官',
  '面试结论',
  '评价维度',
  '题目类型',
  '分数',
];

describe('feishu-interview-import validate', () => {
  it('reads a GBK CSV from Chinese Excel, writes the report and the payloads, exits 0', async () => {
    const dir = await tempDir();
    const file = join(dir, '面试.csv');
    await writeFile(
      file,
      iconv.encode(
        csv([ZH_HEADER, [ID1, APP1, '参与', '2024-03-01 14:00', '张三', '通过', '专业', '打分题', '90']]),
        'gbk',
      ),
    );
    const run = await runCli([
      'validate',
      '--lang',
      'en',
      file,
      '--tz',
      'Asia/Shanghai',
      '--payloads',
      join(dir, 'p.jsonl'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `input: ${file}, encoding gb18030 (detected), separator comma (detected), header on row 1`,
        'times without an offset are read as wall-clock time in Asia/Shanghai (change with --tz)',
        ...erasedColumnWarnings(ZH_HEADER).map((w) => `warning: ${w}`),
        'rows: 1 in 1 interview(s): ok 1',
        `payloads: 1 request body written to ${join(dir, 'p.jsonl')}`,
        `report: ${join(dir, '面试.report.csv')}`,
        '',
      ].join('\n'),
    );
    const payload = JSON.parse(await readFile(join(dir, 'p.jsonl'), 'utf8'));
    expect(payload).toEqual({
      external_interview_id: ID1,
      body: {
        external_application_id: APP1,
        participate_status: 2,
        begin_time: Date.UTC(2024, 2, 1, 6),
        interview_assessments: [
          {
            username: '张三',
            conclusion: 2,
            assessment_dimension_list: [{ score: 90, assessment_type: 1, title: '专业' }],
          },
        ],
      },
    });
    const report = await readFile(join(dir, '面试.report.csv'), 'utf8');
    expect(
      report.startsWith(
        `\uFEFFrow,status,error_code,error_column,message,http_status,log_id,attempts,${ZH_HEADER.join(',')}\r\n2,ok,,,valid,`,
      ),
    ).toBe(true);
  });

  it('exits 1 and names the problem when a row is invalid', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(
      file,
      csv([
        [...HEADER_EN],
        row({ external_interview_id: ID1, external_application_id: APP1 }),
        row({
          external_interview_id: ID2,
          external_application_id: APP1,
          score: 'x',
          dimension_title: 't',
          assessment_type: '1',
        }),
      ]),
    );
    const run = await runCli(['validate', '--lang', 'en', file, '--report', join(dir, 'out', 'r.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'rows: 2 in 2 interview(s): ok 1 · invalid 1\nmost common problems:\n  ROW_BAD_SCORE ×1: expected a whole-number score such as 88, got "x" (row 3, column score): type digits only\n',
    );
    const json = JSON.parse(await readFile(join(dir, 'out', 'r.json'), 'utf8'));
    expect(json.rows.map((r: { status: string }) => r.status)).toEqual(['ok', 'invalid']);
    const csvRun = await runCli(['validate', '--lang', 'en', file]);
    expect(csvRun.stdout).toContain(
      `to fix rows in Excel or WPS, write the report as .xlsx and fix them there: --report ${join(dir, 'in.report.xlsx')}\n`,
    );
  });

  it('exits 2 with the headers found and expected when a required column is missing, without a stack trace', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(
      file,
      csv([
        ['面试官', '分数'],
        ['张三', '90'],
      ]),
    );
    const run = await runCli(['validate', '--lang', 'en', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error \[INPUT_MISSING_COLUMN\]: expected the columns external_interview_id and external_application_id in .*in\.csv \(header row 1\), got headers: "面试官", "分数"\./,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors: a bad --tz, an unknown option, a missing file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(file, csv([[...HEADER_EN], row({ external_interview_id: ID1, external_application_id: APP1 })]));
    const tz = await runCli(['validate', '--lang', 'en', file, '--tz', 'Mars/Olympus']);
    expect(tz).toMatchObject({
      code: 2,
      stderr: 'error [USAGE_BAD_OPTION]: --tz: expected an IANA time zone such as Asia/Shanghai, got "Mars/Olympus"\n',
    });
    const unknown = await runCli(['validate', '--lang', 'en', file, '--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error [USAGE]: Unknown argument: nope');
    const missing = await runCli(['validate', '--lang', 'en', join(dir, 'missing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error [INPUT_UNREADABLE]: expected a readable file, got ENOENT');
  });

  it('exits 2 for an empty file and a header-only file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.csv'), '');
    await writeFile(join(dir, 'header.csv'), csv([[...HEADER_EN]]));
    expect(await runCli(['validate', '--lang', 'en', join(dir, 'empty.csv')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error \[INPUT_EMPTY\]/),
    });
    expect(await runCli(['validate', '--lang', 'en', join(dir, 'header.csv')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error \[INPUT_NO_ROWS\]/),
    });
  });

  it('warns of an interview longer than a day, and still takes its rows', async () => {
    const dir = await tempDir();
    const file = join(dir, 'long.csv');
    const base = { external_application_id: APP1, participate_status: '2', username: '张三', conclusion: 'pass' };
    await writeFile(
      file,
      csv([
        [...HEADER_EN],
        row({
          ...base,
          external_interview_id: ID1,
          begin_time: '2024-03-01T09:00:00Z',
          end_time: '2024-03-02T15:00:00Z',
        }),
        row({
          ...base,
          external_interview_id: ID2,
          begin_time: '2024-03-01T09:00:00Z',
          end_time: '2024-03-01T10:00:00Z',
        }),
      ]),
    );
    const run = await runCli(['validate', '--lang', 'en', file, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.counts.ok).toBe(2);
    expect(out.warnings).toEqual([
      ...erasedColumnWarnings(HEADER_EN),
      `1 interview(s) last longer than a day (sent as written; if an end_time's date is wrong, fix it there): interview ${ID1} (row 2): 30 h, 2024-03-01 09:00 (UTC) → 2024-03-02 15:00 (UTC)`,
    ]);
    // Beside the strings, each warning with its stable code and the facts it names.
    expect(out.coded_warnings).toEqual([
      { code: 'INPUT_LONG_INTERVIEWS', message: out.warnings[0], rows: [2], count: 1 },
    ]);
  });

  it("gives each warning a stable code and its facts in the library's summary, the printed words unchanged", async () => {
    const dir = await tempDir();
    const file = join(dir, '面试.xlsx');
    const wb = new ExcelJS.Workbook();
    const header = ['外部面试ID', '外部投递ID', '备注'];
    wb.addWorksheet('面试记录').addRows([['三月面试记录'], header, [ID1, APP1, 'n']]);
    wb.addWorksheet('2024').addRows([header, [ID2, APP1, 'm']]);
    wb.addWorksheet('old', { state: 'hidden' }).addRows([header]);
    await wb.xlsx.writeFile(file);
    const result = await validateFile(file, { tz: 'Asia/Shanghai', report: false });
    const coded = result.summary.coded_warnings;
    const erased = COLUMNS.filter(([name]) => FIELD[name].key !== undefined && name !== 'external_application_id');
    expect(coded.map((w) => w.code)).toEqual([
      'INPUT_UNKNOWN_COLUMNS',
      'INPUT_SKIPPED_ABOVE',
      'INPUT_OTHER_SHEETS',
      ...erased.map(() => 'INPUT_ERASED_COLUMN'),
    ]);
    expect(coded.slice(0, 3)).toEqual([
      {
        code: 'INPUT_UNKNOWN_COLUMNS',
        message: '无法识别的列会保留在报告中但不导入："备注"（如果其中是模板数据，请用 --map 映射）',
        columns: ['备注'],
      },
      { code: 'INPUT_SKIPPED_ABOVE', message: '表头上方的 1 行已忽略', rows: 1 },
      {
        code: 'INPUT_OTHER_SHEETS',
        message: '工作表 "2024", "old"（隐藏） 也带有模板的列，但没有读取：请用 --sheet 工作表名 单独导入',
        sheets: [
          { name: '2024', hidden: false },
          { name: 'old', hidden: true },
        ],
      },
    ]);
    expect(coded.slice(3).map((w) => w.code === 'INPUT_ERASED_COLUMN' && w.column)).toEqual(erased.map(([n]) => n));
    // The strings are the coded warnings' messages, printed as before.
    expect(result.summary.warnings).toEqual(coded.map((w) => w.message));
    for (const w of coded) expect(result.text).toContain(`警告：${w.message}\n`);
  });

  it('maps legacy headers with --map and warns once about unknown columns', async () => {
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(
      file,
      csv([
        ['Interview Ref', 'Application Ref', 'Old note'],
        [ID1, APP1, 'n'],
      ]),
    );
    await writeFile(
      join(dir, 'map.json'),
      JSON.stringify({ 'Interview Ref': 'external_interview_id', 'Application Ref': 'external_application_id' }),
    );
    const run = await runCli(['validate', '--lang', 'en', file, '--map', join(dir, 'map.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'warning: unknown columns kept in the report but not imported: "Old note" (map them with --map if they hold template data)',
    );
  });
});

describe('no silently dropped column, no silent time shift', () => {
  const header = ['外部面试ID', '外部投递ID', '开始时间', '面试官姓名', '面试结论', '备注'];
  const line = [ID1, APP1, '2024-03-01 14:00', '张三', '通过', 'n'];

  it('stops on a renamed template column with "did you mean", and reads it once mapped', async () => {
    const dir = await tempDir();
    const file = join(dir, 'renamed.csv');
    await writeFile(file, csv([header, line]));
    const run = await runCli(['validate', '--lang', 'en', file, '--tz', 'Asia/Shanghai']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error [INPUT_COLUMN_LOOKS_LIKE_TEMPLATE]: expected the template's column names, got "面试官姓名" (column 4) looks like 面试官 (username) in ${file} (header row 1): did you mean 面试官? Rename the column to the template's name, or map it with --map mapping.json, e.g. {"面试官姓名":"username"}\n`,
    );
    await writeFile(join(dir, 'map.json'), JSON.stringify({ 面试官姓名: 'username' }));
    const mapped = await runCli([
      'validate',
      '--lang',
      'en',
      file,
      '--tz',
      'Asia/Shanghai',
      '--map',
      join(dir, 'map.json'),
    ]);
    expect(mapped.code).toBe(0);
    expect(mapped.stdout.split('\n').slice(0, 3)).toEqual([
      `input: ${file}, encoding utf-8 (detected), separator comma (detected), header on row 1`,
      'times without an offset are read as wall-clock time in Asia/Shanghai (change with --tz)',
      'warning: unknown columns kept in the report but not imported: "备注" (map them with --map if they hold template data)',
    ]);
    expect(mapped.stdout).toContain(
      'warning: column 参与状态 (participate_status) is not in the file: a plain import sends every interview without it, erasing what Feishu holds there; add the column, or import with --merge to keep the current values\n',
    );
  });

  it('refuses a zone abbreviation, naming the zones it may mean', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(file, csv([[...HEADER_EN], row({ external_interview_id: ID1, external_application_id: APP1 })]));
    const run = await runCli(['validate', '--lang', 'en', file, '--tz', 'CST']);
    expect(run).toMatchObject({
      code: 2,
      stderr:
        'error [USAGE_BAD_OPTION]: --tz: expected an IANA time zone name such as Asia/Shanghai, got the abbreviation "CST", which may mean Asia/Shanghai (China Standard Time), America/Chicago (US Central), America/Havana (Cuba): pass the name, e.g. --tz Asia/Shanghai\n',
    });
  });

  it('refuses times without an offset on a UTC machine without --tz; times with an offset need none', async () => {
    const dir = await tempDir();
    const file = join(dir, 'times.csv');
    await writeFile(
      file,
      csv([
        [...HEADER_EN],
        row({ external_interview_id: ID1, external_application_id: APP1, begin_time: '2024-03-01 14:00' }),
      ]),
    );
    const run = await runCli(['validate', '--lang', 'en', file], { env: { TZ: 'UTC' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error [USAGE_NO_TZ]: expected --tz for the times without an offset in');
    expect(run.stderr).toContain('Pass the zone the times were written in (--tz Asia/Shanghai)');
    await writeFile(
      file,
      csv([
        [...HEADER_EN],
        row({ external_interview_id: ID1, external_application_id: APP1, begin_time: '2024-03-01T14:00:00+08:00' }),
      ]),
    );
    expect((await runCli(['validate', '--lang', 'en', file], { env: { TZ: 'UTC' } })).code).toBe(0);
    const elsewhere = await runCli(['validate', '--lang', 'en', join(dir, 'times.csv')], {
      env: { TZ: 'Asia/Shanghai' },
    });
    expect(elsewhere.code).toBe(0);
  });

  it('validate --merge checks a correction file offline as import --merge reads it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'fix.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '面试官', '评价维度', '分数'],
        [ID1, '张三', '专业', '95'],
        [ID2, '张三', '专业', '九十'],
      ]),
    );
    const plain = await runCli(['validate', '--lang', 'en', file]);
    expect(plain.code).toBe(2);
    const run = await runCli(['validate', '--lang', 'en', file, '--merge']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('rows: 2 in 2 interview(s): ok 1 · invalid 1');
    expect(run.stdout).toContain('ROW_BAD_SCORE ×1');
    expect(run.stdout).not.toContain('erasing');
  });
});

describe('feishu-interview-import template', () => {
  it('writes an .xlsx whose example sheet validates and whose data sheet is the one picked', async () => {
    const dir = await tempDir();
    const out = join(dir, 't.xlsx');
    expect((await runCli(['template', '--out', out])).code).toBe(0);
    const run = await runCli(['validate', '--lang', 'en', out, '--sheet', '示例', '--tz', 'Asia/Shanghai']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rows: 4 in 1 interview(s): ok 4');
    const blank = await runCli(['validate', '--lang', 'en', out]);
    expect(blank.stderr).toContain('sheet "面试记录"');
  });

  it("styles the data sheet's header as the report's, required columns in red with a note", async () => {
    const dir = await tempDir();
    const out = join(dir, 't.xlsx');
    await runCli(['template', '--out', out]);
    const workbook = new ExcelJS.Workbook();
    // exceljs reads a whole-column drop-down cell by cell: a million of them.
    await workbook.xlsx.readFile(out, { ignoreNodes: ['dataValidations'] } as ExcelJS.XlsxReadOptions);
    const sheet = workbook.getWorksheet('面试记录')!;
    const header = sheet.getRow(1);
    const id = header.getCell(1);
    expect(id.value).toBe('外部面试ID');
    expect((id.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
    expect(id.font?.color?.argb).toBe('FF9C0006');
    expect(id.note).toBe('必填');
    const status = header.getCell(4);
    expect(status.value).toBe('参与状态');
    expect(status.note).toBeUndefined();
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('writes a UTF-8 CSV with a BOM and the English headers', async () => {
    const dir = await tempDir();
    const out = join(dir, 't.csv');
    expect((await runCli(['template', '--out', out, '--lang', 'en'])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(`\uFEFF${HEADER_EN.join(',')}\r\n`);
  });
});
