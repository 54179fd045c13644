// The no-limit import (25 ms latency, concurrency 25, 2,000 interviews) by this build and by
// another, alternately, against this build's simulator: a paired comparison that machine drift
// hits on both sides. Usage (after `npm run build`):
//   git worktree add /tmp/old <commit> && (cd /tmp/old && npm ci && npm run build)
//   node bench/import-ab.mjs /tmp/old/dist/cli.js [rounds, default 7] [more import options...]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFixture, oneImport } from './import.mjs';
import { median } from './measure.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'bench', 'out');
mkdirSync(OUT, { recursive: true });
const [other, roundsArg, ...more] = process.argv.slice(2);
if (!other) throw new Error('usage: node bench/import-ab.mjs OTHER/dist/cli.js [rounds]');
const rounds = Number(roundsArg ?? 7);
const fixture = importFixture(OUT, 2000);
const open = {
  out: OUT,
  fixture,
  simOptions: { rateLimit: 0, readRateLimit: 0, latencyMs: 25 },
  cliArgs: ['--rate', '0', '--concurrency', '25', ...more],
};
const theirs = [];
const ours = [];
const cpu = { other: [], ours: [] };
const sendCpu = { other: [], ours: [] };
for (let i = 0; i < rounds; i++) {
  // Alternate which goes first, so neither always runs on a machine the other just warmed.
  const pair = [
    ['other', resolve(other)],
    ['ours', join(ROOT, 'dist', 'cli.js')],
  ];
  if (i % 2) pair.reverse();
  for (const [who, cli] of pair) {
    const r = await oneImport({ ...open, cli });
    if (r.landed !== fixture.interviews) throw new Error(`${who}: ${r.landed} of ${fixture.interviews} landed`);
    (who === 'ours' ? ours : theirs).push(r.sustained);
    cpu[who].push(r.cpuMsPerPut);
    sendCpu[who].push(r.sendCpuMsPerPut);
  }
  process.stderr.write(
    `round ${i + 1}: other ${theirs.at(-1).toFixed(0)} PUT/s (${cpu.other.at(-1).toFixed(3)} CPU ms/PUT, ${sendCpu.other.at(-1).toFixed(3)} sending), ours ${ours.at(-1).toFixed(0)} PUT/s (${cpu.ours.at(-1).toFixed(3)} CPU ms/PUT, ${sendCpu.ours.at(-1).toFixed(3)} sending)\n`,
  );
}
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
process.stdout.write(
  `${JSON.stringify(
    {
      other: {
        median: median(theirs),
        runs: fmt(theirs),
        cpuMsPerPut: median(cpu.other),
        sendCpuMsPerPut: median(sendCpu.other),
      },
      ours: {
        median: median(ours),
        runs: fmt(ours),
        cpuMsPerPut: median(cpu.ours),
        sendCpuMsPerPut: median(sendCpu.ours),
      },
      ratio: median(ours.map((o, i) => o / theirs[i])),
      cpuRatio: median(cpu.ours.map((o, i) => o / cpu.other[i])),
      sendCpuRatio: median(sendCpu.ours.map((o, i) => o / sendCpu.other[i])),
    },
    null,
    1,
  )}\n`,
);
