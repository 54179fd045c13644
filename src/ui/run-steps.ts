import { BACKUP_SUFFIX, journalPathFor } from '../run-paths.js';
/**
 * Each step of the page as one call of the library (src/api.ts), with the run's signal and
 * progress: nothing here reads, checks or sends a row itself.
 */
import { existsSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { type Untrusted, untrusted } from '../report/private-file.js';
import { basename, extname, join } from 'node:path';
import { type ImportFileOptions, type SendOptions, importFile, undoBackup } from '../api.js';
import { offLoop } from './off-loop.js';
import type { MappingProfile } from '../input/profile.js';
import type { StepOutcome } from './step-protocol.js';
import { type ReportRows, readReportRows, reportRows } from './report-rows.js';
import type { ResultView, RunWork } from './run-sessions.js';
import type { Upload, Uploads } from './uploads.js';

/** What the run is, as the page names it: 导入, 更正 (--merge), 迁移 (--create-missing), 替换 (--replace). */
export const MODES = ['import', 'merge', 'migrate', 'replace'] as const;
export type Mode = (typeof MODES)[number];

export function modeOptions(mode: Mode): Pick<ImportFileOptions, 'merge' | 'createMissing' | 'replace'> {
  if (mode === 'merge') return { merge: true };
  if (mode === 'migrate') return { createMissing: true };
  if (mode === 'replace') return { replace: true };
  return {};
}

/** What the server was started with: credentials and pace (never sent to the page), and its folder. */
export interface StepSettings {
  readonly send: Omit<SendOptions, 'signal' | 'onProgress' | 'resume'>;
  /** Where imports write their reports, journals and backups, kept after the server stops. */
  readonly folder: string;
}

/** The settings with the script of the thread that runs checks off the event loop (dist/ui/step-worker.js). */
export interface CheckSettings extends StepSettings {
  readonly checker: string;
}

export interface StepRequest {
  readonly upload: Upload;
  readonly mode: Mode;
  readonly sheet?: string;
  readonly tz?: string;
  readonly lang: 'zh' | 'en';
  /** The mapping settled in the page's mapping step (the CLI's `--profile` format). */
  readonly profile?: MappingProfile;
}

/** What the server keeps of a run beside its view. */
export interface RunDetail {
  readonly request?: StepRequest;
  readonly rows?: ReportRows;
  /** The report to download (.xlsx), once written. */
  xlsx?: string;
  /** An import's report, for a resume. */
  readonly report?: string;
}

const read = (r: StepRequest) => ({
  sheet: r.sheet,
  tz: r.tz,
  lang: r.lang,
  ...(r.profile ? { profile: r.profile } : {}),
});

/** The page's view of a result: the summary's counts, nothing that names a path. */
export function resultView(
  result: Omit<StepOutcome, 'statuses'>,
  extra: { rows: number; report: boolean },
): ResultView {
  const s = result.summary;
  return {
    exitCode: result.exitCode,
    counts: result.counts,
    interviews: result.interviews,
    kinds: s.interviews_by_kind,
    problems: s.problems ?? [],
    warnings: s.warnings ?? [],
    requests: s.requests,
    elapsedS: s.elapsed_s,
    rows: extra.rows,
    report: extra.report,
    undoable: Boolean(s.paths?.backup),
    backup: s.paths?.backup ? basename(s.paths.backup) : undefined,
  };
}

/** The grid's rows: the report the checks' thread read and indexed, else read here. */
const gridRows = (report: string, result: StepOutcome): Promise<ReportRows> | ReportRows => {
  const r = result.report;
  if (!r) return readReportRows(report, result.statuses);
  return reportRows(Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), r.starts, result.statuses);
};

/** Validation: the library's `validateFile` in the checks' thread, its JSON report read back for the grid. */
export async function validateStep(
  r: StepRequest,
  settings: CheckSettings,
  uploads: Uploads,
  run: RunWork<RunDetail>,
): Promise<ResultView> {
  const report = uploads.beside(r.upload, '.check.report.json');
  const options = { ...read(r), merge: r.mode === 'merge', report };
  const result = await offLoop(settings.checker, { kind: 'validate', path: r.upload.path, options }, run);
  const rows = await gridRows(report, result);
  run.keep({ request: r, rows });
  return resultView(result, { rows: rows.count, report: true });
}

/** The report a validation offers for download: the .xlsx the CLI writes, made when first asked for. */
export async function validationXlsx(detail: RunDetail, settings: CheckSettings, uploads: Uploads): Promise<string> {
  if (detail.xlsx) return detail.xlsx;
  const r = detail.request!;
  const report = uploads.beside(r.upload, '.report.xlsx');
  const options = { ...read(r), merge: r.mode === 'merge', report };
  await offLoop(settings.checker, { kind: 'validate', path: r.upload.path, options });
  detail.xlsx = report;
  return report;
}

