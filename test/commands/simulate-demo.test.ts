import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readReport, runCli, startCli, tempDir, waitFor } from '../helpers.js';

describe('feishu-interview-import simulate', () => {
  it('serves until Ctrl-C, with the seeded interviews existing, and an import lands in it', async () => {
    const sim = startCli(['simulate', '--seed', join(ROOT, 'samples', 'interviews.csv'), '--rate-limit', '0']);
    let url = '';
    sim.child.stdout.on('data', (d: Buffer) => {
      url ||= /http:\/\/127\.0\.0\.1:\d+/.exec(d.toString())?.[0] ?? '';
    });
    await waitFor(() => url !== '');
    const dir = await tempDir();
    const run = await runCli(
      [
        'import',
        join(ROOT, 'samples', 'interviews.xlsx'),
        '--tz',
        'Asia/Shanghai',
        '--quiet',
        '--report',
        join(dir, 'r.csv'),
      ],
      {
        env: { FEISHU_BASE_URL: url, FEISHU_APP_ID: 'cli_simulator', FEISHU_APP_SECRET: 'simulator-secret' },
      },
    );
    // The sample's one invalid row blocks its interview; every other interview lands.
    expect(run.code).toBe(1);
    const statuses = new Set((await readReport(join(dir, 'r.csv'))).map((r) => r.status));
    expect(statuses).toEqual(new Set(['ok', 'invalid', 'blocked']));
    sim.child.kill('SIGINT');
    const done = await sim.done;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('30 interview(s) exist; a PUT to any other id is refused, as in Feishu');
  });
});

describe('feishu-interview-import demo', () => {
  it('imports the sample into its own simulator and says where the report is', async () => {
    const dir = await tempDir();
    const run = await runCli(['demo'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`demo: done. Open the report: ${join(dir, 'out', 'demo.report.csv')}`);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      'demo.report.csv',
      'demo.report.csv.backup.jsonl',
      'demo.report.csv.journal.jsonl',
      'demo.report.csv.written',
    ]);
    const rows = await readReport(join(dir, 'out', 'demo.report.csv'));
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect([count('ok'), count('failed'), count('invalid'), count('blocked')]).toEqual([157, 8, 1, 7]);
    expect(rows.find((r) => r.status === 'failed')).toMatchObject({ error_code: '1002002', http_status: '400' });
  });
});
