import { appendFile, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readInput } from '../../src/input/table.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { ROOT, columnLetter, columnNumber, csv, original, row, runCli, tempDir, zip } from '../helpers.js';
import { EXAMPLE_INTERVIEW_ID } from '../../src/input/template-example.js';
import { ZipArchive } from '../../src/input/zip.js';

const SECRET = 'Template-Test-Secret-3';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator() {
  // An interview Feishu holds with nothing the template's rows would remove: a plain import only
  // fills it in (over a richer record it would be RUN_WOULD_REMOVE without --replace).
  sim = await startSimulator({
    appId: 'cli_t',
    appSecret: SECRET,
    rateLimit: 0,
    seed: [[ID, { external_application_id: original(0).external_application_id }]],
  });
  return sim;
}
const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_t', FEISHU_APP_SECRET: SECRET });
/** The interview the example rows name, seeded so the filled template corrects a real record. */
const ID = EXAMPLE_INTERVIEW_ID;
const APP = '6100000000000000000';

/** A template's parts, read with our own reader: exceljs reads a whole-column drop-down cell by cell (a million). */
async function parts(file: string): Promise<Map<string, string>> {
  const archive = await ZipArchive.open(file);
  const all = new Map<string, string>();
  for (const [name, entry] of archive.entries) {
    const pieces: Buffer[] = [];
    for await (const piece of archive.chunks(entry)) pieces.push(piece);
    all.set(name, Buffer.concat(pieces).toString('utf8'));
  }
  await archive.close();
  return all;
}

/**
 * The template filled in as a person would: the example's rows typed into the data sheet (sheet2;
 * the example is sheet3), the example left as the template wrote it.
 */
async function filledXlsx(lang: 'zh' | 'en'): Promise<string> {
  const dir = await tempDir();
  const file = join(dir, `t.${lang}.xlsx`);
  expect((await runCli(['template', '--out', file, '--lang', lang])).code).toBe(0);
  const all = await parts(file);
  const rowsOf = (xml: string) => /<sheetData>[\s\S]*<\/sheetData>/.exec(xml)![0];
  const data = all.get('xl/worksheets/sheet2.xml')!;
  all.set('xl/worksheets/sheet2.xml', data.replace(rowsOf(data), rowsOf(all.get('xl/worksheets/sheet3.xml')!)));
  await writeFile(file, zip([...all].map(([name, text]) => ({ name, data: text }))));
  return file;
}

const usernames = (s: RunningSimulator) =>
  InterviewStore.bodyOf(s.store.get(ID)!).interview_assessments?.map((a) => a.username);

/**
 * Imports the file, then corrects with the same form (--merge matches what the first run wrote);
 * each run must land cleanly. Yields the simulator after each, for the caller's checks.
 */
async function* importTwice(file: string): AsyncGenerator<RunningSimulator> {
  const s = await simulator();
  for (const merge of [[], ['--merge']]) {
    const run = await runCli(['import', '--lang', 'en', file, '--tz', 'Asia/Shanghai', '--quiet', ...merge], {
      env: env(s),
    });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    yield s;
  }
}

