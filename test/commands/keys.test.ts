import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { APP1, ID1, csv, readReport, runCli, tempDir } from '../helpers.js';

/** Keys are never erased by omission: a blank key cell keeps what Feishu holds, `<clear>` removes it. */
const SECRET = 'Keys-Test-Secret-5';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const held: InterviewBody = {
  external_id: 'ATS-77',
  external_application_id: APP1,
  participate_status: 2,
  interview_assessments: [
    { external_id: 'ATS-77-A1', username: '张伟', conclusion: 2 },
    { external_id: 'ATS-77-A2', username: '李娜', conclusion: 3 },
  ],
};

async function tenant(): Promise<RunningSimulator> {
  sim = await startSimulator({ appId: 'cli_k', appSecret: SECRET, rateLimit: 0, seed: [[ID1, held]] });
  return sim;
}

const env = (s: RunningSimulator) => ({ FEISHU_BASE_URL: s.url, FEISHU_APP_ID: 'cli_k', FEISHU_APP_SECRET: SECRET });
const HEAD = ['外部面试ID', '外部投递ID', '外部系统面试ID', '参与状态', '外部系统面评ID', '面试官', '面试结论'];

describe('legacy keys in a plain import', () => {
  for (const backup of [[], ['--no-backup']]) {
    it(`a blank key cell keeps the key Feishu holds ${backup.length ? 'without a backup' : 'with the backup'}`, async () => {
      const s = await tenant();
      const dir = await tempDir();
      const file = join(dir, 'fix.csv');
      await writeFile(
        file,
        csv([HEAD, [ID1, APP1, '', '爽约', '', '张伟', '不通过'], [ID1, '', '', '', '', '李娜', '通过']]),
      );
      const run = await runCli(['import', file, '--lang', 'en', '--quiet', ...backup], { env: env(s) });
      expect(run.code).toBe(0);
      // The blank key cells say "keep": verify agrees with what Feishu then holds.
      const verify = await runCli(['verify', file, '--lang', 'en'], { env: env(s) });
      expect(verify.stdout).toContain('1 of 1 interview(s) match the file');
      expect(InterviewStore.bodyOf(s.store.get(ID1)!)).toEqual({
        external_id: 'ATS-77',
        external_application_id: APP1,
        participate_status: 3,
        interview_assessments: [
          { external_id: 'ATS-77-A1', username: '张伟', conclusion: 1 },
          { external_id: 'ATS-77-A2', username: '李娜', conclusion: 2 },
        ],
      });
    });
  }

  it('<clear> removes a key, and the dry run says so first', async () => {
    const s = await tenant();
    const dir = await tempDir();
    const file = join(dir, 'clear.csv');
    await writeFile(
      file,
      csv([HEAD, [ID1, APP1, '<clear>', '参与', '<clear>', '张伟', '通过'], [ID1, '', '', '', '', '李娜', '待定']]),
    );
    const dry = await runCli(
      ['import', file, '--lang', 'en', '--quiet', '--dry-run', '--report', join(dir, 'dry.csv')],
      {
        env: env(s),
      },
    );
    expect(dry.code).toBe(0);
    const [first] = await readReport(join(dir, 'dry.csv'));
    expect(first!.message).toBe(
      'would change: external_id: "ATS-77" → (none); assessment 1 (张伟) external_id: "ATS-77-A1" → (none)',
    );
    expect(s.stats.requests.put).toBe(0);
    expect((await runCli(['import', file, '--lang', 'en', '--quiet'], { env: env(s) })).code).toBe(0);
    expect(InterviewStore.bodyOf(s.store.get(ID1)!)).toEqual({
      external_application_id: APP1,
      participate_status: 2,
      interview_assessments: [
        { username: '张伟', conclusion: 2 },
        { external_id: 'ATS-77-A2', username: '李娜', conclusion: 3 },
      ],
    });
  });

  it('--merge keeps a key left blank and removes one cleared', async () => {
    const s = await tenant();
    const dir = await tempDir();
    const file = join(dir, 'merge.csv');
    await writeFile(
      file,
      csv([
        ['外部面试ID', '外部系统面试ID', '面试官', '外部系统面评ID'],
        [ID1, '', '李娜', '<clear>'],
      ]),
    );
    expect((await runCli(['import', file, '--merge', '--lang', 'en', '--quiet'], { env: env(s) })).code).toBe(0);
    expect(InterviewStore.bodyOf(s.store.get(ID1)!)).toEqual({
      ...held,
      interview_assessments: [held.interview_assessments![0], { username: '李娜', conclusion: 3 }],
    });
  });

  it('where reads carry no external_id, the keys the tool wrote are kept from its own records', async () => {
    sim = await startSimulator({ appId: 'cli_k', appSecret: SECRET, rateLimit: 0, readsWithoutExternalId: true });
    const dir = await tempDir();
    const legacy = join(dir, 'legacy.csv');
    await writeFile(
      legacy,
      csv([
        ['外部系统面试ID', '外部投递ID', '参与状态', '外部系统面评ID', '面试官', '面试结论'],
        ['ATS-77', APP1, '参与', 'ATS-77-A1', '张伟', '通过'],
        ['ATS-77', '', '', 'ATS-77-A2', '李娜', '待定'],
      ]),
    );
    expect((await runCli(['import', legacy, '--create-missing', '--quiet'], { env: env(sim) })).code).toBe(0);
    const [id] = [...sim.store.interviews.keys()];
    const fix = join(dir, 'fix.csv');
    await writeFile(
      fix,
      csv([HEAD, [id!, APP1, '', '爽约', '', '张伟', '不通过'], [id!, '', '', '', '', '李娜', '通过']]),
    );
    expect((await runCli(['import', fix, '--lang', 'en', '--quiet'], { env: env(sim) })).code).toBe(0);
    expect(InterviewStore.bodyOf(sim.store.get(id!)!)).toEqual({
      external_id: 'ATS-77',
      external_application_id: APP1,
      participate_status: 3,
      interview_assessments: [
        { external_id: 'ATS-77-A1', username: '张伟', conclusion: 1 },
        { external_id: 'ATS-77-A2', username: '李娜', conclusion: 2 },
      ],
    });
  });
});
