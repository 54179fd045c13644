// `npm run bench`: every figure is a ratio against a baseline measured in the same run, on the
// same files, interleaved (baseline, ours, baseline, ours, ...) so that machine noise hits both.
// Writes docs/benchmarks.md and docs/benchmarks.svg. Not part of `npm test`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../dist/simulator/server.js';
import { writeCsv, writeXlsx } from './generate.mjs';
import { APP, ENV, PER_INTERVIEW, importFixture, oneImport } from './import.mjs';
import { writerForms } from './writer-forms.mjs';
import { migrationRun } from './migration.mjs';
import { REPEAT, compare, run } from './measure.mjs';
import { millionRun, millionSection } from './million.mjs';
import { uiRun, uiSection } from './ui.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const CLI = join(ROOT, 'dist', 'cli.js');
mkdirSync(OUT, { recursive: true });

function fixture(rows, ext) {
  const file = join(OUT, `rows-${rows}.${ext}`);
  return { file, ready: existsSync(file) };
}

async function ensureFixtures(rows) {
  const csv = fixture(rows, 'csv');
  if (!csv.ready) writeCsv(csv.file, rows, PER_INTERVIEW);
  const xlsx = fixture(rows, 'xlsx');
  if (!xlsx.ready && rows >= 10_000) await writeXlsx(xlsx.file, rows, PER_INTERVIEW);
  return { csv: csv.file, xlsx: xlsx.file };
}

const log = (s) => process.stderr.write(`${s}\n`);
const fmt = (n, d = 0) => n.toFixed(d);

// ---------------------------------------------------------------------------------------------
// 1. validate against a bare read of the same file

const validateRows = [];
for (const rows of [1_000, 10_000, 100_000]) {
  const { csv, xlsx } = await ensureFixtures(rows);
  log(`validate ${rows} rows (CSV)...`);
  const c = await compare(
    [join(ROOT, 'bench', 'bare-csv.mjs'), csv],
    [CLI, 'validate', csv, '--tz', 'Asia/Shanghai', '--report', join(OUT, 'r.csv')],
  );
  validateRows.push({ rows, format: 'CSV', baseline: 'bare csv-parse', ...c });
  if (rows >= 10_000) {
    log(`validate ${rows} rows (XLSX)...`);
    const x = await compare(
      [join(ROOT, 'bench', 'bare-xlsx.mjs'), xlsx],
      [CLI, 'validate', xlsx, '--tz', 'Asia/Shanghai', '--report', join(OUT, 'r.csv')],
    );
    validateRows.push({ rows, format: 'XLSX', baseline: 'bare exceljs stream', ...x });
  }
  if (rows === 100_000) {
    // What an .xlsx input gets by default: the styled .xlsx report (colours, notes, summary sheet).
    log(`validate ${rows} rows (XLSX, .xlsx report)...`);
    const r = await compare(
      [join(ROOT, 'bench', 'bare-xlsx.mjs'), xlsx],
      [CLI, 'validate', xlsx, '--tz', 'Asia/Shanghai', '--report', join(OUT, 'r.xlsx')],
    );
    validateRows.push({ rows, format: 'XLSX, .xlsx report', baseline: 'bare exceljs stream', ...r });
  }
}

// The same 100,000 rows as each real writer saves them (exceljs's own form is the row above).
log("validate 100,000 rows of XLSX in each writer's form...");
const formRows = [];
for (const form of writerForms(fixture(100_000, 'csv').file, OUT, 100_000)) {
  if (form.missing) {
    formRows.push(form);
    continue;
  }
  log(`  ${form.writer}...`);
  formRows.push({
    ...form,
    ...(await compare(
      [join(ROOT, 'bench', 'bare-xlsx.mjs'), form.file],
      [CLI, 'validate', form.file, '--tz', 'Asia/Shanghai', '--report', join(OUT, 'r.csv')],
    )),
  });
}

const million = await millionRun({ out: OUT, cli: CLI, log });

log('the page: a 100,000-row validation shown, against the CLI...');
const ui = await uiRun({ csv: (await ensureFixtures(100_000)).csv, cli: CLI, out: OUT });

// ---------------------------------------------------------------------------------------------
// 2. import against the simulator, and the naive loop on the same files

