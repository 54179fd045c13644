/**
 * The page's calls for fixing a file in place (issue 31 item 4), past the doors like every call:
 *   GET  /api/uploads/<id>/edits?run=<r>    the changes made to the file so far (with check r's
 *                                           counts as edited, for a reopened tab)
 *   POST /api/uploads/<id>/edits            one more (a cell, a value replaced in a column, a
 *                                           column filled down), or the last taken back; a cell's
 *                                           rows are checked again at once
 *   GET  /api/runs/<id>/edited              the file as edited, as an .xlsx (read as check <id> read it)
 *   GET  /api/runs/<id>/problems?row=<n>    every problem of one row of a check, each with its column
 *   GET  /api/runs/<id>/next-problem?after=<i>  the next row with a problem of its own after row index i
 *                                           (from the top again past the last), as checked since
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProblemFacts } from '../errors.js';
import { type CellEdit, parseEdits } from '../input/edits.js';
import { basename, extname } from 'node:path';
import { HttpRefusal, readJson, sendFile, sendJson } from './http-io.js';
import { offLoop } from './off-loop.js';
import type { StepThreads } from './step-threads.js';
import { UI } from './messages.js';
import { rowInPageWords } from './page-words.js';
import { ProblemTally } from './problem-tally.js';
import type { RecheckThread } from './recheck-thread.js';
import { type RecheckRun, checkAround, recheckEdit } from './row-recheck.js';
import { type GridRow, indexOfRow } from './report-rows.js';
import { type RunDetail, readsAsMerge } from './run-steps.js';
import type { RunSessions } from './run-sessions.js';
import { MAX_EDITS, type UploadEdits } from './upload-edits.js';
import { needsUser } from '../row-statuses.js';
import type { Uploads } from './uploads.js';

/** What these calls need of the server (src/ui/routes.ts RouteContext). */
export interface EditContext {
  readonly sessions: RunSessions<RunDetail>;
  readonly uploads: Uploads;
  readonly edits: UploadEdits;
  readonly redact: (text: string) => string;
  readonly lock: { held: boolean };
  /** The checks' thread's script: the edited file is written there. */
  readonly settings: { readonly checker: StepThreads };
  /** Where an edited cell's rows are checked again, off the event loop. */
  readonly rechecks: RecheckThread;
}

const bad = (what: string) => new HttpRefusal(400, 'UI_BAD_REQUEST', UI.badRequest({ what }));
const notFound = () => new HttpRefusal(404, 'UI_NOT_FOUND', UI.notFound);

/** Handles the call when it is one of these; false when it is not. */
export async function editRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: EditContext,
): Promise<boolean> {
  const edits = /^\/api\/uploads\/([\w-]+)\/edits$/.exec(url.pathname);
  if (edits && req.method === 'GET') {
    await sendEdits(res, edits[1]!, url.searchParams.get('run'), ctx);
    return true;
  }
  if (edits && req.method === 'POST') {
    await changeEdits(req, res, edits[1]!, ctx);
    return true;
  }
  const edited = /^\/api\/runs\/([\w-]+)\/edited$/.exec(url.pathname);
  if (edited && req.method === 'GET') {
    await sendEdited(res, edited[1]!, ctx);
    return true;
  }
  const problems = /^\/api\/runs\/([\w-]+)\/(problems|next-problem)$/.exec(url.pathname);
  if (problems && req.method === 'GET' && problems[2] === 'problems') {
    await sendProblems(res, problems[1]!, Number(url.searchParams.get('row')), ctx);
    return true;
  }
  if (problems && req.method === 'GET') {
    sendNextProblem(res, problems[1]!, Number(url.searchParams.get('after')), ctx);
    return true;
  }
  return false;
}

/**
 * The changes made to the file so far; with `run`, a check of that file, as a reopened tab shows
 * it: its counts with the rows re-checked since (when any were), and whether edits were made that
 * it has not read (the whole file is then to be checked again).
 */
