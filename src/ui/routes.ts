/**
 * The page's calls, past the doors: upload a file, its mapping (draft, saved profile), start a run
 * (validate, preview, import, undo), stop it, follow it (Server-Sent Events), read its rows, download its report.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { ToolError, isToolError } from '../errors.js';
import type { MappingProfile } from '../input/profile.js';
import { securityHeaders } from './doors.js';
import { HttpRefusal, readJson, sendFile, sendJson } from './http-io.js';
import type { Pair } from '../messages.js';
import { UI } from './messages.js';
import { pageWords, rowInPageWords } from './page-words.js';
import { rowWindow } from './report-rows.js';
import { saveProfile, sendDraft } from './mapping-routes.js';
import {
  MODES,
  type Mode,
  type RunDetail,
  type StepRequest,
  type CheckSettings,
  importStep,
  previewStep,
  undoStep,
  validateStep,
  validationXlsx,
} from './run-steps.js';
import { type SkippedEntry, earlierRuns } from './earlier-runs.js';
import type { RunAction, RunSessions, RunView } from './run-sessions.js';
import { MAX_UPLOAD_BYTES, type Upload, UploadRefused, type Uploads } from './uploads.js';
import { rememberZone, tenantOf, zoneChoice } from './zone-choice.js';
import type { UploadEdits } from './upload-edits.js';
import { editRoute } from './edit-routes.js';
import type { RecheckThread } from './recheck-thread.js';

export interface RouteContext {
  readonly sessions: RunSessions<RunDetail>;
  readonly uploads: Uploads;
  readonly settings: CheckSettings;
  /** The page's built files (dist/ui). */
  readonly assets: string;
  readonly redact: (text: string) => string;
  /** Open event streams, closed when the server stops. */
  readonly streams: Set<ServerResponse>;
  /** Held while a route reads or writes a file outside a run (an upload, a report made on demand). */
  readonly lock: { held: boolean };
  /** A new one-time link for a second browser (src/ui/doors.ts, `invite`). */
  readonly invite: () => { readonly url: string; readonly expiresAt: number };
  /** The changes made to each upload's cells in the page. */
  readonly edits: UploadEdits;
  /** Where an edited cell's rows are checked again (src/ui/recheck-thread.ts). */
  readonly rechecks: RecheckThread;
}

const notFound = () => new HttpRefusal(404, 'UI_NOT_FOUND', UI.notFound);
const bad = (what: string) => new HttpRefusal(400, 'UI_BAD_REQUEST', UI.badRequest({ what }));

const busy = () => new HttpRefusal(409, 'UI_RUN_BUSY', UI.busy);

/**
 * The one-run rule for the routes that read or write a file outside a run: refused while a run
 * or another such route is going, and holding off any run until done.
 */
async function alone<T>(ctx: RouteContext, work: () => Promise<T>): Promise<T> {
  if (ctx.lock.held || ctx.sessions.view()?.state === 'running') throw busy();
  ctx.lock.held = true;
  try {
    return await work();
  } finally {
    ctx.lock.held = false;
  }
}

const ASSETS: Readonly<Record<string, string>> = { '/': 'index.html', '/app.js': 'app.js', '/app.css': 'app.css' };

