import type { SendRunOptions } from './send-run-options.js';
import { FILES } from '../report/messages.js';
import { say } from '../messages.js';
import { existsSync, rmSync, statSync, truncateSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ToolError } from '../errors.js';
import type { ApiStats } from '../feishu/interview-api.js';
import { type Journal, type JournalState, openJournal } from '../run/journal.js';
import { journalPathFor } from '../run-paths.js';
import { Backup } from '../run/pre-images.js';
import { backupPathFor } from '../run-paths.js';
import { takeRunLock } from '../run/run-lock.js';
export interface RunFiles {
  readonly journal?: Journal;
  readonly backup?: Backup;
  readonly journalPath: string;
  readonly backupPath: string;
  close(): void;
}

/**
 * The journal (every result, as it arrives), the backup (a line per interview the run writes, before its request) and
 * the lock that keeps a second run off both. A dry run writes nothing but its report.
 */
export async function openRunFiles(
  options: Readonly<SendRunOptions>,
  run: {
    started: number;
    previous?: JournalState;
    origin: string;
    input: string;
    inputHash: string;
    profile?: unknown;
  },
  wrote: () => boolean,
): Promise<RunFiles> {
  const journalPath = journalPathFor(options.report);
  const backupPath = backupPathFor(options.report);
  await mkdir(dirname(resolve(options.report)), { recursive: true });
  if (options.dryRun) return { journalPath, backupPath, close() {} };
  const unlock = takeRunLock(options.report);
  const closers: (() => void)[] = [];
  const close = () => {
    for (const c of closers.splice(0)) c();
    unlock();
  };
  try {
    const journal = openJournal(journalPath);
    closers.push(() => journal.close());
    // A --resume goes on with the run it resumes: one undo puts back what both overwrote.
    const runId = run.previous?.runId ?? new Date(run.started).toISOString();
    journal.write({
      t: 'run',
      at: new Date(run.started).toISOString(),
      input: resolve(run.input),
      report: resolve(options.report),
      command: options.command,
      run_id: runId,
      origin: run.origin,
      app_id: appIdOf(options),
      input_hash: run.inputHash,
      ...(run.profile === undefined ? {} : { profile: run.profile }),
    });
    if (!options.backup) return { journal, journalPath, backupPath, close };
    const sizeBefore = existsSync(backupPath) ? statSync(backupPath).size : undefined;
    const backup = Backup.open(backupPath, runId);
    closers.push(() => backup.close());
    // A run that wrote nothing (no PUT, create or delete) leaves the backup as it found it (so
    // `undo` still finds the last run that did change something), and says nothing of one.
    closers.push(() => {
      if (wrote() || backup.holdsAny) return;
      if (sizeBefore === undefined) rmSync(backupPath, { force: true });
      else truncateSync(backupPath, sizeBefore);
    });
    return { journal, backup, journalPath, backupPath, close };
  } catch (error) {
    close();
    throw error;
  }
}

export const appIdOf = (o: Readonly<SendRunOptions>) =>
  o.credentials?.kind === 'app' ? o.credentials.appId : undefined;

/**
 * A journal says what landed where, from which file: resuming it against another service, app or
 * input would skip what never landed there. Refused, saying which differs (journals written
 * before these were recorded are taken as they are).
 */
export function checkResume(
  previous: JournalState,
  now: { origin: string; appId?: string; inputHash: string },
  report: string,
): void {
  const differs: string[] = [];
  if (previous.origin && previous.origin !== now.origin)
    differs.push(say(FILES.sentTo({ before: previous.origin, now: now.origin })));
  if (previous.appId && now.appId && previous.appId !== now.appId)
    differs.push(say(FILES.usedApp({ before: previous.appId, now: now.appId })));
  if (previous.inputHash && previous.inputHash !== now.inputHash) differs.push(say(FILES.inputChanged));
  if (differs.length === 0) return;
  throw new ToolError('RESUME_MISMATCH', say(FILES.resumeMismatch({ report, differs: differs.join('; ') })), {
    file: report,
  });
}

export const wroteAnything = (s: ApiStats) => s.writes + s.createAttempts + s.deletes > 0;
