/**
 * `feishu-interview-import ui`'s server: the page and its calls on 127.0.0.1 only, every request
 * through the doors (src/ui/doors.ts) first. Stopping it lets a run finish its requests in flight
 * and write its journal, then removes every uploaded file.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type DoorKeys,
  type DoorVerdict,
  PAGE_KEY_HEADER,
  TOKEN_PARAM,
  door,
  invite,
  newKeys,
  ownOrigin,
  securityHeaders,
} from './doors.js';
import { writeLauncher } from './launcher.js';
import { HttpRefusal, sendDoorRefusal, sendRefusal } from './http-io.js';
import { rm } from 'node:fs/promises';
import { UI } from './messages.js';
import { runError, route } from './routes.js';
import { type RunDetail, type StepSettings, releaseDetail } from './run-steps.js';
import { RunSessions } from './run-sessions.js';
import { type UploadLimits, Uploads } from './uploads.js';
import { UploadEdits } from './upload-edits.js';
import { RecheckThread } from './recheck-thread.js';
import { StepThreads } from './step-threads.js';

/**
 * A browser opens six connections to a host, a tab its event stream besides: 32 serves several
 * tabs and bounds what another local program can hold open. Headers come at once from a browser;
 * 10 s leaves a slow machine room and frees a silent connection soon.
 */
export const SERVER_LIMITS = { maxConnections: 32, headersTimeoutMs: 10_000 };

/** The checks' thread, built beside the page's files (scripts/build.mjs): src/ui/step-worker.ts. */
const CHECKER = 'step-worker.js';
/** The thread of edited rows' re-checks, built beside it: src/ui/recheck-worker.ts. */
const RECHECKER = 'recheck-worker.js';

export interface UiServerOptions extends StepSettings {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly limits?: typeof SERVER_LIMITS;
  readonly uploadLimits?: UploadLimits;
  /** The page's built files: dist/ui. */
  readonly assets: string;
  /** Values never to appear in an answer (the app secret, a tenant token). */
  readonly secrets?: readonly string[];
}

export interface RunningUi {
  /** The page's address with its one-time token: print it once, to the person who started it. */
  readonly url: string;
  readonly port: number;
  /** The private folder holding uploads (removed by `close`). */
  readonly uploadsDir: string;
  /**
   * Writes a page that forwards the browser to `url` (0600, in the private folder) and gives its
   * path: what to open instead of `url`, so the token is in no process's command line.
   */
  launcher(): Promise<string>;
  /** Stops the run in progress (as Ctrl-C does), waits for it, removes the uploads, stops serving. */
  close(): Promise<void>;
}

/** A refused request: answered, its body left unread, its connection closed soon after. */
function refuse(req: IncomingMessage, res: ServerResponse, verdict: DoorVerdict & { kind: 'refuse' }, port: number) {
  const pair =
    verdict.reason === 'host'
      ? UI.doorHost({ host: String(req.headers.host ?? '').slice(0, 100), own: `127.0.0.1:${port}` })
      : verdict.reason === 'origin'
        ? UI.doorOrigin
        : verdict.reason === 'key'
          ? UI.doorKey
          : UI.doorToken;
  res.setHeader('connection', 'close');
  // A body trickled to hold the connection: a second to take the answer, then it is cut.
  res.on('finish', () => setTimeout(() => req.socket.destroy(), 1000).unref());
  sendDoorRefusal(res, verdict.status, pair);
}

/**
 * The token's exchange: the cookie, then on to `/` with the page key in the fragment. A 303 for a
 * link opened by the user (Sec-Fetch-Site `none`, or a browser that does not say); a refresh for
 * one that comes from another site, as from the forwarding file (`file://`): a browser sends no
 * SameSite=Strict cookie along a redirect that another site started, but does on a refresh, a
 * new navigation by this page.
 */
function sendExchange(req: IncomingMessage, res: ServerResponse, verdict: DoorVerdict & { kind: 'exchange' }): void {
  const site = req.headers['sec-fetch-site'];
  if (site === undefined || site === 'none' || site === 'same-origin') {
    res.writeHead(303, { ...securityHeaders(), location: verdict.location, 'set-cookie': verdict.setCookie });
    res.end();
    return;
  }
  const text = `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${verdict.location}"><a href="${verdict.location}">→</a>\n`;
  res.writeHead(200, {
    ...securityHeaders(),
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    refresh: `0;url=${verdict.location}`,
    'set-cookie': verdict.setCookie,
  });
  res.end(text);
}

export async function startUiServer(options: UiServerOptions): Promise<RunningUi> {
  const uploads = await Uploads.create(options.uploadLimits);
  const sessions = new RunSessions<RunDetail>(runError, undefined, releaseDetail);
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  // No answer names the private folder: a failure there says `…` instead.
  const redact = (text: string) => secrets.reduce((t, s) => t.replaceAll(s, '***'), text).replaceAll(uploads.dir, '…');
  const streams = new Set<ServerResponse>();
  const keys: DoorKeys = newKeys();
  let port = 0;
  let launcher: string | undefined;
  const settings = { ...options, checker: new StepThreads(join(options.assets, CHECKER)) };
  const makeInvite = () => {
    const made = invite(keys, Date.now());
    return { url: `${ownOrigin(port)}/?${TOKEN_PARAM}=${made.token}`, expiresAt: made.expiresAt };
  };
  const edits = new UploadEdits(uploads);
  const rechecks = new RecheckThread(join(options.assets, RECHECKER));
  const ctx = {
    sessions,
    uploads,
    settings,
    assets: options.assets,
    redact,
    streams,
    lock: { held: false },
    invite: makeInvite,
    edits,
    rechecks,
  };
  const limits = options.limits ?? SERVER_LIMITS;
  const server = createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: 0, connectionsCheckingInterval: 1000 },
    (req, res) => {
      const pageKey = req.headers[PAGE_KEY_HEADER];
      const verdict = door(
        {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          host: req.headers.host,
          origin: req.headers.origin,
          cookie: req.headers.cookie,
          pageKey: typeof pageKey === 'string' ? pageKey : undefined,
        },
        port,
        keys,
      );
      if (verdict.kind === 'refuse') return refuse(req, res, verdict, port);
      if (verdict.kind === 'exchange') {
        // The token is spent: the page that forwarded it has done its work.
        if (launcher) void rm(launcher, { force: true });
        sendExchange(req, res, verdict);
        return;
      }
      route(req, res, ctx).catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        // A body not read (a refused upload) is not read later either.
        if (!req.complete) res.setHeader('connection', 'close');
        const refusal =
          error instanceof HttpRefusal
            ? error
            : new HttpRefusal(500, 'INTERNAL', UI.internal({ message: (error as Error)?.message ?? String(error) }));
        sendRefusal(res, refusal, redact);
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `${ownOrigin(port)}/?${TOKEN_PARAM}=${keys.token}`;
  return {
    url,
    port,
    uploadsDir: uploads.dir,
    async launcher() {
      launcher = await writeLauncher(uploads.dir, url);
      return launcher;
    },
    async close() {
      sessions.stop();
      await sessions.idle();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rechecks.close();
      await settings.checker.close();
      await sessions.clear();
      await uploads.removeAll();
    },
  };
}
