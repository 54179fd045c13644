import { basename, dirname, extname, join } from 'node:path';

/**
 * The names of a run's files, all in one place (docs/run-files.md): the report beside its input,
 * and beside the report its journal, backup, lock and the note of what the tool wrote.
 */

/**
 * `<input name>.report.xlsx` beside an .xlsx input (its user works in Excel or WPS), else
 * `<input name>.report.csv`, unless `--report` says otherwise. A report read back as input
 * (`x.report.csv`) would be its own report: it gets `x.rerun.report.csv` instead.
 */
export function defaultReportPath(input: string): string {
  const ext = extname(input).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const name = basename(input, extname(input)).replace(/\.report$/, '');
  const path = join(dirname(input), `${name}.report.${ext}`);
  return path === join(dirname(input), basename(input)) ? join(dirname(input), `${name}.rerun.report.${ext}`) : path;
}

/** A verify's report: `<input name>.verify.xlsx` or `.csv`, beside the import's report, never over it. */
export function verifyReportPath(input: string): string {
  return defaultReportPath(input).replace(/\.report\.(csv|xlsx)$/, '.verify.$1');
}

/** An undo's report: `<backup without .jsonl>.undo.report.csv`; a dry run's `.undo.dry-run.report.csv`, never over it. */
export function undoReportPath(backup: string, dryRun = false): string {
  return `${backup.replace(/\.jsonl$/i, '')}.undo${dryRun ? '.dry-run' : ''}.report.csv`;
}

/** `x.report.csv` → `x.report-2.csv`, `x.report-3.csv`, …: the name beside it. */
export function besideName(report: string, n: number): string {
  const dot = report.lastIndexOf('.');
  const slash = Math.max(report.lastIndexOf('/'), report.lastIndexOf('\\'));
  return dot > slash ? `${report.slice(0, dot)}-${n}${report.slice(dot)}` : `${report}-${n}`;
}

export const JOURNAL_SUFFIX = '.journal.jsonl';
export const BACKUP_SUFFIX = '.backup.jsonl';

/** Beside the report: `<report>.journal.jsonl` (a journal's own path names itself). */
export function journalPathFor(report: string): string {
  return report.endsWith(JOURNAL_SUFFIX) ? report : `${report}${JOURNAL_SUFFIX}`;
}

/** Beside the report: `<report>.backup.jsonl`. */
export function backupPathFor(report: string): string {
  return `${report}${BACKUP_SUFFIX}`;
}

/** Beside the report: `<report>.lock`, holding the pid of the run that writes its journal and backup. */
export function lockPathFor(report: string): string {
  return `${report}.lock`;
}

/** Beside the report: `<report>.written`, what the tool wrote there (its command and hash). */
export function writtenPathFor(report: string): string {
  return `${report}.written`;
}

/** In the page's folder: what the page remembers of its choices there (the time zone), `{"tz": …}`. */
export const PAGE_CHOICES_FILE = '.feishu-interview-import.page.json';

/** A mapping profile kept in the folder of the runs: picked up for any file there without `--profile`. */
export const PROFILE_BESIDE = 'feishu-interview-import.profile.json';

export function besideProfilePath(input: string): string {
  return join(dirname(input), PROFILE_BESIDE);
}
