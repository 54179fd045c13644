import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { localeLang } from '../lang.js';
import { importInput, secretFrom } from '../options.js';
import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, startSimulator } from '../simulator/server.js';
import { UI } from '../ui/messages.js';
import { type RunningUi, startUiServer } from '../ui/server.js';
import { DEMO_SAMPLE, DEMO_UNKNOWN_APPLICATION } from './demo.js';
import type { CommandIo, CommandResult } from './io.js';
import { portBusy } from './port-busy.js';
import { existingFrom } from './simulate.js';

export interface UiArgs {
  readonly port?: number;
  /** False with --no-open: print the URL only (for a colleague's browser, or a test). */
  readonly open?: boolean;
  /** Where imports keep their reports, journals and backups (default: the current folder). */
  readonly dir?: string;
  /** Serve against a local simulator holding the sample's interviews (`npm run demo:ui`). */
  readonly demo?: boolean;
  readonly appId?: string;
  readonly appSecret?: string;
  readonly appSecretFile?: string;
  readonly baseUrl?: string;
  readonly domain?: 'feishu' | 'lark';
  readonly concurrency?: number;
  readonly rate?: number;
  readonly retries?: number;
  readonly timeout?: number;
  readonly backup?: boolean;
}

/** The page's folder of built files: dist/ui in the package, wherever the bundle put this code. */
const ASSETS = join(dirname(dirname(DEMO_SAMPLE)), 'dist', 'ui');

/**
 * The system's way to open a file in the default browser; nothing happens where there is none.
 * What is opened is the server's forwarding page (a path), never the link: a command line is
 * readable by every user of the computer.
 */
function openBrowser(file: string): void {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', file]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', file]
        : ['xdg-open', file];
  const child = spawn(command!, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

/** Starts the server in `folder`; a port another program holds is said as `simulate` says it. */
async function serve(
  folder: string,
  args: UiArgs,
  options: Omit<Parameters<typeof startUiServer>[0], 'folder' | 'port' | 'assets'>,
): Promise<RunningUi> {
  // Reports, journals and backups hold interview data: a folder made for them is the user's alone.
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return startUiServer({ ...options, folder, port: args.port, assets: ASSETS }).catch(
    portBusy('UI_PORT_BUSY', args.port),
  );
}

/**
 * `ui`: the page for people who never open a terminal, on 127.0.0.1 until Ctrl-C. Credentials
 * come from the same flags and environment as `import` and stay in this process.
 */
export async function uiCommand(args: UiArgs, io: CommandIo): Promise<CommandResult> {
  // What it prints speaks --lang, else the locale's language; the page follows the browser's.
  const lang = io.lang ?? localeLang(io.env) ?? 'en';
  const sim = args.demo
    ? await startSimulator({
        rateLimit: 10,
        latencyMs: 30,
        missingApplications: [DEMO_UNKNOWN_APPLICATION],
        seed: await existingFrom(DEMO_SAMPLE),
      })
    : undefined;
  // Flags first, then the environment, as `import` takes them.
  const given = importInput({ ...args }, io.env) as {
    appId?: string;
    appSecret?: string;
    tenantToken?: string;
    baseUrl?: string;
  };
  const appSecret = args.appSecretFile
    ? secretFrom(args.appSecretFile)
    : (given.appSecret ?? (sim ? DEFAULT_APP_SECRET : undefined));
  const { tenantToken } = given;
  const folder = resolve(args.dir ?? (sim ? join('out', 'ui') : '.'));
  const ui = await serve(folder, args, {
    secrets: [appSecret ?? '', tenantToken ?? ''],
    send: {
      appId: given.appId ?? (sim ? DEFAULT_APP_ID : undefined),
      appSecret,
      tenantToken,
      baseUrl: sim?.url ?? given.baseUrl,
      domain: args.domain,
      concurrency: args.concurrency,
      rate: args.rate,
      retries: args.retries,
      timeout: args.timeout,
      backup: args.backup,
    },
  }).catch(async (error: unknown) => {
    await sim?.close();
    throw error;
  });
  io.stdout.write(`${UI.listening({ url: ui.url })[lang]}\n`);
  if (args.open !== false) openBrowser(await ui.launcher());
  try {
    if (io.interrupt && !io.interrupt.aborted) await once(io.interrupt, 'abort');
    io.stderr.write(`${UI.stopping[lang]}\n`);
  } finally {
    await ui.close();
    await sim?.close();
  }
  return { exitCode: 0 };
}
