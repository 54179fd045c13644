/** The page's server against a simulator, for the doors tests and the browser tests. */
import { request } from 'node:http';
import { join } from 'node:path';
import { existingFrom } from '../../src/cli/simulate.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { type RunningUi, startUiServer } from '../../src/ui/server.js';
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
export async function startWorld(sim: Parameters<typeof startSimulator>[0] = {}): Promise<UiWorld> {
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
    send: { appId: APP_ID, appSecret: APP_SECRET, baseUrl: simulator.url, rate: 0 },
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

/** Exchanges the printed URL's token for the cookie, as a browser's first load does. */
export async function login(ui: RunningUi): Promise<string> {
  const url = new URL(ui.url);
  const answer = await ask(ui.port, { path: `${url.pathname}${url.search}` });
  const cookie = String(answer.headers['set-cookie']).split(';')[0]!;
  return cookie;
}

/** A call from the page itself: its cookie and its own Origin. */
export function own(ui: RunningUi, cookie: string, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie, origin: `http://127.0.0.1:${ui.port}`, ...extra };
}

/** A run started from the page itself: POST /api/runs with its cookie, Origin and a JSON body. */
export function postRun(ui: RunningUi, cookie: string, body: object): Promise<Answer> {
  return ask(ui.port, {
    method: 'POST',
    path: '/api/runs',
    headers: own(ui, cookie, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });
}
