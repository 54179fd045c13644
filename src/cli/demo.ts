import { DEMO } from './messages.js';
import { say } from '../messages.js';
import { currentLang } from '../lang.js';
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, startSimulator } from '../simulator/server.js';
import { importFile } from '../api.js';
import { printResult } from './print-result.js';
import { progressPrinter } from './progress.js';
import type { CommandIo, CommandResult } from './io.js';
import { existingFrom } from './simulate.js';

/** The package's own folder, which holds samples/: found by walking up, wherever the build put this code. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

const ROOT = packageRoot();
export const DEMO_SAMPLE = join(ROOT, 'samples', 'interviews.csv');
/** The one application the demo's simulator does not know, so the report shows a Feishu error. */
export const DEMO_UNKNOWN_APPLICATION = '6960663240925999999';

/**
 * `demo`: start the simulator in this process, import the bundled sample into it at Feishu's
 * real pace (10 requests/s, a few injected 500s), and say where the report is. No credentials.
 */
export async function demoCommand(io: CommandIo): Promise<CommandResult> {
  // The sample's interviews exist in the simulated tenant, as they would in Feishu.
  const seed = await existingFrom(DEMO_SAMPLE);
  const sim = await startSimulator({
    rateLimit: 10,
    failRate: 0.05,
    latencyMs: 30,
    randomSeed: 7,
    missingApplications: [DEMO_UNKNOWN_APPLICATION],
    seed,
  });
  try {
    const out = join(process.cwd(), 'out');
    await mkdir(out, { recursive: true });
    const report = join(out, 'demo.report.csv');
    io.stdout.write(`${say(DEMO.listening(sim.url))}\n${say(DEMO.importing(DEMO_SAMPLE))}\n\n`);
    // The sample's headers are English: the run speaks the CLI's language (--lang, else the locale's).
    const lang = currentLang();
    const progress = progressPrinter('auto', io.stderr, lang);
    const result = await importFile(DEMO_SAMPLE, {
      lang,
      report,
      tz: 'Asia/Shanghai',
      baseUrl: sim.url,
      appId: DEFAULT_APP_ID,
      appSecret: DEFAULT_APP_SECRET,
      signal: io.interrupt,
      onProgress: progress.onProgress,
      onStart: progress.onStart,
    }).finally(() => progress.stop());
    printResult(io, result, false);
    io.stdout.write(`\n${say(DEMO.done(resolve(report)))}\n`);
    // The demo succeeded if it ran; the sample's own mistakes are the point of it.
    return { exitCode: result.exitCode === 130 ? 130 : 0 };
  } finally {
    await sim.close();
  }
}