export async function route(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const asset = ASSETS[path];
  if (req.method === 'GET' && asset) return sendFile(res, join(ctx.assets, asset));
  if (req.method === 'GET' && path === '/api/state') return sendState(res, ctx);
  if (req.method === 'GET' && path === '/api/events') return openEvents(req, res, ctx);
  if (req.method === 'POST' && path === '/api/upload') return alone(ctx, () => upload(req, res, url, ctx));
  if (req.method === 'POST' && path === '/api/runs') return startRun(req, res, ctx);
  if (req.method === 'POST' && path === '/api/mapping') return alone(ctx, () => sendDraft(req, res, ctx));
  if (req.method === 'POST' && path === '/api/profile') return alone(ctx, () => saveProfile(req, res, ctx));
  if (req.method === 'POST' && path === '/api/stop') {
    sendJson(res, ctx.sessions.stop() ? 200 : 409, { stopping: true }, ctx.redact);
    return;
  }
  if (req.method === 'POST' && path === '/api/invite') {
    sendJson(res, 200, ctx.invite(), ctx.redact);
    return;
  }
  if (await editRoute(req, res, url, ctx)) return;
  const rows = /^\/api\/runs\/([\w-]+)\/(rows|report)$/.exec(path);
  if (req.method === 'GET' && rows) {
    const detail = ctx.sessions.detail(rows[1]!);
    if (!detail) throw notFound();
    if (rows[2] === 'rows') return sendRows(res, url, detail, ctx);
    return alone(ctx, () => sendReport(res, detail, ctx));
  }
  throw notFound();
}

async function sendState(res: ServerResponse, ctx: RouteContext): Promise<void> {
  const checked = checkedFile(ctx);
  const skipped: SkippedEntry[] = [];
  const earlier = await earlierRuns(ctx.settings.folder, skipped);
  // Each entry left out of the list, with a note in the page's words (`name: why`).
  const notes = skipped.map((s) => ({ name: s.name, note: UI.skippedRun({ name: s.name, why: s.why }) }));
  sendJson(
    res,
    200,
    {
      run: ctx.sessions.view() ?? null,
      runs: ctx.sessions.views(),
      earlier,
      skipped: notes,
      maxUpload: MAX_UPLOAD_BYTES,
      zone: await zoneChoice(ctx.settings.folder, tenantOf(ctx.settings.send)),
      ...(checked ? { checked } : {}),
    },
    ctx.redact,
  );
}

/** A file as a check read it: what a tab chose to start that check. */
export interface CheckedFile {
  readonly upload: {
    readonly id: string;
    readonly name: string;
    readonly size: number;
    readonly sheets: readonly string[];
  };
  readonly sheet?: string;
  readonly tz?: string;
  readonly profile?: MappingProfile;
}

/**
 * The file the flow's check read and how (sheet, zone, mapping), while the file is kept: a
 * reopened tab takes it up as its own, so it shows the edits made to it, its preview, and can go
 * on to import.
 */
function checkedFile(ctx: RouteContext): CheckedFile | undefined {
  const check = ctx.sessions.views().validate;
  const request = check && ctx.sessions.detail(check.id)?.request;
  const upload = request && ctx.uploads.get(request.upload.id);
  if (!request || !upload) return undefined;
  return {
    upload: { id: upload.id, name: upload.name, size: upload.size, sheets: upload.sheets },
    sheet: request.sheet,
    tz: request.tz,
    profile: request.profile,
  };
}

