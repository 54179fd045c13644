// The pace benchmarks alone (a part of `npm run bench`, which runs everything): the legacy
// migration at 10 requests/s per API, creates then PUTs, with the share of calls answered 429.
// Usage (after `npm run build`): node bench/pace.mjs [interviews, default 2000]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV } from './import.mjs';
import { run } from './measure.mjs';
import { migrationRun } from './migration.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'bench', 'out');
mkdirSync(OUT, { recursive: true });
const interviews = Number(process.argv[2] ?? 2000);
const m = await migrationRun({
  run,
  out: OUT,
  cli: join(ROOT, 'dist', 'cli.js'),
  env: ENV,
  interviews,
  applications: Math.round(interviews * 0.35),
});
const line = (what, p) =>
  `${what}: ${p.count} at ${p.rate.toFixed(2)}/s, ${(p.rate * 10).toFixed(1)}% of the 10/s limit; ${p.rateLimited} of ${p.count + p.reads} calls answered 429 (${((p.rateLimited / (p.count + p.reads)) * 100).toFixed(2)}%)`;
process.stdout.write(`${line('creates', m.creates)}\n${line('PUTs', m.puts)}\n`);
