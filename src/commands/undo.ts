import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ToolError } from '../errors.js';
import { checkHeaders, mappingLookup } from '../input/headers.js';
import type { InputTable, SourceRow } from '../input/table.js';
import type { UndoArgs } from '../options.js';
import type { InterviewBody, Plan, PlannedInterview, RowOutcome } from '../plan/types.js';
import type { BackupEntry } from '../run/pre-images.js';
import type { CommandIo, CommandResult } from './io.js';
import { sendPlan } from './send-run.js';

const HEADERS = ['external_interview_id', 'taken_at', 'body'];

/**
 * `undo BACKUP`: puts every interview in a backup back as it was, with the same pacing,
 * retries, journal and report as `import`, and backs up what it overwrites (an undo can be
 * undone). When an interview is in the backup more than once (a resumed run appends), the
 * first, oldest pre-image is the one restored.
 */
export async function undoCommand(options: Readonly<UndoArgs>, io: CommandIo): Promise<CommandResult> {
  const plan = await planFromBackup(options.file);
  return sendPlan(plan, options, io, [`undo: ${plan.interviews.length} interview(s) from ${resolve(options.file)}`]);
}

async function planFromBackup(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ToolError('INPUT_UNREADABLE', `expected a backup file written by import, got ${(error as NodeJS.ErrnoException).code ?? String(error)} for ${file}: check the path`, { file });
  }
  const rows: SourceRow[] = [];
  const outcomes: RowOutcome[] = [];
  const interviews: PlannedInterview[] = [];
  const firstLine = new Map<string, number>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let entry: BackupEntry;
    try {
      entry = JSON.parse(line) as BackupEntry;
    } catch {
      // Only the last line may be torn (the run was killed while writing it).
      if (i >= lines.length - 2) return;
      throw new ToolError('INPUT_BAD_BACKUP', `expected one JSON object per line in the backup ${file}, got a damaged line ${i + 1}: restore the file from a copy`, { file, row: i + 1 });
    }
    if (typeof entry.external_interview_id !== 'string' || !entry.body || typeof entry.body !== 'object') {
      throw new ToolError('INPUT_BAD_BACKUP', `expected a backup entry with external_interview_id and body on line ${i + 1} of ${file}, got something else: is this a backup file?`, { file, row: i + 1 });
    }
    const id = entry.external_interview_id;
    const index = rows.length;
    rows.push({ row: i + 1, cells: [id, entry.taken_at ?? '', JSON.stringify(entry.body)] });
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      outcomes.push({ status: 'skipped', message: `an older pre-image of this interview (line ${earlier}) is restored instead` });
      return;
    }
    firstLine.set(id, i + 1);
    outcomes.push({ status: 'ok', message: 'valid' });
    interviews.push({ id, rows: [index], body: entry.body as InterviewBody });
  });
  if (rows.length === 0) throw new ToolError('INPUT_EMPTY', `expected pre-images in the backup ${file}, got none: nothing was overwritten by that run`, { file });
  const table: InputTable = {
    file,
    format: 'json',
    headerRow: 0,
    headers: HEADERS,
    columns: checkHeaders(HEADERS, mappingLookup(undefined), ['external_interview_id']).resolved!,
    rows,
    warnings: [],
  };
  return { table, outcomes, interviews, zone: 'UTC', usedZone: false };
}
