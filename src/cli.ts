#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ToolError, isToolError } from './errors.js';
import { processIo } from './commands/io.js';
import { templateCommand } from './commands/template.js';
import { validateCommand } from './commands/validate.js';
import { normalise, templateSchema, validateSchema } from './options.js';

/**
 * The only place that catches errors and turns them into exit codes:
 * 0 every row fine · 1 some row invalid, blocked, failed or not sent · 2 fatal · 130 interrupted.
 */
async function main(argv: string[]): Promise<number> {
  const io = processIo();
  let exitCode = 0;
  const run = (fn: () => Promise<{ exitCode: number }>) => async () => {
    exitCode = (await fn()).exitCode;
  };
  const inputOptions = {
    sheet: { type: 'string', describe: 'sheet to read (default: the first sheet with the template columns)' },
    encoding: { type: 'string', describe: 'CSV encoding: utf-8, gb18030, gbk, utf-16le (default: detected)' },
    map: { type: 'string', describe: 'JSON file mapping legacy headers to template columns' },
    tz: { type: 'string', describe: 'IANA time zone for times without an offset (default: this machine\'s)' },
    report: { type: 'string', describe: 'report path: .csv, .xlsx or .json (default: <input>.report.csv)' },
  } as const;

  const parser = yargs(argv)
    .scriptName('feishu-interview-import')
    .usage('$0 <command> [options]\n\nImport interview records from Excel or CSV into Feishu Hire.')
    .command(
      'template',
      'write a blank template (.xlsx with instructions and drop-downs, or .csv)',
      (y) => y.option('out', { type: 'string', demandOption: true, describe: 'file to write: .xlsx or .csv' }).option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const }),
      (args) => run(() => templateCommand(normalise(templateSchema, args), io))(),
    )
    .command(
      'validate <file>',
      'read, group and validate a file; write the per-row report; send nothing',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .options(inputOptions)
          .option('payloads', { type: 'string', describe: 'write the request bodies as JSON lines to this path' }),
      (args) => run(() => validateCommand(normalise(validateSchema, args), io))(),
    )
    .demandCommand(1, 'name a command: template, validate')
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new ToolError('USAGE', `${message}; run with --help for the commands and options`);
    });

  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    if (isToolError(error)) {
      io.stderr.write(`error [${error.code}]: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`error [INTERNAL]: ${(error as Error)?.message ?? String(error)}\nthis is a bug in feishu-interview-import; set DEBUG=1 for details\n`);
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
