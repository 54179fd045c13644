import { BACKUP_SUFFIX, journalPathFor } from '../run-paths.js';
/**
 * Each step of the page as one call of the library (src/api.ts), with the run's signal and
 * progress: nothing here reads, checks or sends a row itself.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { type Column, FIELD } from '../schema.js';
import { type ImportFileOptions, type SendOptions, importFile, undoBackup } from '../api.js';
import type { InterviewChange } from '../report/run-result.js';
import { offLoop } from './off-loop.js';
import type { StepThreads } from './step-threads.js';
import { pageWords, warningWords } from './page-words.js';
import type { MappingProfile } from '../input/profile.js';
import type { StepOutcome } from './step-protocol.js';
import { type JsonRow, type ReportRows, faultOf, indexOfRow, openReportRows, scanRows } from './report-rows.js';
import type { ResultView, RunWork } from './run-sessions.js';
import type { Upload, Uploads } from './uploads.js';
import type { EditsVersion } from './upload-edits.js';
import type { RecheckRun } from './row-recheck.js';
import { EXAMPLE_SCAN, type ShownProblem, reportRowExample } from './problem-tally.js';

/**
 * What the run is: the page's one correction run (`correct`: change, create, and remove only what
 * is switched on); the others are the CLI's modes, still taken from a caller that names them:
 * 导入, 更正 (--merge), 迁移 (--create-missing), 替换 (--replace).
 */
export const MODES = ['correct', 'import', 'merge', 'migrate', 'replace'] as const;
export type Mode = (typeof MODES)[number];

