// `node bench/ui-validate.mjs FILE`: what the page does to show a file's validation, without the
// browser: start the server, exchange the token, ask for the state of things as the page does
// when it opens, upload the file, look at its first rows for a mapping, validate it, and fetch
// the grid's first window of rows. Timed by bench/measure.mjs from start-up, as the CLI's
// validate is.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startUiServer } from '../dist/ui/server.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const file = process.argv[2];
const folder = await mkdtemp(join(tmpdir(), 'fii-bench-ui-'));
const ui = await startUiServer({ assets: join(ROOT, 'dist', 'ui'), folder, send: {} });
const origin = `http://127.0.0.1:${ui.port}`;
const login = await fetch(ui.url, { redirect: 'manual' });
const cookie = login.headers.get('set-cookie').split(';')[0];
// The page key the exchange hands the page in the fragment (`/#k=…`): every call carries it.
const key = /#k=([\w-]+)$/.exec(login.headers.get('location'))[1];
const headers = { cookie, origin, 'x-fii-page': key };
const call = async (path, init = {}) => {
  const res = await fetch(`${origin}${path}`, { ...init, headers: { ...headers, ...init.headers } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
// The page asks for the state of things as it opens, before a file is chosen.
await call('/api/state');
const up = await call(`/api/upload?name=${encodeURIComponent(basename(file))}`, {
  method: 'POST',
  body: await readFile(file),
});
// The page first looks at the file's first rows (is there anything to map?), as the page does.
const look = await call('/api/mapping', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ upload: up.id, sheet: '', peek: true }),
});
if (!look.draft?.template) throw new Error('the page would ask for a mapping of this file');
// The page follows the run over its event stream; so does this.
const events = await fetch(`${origin}/api/events`, { headers });
const run = await call('/api/runs', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ action: 'validate', upload: up.id, mode: 'import', tz: 'Asia/Shanghai', lang: 'en' }),
});
const decoder = new TextDecoder();
let buffered = '';
let view;
for await (const chunk of events.body) {
  buffered += decoder.decode(chunk, { stream: true });
  const views = [...buffered.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]));
  view = views.findLast((v) => v?.id === run.id && v.state !== 'running');
  if (view) break;
}
if (view.state !== 'done') throw new Error(JSON.stringify(view.error));
const rows = await call(`/api/runs/${run.id}/rows?from=0&count=200`);
// `--edits N`: then N cells changed across the file, each timed from the call to its answer (the
// edited cell's rows checked again), as the page sends them; and the whole file's check after.
const edits = Number(process.argv[process.argv.indexOf('--edits') + 1] || 0);
const editMs = [];
for (let i = 0; i < edits; i++) {
  const row = 2 + Math.floor((rows.total - 1) * (i / Math.max(1, edits)));
  const column = rows.columns[rows.columns.length - 1];
  const started = performance.now();
  await call(`/api/uploads/${up.id}/edits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ run: run.id, edit: { kind: 'cell', row, column, value: `edited ${i}` } }),
  });
  editMs.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify({ rows: rows.total, shown: rows.rows.length, editMs })}\n`);
await ui.close();
await rm(folder, { recursive: true, force: true });
process.exit(0);
