/**
 * The imports made from the page's folder, as its list of them says them: each by its report's
 * name, with its backup when it wrote one (what an undo reads), else its journal. An import that
 * wrote nothing (everything unchanged, left out or refused, or stopped before its first write)
 * keeps no backup, and is listed all the same: it ran, and its user looks for it there.
 */
import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Untrusted, untrusted } from '../report/private-file.js';
import { BACKUP_SUFFIX, JOURNAL_SUFFIX, journalPathFor } from '../run-paths.js';
import { type RunCounts, runCounts } from './run-counts.js';
import { undoXlsxReportPath } from './run-steps.js';

export interface EarlierRun {
  /** The import's report in the folder: the run's name in the list, and the page's own import's (`ResultView.reportName`). */
  readonly report: string;
  /** The backup's file name in the folder, what the page sends back to undo it: none when the import wrote nothing. */
  readonly backup?: string;
  readonly at: number;
  readonly undone: boolean;
  /** Its kind and what it did, from its journal (none when that is missing). */
  readonly counts?: RunCounts;
}

/** A run file in the folder the page leaves out of its list, and why (in the page's words: see UI.skipped). */
export interface SkippedEntry {
  readonly name: string;
  readonly why: Untrusted | { kind: 'gone' };
}

const REPORT = '.report.xlsx';

/**
 * The imports made from this folder, newest first, each from a run file the page could have
 * written (a regular file of the user's own, no one else can write: see `untrusted`). Any other
 * entry (a dangling name, a symbolic link, another user's file) is left out and added to
 * `skipped`, so one bad entry never hides the user's own runs.
 */
export async function earlierRuns(folder: string, skipped: SkippedEntry[] = []): Promise<EarlierRun[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const all = new Set(names);
  const reports = new Set<string>();
  for (const name of names) {
    if (name.includes('.undo.')) continue;
    for (const suffix of [BACKUP_SUFFIX, JOURNAL_SUFFIX])
      if (name.endsWith(`${REPORT}${suffix}`)) reports.add(name.slice(0, -suffix.length));
  }
  const runs: EarlierRun[] = [];
  for (const report of reports) {
    const run = await runOf(folder, report, all, skipped);
    if (run) runs.push(run);
  }
  return runs.sort((a, b) => b.at - a.at);
}

/** One import: read from its backup where it left one (its time the backup's), else from its journal. */
async function runOf(
  folder: string,
  report: string,
  all: ReadonlySet<string>,
  skipped: SkippedEntry[],
): Promise<EarlierRun | undefined> {
  const backup = `${report}${BACKUP_SUFFIX}`;
  const wrote = all.has(backup);
  const name = wrote ? backup : basename(journalPathFor(report));
  const info = await lstat(join(folder, name)).catch(() => undefined);
  const why = info === undefined ? ({ kind: 'gone' } as const) : untrusted(info);
  if (why) {
    skipped.push({ name, why });
    return undefined;
  }
  const counts = await runCounts(journalPathFor(join(folder, report)));
  const undone = wrote && all.has(basename(undoXlsxReportPath(backup)));
  return { report, ...(wrote ? { backup } : {}), at: info!.mtimeMs, undone, counts };
}
