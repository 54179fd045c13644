#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ToolError, isToolError } from './errors.js';
import { processIo } from './commands/io.js';
import { terminalSafe } from './input/printable.js';
import type { RunResult } from './commands/io.js';
import { importInput, normalise, simulateSchema, templateSchema } from './options.js';
import { type Lang, localeLang, speaking } from './lang.js';
import { CLI, HELP_ZH, HELP_ZH_UI, OPTION, YARGS_ZH, say } from './catalogue.js';

/**
 * The only place that catches errors and turns them into exit codes:
 * 0 every row fine · 1 some row invalid, blocked, failed or not sent · 2 fatal · 130 interrupted.
 */
async function main(argv: string[]): Promise<number> {
  const interrupt = new AbortController();
  // What the CLI says before a run knows its file's language: --lang, else the locale's.
  const langAt = argv.indexOf('--lang');
  const flag = langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  const lang: Lang = flag === 'zh' || flag === 'en' ? flag : (localeLang(process.env) ?? 'en');
  const h = (en: string) => (lang === 'zh' ? (HELP_ZH[en] ?? HELP_ZH_UI[en] ?? en) : en);
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      process.stderr.write(`\n${CLI.signal(signal)[lang]}\n`);
      interrupt.abort();
    } else {
      process.stderr.write(`\n${CLI.signalAgain(signal)[lang]}\n`);
      process.exit(130);
    }
  };
  const io = processIo(interrupt.signal);
  let exitCode = 0;
  /** Commands that send or serve finish their work on Ctrl-C; the others just stop. */
  const run =
    (fn: () => Promise<{ exitCode: number }>, interruptible = false) =>
    async () => {
      if (interruptible) {
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      }
      exitCode = (await fn()).exitCode;
    };
  /**
   * A run of the library (`src/api.ts`) with the flags as options: progress on stderr, the
   * summary printed, the exit code kept. Credentials and the base URL come from the environment
   * where no flag gives them.
   */
  const library = (
    call: (api: typeof import('./api.js'), options: Record<string, unknown>) => Promise<RunResult>,
    args: Record<string, unknown>,
    needs: { credentials?: boolean; interruptible?: boolean } = {},
  ) =>
    run(async () => {
      const api = await import('./api.js');
      const { progressPrinter } = await import('./run/progress.js');
      const { onProgress, stop } = progressPrinter(args.quiet ? 'quiet' : 'auto', io.stderr, lang);
      const local = { ...args, locale: localeLang(io.env) };
      const options = needs.credentials
        ? { ...importInput(local, io.env), signal: interrupt.signal, onProgress }
        : local;
      // The bar is gone before the summary prints, and when the run throws.
      const result = await call(api, options).finally(stop);
      const { printResult } = await import('./report/summary.js');
      printResult(io, result, Boolean(args.json));
      return result;
    }, needs.interruptible)();
  // Repeated, it gives a list (yargs' default); `array: true` would swallow the input file after it.
  const recordsOption = {
    type: 'string',
    describe: h(
      "a folder of earlier runs' reports, journals and backups, read besides the report's own folder (repeatable)",
    ),
  } as const;
  const sendOptions = {
    concurrency: { type: 'number', describe: h('requests in flight (default 5)') },
    rate: {
      type: 'number',
      describe: h('requests per second, 0 for no client-side limit (default 10, the API limit)'),
    },
    retries: { type: 'number', describe: h('retries of a failed call (default 5)') },
    timeout: { type: 'number', describe: h('seconds to wait for a connection, headers or body (default 30)') },
    limit: { type: 'number', describe: h('send only the first N interviews (a pilot run)') },
    resume: { type: 'string', describe: h('the --report path of an earlier run: skip what already landed') },
    backup: {
      type: 'boolean',
      default: true,
      describe: h('read and save each interview before overwriting it (--no-backup: off)'),
    },
    quiet: { type: 'boolean', describe: h('no progress output') },
    json: { type: 'boolean', describe: h('print the summary as one JSON object on stdout (the text goes to stderr)') },
    domain: {
      choices: ['feishu', 'lark'] as const,
      describe: h('open.feishu.cn or open.larksuite.com (default feishu)'),
    },
    'base-url': {
      type: 'string',
      describe: h('override the API origin (also FEISHU_BASE_URL); http only for loopback'),
    },
    'app-id': { type: 'string', describe: h('app id (default FEISHU_APP_ID)') },
    'app-secret': {
      type: 'string',
      describe: h('app secret (default FEISHU_APP_SECRET; prefer the variable or --app-secret-file: flags show in ps)'),
    },
    'app-secret-file': { type: 'string', describe: h('a file holding the app secret (keep it 0600)') },
  } as const;
  if (argv.some((a) => a === '--app-secret' || a.startsWith('--app-secret='))) {
    io.stderr.write(`${CLI.secretFlag[lang]}\n`);
  }
  const inputOptions = {
    sheet: { type: 'string', describe: h('sheet to read (default: the first sheet with the template columns)') },
    encoding: {
      type: 'string',
      describe: h('CSV encoding: utf-8, gb18030, gbk, utf-16le, windows-1252 (default: detected)'),
    },
    map: { type: 'string', describe: h('JSON file mapping legacy headers to template columns') },
    tz: { type: 'string', describe: h("IANA time zone for times without an offset (default: this machine's)") },
    report: {
      type: 'string',
      describe: h(
        'report path: .csv, .xlsx or .json (default: <input>.report.xlsx for an .xlsx input, else <input>.report.csv)',
      ),
    },
    lang: {
      choices: ['zh', 'en'] as const,
      describe: h(
        'language of messages and reports (default: zh for a file with Chinese headers or a Chinese locale, else en)',
      ),
    },
  } as const;

  const parser = yargs(argv)
    .scriptName('feishu-interview-import')
    // yargs' own words (Options, Show help, required) in the same language as ours.
    // yargs takes plural forms ({ one, other }) too, though its typings say strings only.
    .updateStrings((lang === 'zh' ? YARGS_ZH : {}) as Record<string, string>)
    .usage(`$0 <command> [options]\n\n${h('Import interview records from Excel or CSV into Feishu Hire.')}`)
    .command(
      'template',
      h('write a blank template (.xlsx with instructions and drop-downs, or .csv)'),
      (y) =>
        y
          .option('out', { type: 'string', demandOption: true, describe: h('file to write: .xlsx or .csv') })
          .option('lang', {
            choices: ['zh', 'en'] as const,
            default: 'zh' as const,
            describe: h('language of the headers and the instructions'),
          }),
      (args) =>
        run(async () =>
          (await import('./commands/template.js')).templateCommand(normalise(templateSchema, args), io),
        )(),
    )
    .command(
      'validate <file>',
      h('read, group and validate a file; write the per-row report; send nothing'),
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(inputOptions)
          .option('payloads', { type: 'string', describe: h('write the request bodies as JSON lines to this path') })
          .option('merge', {
            type: 'boolean',
            describe: h(
              'check a correction file as import --merge will read it (offline: the current records are not read)',
            ),
          })
          .option('json', {
            type: 'boolean',
            describe: h('print the summary as one JSON object on stdout (the text goes to stderr)'),
          }),
      (args) => library((api, o) => api.runValidate(args.file, o), args),
    )
    .command(
      'import <file>',
      h('send every valid interview to Feishu (PUT, which replaces the whole interview) and write the report'),
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(inputOptions)
          .options(sendOptions)
          .options({
            'dry-run': {
              type: 'boolean',
              describe: h(
                'send nothing: like validate; with --merge, read the current records and report what would change',
              ),
            },
            merge: {
              type: 'boolean',
              describe: h(
                'change only what the file names: blank or absent fields, assessments and dimensions keep their current values',
              ),
            },
            replace: {
              type: 'boolean',
              describe: h(
                'the file is the whole truth for the interviews it names: remove values, assessments and dimensions Feishu holds that it does not name',
              ),
            },
            'create-missing': {
              type: 'boolean',
              describe: h(
                'rows without a Feishu ID: create the interview when its application has none with that external_id',
              ),
            },
            'add-assessments': {
              type: 'boolean',
              describe: h('with --merge: add assessments and dimensions the interview does not have yet'),
            },
            'replace-assessments': {
              type: 'boolean',
              describe: h(
                "with --merge: the file's assessments replace all current ones (removes what the file lacks)",
              ),
            },
            payloads: { type: 'string', describe: h('with --dry-run: write the request bodies as JSON lines') },
            records: recordsOption,
          }),
      (args) => library((api, o) => api.runImport(args.file, o), args, { credentials: true, interruptible: true }),
    )
    .command(
      'undo <file>',
      h('put back every interview in a backup written by import (itself backed up first)'),
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: h('the backup: <report>.backup.jsonl') })
          .option('report', { type: 'string', describe: h('report path (default: <backup>.undo.report.csv)') })
          .option('run', {
            type: 'string',
            describe: h('the run to undo, as the import printed it (default: the last run in the backup)'),
          })
          .option('lang', inputOptions.lang)
          .options(sendOptions),
      (args) => library((api, o) => api.runUndo(args.file, o), args, { credentials: true, interruptible: true }),
    )
    .command(
      'verify <file>',
      h('read every interview of the file from Feishu and report per row whether it matches (writes nothing)'),
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(inputOptions)
          .options(sendOptions)
          .option('records', recordsOption)
          .option('merge', {
            type: 'boolean',
            describe: h('verify a correction file: only what it names must match what Feishu holds'),
          }),
      (args) => library((api, o) => api.runVerify(args.file, o), args, { credentials: true }),
    )
    .command(
      'simulate',
      h('serve a local stand-in for Feishu (token, PUT, batch_query) on 127.0.0.1 until Ctrl-C'),
      (y) =>
        y.options({
          port: { type: 'number', describe: h('port (default: any free one)') },
          'rate-limit': { type: 'number', describe: h('PUTs per second before 429 (default 10, 0 for none)') },
          'fail-rate': { type: 'number', describe: h('share of PUTs answered 500 / 1002001 (0-1)') },
          'drop-rate': { type: 'number', describe: h('share of PUTs whose connection is dropped (0-1)') },
          latency: { type: 'number', describe: h('milliseconds added to every answer') },
          'token-ttl': { type: 'number', describe: h('seconds a tenant token lives (default 7200)') },
          seed: {
            type: 'string',
            describe: h('a template file whose interviews exist from the start (the update API needs them)'),
          },
          'create-on-put': {
            type: 'boolean',
            describe: h('let a PUT create an interview that does not exist (Feishu refuses it)'),
          },
          'app-id': { type: 'string', describe: h('the app id it accepts (default cli_simulator)') },
          'app-secret': { type: 'string', describe: h('the app secret it accepts (default: see the README)') },
        }),
      (args) =>
        run(
          async () => (await import('./commands/simulate.js')).simulateCommand(normalise(simulateSchema, args), io),
          true,
        )(),
    )
    .command(
      'ui',
      h('serve a page on 127.0.0.1 to validate, preview, import and undo without a terminal, until Ctrl-C'),
      (y) =>
        y.options({
          port: { type: 'number', describe: h('port (default: any free one)') },
          open: { type: 'boolean', default: true, describe: h('open the browser (--no-open: print the URL only)') },
          dir: {
            type: 'string',
            describe: h("folder for the imports' reports, journals and backups (default: the current folder)"),
          },
          demo: { type: 'boolean', describe: h('serve against a local simulator holding the sample interviews') },
          ...Object.fromEntries(
            Object.entries(sendOptions).filter(([k]) => !['limit', 'resume', 'quiet', 'json'].includes(k)),
          ),
        }),
      (args) => run(async () => (await import('./commands/ui.js')).uiCommand(args as never, io), true)(),
    )
    .command(
      'demo',
      h('import the bundled sample into the bundled simulator and print where the report is'),
      (y) => y,
      () => run(async () => (await import('./commands/demo.js')).demoCommand(io), true)(),
    )
    .demandCommand(1, h('name a command: template, validate, import, undo, simulate, demo'))
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new ToolError('USAGE', say(OPTION.usage(message)));
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

/** A message never echoes the value given to --app-secret, whatever parsed it. */
function redact(message: string, argv: readonly string[]): string {
  const secrets = argv
    .flatMap((a, i) =>
      a === '--app-secret'
        ? [argv[i + 1] ?? '']
        : a.startsWith('--app-secret=')
          ? [a.slice('--app-secret='.length)]
          : [],
    )
    .filter((s) => s.length > 0);
  return secrets.reduce((m, s) => m.replaceAll(s, '***'), message);
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
