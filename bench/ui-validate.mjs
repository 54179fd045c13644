// `node bench/ui-validate.mjs FILE`: what the page does to show a file's validation, without the
// browser: start the server, exchange the token, upload the file, validate it, and fetch the
// grid's first window of rows. Timed by bench/measure.mjs from start-up, as the CLI's validate is.
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
const headers = { cookie, origin };
const call = async (path, init = {}) => {
  const res = await fetch(`${origin}${path}`, { ...init, headers: { ...headers, ...init.headers } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const up = await call(`/api/upload?name=${encodeURIComponent(basename(file))}`, {
  method: 'POST',
  body: await readFile(file),
});
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
process.stdout.write(`${JSON.stringify({ rows: rows.total, shown: rows.rows.length })}\n`);
await ui.close();
await rm(folder, { recursive: true, force: true });
process.exit(0);
