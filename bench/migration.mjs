// Legacy migration at Feishu's pace: 2,000 interviews with no Feishu ids over 700 applications,
// against the simulator with 10 requests/s per API (create, PUT, batch_query each). First run:
// every interview is looked up and created; second run (a corrected score on each): every one is
// found by its application's listing and updated. Rates are measured at the simulator.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator } from '../dist/simulator/server.js';

const HEADER = '外部系统面试ID,外部投递ID,参与状态,开始时间,外部系统面评ID,面试官,面试结论,评价维度,题目类型,分数';

function legacyCsv(n, applications, score) {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const app = `69606632409${String(10_000_000 + (i % applications))}`;
    lines.push(`ATS-${i},${app},参与,2024-03-01T14:00:00+08:00,ATS-A-${i},张伟,通过,专业,打分题,${score(i)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

import { sustained } from './import.mjs';

export async function migrationRun({
  run,
  out,
  cli,
  env,
  interviews = 2000,
  applications = 700,
  readsWithoutExternalId = false,
}) {
  const app = { appId: 'cli_bench', appSecret: 'bench-secret-not-real' };
  const sim = await startSimulator({
    ...app,
    rateLimit: 10,
    readRateLimit: 10,
    createRateLimit: 10,
    readsWithoutExternalId,
  });
  // A folder of its own: the second run reads the first's records there, and nothing older.
  const dir = mkdtempSync(join(out, 'migration-'));
  const file = join(dir, 'legacy.csv');
  const args = (report) => [cli, 'import', file, '--create-missing', '--quiet', '--report', join(dir, report)];
  const e = { ...env, FEISHU_BASE_URL: sim.url };
  try {
    writeFileSync(
      file,
      legacyCsv(interviews, applications, (i) => 60 + (i % 40)),
    );
    const started = performance.now();
    await run(args('legacy-1.report.csv'), e);
    const createWall = (performance.now() - started) / 1000;
    const creates = {
      count: sim.stats.requests.create,
      rate: sustained(sim.stats.createTimes),
      wall: createWall,
      reads: sim.stats.requests.batchQuery,
      rateLimited: sim.stats.rateLimited,
    };
    writeFileSync(
      file,
      legacyCsv(interviews, applications, (i) => 61 + (i % 38)),
    );
    const readsBefore = sim.stats.requests.batchQuery;
    await run(args('legacy-2.report.csv'), e);
    const puts = {
      count: sim.stats.requests.put,
      rate: sustained(sim.stats.putTimes),
      reads: sim.stats.requests.batchQuery - readsBefore,
      rateLimited: sim.stats.rateLimited - creates.rateLimited,
    };
    return { interviews, applications, creates, puts, held: sim.store.interviews.size };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
