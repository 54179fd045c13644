import { localeLang } from '../lang.js';
import { importInput } from '../options.js';
import type { RunResult } from '../report/run-result.js';
import type { CommandIo, CommandResult } from './io.js';
import { printResult } from './print-result.js';
import { progressPrinter } from './progress.js';

/**
 * A run of the library (`src/api.ts`) with the flags as options: progress on stderr, the summary
 * printed. Credentials and the base URL come from the environment where no flag gives them.
 */
export async function libraryRun(
  call: (options: Record<string, unknown>) => Promise<RunResult>,
  args: Record<string, unknown>,
  io: CommandIo,
  credentials: boolean,
): Promise<CommandResult> {
  const { onProgress, onStart, stop } = progressPrinter(args.quiet ? 'quiet' : 'auto', io.stderr, io.lang);
  // The run's messages name the CLI's flags and environment variables, not the library's options.
  const local = { ...args, locale: localeLang(io.env), cli: true };
  const options = credentials ? { ...importInput(local, io.env), signal: io.interrupt, onProgress, onStart } : local;
  // The bar is gone before the summary prints, and when the run throws.
  const result = await call(options).finally(stop);
  printResult(io, result, Boolean(args.json));
  return result;
}
