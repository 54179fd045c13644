import { ToolError } from '../errors.js';
import { say } from '../messages.js';
import { FILES } from '../report/messages.js';
import type { BackupEntry } from './pre-images.js';
import { readOwnFile, untrustedFile } from '../report/private-file.js';

/** One line of a backup, with its index in the file (docs/run-files.md, "The backup"). */
export interface BackupLine {
  readonly entry: BackupEntry;
  readonly line: number;
}

/** Lines written before runs were marked belong to this one run. */
export const UNMARKED = 'unmarked';

/** Every line of a backup file; only the last line may be torn (the run was killed while writing it). */
export async function readBackup(file: string): Promise<BackupLine[]> {
  let text: string;
  try {
    // `undo` puts back, and deletes, what this file names: it must be the user's own.
    text = readOwnFile(file, (why) => untrustedFile(FILES.backupWord, file, why));
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(
      'INPUT_UNREADABLE',
      say(FILES.backupUnreadable({ code: (error as NodeJS.ErrnoException).code ?? String(error), file })),
      { file },
    );
  }
  const lines = text.split('\n');
  const entries: BackupLine[] = [];
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

/** The run's lines, by interview, in order of first appearance. */
export function byInterview(entries: readonly BackupLine[], run: string): Map<string, BackupLine[]> {
  const out = new Map<string, BackupLine[]>();
  for (const l of entries) {
    if ((l.entry.run ?? UNMARKED) !== run) continue;
    const id = l.entry.external_interview_id;
    out.set(id, [...(out.get(id) ?? []), l]);
  }
  return out;
}
