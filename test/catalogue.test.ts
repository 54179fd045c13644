import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../src/api.js';
import { CATALOGUE } from '../src/catalogue.js';
import { NAME, ROW } from '../src/plan/messages.js';
import { PRINTED } from '../src/report/messages.js';
import type { Pair } from '../src/messages.js';
import { ROW_STATUSES } from '../src/plan/types.js';
import { reportStatusWord } from '../src/row-statuses.js';
import { APP1, HEADER_EN, ID1, ID2, csv, readReport, row, runCli, tempDir } from './helpers.js';

/**
 * One catalogue, two languages: every entry renders in both, and a Chinese file gets Chinese
 * messages (its columns named as it names them) unless --lang says otherwise.
 */

/** Stands in for any argument: a text, a number (1, so `NEEDS[type]` exists), a pair, a list. */
function probe(): unknown {
  return new Proxy(
    {},
    {
      get(_, key) {
        if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 1 : 'x');
        if (key === 'toJSON' || key === 'toString' || key === 'toLocaleString') return () => 'x';
        if (key === 'type' || key === 'n' || key === 'count') return 1;
        if (typeof key === 'symbol') return undefined;
        return probe();
      },
    },
  );
}

function render(entry: unknown): Pair[] {
  // A table of pairs (Feishu's codes and what each says) renders each of them.
  if (typeof entry === 'object' && entry !== null && !('en' in entry)) return Object.values(entry).flatMap(render);
  if (typeof entry !== 'function') return [entry as Pair];
  // A positional number that indexes a table (an assessment type) is 1, as `probe` cannot be.
  try {
    return [entry(probe(), probe(), probe()) as Pair];
  } catch {
    return [entry(probe(), 1, probe()) as Pair];
  }
}

const HAN = /\p{Script=Han}/u;

describe('the catalogue', () => {
  const entries = Object.entries(CATALOGUE).flatMap(([section, group]) =>
    Object.entries(group).map(([name, entry]) => [`${section}.${name}`, entry] as const),
  );

  it('has entries', () => {
    expect(entries.length).toBeGreaterThan(100);
  });

  it.each(entries)('%s says it in English and in Chinese', (_, entry) => {
    for (const pair of render(entry)) {
      expect(pair.en.length).toBeGreaterThan(0);
      expect(pair.zh).toMatch(HAN);
      for (const text of [pair.en, pair.zh]) expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });
});

describe('the row statuses', () => {
  it('are named by the same Chinese word in the printed counts as in the .xlsx report, with the CSV key', () => {
    for (const s of ROW_STATUSES) {
      expect(PRINTED.status[s].zh).toBe(`${reportStatusWord(s, 'zh')}（${s}）`);
      expect([PRINTED.status[s].en, reportStatusWord(s, 'en')]).toEqual([s, s]);
    }
  });
});

const ZH = ['外部面试ID', '外部投递ID', '参与状态', '面试官', '评价维度', '题目类型', '分数'];

async function files(dir: string) {
  const zh = join(dir, 'zh.csv');
  await writeFile(
    zh,
    csv([
      ZH,
      [ID1, APP1, '参与', '张三', '专业', '打分题', '88'],
      [ID2, APP1, '参与', '李四', '专业', '打分题', '九十'],
    ]),
  );
  const en = join(dir, 'en.csv');
  await writeFile(
    en,
    csv([
      [...HEADER_EN],
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        dimension_title: 't',
        assessment_type: '1',
        score: '九十',
      }),
    ]),
  );
  return { zh, en };
}

describe('Chinese around an interview ID', () => {
  it('puts a space between the ID and the Chinese words beside it, none beside Chinese', () => {
    const id = '7123456789012345013';
    expect(
      ROW.missingApplication({ interview: NAME.interview(id), row: 4, column: '外部投递ID', correction: false }).zh,
    ).toBe(`第 4 行「外部投递ID」列：面试 ${id} 至少要有一行填写外部投递ID，实际一行也没有。请在这一行填上`);
    expect(NAME.assessment({ en: '2', zh: '2' }, NAME.interview(id)).zh).toBe(`面试 ${id} 的评价 2`);
    expect(NAME.assessment({ en: 'A', zh: '张三' }, NAME.legacyInterview('L-1')).zh).toBe(
      '外部系统面试ID为 "L-1" 的面试的评价张三',
    );
  });
});

