/**
 * `feishu-interview-import ui`'s server: the page and its calls on 127.0.0.1 only, every request
 * through the doors (src/ui/doors.ts) first. Stopping it lets a run finish its requests in flight
 * and write its journal, then removes every uploaded file.
 */
import { type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type DoorKeys, TOKEN_PARAM, door, newKeys, ownOrigin, securityHeaders } from './doors.js';
import { HttpRefusal, sendDoorRefusal, sendRefusal } from './http-io.js';
import { UI } from './messages.js';
import { runError, route } from './routes.js';
import type { RunDetail, StepSettings } from './run-steps.js';
import { RunSessions } from './run-sessions.js';
import { Uploads } from './uploads.js';

/** The checks' thread, built beside the page's files (scripts/build.mjs): src/ui/step-worker.ts. */
const CHECKER = 'step-worker.js';

export interface UiServerOptions extends StepSettings {
  /** 0 (default) picks a free port. */
  readonly port?: number;
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
  /** Stops the run in progress (as Ctrl-C does), waits for it, removes the uploads, stops serving. */
  close(): Promise<void>;
}

export async function startUiServer(options: UiServerOptions): Promise<RunningUi> {
  const uploads = await Uploads.create();
  const sessions = new RunSessions<RunDetail>(runError);
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const redact = (text: string) => secrets.reduce((t, s) => t.replaceAll(s, '***'), text);
  const streams = new Set<ServerResponse>();
  const keys: DoorKeys = newKeys();
  let port = 0;
  const settings = { ...options, checker: join(options.assets, CHECKER) };
  const ctx = { sessions, uploads, settings, assets: options.assets, redact, streams };
  const server = createServer((req, res) => {
    const verdict = door(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        host: req.headers.host,
        origin: req.headers.origin,
        cookie: req.headers.cookie,
      },
      port,
      keys,
    );
    if (verdict.kind === 'refuse') {
      const pair =
        verdict.reason === 'host'
          ? UI.doorHost({ host: String(req.headers.host ?? '').slice(0, 100), own: `127.0.0.1:${port}` })
          : verdict.reason === 'origin'
            ? UI.doorOrigin
            : UI.doorToken;
      req.resume();
      sendDoorRefusal(res, verdict.status, pair);
      return;
    }
    if (verdict.kind === 'exchange') {
      res.writeHead(303, { ...securityHeaders(), location: verdict.location, 'set-cookie': verdict.setCookie });
      res.end();
      return;
    }
    route(req, res, ctx).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      const refusal =
        error instanceof HttpRefusal
          ? error
          : new HttpRefusal(500, 'INTERNAL', UI.internal({ message: (error as Error)?.message ?? String(error) }));
      sendRefusal(res, refusal, redact);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `${ownOrigin(port)}/?${TOKEN_PARAM}=${keys.token}`,
    port,
    uploadsDir: uploads.dir,
    async close() {
      sessions.stop();
      await sessions.idle();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await uploads.removeAll();
    },
  };
}
