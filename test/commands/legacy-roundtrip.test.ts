import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessmentBody, DimensionBody, InterviewBody } from '../../src/feishu/body.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { parse } from 'csv-parse/sync';
import { ROOT, csv, runCli, tempDir } from '../helpers.js';

/**
 * A legacy export as old systems write them, checked as its user would: what Feishu holds after
 * migrate, correct and undo is compared field by field with a model of the file written here,
 * never with what the tool itself reports. Interview fields stand on an interview's first row
 * only; continuation rows repeat nothing but the keys; one interviewer writes two assessments;
 * every dimension type; rows scattered; interviews that exist (alike and different) and ones
 * that do not.
 */
const SECRET = 'Roundtrip-Test-Secret-7';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const HEADER = [
  '外部系统面试ID',
  '外部投递ID',
  '参与状态',
  '开始时间',
  '结束时间',
  '外部系统面评ID',
  '面试官',
  '面试结论',
  '评价内容',
  '评价维度',
  '题目类型',
  '分数',
  '单选选项',
  '多选选项',
  '维度内容',
];
const PEOPLE = ['张伟', '王芳', '李娜', '刘洋', '陈静'];
const CONCLUSION = ['', '不通过', '通过', '待定'];
const TYPE = ['', '打分题', '单选题', '描述题', '多选题'];

interface Model {
  readonly key: string;
  readonly app: string;
  readonly body: InterviewBody;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function dimension(i: number, a: number, d: number): DimensionBody {
  const type = 1 + ((i + a + d) % 4);
  const title = ['专业能力', '沟通表达', '综合评价', '技能标签'][d]!;
  if (type === 1) return { score: 60 + ((i * 7 + a * 3 + d) % 40), assessment_type: 1, title };
  if (type === 2) return { option: ['优秀', '良好', '一般'][(i + d) % 3]!, assessment_type: 2, title };
  if (type === 3) return { content: `第${i}号候选人，${title}表现稳定`, assessment_type: 3, title };
  return { options: ['沟通', '协作', '编码'].slice(0, 1 + ((i + a) % 3)), assessment_type: 4, title };
}

/** 40 interviews in 14 applications, 1–3 assessments of 2–4 dimensions; in every 5th, one interviewer writes two. */
function model(): Model[] {
  const out: Model[] = [];
  for (let i = 0; i < 40; i++) {
    const key = i % 3 === 0 ? `2019${String(i).padStart(4, '0')}` : `ATS-2019-${String(i).padStart(4, '0')}`;
    const app = String(6960663240925957000n + BigInt(i % 14));
    const day = 1 + (i % 27);
    const begin = Date.UTC(2019, 4, day, 1 + (i % 8));
    const assessments: AssessmentBody[] = [];
    for (let a = 0; a < 1 + (i % 3); a++) {
      const who = i % 5 === 0 && a === 1 ? PEOPLE[i % 5]! : PEOPLE[(i + a) % 5]!;
      const dims = Array.from({ length: 2 + ((i + a) % 3) }, (_, d) => dimension(i, a, d));
      const assessment: AssessmentBody = {
        external_id: `${key}-A${a + 1}`,
        username: who,
        conclusion: 1 + ((i + a) % 3),
      };
      if ((i + a) % 2 === 0) assessment.content = '旧系统迁移';
      assessment.assessment_dimension_list = dims;
      assessments.push(assessment);
    }
    const body: InterviewBody = { external_id: key, external_application_id: app, participate_status: 1 + (i % 3) };
    body.begin_time = begin;
    body.end_time = begin + 45 * 60_000;
    body.interview_assessments = assessments;
    out.push({ key, app, body });
  }
  return out;
}

const wall = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The file's rows: interview fields on the first row only, continuation rows with keys only.
 * Interviews are interleaved at random, each keeping its own rows' order (the order of its
 * assessments and dimensions, which the body keeps).
 */
function rows(models: readonly Model[]): string[][] {
  const queues = models.map(interviewRows);
  const out: string[][] = [];
  const next = random(42);
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    out.push(open[Math.floor(next() * open.length)]!.shift()!);
  }
  return [HEADER, ...out];
}

function interviewRows({ key, app, body }: Model): string[][] {
  const out: string[][] = [];
  for (const a of body.interview_assessments!) {
    a.assessment_dimension_list!.forEach((d, k) => {
      const head =
        out.length === 0
          ? [
              key,
              app,
              ['', '未参与', '参与', '爽约'][body.participate_status!]!,
              wall(body.begin_time!),
              wall(body.end_time!),
            ]
          : [key, '', '', '', ''];
      const own =
        k === 0
          ? [a.external_id!, a.username!, CONCLUSION[a.conclusion!]!, a.content ?? '']
          : [a.external_id!, '', '', ''];
      const value = [
        d.score === undefined ? '' : String(d.score),
        d.option ?? '',
        d.options?.join('|') ?? '',
        d.content ?? '',
      ];
      out.push([...head, ...own, d.title!, TYPE[d.assessment_type!]!, ...value]);
    });
  }
  return out;
}

