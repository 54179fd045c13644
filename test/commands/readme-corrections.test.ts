import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlan } from '../../src/commands/read-plan.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { ROOT, readReport, runCli, tempDir } from '../helpers.js';

/**
 * Every correction example in the README's "Monthly corrections" section, dry-run against the
 * interviews of samples/interviews.csv: the report must say exactly the diff the README shows,
 * so an example can only name the fields it really changes.
 */
const SECRET = 'Readme-Test-Secret-1';
let sim: RunningSimulator;

beforeAll(async () => {
  const { plan } = await readPlan({ file: join(ROOT, 'samples', 'interviews.csv'), tz: 'Asia/Shanghai' });
  const seed = plan.interviews.flatMap((p) =>
    p.kind === 'replace' ? [[p.id, p.body] as [string, typeof p.body]] : [],
  );
  sim = await startSimulator({ appId: 'cli_r', appSecret: SECRET, rateLimit: 0, seed });
});
afterAll(() => sim.close());

async function correctionsSection(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  return readme.slice(
    readme.indexOf('## Monthly corrections'),
    readme.indexOf('\n## ', readme.indexOf('## Monthly corrections') + 5),
  );
}

async function examples(): Promise<{ csv: string; diff: string }[]> {
  const section = await correctionsSection();
  return [...section.matchAll(/```csv\n([\s\S]*?)```\n[\s\S]*?`(would change: [^`]*)`/g)].map((m) => ({
    csv: m[1]!,
    diff: m[2]!.replace(/\s*\n\s*/g, ' '),
  }));
}

describe('the README correction examples', () => {
  it('has six examples', async () => {
    expect(await examples()).toHaveLength(6);
  });

  it('each previews exactly the change the README says, and nothing else', async () => {
    const dir = await tempDir();
    const env = { FEISHU_BASE_URL: sim.url, FEISHU_APP_ID: 'cli_r', FEISHU_APP_SECRET: SECRET };
    for (const [i, example] of (await examples()).entries()) {
      const file = join(dir, `fix-${i}.csv`);
      await writeFile(file, example.csv);
      const run = await runCli(
        ['import', '--lang', 'en', file, '--merge', '--dry-run', '--quiet', '--tz', 'Asia/Shanghai'],
        { env },
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect((await readReport(join(dir, `fix-${i}.report.csv`))).map((r) => r.message)).toEqual([example.diff]);
    }
    expect(sim.stats.requests.put).toBe(0);
  });
});

describe('the README example that adds a forgotten interview', () => {
  it('prints exactly the dry-run output the README shows, and its report says would create', async () => {
    // The file, then (no other code block between) the command and its output, each line `# …`.
    const m =
      /```csv\n([^`]*)```\n(?:(?!```)[\s\S])*```sh\nfeishu-interview-import (import forgotten\.csv [^\n]*)\n((?:# [^\n]*\n)+)```/.exec(
        await correctionsSection(),
      );
    expect(m).not.toBeNull();
    const [, file, command, output] = m as unknown as [string, string, string, string];
    expect(command).toContain('--dry-run');
    const dir = await tempDir();
    await writeFile(join(dir, 'forgotten.csv'), file);
    const env = { FEISHU_BASE_URL: sim.url, FEISHU_APP_ID: 'cli_r', FEISHU_APP_SECRET: SECRET };
    // The README shows the English output: --lang en, as for the examples above.
    const run = await runCli([...command.split(' '), '--lang', 'en'], { env, cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const shown = run.stdout.replaceAll(sim.url, 'https://open.feishu.cn').replaceAll(`${dir}/`, '');
    expect(shown).toBe(output.replace(/^# /gm, ''));
    expect((await readReport(join(dir, 'forgotten.report.csv'))).map((r) => [r.status, r.message])).toEqual([
      ['ok', 'would create'],
    ]);
    expect([sim.stats.requests.put, sim.stats.requests.create]).toEqual([0, 0]);
  });
});

describe('verify --merge', () => {
  it('checks only what a correction file names: a match, a difference, an assessment Feishu lacks', async () => {
    const dir = await tempDir();
    const env = { FEISHU_BASE_URL: sim.url, FEISHU_APP_ID: 'cli_r', FEISHU_APP_SECRET: SECRET };
    const file = join(dir, 'fix.csv');
    await writeFile(
      file,
      [
        '外部面试ID,面试官,面试结论',
        '7123456789012345013,黄敏,通过',
        '7123456789012345013,赵磊,',
        '7123456789012345014,,通过',
        '7123456789012345015,孙悦,通过',
        '',
      ].join('\n'),
    );
    const run = await runCli(['verify', '--lang', 'zh', file, '--merge', '--quiet', '--tz', 'Asia/Shanghai'], { env });
    expect(run.code).toBe(1);
    const rows = await readReport(join(dir, 'fix.verify.csv'));
    expect(rows.map((r) => [r.row, r.status, r.error_code, r.message])).toEqual([
      ['2', 'ok', '', '一致'],
      ['3', 'ok', '', '一致'],
      [
        '4',
        'failed',
        'VERIFY_DIFFERENT',
        expect.stringMatching(/^不一致（飞书 → 文件）：第 1 条面评（.+）面试结论：不通过 → 通过$/),
      ],
      ['5', 'failed', 'ROW_NO_SUCH_ASSESSMENT', expect.stringContaining('孙悦')],
    ]);
    expect(sim.stats.requests.put).toBe(0);
  });
});
