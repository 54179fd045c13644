import { localeLang, speaking } from '../lang.js';
import type { ProfileArgs } from '../options.js';
import { profileCommand } from '../commands/profile.js';
import type { CommandIo, CommandResult } from './io.js';

/** `profile FILE`: write the draft, print what was guessed and what is left, in the user's language. */
export async function profileDraftCommand(args: ProfileArgs, io: CommandIo): Promise<CommandResult> {
  const { lines } = await speaking({ lang: args.lang, locale: localeLang(io.env) }, () => profileCommand(args));
  io.stdout.write(`${lines.join('\n')}\n`);
  return { exitCode: 0 };
}
