import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { UNPACED, interviewsCsv, runCli, tempDir } from '../helpers.js';

const SECRET = 'Pace-Test-Secret-1';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A simulator holding the file's `n` interviews (other bodies), and the file. */
async function setUp(n: number) {
  const { text, ids } = interviewsCsv(n);
  sim = await startSimulator({
    appId: 'cli_p',
    appSecret: SECRET,
    ...UNPACED,
    seed: ids.map((id) => [id, { external_application_id: '6000000000000000001' }]),
  });
  const dir = await tempDir();
  const file = join(dir, 'pace.csv');
  await writeFile(file, text);
  const env = { FEISHU_BASE_URL: sim.url, FEISHU_APP_ID: 'cli_p', FEISHU_APP_SECRET: SECRET };
  return { file, env };
}

const lines = (text: string) => text.split('\n');

describe('the start line and the dry run say how long a run takes at its pace', () => {
  it('a run says on stderr, before it sends, the most it may send and the most it takes, in English and Chinese', async () => {
    const { file, env } = await setUp(45);
    const en = await runCli(['import', file, '--lang', 'en', '--replace', '--tz', 'Asia/Shanghai'], { env });
    expect(en.code, en.stderr).toBe(0);
    // 45 PUTs and ceil(45 / 20) = 3 backup reads, at 10/s: 4.5 s.
    expect(lines(en.stderr)[0]).toBe('up to 45 PUTs and 3 reads at 10/s: about 5 s at most');
    const zh = await runCli(['import', file, '--lang', 'zh', '--replace', '--tz', 'Asia/Shanghai', '--rate', '20'], {
      env,
    });
    expect(zh.code, zh.stderr).toBe(0);
    expect(lines(zh.stderr)[0]).toBe('最多 45 次 PUT 和 3 次读取，每个接口每秒 20 次：最多约 2 秒');
    const unpaced = await runCli(['import', file, '--lang', 'en', '--replace', '--rate', '0', '--tz', 'UTC'], { env });
    expect(lines(unpaced.stderr)[0]).toBe('up to 45 PUTs and 3 reads with no client-side pace (--rate 0)');
    const quiet = await runCli(['import', file, '--lang', 'en', '--replace', '--quiet', '--tz', 'UTC'], { env });
    expect(quiet.stderr).toBe('');
  });

  it('a dry run ends with what the real run would send and how long it would take', async () => {
    const { file, env } = await setUp(30);
    const run = await runCli(
      ['import', file, '--lang', 'zh', '--merge', '--add-assessments', '--dry-run', '--tz', 'Asia/Shanghai'],
      {
        env,
      },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(lines(run.stderr)[0]).toBe('最多 2 次读取，每个接口每秒 10 次：最多约 1 秒');
    expect(run.stdout).toContain('\n正式运行：30 次 PUT 和 2 次读取，每个接口每秒 10 次：约 3 秒\n');
    expect(sim!.stats.requests.put).toBe(0);
  });
});
