import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { csv, original, runCli, seededIds, startCli, tempDir, waitFor } from '../helpers.js';

const SECRET = 'Chinese-Run-Secret-5';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/**
 * English words left once what reads the same in both languages is taken out: codes, paths,
 * URLs, IDs, numbers, option names, the tool's and the API's names. Two English words in a row
 * are a sentence a Chinese reader was not given in Chinese.
 */
function englishIn(output: string, dir: string): string[] {
  const kept = output
    .replaceAll(dir, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/(?:\/[^\s/，：（）,:()]+)+/g, '')
    .replace(/--[a-z-]+(?:[ =][\w./-]+)?/g, '')
    .replace(/\b[A-Z][A-Z0-9_]+\b/g, '')
    .replace(/feishu-interview-import|batch_query|external_interviews|Ctrl-C|\bPUT\b|\btoken\b|\bimport FILE\b/g, '')
    .replace(/\b[\w-]+\.(?:csv|xlsx|jsonl|json)\b/g, '');
  return kept.split('\n').filter((line) => /\b[A-Za-z]{2,}\b[^\p{Script=Han}\n]*\b[A-Za-z]{2,}\b/u.test(line));
}

const [A, B] = seededIds(2) as [string, string];

describe('a Chinese run prints only Chinese', () => {
  it.each([
    ['--lang zh', { LANG: 'C.UTF-8' }],
    ['LANG=zh_CN.UTF-8', { LANG: 'zh_CN.UTF-8' }],
  ] as const)('validate, import, the dry run, verify, undo and template, with %s', async (how, locale) => {
    const flags = how === '--lang zh' ? ['--lang', 'zh'] : [];
    sim = await startSimulator({
      appId: 'cli_z',
      appSecret: SECRET,
      rateLimit: 0,
      seed: [A, B].map((id, i) => [id, original(i)]),
    });
    const env = { ...locale, FEISHU_BASE_URL: sim.url, FEISHU_APP_ID: 'cli_z', FEISHU_APP_SECRET: SECRET };
    const dir = await tempDir();
    const file = join(dir, '三月.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '参与状态', '面试官', '面试结论'],
        [A, '爽约', '', ''],
        [B, '', '王五', '不通过'],
      ]),
    );
    const runs = {
      validate: await runCli(['validate', file, '--merge', ...flags], { env }),
      dryRun: await runCli(['import', file, '--merge', '--dry-run', ...flags], { env }),
      import: await runCli(['import', file, '--merge', ...flags], { env }),
      verify: await runCli(['verify', file, ...flags], { env }),
      undo: await runCli(['undo', join(dir, '三月.report.csv.backup.jsonl'), ...flags], { env }),
      template: await runCli(['template', '--out', join(dir, 't.xlsx'), ...flags], { env }),
    };
    // verify reads whole records: this correction file lacks 外部投递ID, and says so in Chinese.
    for (const [name, run] of Object.entries(runs))
      if (name !== 'verify') expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBeLessThan(2);
    const english = Object.entries(runs).flatMap(([name, run]) =>
      englishIn(run.stdout + run.stderr, dir).map((l) => `${name}: ${l}`),
    );
    expect(english).toEqual([]);
    expect(runs.dryRun.stdout).not.toContain('每秒');
  });

  it.each([
    ['--lang zh', { LANG: 'C.UTF-8' }],
    ['LANG=zh_CN.UTF-8', { LANG: 'zh_CN.UTF-8' }],
  ] as const)('demo, with %s', async (how, locale) => {
    const dir = await tempDir();
    const run = await runCli(['demo', ...(how === '--lang zh' ? ['--lang', 'zh'] : [])], { cwd: dir, env: locale });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`演示：完成。请打开报告：${join(dir, 'out', 'demo.report.csv')}`);
    // What Feishu (here its stand-in) said of the refused call stays as it said it, as the README says.
    const feishu = 'external application not found; external_application_id: no such external application';
    expect(run.stdout).toContain(feishu);
    expect(englishIn((run.stdout + run.stderr).replaceAll(feishu, ''), dir)).toEqual([]);
  });

  it("says simulate's start line in Chinese, and a busy port as a plain error", async () => {
    const { child, done } = startCli(['simulate', '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    let out = '';
    child.stdout.on('data', (d: string) => (out += d));
    await waitFor(() => out.includes('按 Ctrl-C 停止'));
    const port = /127\.0\.0\.1:(\d+)/.exec(out)![1]!;
    const busy = await runCli(['simulate', '--port', port], { env: { LANG: 'zh_CN.UTF-8' } });
    child.kill('SIGINT');
    await done;
    expect(englishIn(out, '')).toEqual([]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toBe(
      `错误 [SIMULATE_PORT_BUSY]：无法监听端口 ${port}（EADDRINUSE，已被其他程序占用）：请关闭该程序，或用 --port 换一个端口（0 表示自动选择空闲端口）\n`,
    );
  });
});