async function importRun(interviews, simOptions, cliArgs, rounds = 1) {
  const fixture = importFixture(OUT, interviews);
  const payloads = join(OUT, `import-${interviews}.jsonl`);
  await run([
    CLI,
    'validate',
    fixture.csv,
    '--tz',
    'Asia/Shanghai',
    '--payloads',
    payloads,
    '--report',
    join(OUT, 'p.csv'),
  ]);

  // A rate over 2.5 s is at the mercy of the machine's drift: `rounds` runs, the median one kept.
  const results = [];
  for (let i = 0; i < rounds; i++) results.push(await oneImport({ cli: CLI, out: OUT, fixture, simOptions, cliArgs }));
  const result = [...results].sort((a, b) => a.sustained - b.sustained)[Math.floor(results.length / 2)];

  const naiveSim = await startSimulator({ ...APP, seed: fixture.seed, ...simOptions });
  const naive = JSON.parse((await run([join(ROOT, 'bench', 'naive.mjs'), naiveSim.url, payloads], ENV)).stdout);
  await naiveSim.close();
  return {
    ours: result,
    naive: { ...naive, rate: naive.sent / naive.seconds, rateLimitedShare: naive.rateLimited / naive.sent },
  };
}

log('import at a 10 req/s tenant limit...');
const limited = await importRun(300, { rateLimit: 10, readRateLimit: 10 }, []);
log('import with no limit, 25 ms latency, concurrency 25...');
const open = await importRun(
  2000,
  { rateLimit: 0, readRateLimit: 0, latencyMs: 25 },
  ['--rate', '0', '--concurrency', '25'],
  3,
);

log('legacy migration: 2,000 interviews over 700 applications, 10 req/s per API...');
const migration = await migrationRun({ run, out: OUT, cli: CLI, env: ENV });

// ---------------------------------------------------------------------------------------------
// 3. the report

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${fmt(os.totalmem() / 1024 ** 3)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}`;
const table = [
  '| benchmark | ours | baseline | ratio (ours ÷ baseline) | peak memory ours / baseline |',
  '| --- | --- | --- | --- | --- |',
  ...validateRows.map(
    (r) =>
      `| validate ${r.rows.toLocaleString('en')} rows, ${r.format} | ${fmt(r.ms)} ms | ${fmt(r.baseMs)} ms (${r.baseline}) | **${fmt(r.ratio, 2)}×** | ${fmt(r.rss)} MB / ${fmt(r.baseRss)} MB |`,
  ),
  `| import, tenant limited to 10 req/s, ${limited.ours.interviews} interviews (backup reads in the mix) | ${fmt(limited.ours.sustained, 2)} req/s, ${limited.ours.rateLimited} answered 429 | limit 10 req/s | **${fmt((limited.ours.sustained / 10) * 100, 1)}% of the limit**, ${fmt((limited.ours.rateLimited / limited.ours.puts) * 100, 2)}% 429 | |`,
  `| naive one-at-a-time loop, same tenant and file | ${fmt(limited.naive.rate, 1)} req/s, ${limited.naive.rateLimited} answered 429 | limit 10 req/s | **${fmt(limited.naive.rateLimitedShare * 100, 1)}% of calls refused (429)**, ${limited.naive.ok} of ${limited.naive.sent} landed | |`,
  `| import, no limit, 25 ms latency, concurrency 25, ${open.ours.interviews} interviews (median of 3 runs) | ${fmt(open.ours.sustained)} req/s | 25 ÷ 25 ms = 1,000 req/s | **${fmt((open.ours.sustained / 1000) * 100, 1)}%** | |`,
  `| naive one-at-a-time loop, same simulator and file | ${fmt(open.naive.rate, 1)} req/s | 1,000 req/s | **${fmt((open.naive.rate / 1000) * 100, 1)}%** (ours is ${fmt(open.ours.sustained / open.naive.rate, 1)}× faster) | |`,
];
const growth = validateRows.filter((r) => r.format === 'CSV');
const v100k = validateRows.find((r) => r.rows === 100_000 && r.format === 'CSV');
const verdict = (ok) => (ok ? 'met' : '**not met**');
const targets = [
  '| target | measured | |',
  '| --- | --- | --- |',
  `| validate 100,000 rows in at most 2.5× a bare csv-parse pass, under 500 MB | ${fmt(v100k.ratio, 2)}×, ${fmt(v100k.rss)} MB | ${verdict(v100k.ratio <= 2.5 && v100k.rss < 500)} |`,
  `| 10 req/s tenant: at least 95% of the limit, under 1% answered 429 | ${fmt((limited.ours.sustained / 10) * 100, 1)}%, ${fmt((limited.ours.rateLimited / limited.ours.puts) * 100, 2)}% | ${verdict(limited.ours.sustained >= 9.5 && limited.ours.rateLimited / limited.ours.puts < 0.01)} |`,
  `| no limit, 25 ms latency, concurrency 25: at least 80% of 1,000 req/s | ${fmt((open.ours.sustained / 1000) * 100, 1)}% | ${verdict(open.ours.sustained >= 800)} |`,
];
const x100k = validateRows.find((r) => r.rows === 100_000 && r.format === 'XLSX');
const xlsxForms = [{ writer: 'exceljs (bench/generate.mjs)', ...x100k }, ...formRows];
const measured = xlsxForms.filter((f) => !f.missing);
const worst = measured.reduce((a, b) => (b.ratio > a.ratio ? b : a));
const worstRss = Math.max(...measured.map((f) => f.rss));
targets.push(
  `| validate 100,000 rows of XLSX in at most 1.5× a bare exceljs streaming read, under 500 MB, every writer's form | worst ${fmt(worst.ratio, 2)}× (${worst.writer}), ${fmt(worstRss)} MB | ${verdict(worst.ratio <= 1.5 && worstRss < 500)} |`,
);
const styled = validateRows.find((r) => r.format === 'XLSX, .xlsx report');
targets.push(
  `| validate 100,000 rows of XLSX writing the styled .xlsx report in at most 2× a bare exceljs streaming read, under 500 MB | ${fmt(styled.ratio, 2)}×, ${fmt(styled.rss)} MB | ${verdict(styled.ratio <= 2 && styled.rss < 500)} |`,
);
const formsTable = [
  '| written by | validate | bare exceljs stream | ratio | peak memory ours / baseline |',
  '| --- | --- | --- | --- | --- |',
  ...xlsxForms.map((f) =>
    f.missing
      ? `| ${f.writer} | not measured: ${f.missing} | | | |`
      : `| ${f.writer} | ${fmt(f.ms)} ms | ${fmt(f.baseMs)} ms | **${fmt(f.ratio, 2)}×** | ${fmt(f.rss)} MB / ${fmt(f.baseRss)} MB |`,
  ),
];
targets.push(
  `| legacy migration, 10 req/s per API: creates and PUTs at ≥ 95% of their limit, under 1% answered 429 | creates ${fmt(migration.creates.rate * 10, 1)}% (${fmt(share429(migration.creates), 2)}% 429), PUTs ${fmt(migration.puts.rate * 10, 1)}% (${fmt(share429(migration.puts), 2)}% 429) | ${verdict(migration.creates.rate >= 9.5 && migration.puts.rate >= 9.5 && share429(migration.creates) < 1 && share429(migration.puts) < 1)} |`,
);
/** The share of a phase's calls answered 429, in percent. */
function share429(phase) {
  return (phase.rateLimited / Math.max(1, phase.count + phase.reads)) * 100;
}
const migrationTable = [
  '| run | calls | sustained rate | share of the 10/s limit | listings read alongside | answered 429 |',
  '| --- | --- | --- | --- | --- | --- |',
  `| ${migration.interviews.toLocaleString('en')} legacy interviews, none in Feishu: look up, create | ${migration.creates.count} creates | ${fmt(migration.creates.rate, 2)}/s | **${fmt(migration.creates.rate * 10, 1)}%** | ${migration.creates.reads} | ${migration.creates.rateLimited} |`,
  `| the same file with a corrected score: find by listing, back up, PUT | ${migration.puts.count} PUTs | ${fmt(migration.puts.rate, 2)}/s | **${fmt(migration.puts.rate * 10, 1)}%** | ${migration.puts.reads} | ${migration.puts.rateLimited} |`,
];
const growthTable = [
  '| rows | validate time | per 1,000 rows | peak memory |',
  '| --- | --- | --- | --- |',
  ...growth.map(
    (r) =>
      `| ${r.rows.toLocaleString('en')} | ${fmt(r.ms)} ms | ${fmt((r.ms / r.rows) * 1000, 1)} ms | ${fmt(r.rss)} MB |`,
  ),
];