async function sendEdits(res: ServerResponse, id: string, runId: string | null, ctx: EditContext): Promise<void> {
  const upload = ctx.uploads.get(id);
  if (!upload) throw new HttpRefusal(404, 'UI_UPLOAD_GONE', UI.uploadGone);
  const list = ctx.edits.list(upload);
  const detail = runId === null ? undefined : ctx.sessions.detail(runId);
  if (!detail?.request || detail.request.upload.id !== upload.id) {
    sendJson(res, 200, { edits: list }, ctx.redact);
    return;
  }
  const since = ctx.edits.since(upload, detail.request.edits);
  const recheck = detail.recheck;
  const counts =
    recheck && recheck.overlay.size > 0
      ? { counts: recheck.counts, ...(recheck.problems ? { problems: await recheck.problems.list() } : {}) }
      : {};
  sendJson(res, 200, { edits: list, ...counts, stale: since === undefined || since.length > 0 }, ctx.redact);
}

/** The check a change is made in, and what its re-check needs (made at its first change). */
function recheckOf(detail: RunDetail): RecheckRun | undefined {
  const { request, rows, counts } = detail;
  if (!request || !rows || !counts) return undefined;
  if (detail.recheck) return detail.recheck;
  const overlay = new Map<number, GridRow>();
  const shown = detail.problems ?? [];
  const codes = detail.codes ?? Object.fromEntries(shown.map((p) => [p.code, p.count]));
  detail.recheck = {
    rows,
    path: request.upload.path,
    // Read as its check read the file: a correction's blanks keep what Feishu holds, the mapping names the columns.
    options: {
      tz: request.tz,
      lang: request.lang,
      merge: readsAsMerge(request.mode),
      ...(request.profile ? { profile: request.profile } : {}),
    },
    overlay,
    counts: { ...counts },
    problems: new ProblemTally(rows, overlay, request.lang, codes, shown),
  };
  return detail.recheck;
}

/**
 * One change to the file, made in the grid of check `run`: refused while a preview, an import or
 * an undo reads the file (a check may run: the page checks again after). A cell's rows are
 * checked again at once; the grid's rows it shows otherwise now, the counts and the commonest
 * problems come back with the list.
 */
async function changeEdits(req: IncomingMessage, res: ServerResponse, id: string, ctx: EditContext): Promise<void> {
  const body = await readJson(req);
  const upload = ctx.uploads.get(id);
  if (!upload) throw new HttpRefusal(404, 'UI_UPLOAD_GONE', UI.uploadGone);
  const running = ctx.sessions.view();
  if (ctx.lock.held || (running?.state === 'running' && running.action !== 'validate'))
    throw new HttpRefusal(409, 'UI_RUN_BUSY', UI.busy);
  const detail = ctx.sessions.detail(String(body.run ?? ''));
  const run = detail && detail.request?.upload.id === upload.id ? recheckOf(detail) : undefined;
  if (!run) throw bad('run');
  if (body.undo === true) {
    sendJson(res, 200, { edits: await ctx.edits.change(upload, { undo: true }) }, ctx.redact);
    return;
  }
  const edit = checkedEdit(body.edit, run);
  if (ctx.edits.list(upload).length >= MAX_EDITS) throw bad('edit');
  const list = await ctx.edits.change(upload, { edit });
  const since = ctx.edits.since(upload, detail!.request!.edits);
  const zone = run.rows.times.begin === undefined && run.rows.times.end === undefined ? undefined : run.options.tz;
  const checked =
    edit.kind === 'cell' && since ? await recheckEdit(run, edit.row, since, zone, ctx.rechecks) : undefined;
  const lang = detail!.request!.lang;
  const rows = checked
    ? Object.fromEntries(Object.entries(checked.rows).map(([at, r]) => [at, rowInPageWords(r, run.rows.columns, lang)]))
    : undefined;
  sendJson(res, 200, { edits: list, ...checked, ...(rows ? { rows } : {}) }, ctx.redact);
}

/** The change the page sent, refused unless it names a column and (for a cell) a row of the check's grid. */
function checkedEdit(raw: unknown, run: RecheckRun): CellEdit {
  let edit: CellEdit;
  try {
    [edit] = parseEdits({ edits: [raw] }, 'edit') as [CellEdit];
  } catch {
    throw bad('edit');
  }
  if (!run.rows.columns.includes(edit.column)) throw bad('column');
  if (edit.kind === 'cell' && indexOfRow(run.rows, edit.row) < 0) throw bad('row');
  if (edit.kind === 'replace' && edit.from.trim() === '') throw bad('from');
  return edit;
}

