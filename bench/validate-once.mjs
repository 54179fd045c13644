// `node bench/validate-once.mjs FILE [progress]`: one `validateFile` of FILE through the built
// library, its CSV report written beside the benchmark's output; with `progress`, an `onProgress`
// that keeps each event, as the page's thread posts each. Prints how many events it was told.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFile } from '../dist/index.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const [file, progress] = process.argv.slice(2);
const events = [];
const onProgress = progress === 'progress' ? { onProgress: (e) => events.push(e) } : {};
const result = await validateFile(file, {
  tz: 'Asia/Shanghai',
  report: join(ROOT, 'bench', 'out', 'progress-r.csv'),
  ...onProgress,
});
process.stdout.write(`${result.rows.length} rows, ${events.length} progress events\n`);