writeFileSync(join(ROOT, 'docs', 'benchmarks.svg'), plot(growth));
const md = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.

Machine: ${machine}.

Every figure is against a baseline measured in the same run: the two are run alternately, ${REPEAT}
times each; times are medians, and a ratio is the median of the ${REPEAT} paired ratios. Times are
wall-clock times of whole processes (Node.js start-up included), as a user sees them; memory is
the peak resident set size.

${table.join('\n')}

${targets.join('\n')}

- *validate* reads, groups and validates the file and writes the per-row report (CSV, or the
  styled .xlsx report where the row says so); the
  baseline only parses the same file (\`bench/bare-csv.mjs\`, \`bench/bare-xlsx.mjs\`).
- Files: \`bench/generate.mjs\`, ${PER_INTERVIEW} rows per interview, each interview's rows scattered through the
  file; the XLSX files hold the same rows.
- *import* runs the real CLI against the simulator (\`src/simulator/\`) in another process; rates
  are measured at the simulator from the arrival of the first to the last PUT. The import reads
  each interview before writing it (the backup, on by default): ${limited.ours.reads} and ${open.ours.reads}
  batch_query calls ran alongside the PUTs.
- *naive* is \`bench/naive.mjs\`: what the official SDK's sample does, in a loop — one PUT at a
  time, awaited, no pacing, no retry.

## XLSX as each writer saves it

The 100,000 rows of the CSV above, saved as .xlsx by each writer the reader is tested against
(\`bench/writer-forms.mjs\`; openpyxl in write-only mode, XlsxWriter in both modes, LibreOffice
Calc opening the CSV with every column as text, Gnumeric saving LibreOffice's workbook). The
reader is ours (\`src/input/xlsx*.ts\`); the baseline is a bare exceljs streaming read of the same
file, which reads some of these forms wrong but is the yardstick the target is set against.

${formsTable.join('\n')}

## Legacy migration

\`bench/migration.mjs\`: ${migration.interviews.toLocaleString('en')} interviews without Feishu ids over ${migration.applications}
applications, against the simulator with Feishu's 10 requests/s on each API; ${migration.held} interviews held at the end (none twice).

${migrationTable.join('\n')}

## Cost growth

${growthTable.join('\n')}

![validate time and peak memory against rows](benchmarks.svg)

${millionSection(million)}
${uiSection(ui)}## Reproduce

\`\`\`sh
npm ci
npm run bench      # about ${fmt(Math.max(3, Math.ceil(performance.now() / 60000 + 0.5)))} minutes here; fixtures are cached in bench/out/
\`\`\`
`;
writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), md);
process.stdout.write(
  `${table.join('\n')}\n\n${migrationTable.join('\n')}\n\n${formsTable.join('\n')}\n\n${growthTable.join('\n')}\n\nwritten: docs/benchmarks.md, docs/benchmarks.svg\n`,
);

