// One import of a generated file into a fresh simulator, measured at the simulator: shared by
// bench/run.mjs and bench/import-ab.mjs (the paired run against another build of the CLI).
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../dist/simulator/server.js';
import { interviewId, writeCsv } from './generate.mjs';
import { run } from './measure.mjs';

const HERE = resolve(fileURLToPath(import.meta.url), '..');
export const PER_INTERVIEW = 5;
export const APP = { appId: 'cli_bench', appSecret: 'bench-secret-not-real' };
export const ENV = { FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret };

/** Calls per second between the first and the last call of a kind, as the simulator saw them. */
export const sustained = (times) => (times.length < 2 ? 0 : (times.length - 1) / ((times.at(-1) - times[0]) / 1000));

/** The file of `interviews` interviews (5 rows each) and the simulator seed holding each of them. */
export function importFixture(out, interviews) {
  const csv = join(out, `import-${interviews}.csv`);
  writeCsv(csv, interviews * PER_INTERVIEW, PER_INTERVIEW);
  const ids = Array.from({ length: interviews }, (_, i) => interviewId(i));
  const seed = ids.map((id) => [id, { external_application_id: '6000000000000000000' }]);
  return { csv, seed, interviews };
}

/** One import by `cli` of the fixture into a fresh simulator; its rate as the simulator saw the PUTs arrive. */
export async function oneImport({ cli, out, fixture, simOptions, cliArgs }) {
  const { csv, seed, interviews } = fixture;
  const sim = await startSimulator({ ...APP, seed, ...simOptions });
  // A folder of its own: a run reads the records of earlier runs beside its report (journals,
  // backups, reports), so files left by the runs before would make each run slower than the last.
  const dir = mkdtempSync(join(out, 'import-'));
  const started = performance.now();
  try {
    const child = await run(
      [
        cli,
        'import',
        csv,
        '--tz',
        'Asia/Shanghai',
        '--quiet',
        '--report',
        join(dir, `import-${interviews}.report.csv`),
        ...cliArgs,
      ],
      { ...ENV, FEISHU_BASE_URL: sim.url },
      [join(HERE, 'cpu-trace.mjs')],
    );
    return {
      interviews,
      puts: sim.stats.requests.put,
      reads: sim.stats.requests.batchQuery,
      rateLimited: sim.stats.rateLimited,
      sustained: sustained(sim.stats.putTimes),
      wall: (performance.now() - started) / 1000,
      landed: sim.stats.accepted.size,
      /** The CLI's CPU time (user + system) per PUT, start-up and reading included: what each request costs it. */
      cpuMsPerPut: child.cpuMs / Math.max(1, sim.stats.requests.put),
      /** The CLI's CPU time per PUT between its first and its last PUT: what sending costs, start-up and reading left out. */
      sendCpuMsPerPut:
        cpuBetween(child.stderr, sim.stats.putTimes[0], sim.stats.putTimes.at(-1)) /
        Math.max(1, sim.stats.requests.put),
    };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU ms the child spent between two wall-clock moments, from bench/cpu-trace.mjs's samples. */
function cpuBetween(stderr, from, to) {
  const trace = /BENCH_CPU_TRACE=(.*)/.exec(stderr);
  if (!trace || from === undefined) return Number.NaN;
  const samples = JSON.parse(trace[1]);
  const at = (t) => {
    // Linear between the samples around t.
    const i = samples.findIndex(([when]) => when >= t);
    if (i <= 0) return i === 0 ? samples[0][1] : samples.at(-1)[1];
    const [t0, c0] = samples[i - 1];
    const [t1, c1] = samples[i];
    return c0 + ((c1 - c0) * (t - t0)) / Math.max(1, t1 - t0);
  };
  return (at(to) - at(from)) / 1000;
}
