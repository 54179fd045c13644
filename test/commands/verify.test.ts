/**
 * `verify`: after an import, every row reads back as matching; a field changed in Feishu since, or
 * an interview gone, is named on its rows; nothing is ever written to Feishu.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile, verifyFile } from '../../src/api.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { UNPACED, interviewsCsv, readReport, seededIds, tempDir } from '../helpers.js';

const SECRET = 'Verify-Test-Secret-3';
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function imported(n: number) {
  sim = await startSimulator({
    appId: 'cli_v',
    appSecret: SECRET,
    ...UNPACED,
    seed: seededIds(n).map((id, i) => [id, { external_application_id: String(6000000000000000000n + BigInt(i + 1)) }]),
  });
  const dir = await tempDir();
  const file = join(dir, 'interviews.csv');
  await writeFile(file, interviewsCsv(n).text);
  const send = { appId: 'cli_v', appSecret: SECRET, baseUrl: sim.url, rate: 0, lang: 'en' as const, tz: 'UTC' };
  const done = await importFile(file, { ...send, report: join(dir, 'import.report.csv') });
  expect(done.exitCode).toBe(0);
  return { dir, file, send, sim };
}

describe('verify', () => {
  it('reads every interview back as matching the file just imported, and writes nothing', async () => {
    const { dir, file, send, sim } = await imported(3);
    const puts = sim.stats.requests.put;
    const result = await verifyFile(file, { ...send, report: join(dir, 'verify.csv') });
    expect(result.exitCode).toBe(0);
    expect(result.counts.ok).toBe(6);
    const report = await readReport(join(dir, 'verify.csv'));
    expect(report.map((r) => [r.row, r.status, r.message])).toEqual(
      [2, 3, 4, 5, 6, 7].map((n) => [String(n), 'ok', 'match']),
    );
    expect(sim.stats.requests).toMatchObject({ put: puts, create: 0, delete: 0 });
  });

  it('names a field changed in Feishu since, and an interview gone, on their rows', async () => {
    const { dir, file, send, sim } = await imported(3);
    const [first, second] = seededIds(3);
    sim.store.interviews.get(first!)!.participate_status = 3;
    sim.store.interviews.delete(second!);
    const puts = sim.stats.requests.put;
    const result = await verifyFile(file, { ...send, report: join(dir, 'verify.csv') });
    expect(result.exitCode).not.toBe(0);
    expect(result.counts).toMatchObject({ ok: 2, failed: 4 });
    const report = await readReport(join(dir, 'verify.csv'));
    const byId = (id: string) => report.filter((r) => r.external_interview_id === id);
    for (const r of byId(first!)) {
      expect(r.error_code).toBe('VERIFY_DIFFERENT');
      expect(r.message).toMatch(/^differs \(Feishu → file\): .*participate_status/);
    }
    for (const r of byId(second!)) {
      expect([r.error_code, r.message]).toEqual(['VERIFY_MISSING', 'missing: Feishu holds no such interview']);
    }
    expect(sim.stats.requests).toMatchObject({ put: puts, create: 0, delete: 0 });
  });
});
