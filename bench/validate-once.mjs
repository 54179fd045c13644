// `node bench/validate-once.mjs FILE [progress|none] [ROOT]`: one `validateFile` of FILE through
// the library built in ROOT (default: this checkout), its CSV report written to bench/out; with
// `progress`, an `onProgress` that keeps each event, as the page's thread posts each. Prints how
// many events it was told.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = resolve(fileURLToPath(import.meta.url), '..', '..');
const [file, progress = 'none', root = HERE] = process.argv.slice(2);
const { validateFile } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const events = [];
const onProgress = progress === 'progress' ? { onProgress: (e) => events.push(e) } : {};
const result = await validateFile(file, {
  tz: 'Asia/Shanghai',
  report: join(HERE, 'bench', 'out', 'progress-r.csv'),
  ...onProgress,
});
process.stdout.write(`${result.rows.length} rows, ${events.length} progress events\n`);
