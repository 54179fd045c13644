import { FILES, PRINTED } from '../report/messages.js';
import { OUTCOME } from '../run/outcome-messages.js';
import { say } from '../messages.js';
import { resolve } from 'node:path';
import { ToolError } from '../errors.js';
import { type BackupRow, backupTable } from '../input/backup-table.js';
import { UNMARKED, type BackupLine, byInterview, readBackup } from '../run/backup-file.js';
import type { UndoArgs } from '../options.js';
import type { Plan, PlannedInterview, RowOutcome } from '../plan/types.js';
import type { RunContext } from '../run/progress.js';
import type { RunResult } from '../report/run-result.js';
import { type UndoLeftAlone, sendPlan } from './send-run.js';
import { refuseInputAsOutput, withClaimedReport } from './outputs.js';
import { journalPathFor } from '../run-paths.js';
import { backupPathFor } from '../run-paths.js';

/**
 * `undo BACKUP`: undoes one run's own changes, with the same pacing, retries, journal and report
 * as `import`, and backs up what it overwrites (an undo can be undone). The run owns what it
 * wrote or created, nothing it only read: each interview it wrote gets back, field by field,
 * what that run changed, unless something changed that field again since (`decideRestore`).
 * The run is the last one in the backup, or `--run ID`; a `--resume` is part of the run it
 * resumes. When an interview is in the run more than once, the oldest state before is restored.
 */
export async function undoCommand(options: Readonly<UndoArgs>, context: RunContext = {}): Promise<RunResult> {
  refuseInputAsOutput(options.file, {
    report: options.reportFile ? options.report : undefined,
    journal: journalPathFor(options.report),
    backup: backupPathFor(options.report),
  });
  const { plan, run, others, leftAlone } = await planFromBackup(options.file, options.run, options.dryRun);
  // Every interview of the run in the backup, the ones it leaves alone included: the counts below add up to it.
  const head = [say(PRINTED.undoHead({ n: plan.table.rows.length, run, file: resolve(options.file) }))];
  if (others.length > 0) head.push(say(PRINTED.undoOthers(others.join(', '))));
  const command = options.dryRun ? 'undo --dry-run' : 'undo';
  const { options: claimed, beside } = withClaimedReport(options, command);
  return sendPlan(plan, { ...claimed, command, reportBeside: beside }, context, {
    lines: head,
    warnings: [],
    undo: leftAlone,
  });
}

/**
 * Undo plans its own interviews: for each one the run owns, what to put back or delete; the
 * report is written against the backup's lines (src/input/backup-table.ts).
 */
async function planFromBackup(
  file: string,
  wanted: string | undefined,
  dryRun: boolean,
): Promise<{ plan: Plan; run: string; others: string[]; leftAlone: UndoLeftAlone }> {
  const entries = await readBackup(file);
  const runs = [...new Set(entries.map((e) => e.entry.run ?? UNMARKED))];
  const run = wanted ?? runs.at(-1) ?? UNMARKED;
  if (entries.length > 0 && !runs.includes(run)) {
    throw new ToolError('USAGE_NO_SUCH_RUN', say(FILES.noSuchRun({ file, run, runs: runs.join(', ') })), { file });
  }
  const rows: BackupRow[] = [];
  const outcomes: RowOutcome[] = [];
  const interviews: PlannedInterview[] = [];
  const leftAlone = { onlyRead: 0, deletedByRun: 0 };
  for (const [id, lines] of byInterview(entries, run)) {
    const first = lines[0]!;
    const index = rows.length;
    rows.push({ id, line: first.line + 1, takenAt: first.entry.taken_at, body: first.entry.body });
    const planned = owned(id, lines, index, dryRun);
    if ('leftAlone' in planned) {
      outcomes.push(planned.outcome);
      leftAlone[planned.leftAlone]++;
    } else {
      outcomes.push({ status: 'ok', message: say(OUTCOME.valid) });
      interviews.push(planned);
    }
  }
  if (rows.length === 0) throw new ToolError('INPUT_EMPTY', say(FILES.emptyBackup(file)), { file });
  return {
    plan: { table: backupTable(file, rows), outcomes, interviews, zone: 'UTC', usedZone: false },
    run,
    others: runs.filter((r) => r !== run),
    leftAlone,
  };
}

/**
 * What undo does with one interview of the run: delete what it created, put back what it wrote
 * (the oldest state before, the last body written), and leave alone what it only read (a backup
 * of an earlier version held those too) or deleted.
 */
function owned(
  id: string,
  lines: readonly BackupLine[],
  index: number,
  dryRun: boolean,
): PlannedInterview | { leftAlone: keyof UndoLeftAlone; outcome: RowOutcome } {
  const created = lines.find((l) => l.entry.created === true);
  if (created) return { kind: 'remove', id, rows: [index], body: created.entry.body };
  const written = lines.findLast((l) => l.entry.written !== undefined)?.entry.written;
  if (written) return { kind: 'restore', id, rows: [index], body: lines[0]!.entry.body, written };
  if (lines.some((l) => l.entry.deleted === true))
    return {
      leftAlone: 'deletedByRun',
      outcome: { status: 'skipped', message: say(OUTCOME.notRecreated({ id, dryRun })) },
    };
  return { leftAlone: 'onlyRead', outcome: { status: 'skipped', message: say(OUTCOME.notOwned(dryRun)) } };
}