describe('the template as a correction form', () => {
  it.each(['zh', 'en'] as const)('a filled %s .xlsx imports with and without --merge', async (lang) => {
    const file = await filledXlsx(lang);
    for await (const s of importTwice(file)) {
      expect(usernames(s)).toEqual(['张三', '李四']);
      expect(InterviewStore.bodyOf(s.store.get(ID)!).begin_time).toBe(Date.UTC(2024, 2, 1, 6));
      expect(InterviewStore.bodyOf(s.store.get(ID)!).external_application_id).toBe('6960663240925956437');
    }
  });

  it.each(['zh', 'en'] as const)('a filled %s .csv imports with and without --merge', async (lang) => {
    const dir = await tempDir();
    const file = join(dir, `t.${lang}.csv`);
    expect((await runCli(['template', '--out', file, '--lang', lang])).code).toBe(0);
    const typed = lang === 'zh' ? ['参与', '张三', '通过', '打分题'] : ['participated', '张三', 'pass', 'score'];
    const line = row({
      external_interview_id: ID,
      external_application_id: APP,
      participate_status: typed[0]!,
      begin_time: '2024年3月1日 14:00',
      end_time: '2024-03-01 15:00',
      assessment_no: '1',
      username: typed[1]!,
      conclusion: typed[2]!,
      dimension_title: '专业能力',
      assessment_type: typed[3]!,
      score: '88',
    });
    await appendFile(file, csv([line]));
    for await (const s of importTwice(file)) expect(usernames(s)).toEqual(['张三']);
  });

  it('never reads the instructions sheet as data, in this template or the ones shipped before', async () => {
    const dir = await tempDir();
    for (const lang of ['zh', 'en'] as const) {
      const old = join(dir, `old.${lang}.xlsx`);
      await copyFile(join(ROOT, 'test', 'fixtures', 'templates-0.1', `interviews-template.${lang}.xlsx`), old);
      const fresh = join(dir, `new.${lang}.xlsx`);
      await runCli(['template', '--out', fresh, '--lang', lang]);
      for (const file of [old, fresh]) {
        for (const required of [undefined, ['external_interview_id'] as const]) {
          await expect(readInput(file, { required })).rejects.toMatchObject({ code: 'INPUT_NO_ROWS' });
        }
      }
    }
    const filled = await filledXlsx('zh');
    expect((await readInput(filled, { required: ['external_interview_id'] })).sheet).toBe('面试记录');
  });

  it('writes drop-downs on every data row a sheet holds, in the template language, and IDs and keys as Text', async () => {
    const dir = await tempDir();
    const out = join(dir, 't.xlsx');
    await runCli(['template', '--out', out, '--lang', 'zh']);
    const all = await parts(out);
    const data = all.get('xl/worksheets/sheet2.xml')!;
    expect(data.match(/<dataValidation [^>]*>/g)).toEqual([
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="参与状态" error="请从下拉列表中选择：未参与、参与、爽约" sqref="${columnLetter('participate_status')}2:${columnLetter('participate_status')}1048576">`,
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="面试结论" error="请从下拉列表中选择：不通过、通过、待定" sqref="${columnLetter('conclusion')}2:${columnLetter('conclusion')}1048576">`,
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="题目类型" error="请从下拉列表中选择：打分题、单选题、描述题、多选题" sqref="${columnLetter('assessment_type')}2:${columnLetter('assessment_type')}1048576">`,
    ]);
    // IDs and keys (the first three columns, and the assessment's key) are Text; the columns between are not.
    const textStyle = new RegExp(`<col min="1" max="${columnNumber('external_id')}" [^>]*style="(\\d+)"`).exec(
      data,
    )![1];
    const key = columnNumber('assessment_external_id');
    expect(data).toContain(`<col min="${key}" max="${key}" width="22" style="${textStyle}" customWidth="1"/>`);
    expect(data).toContain(
      `<col min="${columnNumber('external_id') + 1}" max="${key - 1}" width="14" customWidth="1"/>`,
    );
    const strings = all.get('xl/sharedStrings.xml')!;
    for (const text of [
      '是否必填',
      '填写说明',
      '2024年3月1日 14:00',
      '外部系统面评ID 相同的行是同一条评价',
      '每场面试至少一行必填',
    ])
      expect(strings).toContain(text);
    expect(strings).not.toMatch(/accepted values|Required|one row per|Pick one/);
  });

  it('writes the English instructions in English', async () => {
    const dir = await tempDir();
    const out = join(dir, 't.xlsx');
    const run = await runCli(['template', '--out', out, '--lang', 'en']);
    expect(run.stdout).toBe(`template: ${out}\n`);
    const all = await parts(out);
    expect(all.get('xl/worksheets/sheet2.xml')).toContain(
      'errorTitle="participate_status" error="Pick one from the list: not_participated, participated, no_show" sqref="D2:D1048576"',
    );
    const strings = all.get('xl/sharedStrings.xml')!;
    for (const text of [
      'what it takes',
      'required on one row of each interview',
      'Rows sharing an assessment_external_id',
    ])
      expect(strings).toContain(text);
    expect(strings).not.toMatch(/必填|选填|填写/);
  });

  it('says where it wrote the template in the run language', async () => {
    const dir = await tempDir();
    const out = join(dir, 't.csv');
    expect((await runCli(['template', '--out', out, '--lang', 'zh'])).stdout).toBe(`模板：${out}\n`);
    expect(await readFile(out, 'utf8')).toMatch(/^\uFEFF外部面试ID,外部投递ID,/);
  });
});