describe("a run speaks the file's language", () => {
  it('a Chinese file: Chinese messages and summary, its column names; --lang en: English, its column names', async () => {
    const dir = await tempDir();
    const { zh } = await files(dir);
    const run = await runCli(['validate', zh, '--report', join(dir, 'zh.report.csv')]);
    expect(run.code).toBe(1);
    const rows = await readReport(join(dir, 'zh.report.csv'));
    expect(rows.map((r) => [r.status, r.error_column, r.message])).toEqual([
      ['ok', '', '有效'],
      ['invalid', '分数', '第 3 行「分数」列：应为整数分数，例如 88，实际是 "九十"。只填数字'],
    ]);
    expect(run.stdout).toContain('行数：2，共 2 场面试：成功（ok） 1 · 有误（invalid） 1');
    expect(run.stdout).toContain('最常见的问题：');

    await runCli(['validate', zh, '--lang', 'en', '--report', join(dir, 'en.report.csv')]);
    expect((await readReport(join(dir, 'en.report.csv')))[1]!.message).toBe(
      'expected a whole-number score such as 88, got "九十" (row 3, column 分数): type digits only',
    );
  });

  it("an English file speaks the locale's language, naming its columns as it does", async () => {
    const dir = await tempDir();
    const { en } = await files(dir);
    await runCli(['validate', en, '--tz', 'UTC', '--report', join(dir, 'r.csv')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect((await readReport(join(dir, 'r.csv')))[0]!.message).toBe(
      '第 2 行「score」列：应为整数分数，例如 88，实际是 "九十"。只填数字',
    );
    await runCli(['validate', en, '--tz', 'UTC', '--report', join(dir, 'c.csv')], { env: { LANG: 'C.UTF-8' } });
    expect((await readReport(join(dir, 'c.csv')))[0]!.message).toMatch(/^expected a whole-number score/);
  });

  it("a fatal error about a Chinese file is said in Chinese; before any file is read, in the locale's language", async () => {
    const dir = await tempDir();
    const file = join(dir, '缺列.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '分数'],
        [ID1, '88'],
      ]),
    );
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^错误 \[INPUT_MISSING_COLUMN\]：\S+缺列\.csv（表头第 1 行）缺少列 外部投递ID，实际表头为："外部面试ID", "分数"。/,
    );
    const old = join(dir, 'old.xlsx');
    await writeFile(old, 'not a zip');
    const locale = await runCli(['validate', old], { env: { LANG: 'zh_CN.UTF-8' } });
    const option = await runCli(['import', old, '--concurrency', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(option.stderr).toBe('错误 [USAGE_BAD_OPTION]：--concurrency: 应为 1 到 100 的整数，实际是 0\n');
    expect(locale.stderr).toMatch(
      /^错误 \[XLSX_NOT_A_WORKBOOK\]：\S+ 不是 \.xlsx 工作簿：是旧的 \.xls 还是改过扩展名的文件？/,
    );
  });

  it('a column mapped with --map is named by its header, in the message and in error_column of every format', async () => {
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    const headers = HEADER_EN.map((h) => (h === 'score' ? 'Interview Score' : h));
    await writeFile(
      file,
      csv([
        headers,
        row({
          external_interview_id: ID1,
          external_application_id: APP1,
          dimension_title: 't',
          assessment_type: '1',
          score: 'high',
        }),
      ]),
    );
    await writeFile(join(dir, 'map.json'), JSON.stringify({ 'Interview Score': 'score' }));
    const args = ['validate', file, '--lang', 'en', '--tz', 'UTC', '--map', join(dir, 'map.json')];
    await runCli([...args, '--report', join(dir, 'r.csv')]);
    const [bad] = await readReport(join(dir, 'r.csv'));
    expect([bad!.error_column, bad!.message]).toEqual([
      'Interview Score',
      'expected a whole-number score such as 88, got "high" (row 2, column Interview Score): type digits only',
    ]);
    await runCli([...args, '--report', join(dir, 'r.json')]);
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as { rows: { error_column: string }[] };
    expect(json.rows[0]!.error_column).toBe('Interview Score');
  });

  it('a file whose own headers are Chinese, read through --map, speaks Chinese; English ones keep English', async () => {
    const dir = await tempDir();
    const file = join(dir, 'legacy.csv');
    await writeFile(
      file,
      csv([
        ['面试编号', '投递编号', '维度', '题型', '得分', '备注'],
        [ID1, APP1, '专业', '1', '九十', 'n'],
      ]),
    );
    await writeFile(
      join(dir, 'map.json'),
      JSON.stringify({
        面试编号: 'external_interview_id',
        投递编号: 'external_application_id',
        维度: 'dimension_title',
        题型: 'assessment_type',
        得分: 'score',
      }),
    );
    const args = ['validate', file, '--tz', 'UTC', '--map', join(dir, 'map.json')];
    const zh = await runCli([...args, '--report', join(dir, 'zh.csv')], { env: { LANG: 'C.UTF-8' } });
    expect((await readReport(join(dir, 'zh.csv')))[0]!.message).toBe(
      '第 2 行「得分」列：应为整数分数，例如 88，实际是 "九十"。只填数字',
    );
    expect(zh.stdout).toContain('行数：1，共 1 场面试');
    const english = join(dir, 'english.csv');
    await writeFile(
      english,
      csv([
        ['Interview Ref', 'Application Ref', 'Title', 'Type', 'Score', '备注'],
        [ID1, APP1, '专业', '1', '九十', 'n'],
      ]),
    );
    await writeFile(
      join(dir, 'map-en.json'),
      JSON.stringify({
        'Interview Ref': 'external_interview_id',
        'Application Ref': 'external_application_id',
        Title: 'dimension_title',
        Type: 'assessment_type',
        Score: 'score',
      }),
    );
    await runCli(
      ['validate', english, '--tz', 'UTC', '--map', join(dir, 'map-en.json'), '--report', join(dir, 'en.csv')],
      {
        env: { LANG: 'C.UTF-8' },
      },
    );
    expect((await readReport(join(dir, 'en.csv')))[0]!.message).toBe(
      'expected a whole-number score such as 88, got "九十" (row 2, column Score): type digits only',
    );
  });

  it('two library runs at once, in two languages, do not mix', async () => {
    const dir = await tempDir();
    const { zh } = await files(dir);
    const [a, b] = await Promise.all([
      validateFile(zh, { report: false, lang: 'en' }),
      validateFile(zh, { report: false }),
    ]);
    expect(a.rows[1]!.message).toMatch(/^expected a whole-number score/);
    expect(b.rows[1]!.message).toMatch(/^第 3 行「分数」列/);
    expect(b.text).toContain('行数：2');
    expect(a.text).toContain('rows: 2 in 2 interview(s)');
  });
});

describe('--help', () => {
  it('says what --dry-run reads in each mode: import without and with credentials, undo', async () => {
    const said = async (command: string) =>
      (await runCli([command, '--help', '--lang', 'en'], { env: { LANG: 'en_US.UTF-8' } })).stdout.replace(/\s+/g, ' ');
    const importHelp = await said('import');
    expect(importHelp).toContain('Without credentials: check the file offline, as validate does.');
    expect(importHelp).toContain('With credentials: read each interview from Feishu (by its Feishu ID;');
    expect(importHelp).not.toContain('send nothing: like validate;');
    expect(await said('undo')).toContain(
      'write nothing: read each interview the run wrote or created and report, per interview, whether undo would restore it',
    );
  });

  it.each(['template', 'validate', 'import', 'undo', 'verify', 'simulate', 'demo'])(
    '%s --help is all in Chinese for a Chinese locale',
    async (command) => {
      const run = await runCli([command, '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(run.code).toBe(0);
      // Each option's description (a line of its own, or wrapped onto the next) says something in Chinese.
      const options = run.stdout.split(/\n(?= {2}--)/).filter((block) => block.startsWith('  --'));
      expect(options.length).toBeGreaterThan(0);
      for (const block of options) expect(block.replace(/\[[^\]]*\]/g, '')).toMatch(HAN);
    },
  );
});