/** 预览: the dry run against Feishu, which reads each interview and says what would change. */
export async function previewStep(
  r: StepRequest,
  settings: CheckSettings,
  uploads: Uploads,
  run: RunWork<RunDetail>,
): Promise<ResultView> {
  const report = uploads.beside(r.upload, '.preview.report.json');
  const options = { ...settings.send, ...read(r), ...modeOptions(r.mode), dryRun: true, report };
  const result = await offLoop(settings.checker, { kind: 'preview', path: r.upload.path, options }, run);
  const rows = await gridRows(report, result);
  run.keep({ request: r, rows });
  return resultView(result, { rows: rows.count, report: false });
}

/**
 * A name for an import's report in the folder, unique: `<file>.<when>.report.xlsx`, with `-2`, `-3`
 * after the time when an earlier run (a resume started within the second) holds that name.
 */
export function importReportPath(folder: string, name: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const at = (n: number) =>
    join(folder, `${basename(name, extname(name))}.${stamp}${n > 1 ? `-${n}` : ''}.report.xlsx`);
  let n = 1;
  while (existsSync(at(n)) || existsSync(journalPathFor(at(n)))) n++;
  return at(n);
}

/** 开始导入: the import itself, its report, journal and backup in the folder (undo needs them). */
export async function importStep(
  r: StepRequest,
  settings: StepSettings,
  run: RunWork<RunDetail>,
  resume?: string,
): Promise<ResultView> {
  const report = importReportPath(settings.folder, r.upload.name);
  run.keep({ request: r, report, xlsx: report });
  const result = await importFile(r.upload.path, {
    ...settings.send,
    ...read(r),
    ...modeOptions(r.mode),
    report,
    resume,
    signal: run.signal,
    onProgress: run.onProgress,
  });
  return resultView(result, { rows: 0, report: true });
}

/**
 * `<file>.<when>.undo.report.xlsx` beside the import's `<file>.<when>.report.xlsx`: an .xlsx, for
 * the people who open it in Excel (the CLI's default, `undoReportPath` in run-paths.ts, is a .csv).
 */
export const undoXlsxReportPath = (backup: string) =>
  `${backup.slice(0, -`.report.xlsx${BACKUP_SUFFIX}`.length)}.undo.report.xlsx`;

/** 撤销: puts back what one import overwrote, from its backup in the folder. */
export async function undoStep(
  backup: string,
  lang: 'zh' | 'en',
  settings: StepSettings,
  run: RunWork<RunDetail>,
): Promise<ResultView> {
  const report = undoXlsxReportPath(backup);
  run.keep({ report, xlsx: report });
  const result = await undoBackup(backup, {
    ...settings.send,
    lang,
    report,
    signal: run.signal,
    onProgress: run.onProgress,
  });
  return resultView(result, { rows: 0, report: true });
}

export interface EarlierRun {
  /** The backup's file name in the folder: what the page sends back to undo it. */
  readonly backup: string;
  /** The import's report beside it, named as the page shows it. */
  readonly report: string;
  readonly at: number;
  readonly undone: boolean;
}

/** A backup name in the folder the page leaves out of its list, and why (in the page's words: see UI.skipped). */
export interface SkippedEntry {
  readonly name: string;
  readonly why: Untrusted | { kind: 'gone' };
}

/**
 * The imports made from this folder, newest first: every backup an import left there that the
 * page could have written (a regular file of the user's own, no one else can write: see
 * `untrusted`). Any other entry (a dangling name, a symbolic link, another user's file) is left
 * out and added to `skipped`, so one bad entry never hides the user's own runs.
 */
export async function earlierRuns(folder: string, skipped: SkippedEntry[] = []): Promise<EarlierRun[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const all = new Set(names);
  const runs: EarlierRun[] = [];
  for (const name of names) {
    if (!name.endsWith(`.report.xlsx${BACKUP_SUFFIX}`) || name.includes('.undo.')) continue;
    const report = name.slice(0, -BACKUP_SUFFIX.length);
    const info = await lstat(join(folder, name)).catch(() => undefined);
    const why = info === undefined ? ({ kind: 'gone' } as const) : untrusted(info);
    if (why) {
      skipped.push({ name, why });
      continue;
    }
    const at = info!.mtimeMs;
    const undone = all.has(basename(undoXlsxReportPath(name)));
    runs.push({ backup: name, report, at, undone });
  }
  return runs.sort((a, b) => b.at - a.at);
}
