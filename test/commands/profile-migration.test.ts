import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { journalPathFor } from '../../src/run-paths.js';
import { sampleBodies } from './legacy-sample.js';

/**
 * The 北森-style sample as its user has it (GBK, a title row, its own words, keys on first rows
 * only, one column per scored item) imported through its profile with nothing done outside the
 * tool; what the simulator then holds is compared field by field with the file as read here,
 * by this test's own reading of the export's layout, never with what the tool reports.
 */
const SAMPLE = join(ROOT, 'samples', 'legacy-export-beisen-style.csv');
const PROFILE = join(ROOT, 'samples', 'legacy-export-beisen-style.profile.json');
const SECRET = 'Profile-Test-Secret-3';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function held(s: RunningSimulator): Map<string, InterviewBody> {
  return new Map([...s.store.interviews.values()].map((x) => [x.external_id ?? x.id, InterviewStore.bodyOf(x)]));
}

async function importAndCompare(dir: string, file: string, args: string[]): Promise<void> {
  sim = await startSimulator({ appId: 'cli_p', appSecret: SECRET, rateLimit: 0, readRateLimit: 0, createRateLimit: 0 });
  const run = await runCli(['import', file, '--create-missing', '--quiet', ...args], {
    env: { FEISHU_BASE_URL: sim.url, FEISHU_APP_ID: 'cli_p', FEISHU_APP_SECRET: SECRET },
    cwd: dir,
  });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const expected = sampleBodies(await readFile(file));
  expect(expected.size).toBe(30);
  const now = held(sim);
  expect([...now.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, body] of expected) expect({ key, body: now.get(key) }).toEqual({ key, body });
}

describe('a legacy 北森-style export imported through its profile', () => {
  it('lands field for field: GBK, title row, own words, keys on first rows, wide scored items', async () => {
    const dir = await tempDir();
    const file = join(dir, 'export.csv');
    await copyFile(SAMPLE, file);
    const bytes = await readFile(file);
    // As the old system writes it: GBK without a BOM, not valid UTF-8.
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await importAndCompare(dir, file, ['--profile', PROFILE]);
    // The journal records the profile the run read through: its content, not only its path.
    const journal = (await readFile(journalPathFor(join(dir, 'export.report.csv')), 'utf8')).split('\n');
    expect(JSON.parse(journal[0]!).profile).toEqual(JSON.parse(await readFile(PROFILE, 'utf8')));
  });
  it('picks up feishu-interview-import.profile.json beside the file, and says so', async () => {
    const dir = await tempDir();
    const file = join(dir, 'export.csv');
    await copyFile(SAMPLE, file);
    await copyFile(PROFILE, join(dir, 'feishu-interview-import.profile.json'));
    const run = await runCli(['validate', file, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `read through the mapping profile ${join(dir, 'feishu-interview-import.profile.json')} (found beside the file; --profile names another)`,
    );
    expect(run.stdout).toContain('filled 20 blank cell(s) of 面试编号 from the row above');
  });
  it('without the profile the same file is refused (nothing guessed)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'export.csv');
    await copyFile(SAMPLE, file);
    const run = await runCli(['validate', file, '--lang', 'en']);
    expect(run.code).toBe(2);
  });
  it('profile writes a draft that, with only the undecided word filled in, imports the same', async () => {
    const dir = await tempDir();
    const file = join(dir, 'export.csv');
    await copyFile(SAMPLE, file);
    const draft = await runCli(['profile', file, '--lang', 'en']);
    expect(draft.code).toBe(0);
    const out = join(dir, 'export.profile.json');
    expect(draft.stdout).toContain(
      'left to decide (1):\n  participate_status (参与状态) "中途离开" (1 row(s)): write one of 未参与 (not_participated), 参与 (participated), 爽约 (no_show) in "values"',
    );
    expect(draft.stdout).toContain(
      '"专业能力(分)": one dimension (打分题) of the row\'s assessment (a guess: check it)',
    );
    const profile = JSON.parse(await readFile(out, 'utf8'));
    expect(profile.values.participate_status['中途离开']).toBe('');
    // As written, the draft is refused: the blank word is the user's to decide.
    const refused = await runCli(['validate', file, '--profile', out, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('PROFILE_UNDECIDED_VALUE');
    profile.values.participate_status['中途离开'] = '参与';
    await writeFile(out, JSON.stringify(profile));
    await importAndCompare(dir, file, ['--profile', out]);
  });
  it('the .xlsx report shows each word of each enumeration column, what it became, from where, on how many rows', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.xlsx');
    const run = await runCli(['validate', SAMPLE, '--profile', PROFILE, '--report', report, '--lang', 'en']);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(report);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Report', 'Summary', 'Values']);
    const rows: unknown[][] = [];
    book.worksheets[2]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['column', 'word in the file', 'read as', 'from', 'rows'],
      ['面试状态', '已完成', 'participated (2)', 'the profile', 23],
      ['面试状态', '未到场', 'no_show (3)', 'the profile', 3],
      ['面试状态', '已取消', 'not_participated (1)', 'the profile', 3],
      ['面试状态', '中途离开', 'participated (2)', 'the profile', 1],
      ['面试结果', '不建议录用', 'fail (1)', 'the profile', 11],
      ['面试结果', '待定', 'pending (3)', "the tool's own words", 11],
      ['面试结果', '建议录用', 'pass (2)', 'the profile', 11],
      ['题型', '文本', 'description (3)', 'the profile', 22],
      ['题型', '评分', 'score (1)', "the tool's own words", 11],
    ]);
    const summary: unknown[][] = [];
    book.worksheets[1]!.eachRow((r) => summary.push((r.values as unknown[]).slice(1)));
    expect(summary.find((r) => r[0] === 'mapping profile')?.[1]).toBe(
      JSON.stringify(JSON.parse(await readFile(PROFILE, 'utf8'))),
    );
  });
});
