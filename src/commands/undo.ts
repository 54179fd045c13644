import { FILES, say } from '../catalogue.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ToolError } from '../errors.js';
import { checkHeaders, mappingLookup } from '../input/headers.js';
import type { InputTable, SourceRow } from '../input/table.js';
import type { UndoArgs } from '../options.js';
import type { InterviewBody } from '../feishu/body.js';
import type { Plan, PlannedInterview, RowOutcome } from '../plan/types.js';
import type { BackupEntry } from '../run/pre-images.js';
import { currentLang } from '../lang.js';
import type { RunContext, RunResult } from './io.js';
import { sendPlan } from './send-run.js';
import { refuseInputAsOutput } from './outputs.js';
import { journalPathFor } from '../run/journal.js';
import { backupPathFor } from '../run/pre-images.js';

const HEADERS = ['external_interview_id', 'taken_at', 'body'];

/**
 * `undo BACKUP`: puts every interview one run overwrote back as it was before that run, with
 * the same pacing, retries, journal and report as `import`, and backs up what it overwrites (an
 * undo can be undone). The run is the last one in the backup, or `--run ID`; a `--resume` is
 * part of the run it resumes. When an interview is in the run more than once, the first, oldest
 * pre-image is the one restored.
 */
export async function undoCommand(options: Readonly<UndoArgs>, context: RunContext = {}): Promise<RunResult> {
  refuseInputAsOutput(options.file, {
    report: options.reportFile ? options.report : undefined,
    journal: journalPathFor(options.report),
    backup: backupPathFor(options.report),
  });
  const { plan, run, others } = await planFromBackup(options.file, options.run);
  const head = [`undo: ${plan.interviews.length} interview(s) of run ${run} from ${resolve(options.file)}`];
  if (others.length > 0)
    head.push(
      `the backup also holds run(s) ${others.join(', ')}, left as they are (undo one with --run ID, newest first)`,
    );
  return sendPlan(plan, { ...options, lang: currentLang(), command: 'undo' }, context, head);
}

const UNMARKED = 'unmarked';

async function planFromBackup(
  file: string,
  wanted: string | undefined,
): Promise<{ plan: Plan; run: string; others: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ToolError(
      'INPUT_UNREADABLE',
      say(FILES.backupUnreadable({ code: (error as NodeJS.ErrnoException).code ?? String(error), file })),
      { file },
    );
  }
  const entries = parseBackup(text, file);
  const runs = [...new Set(entries.map((e) => e.entry.run ?? UNMARKED))];
  const run = wanted ?? runs.at(-1) ?? UNMARKED;
  if (entries.length > 0 && !runs.includes(run)) {
    throw new ToolError('USAGE_NO_SUCH_RUN', say(FILES.noSuchRun({ file, run, runs: runs.join(', ') })), { file });
  }
  const rows: SourceRow[] = [];
  const outcomes: RowOutcome[] = [];
  const interviews: PlannedInterview[] = [];
  const firstLine = new Map<string, number>();
  for (const { entry, line: i } of entries) {
    if ((entry.run ?? UNMARKED) !== run) continue;
    const id = entry.external_interview_id;
    const index = rows.length;
    rows.push({ row: i + 1, cells: [id, entry.taken_at ?? '', JSON.stringify(entry.body)] });
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      outcomes.push({
        status: 'skipped',
        message: `an older pre-image of this interview (line ${earlier}) is restored instead`,
      });
      continue;
    }
    firstLine.set(id, i + 1);
    outcomes.push({ status: 'ok', message: 'valid' });
    interviews.push({
      kind: entry.created === true ? 'remove' : 'restore',
      id,
      rows: [index],
      body: entry.body as InterviewBody,
    });
  }
  if (rows.length === 0) throw new ToolError('INPUT_EMPTY', say(FILES.emptyBackup(file)), { file });
  const table: InputTable = {
    file,
    format: 'json',
    headerRow: 0,
    headers: HEADERS,
    columns: checkHeaders(HEADERS, mappingLookup(undefined), ['external_interview_id']).resolved!,
    rows,
    warnings: [],
  };
  return {
    plan: { table, outcomes, interviews, zone: 'UTC', usedZone: false },
    run,
    others: runs.filter((r) => r !== run),
  };
}

/** Every entry with its line index; only the last line may be torn (the run was killed while writing it). */
function parseBackup(text: string, file: string): { entry: BackupEntry; line: number }[] {
  const lines = text.split('\n');
  const entries: { entry: BackupEntry; line: number }[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let entry: BackupEntry;
    try {
      entry = JSON.parse(line) as BackupEntry;
    } catch {
      if (i >= lines.length - 2) return;
      throw new ToolError('INPUT_BAD_BACKUP', say(FILES.damagedBackup({ file, line: i + 1 })), { file, row: i + 1 });
    }
    if (typeof entry.external_interview_id !== 'string' || !entry.body || typeof entry.body !== 'object') {
      throw new ToolError('INPUT_BAD_BACKUP', say(FILES.notABackup({ file, line: i + 1 })), { file, row: i + 1 });
    }
    entries.push({ entry, line: i });
  });
  return entries;
}
