import yargs, { type Argv, type Options } from 'yargs';
import { CLI_TEXT, YARGS_ZH } from './messages.js';
import { OPTION } from '../option-messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';
import type { Lang } from '../lang.js';
import { COMMANDS, type CommandSpec } from './command-table.js';
import type { CommandIo } from './io.js';
import type { OptionTable } from './option-table.js';
import { stopOnSignals } from './signals.js';

/** The option groups as yargs takes them, their help in `lang`. */
function yargsOptions(groups: readonly OptionTable[], lang: Lang): Record<string, Options> {
  const out: Record<string, Options> = {};
  for (const group of groups)
    for (const [name, { help, ...spec }] of Object.entries(group)) out[name] = { ...spec, describe: help[lang] };
  return out;
}

/**
 * The yargs parser of every command in src/cli/command-table.ts. `done` receives the exit code of
 * the command that ran; Ctrl-C aborts `interrupt` for the commands that send or serve.
 */
export function cliParser(
  argv: readonly string[],
  lang: Lang,
  io: CommandIo,
  interrupt: AbortController,
  done: (exitCode: number) => void,
): Argv {
  const register = (parser: Argv, spec: CommandSpec) =>
    parser.command(
      spec.command,
      spec.help[lang],
      (y) => {
        const withFile = spec.positional
          ? y.positional(spec.positional.name, {
              type: 'string',
              demandOption: true,
              describe: spec.positional.help?.[lang],
            })
          : y;
        return withFile.options(yargsOptions(spec.options, lang));
      },
      async (args) => {
        if (spec.interruptible) stopOnSignals(interrupt, lang, io.stderr);
        done((await spec.run(args, io)).exitCode);
      },
    );
  const names = COMMANDS.map((c) => c.command.split(' ')[0]!);
  return (
    COMMANDS.reduce(register, yargs([...argv]))
      .scriptName('feishu-interview-import')
      // yargs' own words (Options, Show help, required) in the same language as ours.
      // yargs takes plural forms ({ one, other }) too, though its typings say strings only.
      .updateStrings((lang === 'zh' ? YARGS_ZH : {}) as Record<string, string>)
      .usage(`$0 <command> [options]\n\n${CLI_TEXT.usage[lang]}`)
      .demandCommand(1, CLI_TEXT.nameACommand({ names: names.join(', '), namesZh: names.join('、') })[lang])
      .strict()
      .help()
      .version(false)
      .wrap(Math.min(110, process.stdout.columns || 100))
      .fail((message, error) => {
        if (error) throw error;
        throw new ToolError('USAGE', say(OPTION.usage(message)));
      })
  );
}
