import type { ImportArgs } from '../options.js';
import { journalPathFor } from '../run-paths.js';
import { backupPathFor } from '../run-paths.js';
import type { RunContext } from '../run/progress.js';
import type { RunResult } from '../report/run-result.js';
import { refuseInputAsOutput, withClaimedReport } from './outputs.js';
import { inputLines, readPlan } from './read-plan.js';
import { sendPlan } from './send-run.js';
import { validateCommand } from './validate.js';

/**
 * `import FILE`: read, group and validate, then send each valid interview as one PUT (after
 * backing up what it overwrites), journaling every result and writing the per-row report.
 */
export async function importCommand(asked: Readonly<ImportArgs>, context: RunContext = {}): Promise<RunResult> {
  // A plain dry run without credentials is `validate`; with them it reads each interview and says
  // what the PUT would change (a key `<clear>` removes, a value the file leaves out).
  if (asked.dryRun && !asked.merge && !asked.createMissing && !asked.credentials)
    return validateCommand(asked, context.signal);
  // The journal names a correction run so, and the page's list of earlier imports says its kind.
  const command = asked.dryRun ? 'import --dry-run' : asked.correct ? 'import --correct' : 'import';
  refuseInputAsOutput(asked.file, { report: asked.reportFile ? asked.report : undefined });
  const { options, beside } = withClaimedReport(asked, command);
  refuseInputAsOutput(options.file, {
    report: options.reportFile ? options.report : undefined,
    payloads: options.payloads,
    journal: journalPathFor(options.report),
    backup: backupPathFor(options.report),
  });
  // A dry run stopped while reading ends there; an import goes on to report every row not_sent.
  const { plan, warnings } = await readPlan(options, asked.dryRun ? context.signal : undefined);
  return sendPlan(plan, { ...options, command, reportBeside: beside }, context, {
    lines: inputLines(plan),
    warnings,
  });
}
