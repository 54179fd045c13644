// Running a benchmark child process and comparing it with its baseline: shared by bench/run.mjs
// and bench/million.mjs.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
export const REPEAT = 5;

/** Runs `node ARGS` with peak-memory and CPU-time reporting; wall time includes start-up, as a user sees it. */
export function run(args, env = {}, preload = []) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', join(ROOT, 'bench', 'rss.mjs'), ...preload.flatMap((p) => ['--import', p]), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
      const cpuMs = Number(/BENCH_CPU_US=(\d+)/.exec(stderr)?.[1] ?? 0) / 1000;
      if (code !== 0 && code !== 1)
        return reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      resolvePromise({ ms, rss, cpuMs, stdout, stderr });
    });
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Baseline and ours, alternately, `repeat` times each; medians of time and of peak memory, and the
 * ratio as the median of the paired ratios: on a shared machine whose speed drifts by a
 * third from one minute to the next, a pair run back to back drifts together.
 */
export async function compare(baseline, ours, repeat = REPEAT) {
  const b = [];
  const o = [];
  for (let i = 0; i < repeat; i++) {
    b.push(await run(baseline));
    o.push(await run(ours));
  }
  return {
    ratio: median(o.map((r, i) => r.ms / b[i].ms)),
    baseMs: median(b.map((r) => r.ms)),
    ms: median(o.map((r) => r.ms)),
    baseRss: median(b.map((r) => r.rss)),
    rss: median(o.map((r) => r.rss)),
  };
}
