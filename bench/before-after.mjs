// `node bench/before-after.mjs OLD_CLI [rows]`: `validate` of a generated template CSV with an
// earlier build's CLI (OLD_CLI, e.g. a checkout of main built elsewhere) and this one, paired
// and interleaved (bench/measure.mjs), to show a change keeps the speed within noise.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv } from './generate.mjs';
import { compare } from './measure.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const [oldCli, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 100_000);
mkdirSync(OUT, { recursive: true });
const csv = join(OUT, `rows-${rows}.csv`);
if (!existsSync(csv)) writeCsv(csv, rows, 5);
const args = (cli) => [cli, 'validate', csv, '--tz', 'Asia/Shanghai', '--report', join(OUT, 'r.csv')];
const c = await compare(args(resolve(oldCli)), args(join(ROOT, 'dist', 'cli.js')), 7);
console.log(
  `validate ${rows} rows: before ${c.baseMs.toFixed(0)} ms, ${c.baseRss.toFixed(0)} MB; after ${c.ms.toFixed(0)} ms, ${c.rss.toFixed(0)} MB; paired ratio ${c.ratio.toFixed(3)}`,
);
