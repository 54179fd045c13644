// The page (`feishu-interview-import ui`): how long it takes to show a 100,000-row file's
// validation, against the CLI's `validate` of the same file in the same run, and the size of the
// page's script. Part of `npm run bench`; `node bench/ui.mjs` runs it alone (after `npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compare, median, run } from './measure.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

export async function uiRun({ csv, cli, out }) {
  const c = await compare(
    [cli, 'validate', csv, '--tz', 'Asia/Shanghai', '--report', join(out, 'r.csv')],
    [join(ROOT, 'bench', 'ui-validate.mjs'), csv],
  );
  const script = readFileSync(join(ROOT, 'dist', 'ui', 'app.js'));
  // Fixing in place: 20 cells changed across the same file, each answered with its rows checked again.
  const edited = await run([join(ROOT, 'bench', 'ui-validate.mjs'), csv, '--edits', String(EDITS)]);
  const editMs = JSON.parse(edited.stdout.trim().split('\n').at(-1)).editMs;
  return {
    ...c,
    scriptBytes: script.length,
    scriptGzip: gzipSync(script, { level: 9 }).length,
    editMedianMs: median(editMs),
    editMaxMs: Math.max(...editMs),
  };
}

/** Cells changed in the edit figure: one every 5,000 rows of the 100,000. */
const EDITS = 20;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function uiSection(r) {
  return `## The page (\`feishu-interview-import ui\`)

| measure | page | CLI | ratio | target |
| --- | --- | --- | --- | --- |
| a 100,000-row CSV's validation shown (start-up, upload, a look at its first rows for a mapping, validate, the grid's first 200 rows) | ${r.ms.toFixed(0)} ms | ${r.baseMs.toFixed(0)} ms (\`validate --report r.csv\`) | **${r.ratio.toFixed(2)}×** | 1.5× |
| peak memory | ${r.rss.toFixed(0)} MB | ${r.baseRss.toFixed(0)} MB | **${(r.rss / r.baseRss).toFixed(2)}×** | 2× |
| a cell fixed in place on that file: the call answered with its rows checked again (${EDITS} cells across the file) | ${r.editMedianMs.toFixed(0)} ms median, ${r.editMaxMs.toFixed(0)} ms slowest | | | under 200 ms |
| the page's script (dist/ui/app.js: Preact, @tanstack/virtual-core, the page) | ${kb(r.scriptGzip)} gzipped (${kb(r.scriptBytes)}) | | | under 300 KB gzipped |

- \`bench/ui-validate.mjs\` does what the page does, without the browser: starts the server,
  exchanges the token, uploads the file, looks at its first rows for a mapping (as the page does
  before it checks), starts the validation, follows it over the event stream and fetches the
  grid's first window. The page's run writes the JSON report (the grid reads its
  cells from it) where the CLI writes CSV, noting where each row starts as it writes it; the
  server reads each window of the grid from the file by those places and holds none of it in
  memory (src/ui/report-rows.ts); the .xlsx report to download is written when first asked for.
- The edit figure: \`bench/ui-validate.mjs FILE --edits ${EDITS}\` changes one cell every 5,000 rows
  after the check, as the page sends it (\`POST /api/uploads/<id>/edits\`), and times each answer:
  the server checks the rows around the cell again (\`checkRows\`, src/ui/row-recheck.ts), not the
  file, in a thread of its own (src/ui/recheck-thread.ts) so its event loop answers other calls
  meanwhile; the whole file's check follows in the checks' thread once the user pauses.

`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const csv = join(ROOT, 'bench', 'out', 'rows-100000.csv');
  if (!existsSync(csv)) {
    const { writeCsv } = await import('./generate.mjs');
    writeCsv(csv, 100_000, 5);
  }
  process.stdout.write(
    uiSection(await uiRun({ csv, cli: join(ROOT, 'dist', 'cli.js'), out: join(ROOT, 'bench', 'out') })),
  );
}