/** The run as it stands, then every change: a reopened tab picks the run up where it is. */
function openEvents(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): void {
  res.writeHead(200, {
    ...securityHeaders(),
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  const send = (view: RunView | null) => res.write(`data: ${ctx.redact(JSON.stringify(view))}\n\n`);
  send(ctx.sessions.view() ?? null);
  const unsubscribe = ctx.sessions.subscribe(send);
  ctx.streams.add(res);
  req.on('close', () => {
    unsubscribe();
    ctx.streams.delete(res);
  });
}

async function upload(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RouteContext): Promise<void> {
  // A file on its way in is looked at, then checked: the thread for that loads meanwhile.
  ctx.settings.checker.warm();
  const name = url.searchParams.get('name') ?? '';
  const declared = Number(req.headers['content-length']);
  try {
    const saved = await ctx.uploads.save(name, req, Number.isFinite(declared) ? declared : undefined);
    sendJson(res, 200, { id: saved.id, name: saved.name, size: saved.size, sheets: saved.sheets }, ctx.redact);
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error;
    // The rest of a refused body is not read: the connection closes after the answer.
    res.setHeader('connection', 'close');
    if (error.kind === 'extension')
      throw new HttpRefusal(415, 'UI_UPLOAD_TYPE', UI.uploadExtension({ name: name.slice(0, 200) }));
    if (error.kind === 'total')
      throw new HttpRefusal(413, 'UI_UPLOADS_FULL', UI.uploadTotal({ max: gib(ctx.uploads.limits.maxTotal) }));
    throw new HttpRefusal(413, 'UI_UPLOAD_TOO_LARGE', UI.uploadSize({ max: gib(MAX_UPLOAD_BYTES) }));
  }
}

const gib = (bytes: number) => `${bytes / 1024 ** 3} GiB`;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The file, mode and reading options a run names, checked before anything runs. */
function stepRequest(body: Record<string, unknown>, ctx: RouteContext): StepRequest {
  const upload = ctx.uploads.get(String(body.upload ?? ''));
  if (!upload) throw new HttpRefusal(404, 'UI_UPLOAD_GONE', UI.uploadGone);
  const mode = String(body.mode ?? 'import') as Mode;
  if (!MODES.includes(mode)) throw bad('mode');
  const lang = body.lang === 'en' ? 'en' : 'zh';
  // The mapping the user settled in the page: the library checks it as it checks `--profile`.
  const profile =
    typeof body.profile === 'object' && body.profile !== null ? (body.profile as MappingProfile) : undefined;
  return {
    upload,
    mode,
    sheet: text(body.sheet),
    tz: text(body.tz),
    lang,
    edits: ctx.edits.current(upload),
    ...(profile ? { profile } : {}),
  };
}

/**
 * The interviews a correction's import leaves out: positions in its preview's list (the page
 * sends numbers, not ids, so a long list fits a request), turned back into the preview's ids.
 */
function choicesOf(body: Record<string, unknown>, preview: RunDetail | undefined): string[] | undefined {
  const picked = body.leaveOut;
  if (picked === undefined) return undefined;
  const changes = preview?.changes;
  if (!changes || !Array.isArray(picked)) throw bad('leaveOut');
  return picked.map((i) => {
    const change = Number.isInteger(i) ? changes[i as number] : undefined;
    if (!change) throw bad('leaveOut');
    return change.id;
  });
}

/** The hold on the last import's file, released when the next import starts. */
const lastImport = new WeakMap<RouteContext, () => void>();

async function startRun(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const body = await readJson(req);
  const action = String(body.action) as RunAction;
  const { sessions, uploads, settings } = ctx;
  if (ctx.lock.held) throw busy();
  let view: RunView | undefined;
  if (action === 'undo' || action === 'undoPreview') {
    const name = String(body.backup ?? '');
    const known = (await earlierRuns(settings.folder)).some((r) => r.backup === name);
    if (!known || basename(name) !== name) throw bad('backup');
    const lang = body.lang === 'en' ? 'en' : 'zh';
    view = sessions.start({ action, file: name, mode: '' }, (run) =>
      undoStep(join(settings.folder, name), lang, settings, run, action === 'undoPreview'),
    );
  } else if (action === 'validate' || action === 'preview' || action === 'import') {
    // 继续导入 takes the stopped import's own file and settings: a reopened tab has chosen none.
    const resumed = action === 'import' && body.resume ? sessions.detail(String(body.resume)) : undefined;
    if (action === 'import' && body.resume && !resumed?.report) throw notFound();
    const asked = resumed?.request ?? stepRequest(body, ctx);
    if (!uploads.get(asked.upload.id)) throw new HttpRefusal(404, 'UI_UPLOAD_GONE', UI.uploadGone);
    // A resume leaves out what the run it goes on with left out; an import, what its preview's switches did.
    const preview = sessions.detail(String(body.preview ?? ''));
    const leaveOut = resumed ? resumed.request?.leaveOut : choicesOf(body, preview);
    // The preview's rows, of the same file, say the import's problem rows as the preview did.
    const basis = resumed ? resumed.basis : preview?.request?.upload.id === asked.upload.id ? preview.rows : undefined;
    const r = action === 'import' ? { ...asked, leaveOut } : asked;
    await rememberZone(settings.folder, r.tz);
    const resume = resumed?.report;
    view = sessions.start({ action, file: r.upload.name, mode: r.mode }, async (run) => {
      // The file stays while the run reads it, whatever is chosen meanwhile; the last import's
      // until the next import, so a stopped one can be resumed from any tab (继续导入 is offered
      // for the last import only, and only its file is kept past its run).
      const release = uploads.hold(r.upload);
      if (action === 'import') {
        lastImport.get(ctx)?.();
        lastImport.set(ctx, release);
      }
      try {
        return await asNamed(
          r.upload,
          action === 'validate'
            ? validateStep(r, settings, uploads, run)
            : action === 'preview'
              ? previewStep(r, settings, uploads, run)
              : importStep(r, settings, run, { resume, basis }),
        );
      } finally {
        if (action !== 'import') release();
      }
    });
  } else throw bad('action');
  if (!view) throw busy();
  // The check's grid takes edits next: the re-check thread starts meanwhile, not at the first edit.
  if (action === 'validate') ctx.rechecks.warm();
  sendJson(res, 202, view, ctx.redact);
}

async function sendRows(res: ServerResponse, url: URL, detail: RunDetail, ctx: RouteContext): Promise<void> {
  if (!detail.rows) throw notFound();
  const from = Math.max(0, Number(url.searchParams.get('from')) || 0);
  // A window is what the grid shows and a screen or two beyond; 500 rows bounds an answer's size.
  const count = Math.min(500, Math.max(1, Number(url.searchParams.get('count')) || 100));
  // The times as they land, when the file has any and the run was given its zone.
  const { begin, end } = detail.rows.times;
  const zone = begin === undefined && end === undefined ? undefined : detail.request?.tz;
  const only = url.searchParams.get('problems') === '1';
  const window = await rowWindow(detail.rows, from, count, only, zone, detail.recheck?.overlay);
  const { columns } = detail.rows;
  const rows = window.rows.map((r) => rowInPageWords(r, columns, detail.request?.lang ?? 'zh'));
  const hidden = detail.hidden ?? [];
  sendJson(res, 200, { columns, hidden, from, zone, ...window, rows }, ctx.redact);
}

/** A finished run's report; one made on demand (a validation's) only while its file is still kept. */
async function sendReport(res: ServerResponse, detail: RunDetail, ctx: RouteContext): Promise<void> {
  const gone = () => new HttpRefusal(410, 'UI_REPORT_GONE', UI.reportGone);
  if (detail.request && !detail.xlsx && !ctx.uploads.get(detail.request.upload.id)) throw gone();
  const path = detail.xlsx ?? (detail.request ? await validationXlsx(detail, ctx.settings, ctx.uploads) : undefined);
  if (!path) throw notFound();
  await sendFile(res, path, basename(path)).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? gone() : error;
  });
}

/** A message names the file as the user's computer does, not by its copy in the private folder. */
async function asNamed<T>(upload: Upload, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isToolError(error)) throw error;
    throw new ToolError(error.code, error.message.replaceAll(upload.path, upload.name), error.context);
  }
}

/** A run's failure as the page shows it: the library's code and message, in the run's language. */
export function runError(error: unknown): { code: string; message: string; words?: Pair } {
  if (isToolError(error)) {
    const c = error.context;
    const words = pageWords(error.code, { row: c.row, column: c.column, sheet: c.sheet }, c.code);
    return { code: error.code, message: error.message, ...(words ? { words } : {}) };
  }
  const message = (error as Error)?.message ?? String(error);
  const pair = UI.internal({ message });
  return { code: 'INTERNAL', message: `${pair.zh}\n${pair.en}` };
}
