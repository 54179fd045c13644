import { PRINTED } from '../report/messages.js';
import { say } from '../messages.js';
import { type TemplateOptions, writeTemplate } from '../commands/template.js';
import type { CommandIo, CommandResult } from './io.js';

/** `template`: write the blank template and say where. */
export async function templateCommand(options: TemplateOptions, io: CommandIo): Promise<CommandResult> {
  const path = await writeTemplate(options);
  io.stdout.write(`${say(PRINTED.templateWritten(path))}\n`);
  return { exitCode: 0 };
}
