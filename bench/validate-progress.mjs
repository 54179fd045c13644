// `node bench/validate-progress.mjs [repeat]` (after `npm run build`): what `validateFile`'s
// `onProgress` costs on the 100,000-row validate, CSV and XLSX, paired run (without, with,
// without, with, ...), as a ratio of medians of paired ratios (bench/measure.mjs). Each run is
// `bench/validate-once.mjs FILE [progress]`: the library's validateFile, its report written.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv, writeXlsx } from './generate.mjs';
import { REPEAT, compare } from './measure.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'bench', 'out');
mkdirSync(OUT, { recursive: true });
const csv = join(OUT, 'rows-100000.csv');
const xlsx = join(OUT, 'rows-100000.xlsx');
if (!existsSync(csv)) writeCsv(csv, 100_000, 5);
if (!existsSync(xlsx)) await writeXlsx(xlsx, 100_000, 5);
const repeat = Number(process.argv[2] ?? REPEAT);
const once = join(ROOT, 'bench', 'validate-once.mjs');
for (const [format, file] of [
  ['CSV', csv],
  ['XLSX', xlsx],
]) {
  const c = await compare([once, file], [once, file, 'progress'], repeat);
  process.stdout.write(
    `validate 100,000 rows (${format}): without onProgress ${(c.baseMs / 1000).toFixed(2)} s, with it ${(c.ms / 1000).toFixed(2)} s: ratio ${c.ratio.toFixed(3)} (peak RSS ${c.baseRss.toFixed(0)} → ${c.rss.toFixed(0)} MB)\n`,
  );
}