/** A small SVG: rows (log scale) against time (left axis) and peak memory (right axis). */
function plot(points) {
  const W = 640;
  const H = 360;
  const m = { l: 70, r: 70, t: 40, b: 50 };
  const xs = points.map((p) => Math.log10(p.rows));
  const x = (v) => m.l + ((v - Math.min(...xs)) / (Math.max(...xs) - Math.min(...xs) || 1)) * (W - m.l - m.r);
  const maxMs = Math.max(...points.map((p) => p.ms)) * 1.1;
  const maxMb = Math.max(...points.map((p) => p.rss)) * 1.1;
  const yMs = (v) => H - m.b - (v / maxMs) * (H - m.t - m.b);
  const yMb = (v) => H - m.b - (v / maxMb) * (H - m.t - m.b);
  const line = (f, color, dash) =>
    `<polyline fill="none" stroke="${color}" stroke-width="2.5"${dash ? ' stroke-dasharray="8 5"' : ''} points="${points.map((p) => `${fmt(x(Math.log10(p.rows)), 1)},${fmt(f(p), 1)}`).join(' ')}"/>` +
    points
      .map((p) => `<circle cx="${fmt(x(Math.log10(p.rows)), 1)}" cy="${fmt(f(p), 1)}" r="4" fill="${color}"/>`)
      .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">validate: time and peak memory against rows (CSV)</text>
<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#333"/>
<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#1f6feb"/>
<line x1="${W - m.r}" y1="${m.t}" x2="${W - m.r}" y2="${H - m.b}" stroke="#d1242f"/>
${points.map((p) => `<text x="${fmt(x(Math.log10(p.rows)), 1)}" y="${H - m.b + 18}" text-anchor="middle">${p.rows.toLocaleString('en')}</text>`).join('')}
<text x="${W / 2}" y="${H - 12}" text-anchor="middle">rows (log scale)</text>
${ticks.map((t) => `<text x="${m.l - 8}" y="${fmt(yMs(t * maxMs) + 4, 1)}" text-anchor="end" fill="#1f6feb">${fmt(t * maxMs)}</text>`).join('')}
${ticks.map((t) => `<text x="${W - m.r + 8}" y="${fmt(yMb(t * maxMb) + 4, 1)}" fill="#d1242f">${fmt(t * maxMb)}</text>`).join('')}
<text transform="translate(18 ${H / 2}) rotate(-90)" text-anchor="middle" fill="#1f6feb">time (ms)</text>
<text transform="translate(${W - 14} ${H / 2}) rotate(90)" text-anchor="middle" fill="#d1242f">peak memory (MB)</text>
${line((p) => yMs(p.ms), '#1f6feb', false)}
${line((p) => yMb(p.rss), '#d1242f', true)}
<line x1="${m.l + 16}" y1="${m.t + 10}" x2="${m.l + 46}" y2="${m.t + 10}" stroke="#1f6feb" stroke-width="2.5"/>
<text x="${m.l + 52}" y="${m.t + 14}">time</text>
<line x1="${m.l + 16}" y1="${m.t + 30}" x2="${m.l + 46}" y2="${m.t + 30}" stroke="#d1242f" stroke-width="2.5" stroke-dasharray="8 5"/>
<text x="${m.l + 52}" y="${m.t + 34}">peak memory</text>
</svg>
`;
}
