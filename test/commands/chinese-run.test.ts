import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { csv, heldBodies, original, runCli, seededIds, startCli, tempDir, waitFor } from '../helpers.js';

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
    // A dry run sends nothing, so it has no rate of its own; it says how long the real run would take.
    expect(runs.dryRun.stdout).not.toContain('秒内每秒');
    expect(runs.dryRun.stdout).toContain('\n正式运行：1 次 PUT 和 1 次读取，每个接口每秒 10 次：约 1 秒\n');
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

  it.each([
    ['--lang zh', { LANG: 'C.UTF-8' }],
    ['LANG=zh_CN.UTF-8', { LANG: 'zh_CN.UTF-8' }],
  ] as const)("says simulate's start line in Chinese, and a busy port as a plain error, with %s", async (how, env) => {
    const flags = how === '--lang zh' ? ['--lang', 'zh'] : [];
    const { child, done } = startCli(['simulate', '--port', '0', ...flags], { env });
    let out = '';
    child.stdout.on('data', (d: string) => (out += d));
    await waitFor(() => out.includes('按 Ctrl-C 停止'));
    const port = /127\.0\.0\.1:(\d+)/.exec(out)![1]!;
    const busy = await runCli(['simulate', '--port', port, ...flags], { env });
    child.kill('SIGINT');
    await done;
    expect(englishIn(out, '')).toEqual([]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toBe(
      `错误 [SIMULATE_PORT_BUSY]：无法监听端口 ${port}（EADDRINUSE，已被其他程序占用）：请关闭该程序，或用 --port 换一个端口（0 表示自动选择空闲端口）\n`,
    );
  });
});

/** The data sheet of an .xlsx report as exceljs reads it: sheet row, then the cells by title. */
async function reportRows(path: string): Promise<{ titles: string[]; rows: [number, ...unknown[]][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0]!;
  const titles = (sheet.getRow(1).values as string[]).slice(1);
  const rows: [number, ...unknown[]][] = [];
  sheet.eachRow((row, r) => {
    if (r > 1) rows.push([r, ...(row.values as unknown[]).slice(1, 6)]);
  });
  return { titles, rows };
}

describe('a Chinese correction file in .xlsx, as a user makes and fixes it', () => {
  it("validates, previews and imports it with a blank row in the middle; the Chinese report keeps the sheet's row numbers and imports again once fixed", async () => {
    const [C, D, E, F] = seededIds(4) as [string, string, string, string];
    sim = await startSimulator({
      appId: 'cli_z',
      appSecret: SECRET,
      rateLimit: 0,
      seed: [C, D, E, F].map((id, i) => [id, original(i)]),
    });
    const env = { FEISHU_BASE_URL: sim.url, FEISHU_APP_ID: 'cli_z', FEISHU_APP_SECRET: SECRET };
    const dir = await tempDir();
    const file = join(dir, '三月更正.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('三月更正');
    sheet.addRow(['外部面试ID', '面试官', '面试结论']);
    sheet.getRow(2).values = [C, '张三', '不通过'];
    // Row 3 is left blank.
    sheet.getRow(4).values = [D, '李四', '通过'];
    sheet.getRow(5).values = [E, '王五', '通过'];
    sheet.getRow(6).values = [F, '张三', '不好'];
    for (const r of [2, 4, 5, 6]) sheet.getCell(r, 1).numFmt = '@';
    await workbook.xlsx.writeFile(file);
    const report = join(dir, '三月更正.report.xlsx');
    const titles = ['行号', '状态', '错误代码', '出错的列', '说明', 'HTTP 状态码', '日志 ID', '尝试次数'];

    const validate = await runCli(['validate', file, '--merge'], { env });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('第 6 行「面试结论」列');

    const dryRun = await runCli(['import', file, '--merge', '--dry-run', '--quiet'], { env });
    expect(dryRun.code).toBe(1);
    const previewed = await reportRows(report);
    expect(previewed.titles).toEqual([...titles, '外部面试ID', '面试官', '面试结论']);
    expect(previewed.rows).toEqual([
      [2, '2', '成功', undefined, undefined, '将会修改：第 1 条面评（张三）面试结论：通过 → 不通过'],
      [4, '4', '成功', undefined, undefined, '将会修改：第 2 条面评（李四）面试结论：待定 → 通过'],
      [5, '5', '有误', 'ROW_NO_SUCH_ASSESSMENT', '面试官', expect.stringMatching(/^第 5 行「面试官」列/)],
      [6, '6', '有误', 'ROW_BAD_ENUM', '面试结论', expect.stringMatching(/^第 6 行「面试结论」列/)],
    ]);
    expect(sim.stats.requests.put).toBe(0);

    const applied = await runCli(['import', file, '--merge', '--quiet'], { env });
    expect(applied.code).toBe(1);
    expect((await reportRows(report)).rows.map((r) => r.slice(0, 3))).toEqual([
      [2, '2', '成功'],
      [4, '4', '成功'],
      [5, '5', '有误'],
      [6, '6', '有误'],
    ]);
    expect(sim.stats.requests.put).toBe(2);

    // The user fixes the two red cells in the report and imports the report itself.
    const fixing = new ExcelJS.Workbook();
    await fixing.xlsx.readFile(report);
    const data = fixing.worksheets[0]!;
    const at = (title: string) => titles.length + ['外部面试ID', '面试官', '面试结论'].indexOf(title) + 1;
    data.getCell(5, at('面试官')).value = '李四';
    data.getCell(6, at('面试结论')).value = '待定';
    await fixing.xlsx.writeFile(report);
    const again = await runCli(['import', report, '--merge', '--quiet'], { env });
    expect(again.code, again.stdout).toBe(0);
    expect((await reportRows(join(dir, '三月更正.rerun.report.xlsx'))).rows.map((r) => r.slice(0, 3))).toEqual([
      [2, '2', '跳过'],
      [4, '4', '跳过'],
      [5, '5', '成功'],
      [6, '6', '成功'],
    ]);
    const held = heldBodies(sim) as Map<string, { interview_assessments: { username: string; conclusion: number }[] }>;
    const conclusions = (id: string) => held.get(id)!.interview_assessments.map((a) => [a.username, a.conclusion]);
    expect([C, D, E, F].map(conclusions)).toEqual([
      [
        ['张三', 1],
        ['李四', 3],
      ],
      [
        ['张三', 2],
        ['李四', 2],
      ],
      [
        ['张三', 2],
        ['李四', 2],
      ],
      [
        ['张三', 3],
        ['李四', 3],
      ],
    ]);
    const english = [validate, dryRun, applied, again].flatMap((run) => englishIn(run.stdout + run.stderr, dir));
    expect(english).toEqual([]);
  });
});
