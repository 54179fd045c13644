// `node bench/validate-progress.mjs [repeat] [BEFORE]` (after `npm run build`): what
// `validateFile`'s `onProgress` costs on the 100,000-row validate, CSV and XLSX, paired run
// (baseline, ours, baseline, ours, ...), as a ratio of medians of paired ratios
// (bench/measure.mjs), of wall time and of CPU time (steadier on a shared machine). Ours is this build with `onProgress`; the baseline this build without it,
// or, given BEFORE (a checkout of the code before it, built), that build. Each run is
// `bench/validate-once.mjs`: the library's validateFile, its report written.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv, writeXlsx } from './generate.mjs';
import { REPEAT, median, run } from './measure.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'bench', 'out');
mkdirSync(OUT, { recursive: true });
const csv = join(OUT, 'rows-100000.csv');
const xlsx = join(OUT, 'rows-100000.xlsx');
if (!existsSync(csv)) writeCsv(csv, 100_000, 5);
if (!existsSync(xlsx)) await writeXlsx(xlsx, 100_000, 5);
const repeat = Number(process.argv[2] ?? REPEAT);
const before = process.argv[3];
const baseline = before ? `the build in ${before}` : 'without onProgress';
const once = join(ROOT, 'bench', 'validate-once.mjs');
for (const [format, file] of [
  ['CSV', csv],
  ['XLSX', xlsx],
]) {
  const pairs = [];
  for (let i = 0; i < repeat; i++) {
    const b = await run([once, file, 'none', ...(before ? [before] : [])]);
    pairs.push([b, await run([once, file, 'progress'])]);
  }
  const mid = (f) => median(pairs.map(f));
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(
    `validate 100,000 rows (${format}): ${baseline} ${s(mid(([b]) => b.ms))} (CPU ${s(mid(([b]) => b.cpuMs))}), with onProgress ${s(mid(([, o]) => o.ms))} (CPU ${s(mid(([, o]) => o.cpuMs))}): ratio ${mid(([b, o]) => o.ms / b.ms).toFixed(3)}, CPU ${mid(([b, o]) => o.cpuMs / b.cpuMs).toFixed(3)} (peak RSS ${mid(([b]) => b.rss).toFixed(0)} → ${mid(([, o]) => o.rss).toFixed(0)} MB)\n`,
  );
}