async function xlsx(path: string, table: string[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('面试记录');
  for (const r of table) sheet.addRow(r);
  await book.xlsx.writeFile(path);
}

/** What Feishu holds, as bodies, by legacy key; the ids Feishu gave are left out. */
function held(s: RunningSimulator): Map<string, InterviewBody> {
  return new Map([...s.store.interviews.values()].map((x) => [x.external_id ?? x.id, InterviewStore.bodyOf(x)]));
}

const expectHolds = (s: RunningSimulator, bodies: Map<string, InterviewBody>) => {
  const now = held(s);
  expect([...now.keys()].sort()).toEqual([...bodies.keys()].sort());
  for (const [key, body] of bodies) expect({ key, body: now.get(key) }).toEqual({ key, body });
};

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_r', FEISHU_APP_SECRET: SECRET });
const cli = (s: RunningSimulator, args: string[]) =>
  runCli(
    [
      ...args,
      '--lang',
      'en',
      ...(args[0] === 'validate' ? [] : ['--quiet']),
      ...(args[0] === 'undo' ? [] : ['--tz', 'Asia/Shanghai']),
    ],
    {
      env: env(s),
    },
  );

for (const readsWithoutExternalId of [false, true]) {
  for (const format of ['csv', 'xlsx'] as const) {
    describe(`a legacy export (${format}) migrated, corrected and undone; reads ${readsWithoutExternalId ? 'without' : 'with'} external_id`, () => {
      it('lands field for field, verifies, re-runs send nothing, and each undo leaves Feishu as before', async () => {
        const models = model();
        // Some exist already: alike, and (where reads carry the key, so they can be found) with one score different.
        const alike = models.filter((_, i) => i % 7 === 1);
        const different = readsWithoutExternalId ? [] : models.filter((_, i) => i % 7 === 4);
        const seed = [
          ...alike.map((m, k): [string, InterviewBody] => [String(7200000000000000000n + BigInt(k)), m.body]),
          ...different.map((m, k): [string, InterviewBody] => {
            const body = structuredClone(m.body);
            body.interview_assessments![0]!.assessment_dimension_list = [{ score: 1, assessment_type: 1, title: '旧' }];
            return [String(7300000000000000000n + BigInt(k)), body];
          }),
        ];
        sim = await startSimulator({
          appId: 'cli_r',
          appSecret: SECRET,
          rateLimit: 0,
          readRateLimit: 0,
          createRateLimit: 0,
          seed,
          readsWithoutExternalId,
        });
        const before = held(sim);
        const dir = await tempDir();
        const file = join(dir, `legacy.${format}`);
        if (format === 'csv') await writeFile(file, `\uFEFF${csv(rows(models))}`);
        else await xlsx(file, rows(models));

        const migrate = await cli(sim, ['import', file, '--create-missing', '--replace']);
        expect(migrate.stderr).toBe('');
        expect(migrate.code).toBe(0);
        const migrated = new Map(models.map((m) => [m.key, m.body]));
        expectHolds(sim, migrated);
        expect(sim.stats.requests.create).toBe(models.length - alike.length - different.length);
        expect(sim.stats.requests.put).toBe(different.length);

        const verify = await cli(sim, ['verify', file]);
        expect(verify.stdout).toContain(`${models.length} of ${models.length} interview(s) match the file`);
        expect(verify.code).toBe(0);

        const again = await cli(sim, [
          'import',
          file,
          '--create-missing',
          '--replace',
          '--report',
          join(dir, 'again.csv'),
        ]);
        expect(again.code).toBe(0);
        expect(sim.stats.requests.create + sim.stats.requests.put).toBe(models.length - alike.length);

        // A monthly correction by legacy key: one score, one conclusion; continuation-style rows.
        const target = models[10]!;
        const a = target.body.interview_assessments![0]!;
        const scored = a.assessment_dimension_list!.find((d) => d.assessment_type === 1)!;
        const fix = join(dir, 'fix.csv');
        await writeFile(
          fix,
          csv([
            ['外部系统面试ID', '外部投递ID', '外部系统面评ID', '面试结论', '评价维度', '分数'],
            [target.key, target.app, a.external_id!, '待定', '', ''],
            [target.key, '', a.external_id!, '', scored.title!, '99'],
          ]),
        );
        const correct = await cli(sim, ['import', fix, '--merge']);
        expect(correct.stderr).toBe('');
        expect(correct.code).toBe(0);
        const corrected = structuredClone(migrated);
        const c = corrected.get(target.key)!.interview_assessments![0]!;
        c.conclusion = 3;
        c.assessment_dimension_list!.find((d) => d.title === scored.title)!.score = 99;
        expectHolds(sim, corrected);

        const undoFix = await cli(sim, ['undo', join(dir, 'fix.report.csv.backup.jsonl')]);
        expect(undoFix.stderr).toBe('');
        expect(undoFix.code).toBe(0);
        expectHolds(sim, migrated);

        const undoMigration = await cli(sim, ['undo', join(dir, `legacy.report.${format}.backup.jsonl`)]);
        expect(undoMigration.code).toBe(0);
        expectHolds(sim, before);
      }, 120_000);
    });
  }
}

/**
 * The sample as an independent reader sees it: an interview's fields on its first row, an
 * assessment's on its first row, one dimension a row; labels as the template's drop-downs write them.
 */
function sampleBodies(text: string): Map<string, InterviewBody> {
  const records = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  const out = new Map<string, InterviewBody>();
  const time = (t: string) => {
    const [y, mo, d, h, mi] = t.split(/[- :]/).map(Number);
    return Date.UTC(y!, mo! - 1, d!, h! - 8, mi!);
  };
  for (const r of records) {
    let body = out.get(r.外部系统面试ID!);
    if (!body) {
      body = {
        external_id: r.外部系统面试ID!,
        external_application_id: r.外部投递ID!,
        participate_status: ['', '未参与', '参与', '爽约'].indexOf(r.参与状态!),
        begin_time: time(r.开始时间!),
        end_time: time(r.结束时间!),
        interview_assessments: [],
      };
      out.set(r.外部系统面试ID!, body);
    }
    let a = body.interview_assessments!.find((x) => x.external_id === r.外部系统面评ID);
    if (!a) {
      a = { external_id: r.外部系统面评ID!, username: r.面试官!, conclusion: CONCLUSION.indexOf(r.面试结论!) };
      if (r.评价内容) a.content = r.评价内容;
      a.assessment_dimension_list = [];
      body.interview_assessments!.push(a);
    }
    const d: DimensionBody = {};
    if (r.分数) d.score = Number(r.分数);
    if (r.单选选项) d.option = r.单选选项;
    if (r.多选选项) d.options = r.多选选项.split('|');
    if (r.维度内容) d.content = r.维度内容;
    d.assessment_type = TYPE.indexOf(r.题目类型!);
    d.title = r.评价维度!;
    a.assessment_dimension_list!.push(d);
  }
  return out;
}

describe('the README walk-through on samples/legacy-migration.csv', () => {
  it('migrates in two steps, verifies, corrects by legacy key, and undoes both, Feishu compared field by field', async () => {
    sim = await startSimulator({
      appId: 'cli_r',
      appSecret: SECRET,
      rateLimit: 0,
      readRateLimit: 0,
      createRateLimit: 0,
    });
    const dir = await tempDir();
    const file = join(dir, 'legacy-migration.csv');
    await copyFile(join(ROOT, 'samples', 'legacy-migration.csv'), file);
    const expected = sampleBodies(await readFile(file, 'utf8'));
    expect(expected.size).toBe(24);
    expect([...expected.values()].flatMap((b) => b.interview_assessments!).length).toBe(48);

    expect((await cli(sim, ['validate', file])).code).toBe(0);
    const dry = await cli(sim, ['import', file, '--create-missing', '--dry-run']);
    expect(dry.stdout).toContain('would create 24 · would change 0 · unchanged 0 · missing 0 interview(s)');
    expect((await cli(sim, ['import', file, '--create-missing', '--limit', '5'])).code).toBe(0);
    const report = join(dir, 'legacy-migration.report.csv');
    const rest = await cli(sim, ['import', file, '--create-missing', '--resume', report]);
    expect(rest.code).toBe(0);
    expectHolds(sim, expected);
    const verify = await cli(sim, ['verify', file]);
    expect(verify.stdout).toContain('24 of 24 interview(s) match the file');

    // The second assessment of interview 4, written by the same interviewer as its first: corrected by its key.
    const fix = join(dir, 'april.csv');
    await writeFile(
      fix,
      csv([
        ['外部系统面试ID', '外部投递ID', '外部系统面评ID', '面试结论'],
        ['ATS-2019-0004', '6960663240925957004', 'ATS-2019-0004-A2', '不通过'],
      ]),
    );
    expect((await cli(sim, ['import', fix, '--merge'])).code).toBe(0);
    const corrected = structuredClone(expected);
    const four = corrected.get('ATS-2019-0004')!.interview_assessments!;
    expect(four[0]!.username).toBe(four[1]!.username);
    four[1]!.conclusion = 1;
    expectHolds(sim, corrected);

    expect((await cli(sim, ['undo', join(dir, 'april.report.csv.backup.jsonl')])).code).toBe(0);
    expectHolds(sim, expected);
    expect((await cli(sim, ['undo', `${report}.backup.jsonl`])).code).toBe(0);
    expectHolds(sim, new Map());
  }, 120_000);
});
