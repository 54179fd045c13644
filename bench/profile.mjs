// `node bench/profile.mjs` (after `npm run build`): what a mapping profile costs on the
// 100,000-row validate, paired run (without, with, without, with, ...), as a ratio of medians
// of paired ratios (bench/measure.mjs). The profile maps words in two enumeration columns, fills
// down both keys and sets the zone: every row passes through its value lookup and fill-down.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv } from './generate.mjs';
import { compare } from './measure.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const CLI = join(ROOT, 'dist', 'cli.js');
mkdirSync(OUT, { recursive: true });
const csv = join(OUT, 'rows-100000.csv');
if (!existsSync(csv)) writeCsv(csv, 100_000, 5);
const profile = join(OUT, 'bench.profile.json');
writeFileSync(
  profile,
  JSON.stringify({
    values: {
      participate_status: { 已完成: '参与', 未到场: '爽约' },
      conclusion: { 建议录用: '通过', 不建议录用: '不通过' },
    },
    fill_down: ['external_interview_id', 'external_application_id'],
    tz: 'Asia/Shanghai',
  }),
);
const validate = (extra) => [CLI, 'validate', csv, '--report', join(OUT, 'profile-r.csv'), ...extra];
const c = await compare(validate(['--tz', 'Asia/Shanghai']), validate(['--profile', profile]));
process.stdout.write(
  `validate 100,000 rows (CSV): without a profile ${(c.baseMs / 1000).toFixed(2)} s, with one ${(c.ms / 1000).toFixed(2)} s: ratio ${c.ratio.toFixed(3)} (peak RSS ${c.baseRss.toFixed(0)} → ${c.rss.toFixed(0)} MB)\n`,
);
