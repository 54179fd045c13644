/** The page's server against a simulator, for the doors tests and the browser tests. */
import { request } from 'node:http';
import { join } from 'node:path';
import { existingFrom } from '../../src/cli/simulate.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { PAGE_KEY_HEADER } from '../../src/ui/doors.js';
import { type RunningUi, type UiServerOptions, startUiServer } from '../../src/ui/server.js';
import { ROOT, UNPACED, tempDir } from '../helpers.js';

export const SAMPLE = join(ROOT, 'samples', 'interviews.csv');
export const MIGRATION = join(ROOT, 'samples', 'legacy-migration.csv');
export const APP_ID = 'cli_ui_test';
export const APP_SECRET = 'Ui-Test-Secret-7f3a';

export interface UiWorld {
  readonly sim: RunningSimulator;
  readonly ui: RunningUi;
  readonly folder: string;
  close(): Promise<void>;
}

/** A simulated tenant holding the sample's interviews, and the page's server sending to it. */
export async function startWorld(
  sim: Parameters<typeof startSimulator>[0] = {},
  options: Partial<UiServerOptions> = {},
): Promise<UiWorld> {
  const simulator = await startSimulator({
    appId: APP_ID,
    appSecret: APP_SECRET,
    ...UNPACED,
    seed: await existingFrom(SAMPLE),
    ...sim,
  });
  const folder = await tempDir();
  const ui = await startUiServer({
    assets: join(ROOT, 'dist', 'ui'),
    folder,
    secrets: [APP_SECRET],
    ...options,
    // What a test gives of `send` is added to the simulator's address and credentials.
    send: { appId: APP_ID, appSecret: APP_SECRET, baseUrl: simulator.url, rate: 0, ...options.send },
  });
  return {
    sim: simulator,
    ui,
    folder,
    async close() {
      await ui.close();
      await simulator.close();
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One raw HTTP request, Host and all headers as given (fetch will not send another Host). */
export function ask(
  port: number,
  o: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: o.method ?? 'GET',
        path: o.path ?? '/',
        headers: { host: `127.0.0.1:${port}`, ...o.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

/** What a browser holds after the token's exchange: the cookie, and the page key its tab keeps. */
export interface Pass {
  readonly cookie: string;
  readonly key: string;
}

/** The cookie and page key of an exchange's answer (a 303, or a refresh, to `/#k=<key>`). */
export function passOf(answer: Answer): Pass {
  const cookie = String(answer.headers['set-cookie']).split(';')[0]!;
  const to = answer.headers.location ?? String(answer.headers.refresh).replace(/^0;url=/, '');
  const key = /^\/#k=([\w-]+)$/.exec(String(to))?.[1] ?? '';
  return { cookie, key };
}

/** Exchanges the printed URL's token for the cookie and page key, as a browser's first load does. */
export async function login(ui: RunningUi): Promise<Pass> {
  const url = new URL(ui.url);
  return passOf(await ask(ui.port, { path: `${url.pathname}${url.search}` }));
}

/** A call from the page itself: its cookie, its page key and its own Origin. */
export function own(ui: RunningUi, pass: Pass, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: pass.cookie, [PAGE_KEY_HEADER]: pass.key, origin: `http://127.0.0.1:${ui.port}`, ...extra };
}

/** A run started from the page itself: POST /api/runs with its cookie, key, Origin and a JSON body. */
export function postRun(ui: RunningUi, pass: Pass, body: object): Promise<Answer> {
  return ask(ui.port, {
    method: 'POST',
    path: '/api/runs',
    headers: own(ui, pass, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });
}