/** Every problem of one row, as the file reads with the edits made since its check. */
async function sendProblems(res: ServerResponse, id: string, row: number, ctx: EditContext): Promise<void> {
  const detail = ctx.sessions.detail(id);
  const run = detail && recheckOf(detail);
  if (!run) throw notFound();
  const index = Number.isSafeInteger(row) ? indexOfRow(run.rows, row) : -1;
  if (index < 0) throw bad('row');
  const upload = ctx.uploads.get(detail!.request!.upload.id);
  const since = upload ? ctx.edits.since(upload, detail!.request!.edits) : [];
  const { from, checked } = await checkAround(run, index, since ?? [], ctx.rechecks);
  const c = checked[index - from]!;
  const lang = detail!.request!.lang;
  const { columns } = run.rows;
  // In the page's words, as the grid's rows are (src/ui/page-words.ts); the code stays for support.
  const said = (
    code: string | undefined,
    fault: number | undefined,
    message: string | undefined,
    facts?: ProblemFacts,
  ) => rowInPageWords({ row: c.row, code, fault, message, cells: c.cells, facts }, columns, lang);
  const problems = c.problems.map((p) => {
    const fault = p.column === undefined ? undefined : columns.indexOf(p.column);
    const message = said(p.code, fault, p.message, p.facts).message ?? p.message;
    return { message, code: p.code, column: p.column, fault };
  });
  const message = said(c.problems[0]?.code, problems[0]?.fault, c.message, c.facts).message;
  sendJson(res, 200, { row: c.row, status: c.status, message, problems }, ctx.redact);
}

/**
 * The next row after index `after` with a problem of its own, wrapping to the first: the check's
 * problem rows, less those an edit has fixed since, with those an edit has spoilt. A blocked row
 * (fine itself, held back by another row of its interview) is gone to only when no other is left.
 */
function sendNextProblem(res: ServerResponse, id: string, after: number, ctx: EditContext): void {
  const detail = ctx.sessions.detail(id);
  if (!detail?.rows) throw notFound();
  const rows = detail.rows;
  const overlay = detail.recheck?.overlay ?? new Map<number, GridRow>();
  const statusOf = (i: number) => overlay.get(i)?.status ?? rows.statusOf(i);
  const start = Number.isSafeInteger(after) ? after : -1;
  const next = (wanted: (status: string) => boolean) => {
    // The check's problem rows are in order: the first past `at` still wanted, else an overlay's.
    const first = (at: number) => {
      let lo = 0;
      let hi = rows.problems.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows.problems[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      const found = rows.problems.slice(lo).find((i) => wanted(statusOf(i)));
      const spoilt = [...overlay].filter(([i, r]) => i > at && wanted(r.status)).map(([i]) => i);
      const all = [found, ...spoilt].filter((i): i is number => i !== undefined);
      return all.length > 0 ? Math.min(...all) : undefined;
    };
    return first(start) ?? first(-1);
  };
  const index = next((s) => needsUser(s) && s !== 'blocked') ?? next(needsUser);
  sendJson(res, 200, { index: index ?? null, row: index === undefined ? null : rows.numberOf(index) }, ctx.redact);
}

/**
 * The file as edited, written as an .xlsx in the checks' thread beside the upload and sent under
 * the user's name for it (`三月面试-修改后.xlsx`). One at a time, and not while a run goes.
 */
async function sendEdited(res: ServerResponse, id: string, ctx: EditContext): Promise<void> {
  const request = ctx.sessions.detail(id)?.request;
  const upload = request && ctx.uploads.get(request.upload.id);
  if (!request || !upload) throw new HttpRefusal(404, 'UI_UPLOAD_GONE', UI.uploadGone);
  if (ctx.lock.held || ctx.sessions.view()?.state === 'running') throw new HttpRefusal(409, 'UI_RUN_BUSY', UI.busy);
  ctx.lock.held = true;
  try {
    const out = ctx.uploads.beside(upload, '.edited.xlsx');
    const edits = ctx.edits.current(upload)?.path;
    const options = {
      sheet: request.sheet,
      lang: request.lang,
      merge: request.mode === 'merge',
      out,
      ...(edits ? { edits } : {}),
    };
    await offLoop(ctx.settings.checker, { kind: 'edited', path: upload.path, options });
    const name = `${basename(upload.name, extname(upload.name))}${request.lang === 'zh' ? '-修改后' : '-edited'}.xlsx`;
    await sendFile(res, out, name);
  } finally {
    ctx.lock.held = false;
  }
}
