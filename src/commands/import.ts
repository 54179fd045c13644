import type { ImportArgs } from '../options.js';
import { journalPathFor } from '../run/journal.js';
import { backupPathFor } from '../run/pre-images.js';
import type { RunContext, RunResult } from './io.js';
import { refuseInputAsOutput } from './outputs.js';
import { inputLines, readPlan } from './read-plan.js';
import { sendPlan } from './send-run.js';
import { validateCommand } from './validate.js';

/**
 * `import FILE`: read, group and validate, then send each valid interview as one PUT (after
 * backing up what it overwrites), journaling every result and writing the per-row report.
 */
export async function importCommand(options: Readonly<ImportArgs>, context: RunContext = {}): Promise<RunResult> {
  // A plain dry run without credentials is `validate`; with them it reads each interview and says
  // what the PUT would change (a key `<clear>` removes, a value the file leaves out).
  if (options.dryRun && !options.merge && !options.createMissing && !options.credentials)
    return validateCommand(options);
  refuseInputAsOutput(options.file, {
    report: options.reportFile ? options.report : undefined,
    payloads: options.payloads,
    journal: journalPathFor(options.report),
    backup: backupPathFor(options.report),
  });
  const { plan, warnings, lang } = await readPlan(options);
  return sendPlan(
    plan,
    { ...options, lang, command: options.dryRun ? 'import --dry-run' : 'import' },
    context,
    inputLines(plan, warnings),
  );
}
