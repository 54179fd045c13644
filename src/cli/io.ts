import type { Lang } from '../lang.js';
/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on the first Ctrl-C or SIGTERM: stop starting work, finish what is in flight. */
  readonly interrupt?: AbortSignal;
  /** The language the CLI speaks before a run settles its own (progress lines). */
  readonly lang?: Lang;
}

export interface CommandResult {
  /** 0: every row fine; 1: some row invalid, blocked, failed or not sent; 130: interrupted. */
  readonly exitCode: 0 | 1 | 130;
}

export function processIo(interrupt?: AbortSignal, lang?: Lang): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, interrupt, lang };
}
