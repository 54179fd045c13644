#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { CLI } from './cli/messages.js';
import { cliLang } from './cli/cli-lang.js';
import { processIo } from './cli/io.js';
import { cliParser } from './cli/parser.js';
import { redact } from './cli/redact.js';
import { isToolError } from './errors.js';
import { terminalSafe } from './input/printable.js';
import { speaking } from './lang.js';

/**
 * The only place that catches errors and turns them into exit codes:
 * 0 every row fine · 1 some row invalid, blocked, failed or not sent · 2 fatal · 130 interrupted.
 * The commands themselves are declared in src/cli/command-table.ts.
 */
async function main(argv: string[]): Promise<number> {
  const lang = cliLang(argv, process.env);
  const interrupt = new AbortController();
  const io = processIo(interrupt.signal, lang);
  if (argv.some((a) => a === '--app-secret' || a.startsWith('--app-secret=')))
    io.stderr.write(`${CLI.secretFlag[lang]}\n`);
  let exitCode = 0;
  const parser = cliParser(argv, lang, io, interrupt, (code) => {
    exitCode = code;
  });
  try {
    // Errors raised before a run starts (usage, options) speak the CLI's language too.
    await speaking({ lang }, () => parser.parseAsync());
    return exitCode;
  } catch (error) {
    if (isToolError(error)) {
      const message = terminalSafe(redact(error.message, argv));
      io.stderr.write(`${CLI.error({ code: error.code, message })[error.lang]}\n`);
      // A scheduler asking for --json gets an object for a fatal error too.
      if (argv.includes('--json'))
        io.stdout.write(`${JSON.stringify({ exit_code: error.exitCode, error: { code: error.code, message } })}\n`);
      return error.exitCode;
    }
    io.stderr.write(`${CLI.internal(redact((error as Error)?.message ?? String(error), argv))[lang]}\n`);
    if (io.env.DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