export function modeOptions(mode: Mode): Pick<ImportFileOptions, 'merge' | 'createMissing' | 'replace' | 'correct'> {
  if (mode === 'correct') return { correct: true };
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

/** The settings with the threads that run checks off the event loop (src/ui/step-threads.ts). */
export interface CheckSettings extends StepSettings {
  readonly checker: StepThreads;
}

export interface StepRequest {
  readonly upload: Upload;
  readonly mode: Mode;
  readonly sheet?: string;
  readonly tz?: string;
  readonly lang: 'zh' | 'en';
  /** An import of a correction run: the interviews (ids) the user switched off in its preview. */
  readonly leaveOut?: readonly string[];
  /** The changes made to the file in the page when the run started (src/ui/upload-edits.ts). */
  readonly edits?: EditsVersion;
  /** The mapping settled in the page's mapping step (the CLI's `--profile` format). */
  readonly profile?: MappingProfile;
}

/** A correction file is read as the merge reads it: blank cells keep what Feishu holds. */
export const readsAsMerge = (mode: Mode) => mode === 'merge' || mode === 'correct';

/** What a run's detail holds open (its rows' report files), let go when the server forgets the run. */
export async function releaseDetail(detail: RunDetail): Promise<void> {
  await Promise.all([detail.rows?.close(), detail.basis?.close()]);
}

/** What the server keeps of a run beside its view. */
export interface RunDetail {
  readonly request?: StepRequest;
  readonly rows?: ReportRows;
  /** The report to download (.xlsx), once written. */
  xlsx?: string;
  /** An import's report, for a resume. */
  readonly report?: string;
  /** A correction run's preview: each interview and its group, what the import's choices index. */
  readonly changes?: readonly InterviewChange[];
  /** An import's preview's rows: its problems are said as the preview said them (a resume's too). */
  readonly basis?: ReportRows;
  /** Columns the file's sheet hides: the grid hides them too. */
  readonly hidden?: readonly string[];
  /** A check's counts by status, as its result gave them. */
  readonly counts?: Readonly<Record<string, number>>;
  /** A check's rows by their problem's code, every code (src/ui/step-protocol.ts). */
  readonly codes?: Readonly<Record<string, number>>;
  /** A check's commonest problems as its result said them, each with the row its example is of. */
  readonly problems?: readonly ShownProblem[];
  /** A check's rows checked again after an edit (src/ui/row-recheck.ts), made at the first edit. */
  recheck?: RecheckRun;
}

/** A person watches the page's runs: an outage pauses them, named on the page, rather than failing each row. */
const WATCHED = { waitWhileUnreachable: true } as const;

const read = (r: StepRequest) => ({
  sheet: r.sheet,
  tz: r.tz,
  lang: r.lang,
  ...(r.edits ? { edits: r.edits.path } : {}),
  ...(r.profile ? { profile: r.profile } : {}),
});

/** The page's view of a result: the summary's counts, nothing that names a path. */
export async function resultView(
  result: Omit<StepOutcome, 'statuses'>,
  extra: { rows: number; report: boolean; lang: 'zh' | 'en'; grid?: ReportRows; problems?: readonly ShownProblem[] },
): Promise<ResultView> {
  const s = result.summary;
  const problems = extra.problems ?? (await problemsInPageWords(s.problems ?? [], extra));
  return {
    exitCode: result.exitCode,
    counts: result.counts,
    interviews: result.interviews,
    kinds: s.interviews_by_kind,
    problems: problems.map(({ code, count, example }) => ({ code, count, example })),
    // Said from each warning's code and facts: its message names the CLI's flags.
    warnings: (s.coded_warnings ?? []).map((w) => ({ code: w.code, words: warningWords(w)[extra.lang] })),
    requests: s.requests,
    elapsedS: s.elapsed_s,
    rows: extra.rows,
    report: extra.report,
    undoable: Boolean(s.paths?.backup),
    backup: s.paths?.backup ? basename(s.paths.backup) : undefined,
    changes: s.changes && (await changesInPageWords(s.changes, extra)),
    zone: s.zone,
    undo: s.undo,
  };
}

/**
 * The result's problems, each example said of its first row in the grid's rows (`at`, its index)
 * in the page's words (src/ui/page-words.ts), with the row, column and cell, where the page has
 * words for its code; else that row's message.
 */
async function problemsInPageWords(
  problems: readonly { code: string; count: number; example: string }[],
  extra: { lang: 'zh' | 'en'; grid?: ReportRows },
): Promise<ShownProblem[]> {
  const { grid, lang } = extra;
  const found = new Map<string, { example: string; at: number }>();
  const scan = grid?.problems.slice(0, EXAMPLE_SCAN) ?? [];
  const codes = new Set(problems.map((p) => p.code)).size;
  // Each code's first example, looked for in one pass over the problem rows, ended when all are found.
  if (grid && problems.length > 0)
    await scanRows(grid, scan, (r, k) => {
      for (const p of problems) {
        if (found.has(p.code)) continue;
        const example = reportRowExample(p.code, r, lang);
        if (example !== undefined) found.set(p.code, { example, at: scan[k]! });
      }
      return found.size === codes;
    });
  return problems.map((p) => {
    const shown = found.get(p.code);
    return shown ? { ...p, ...shown } : { ...p, example: pageWords(p.code)?.[lang] ?? p.example };
  });
}

const LANDED = { zh: '已写入飞书', en: 'landed' } as const;

/** Problems said in the page's words: at most this many (the page lists fewer; a huge file's rest keep the library's). */
const CHANGES_SAID = 1000;

/**
 * A correction's interviews with the problem of each said in the page's words, as the grid says
 * it: from its first row with a code, column and cell in the grid that the page has words for.
 */
async function changesInPageWords(
  changes: readonly InterviewChange[],
  extra: { lang: 'zh' | 'en'; grid?: ReportRows },
): Promise<readonly InterviewChange[]> {
  const { grid, lang } = extra;
  const said = changes.filter((c) => !c.landed && c.group === 'problem').slice(0, CHANGES_SAID);
  const details = grid ? await problemDetails(said, grid, lang) : new Map<InterviewChange, string>();
  const saying = new Set(said);
  return changes.map((c) => {
    // The page names no file of the folder: a landed change is said without its backup's name.
    if (c.landed) return { ...c, detail: LANDED[lang] };
    if (!saying.has(c)) return c;
    const detail = details.get(c);
    if (detail !== undefined) return { ...c, detail };
    // No grid (an import's result): the column as the template names it in the page's language.
    const field = c.column === undefined ? undefined : FIELD[c.column as Column];
    const column = field ? (lang === 'zh' ? field.zh : field.column) : undefined;
    const words = pageWords(c.code, { row: c.rows[0], column, key: c.external_id });
    return words ? { ...c, detail: words[lang] } : c;
  });
}

/**
 * Each change's problem in the page's words, from its first row in the grid that has a code the
 * page has words for. Only rows that need the user carry a code: the first of each change's are
 * read together; a change whose first says nothing the page has words for looks on through its others.
 */
async function problemDetails(
  changes: readonly InterviewChange[],
  grid: ReportRows,
  lang: 'zh' | 'en',
): Promise<Map<InterviewChange, string>> {
  const needing = new Set(grid.problems);
  const said = (c: InterviewChange, r: JsonRow) => {
    if (!r.error_code) return undefined;
    return pageWords(r.error_code, { ...faultOf(r), key: c.external_id })?.[lang];
  };
  const candidates = changes.map((c) => c.rows.map((n) => indexOfRow(grid, n)).filter((i) => needing.has(i)));
  const firsts = [...new Set(candidates.flatMap((c) => c.slice(0, 1)))].sort((a, b) => a - b);
  const read = await grid.read(firsts);
  const first = new Map(firsts.map((i, k) => [i, read[k]!]));
  const details = new Map<InterviewChange, string>();
  for (const [k, c] of changes.entries()) {
    const [head, ...rest] = candidates[k]!;
    let detail = head === undefined ? undefined : said(c, first.get(head)!);
    if (detail === undefined && rest.length > 0)
      await scanRows(grid, rest, (r) => {
        detail = said(c, r);
        return detail !== undefined;
      });
    if (detail !== undefined) details.set(c, detail);
  }
  return details;
}

/** The grid's rows: the report's file, read by the rows' places the checks' thread noted as it wrote it. */
const gridRows = (report: string, result: StepOutcome): Promise<ReportRows> =>
  openReportRows(report, result.statuses, result.report?.numbers ?? [], result.report?.starts);

/** Validation: the library's `validateFile` in the checks' thread, its JSON report read back for the grid. */
export async function validateStep(
  r: StepRequest,
  settings: CheckSettings,
  uploads: Uploads,
  run: RunWork<RunDetail>,
): Promise<ResultView> {
  const report = uploads.beside(r.upload, '.check.report.json');
  const options = { ...read(r), merge: readsAsMerge(r.mode), report };
  const result = await offLoop(settings.checker, { kind: 'validate', path: r.upload.path, options }, run);
  const rows = await gridRows(report, result);
  // Kept at once, so the report's file is closed with the run whatever follows.
  const detail: RunDetail = { request: r, rows, counts: result.counts, codes: result.codes };
  run.keep(detail);
  const problems = await problemsInPageWords(result.summary.problems ?? [], { lang: r.lang, grid: rows });
  run.keep({ ...detail, problems, hidden: result.summary.input?.hidden_columns });
  return resultView(result, { rows: rows.count, report: true, lang: r.lang, grid: rows, problems });
}

/** The report a validation offers for download: the .xlsx the CLI writes, made when first asked for. */
export async function validationXlsx(detail: RunDetail, settings: CheckSettings, uploads: Uploads): Promise<string> {
  if (detail.xlsx) return detail.xlsx;
  const r = detail.request!;
  const report = uploads.beside(r.upload, '.report.xlsx');
  const options = { ...read(r), merge: readsAsMerge(r.mode), report };
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
  const options = { ...settings.send, ...read(r), ...modeOptions(r.mode), dryRun: true, report, ...WATCHED };
  const result = await offLoop(settings.checker, { kind: 'preview', path: r.upload.path, options }, run);
  const rows = await gridRows(report, result);
  run.keep({ request: r, rows, changes: result.summary.changes, hidden: result.summary.input?.hidden_columns });
  return resultView(result, { rows: rows.count, report: false, lang: r.lang, grid: rows });
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
  from: { resume?: string; basis?: ReportRows } = {},
): Promise<ResultView> {
  const { resume, basis } = from;
  const report = importReportPath(settings.folder, r.upload.name);
  // The preview's rows, held as long as this run is: the preview's run may be let go first.
  run.keep({ request: r, report, xlsx: report, basis: basis?.share() });
  const result = await importFile(r.upload.path, {
    ...settings.send,
    ...read(r),
    ...modeOptions(r.mode),
    ...(r.mode === 'correct' && r.leaveOut?.length ? { leaveOut: r.leaveOut } : {}),
    report,
    resume,
    signal: run.signal,
    onProgress: run.onProgress,
    ...WATCHED,
  });
  // A problem row's words name its cell, as the check and the preview did, from the preview's rows.
  return {
    ...(await resultView(result, { rows: 0, report: true, lang: r.lang, grid: basis })),
    reportName: basename(report),
  };
}

/**
 * `<file>.<when>.undo.report.xlsx` beside the import's `<file>.<when>.report.xlsx`: an .xlsx, for
 * the people who open it in Excel (the CLI's default, `undoReportPath` in run-paths.ts, is a .csv).
 */
export const undoXlsxReportPath = (backup: string) =>
  `${backup.slice(0, -`.report.xlsx${BACKUP_SUFFIX}`.length)}.undo.report.xlsx`;

/**
 * 撤销: puts back what one import overwrote, from its backup in the folder; `dryRun`, what it
 * would restore, delete and leave alone, writing nothing (no report either: the folder's undo
 * report is what marks an import undone).
 */
export async function undoStep(
  backup: string,
  lang: 'zh' | 'en',
  settings: StepSettings,
  run: RunWork<RunDetail>,
  dryRun = false,
): Promise<ResultView> {
  const report = undoXlsxReportPath(backup);
  if (!dryRun) run.keep({ report, xlsx: report });
  const result = await undoBackup(backup, {
    ...settings.send,
    lang,
    report: dryRun ? false : report,
    dryRun,
    signal: run.signal,
    onProgress: run.onProgress,
    ...WATCHED,
  });
  return resultView(result, { rows: 0, report: !dryRun, lang });
}
