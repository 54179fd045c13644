import type { RowStatus } from '../plan/types.js';
import type { ProgressEvent } from '../run/progress.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on the first Ctrl-C or SIGTERM: stop starting work, finish what is in flight. */
  readonly interrupt?: AbortSignal;
}

export interface CommandResult {
  /** 0: every row fine; 1: some row invalid, blocked, failed or not sent; 130: interrupted. */
  readonly exitCode: 0 | 1 | 130;
}

/**
 * What a run may be given besides its options. Commands print nothing: the CLI shows progress
 * from `onProgress` and prints the result's `text` or `summary`.
 */
export interface RunContext {
  /** Aborting it stops starting new requests; those in flight get a grace period, the rest are `not_sent`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** One input row's result, as the report says it. */
export interface RowResult {
  /** The row's number in the file (1 is the first line or spreadsheet row). */
  readonly row: number;
  readonly status: RowStatus;
  /** A stable code such as `ROW_BAD_SCORE`, absent when the row is fine. */
  readonly errorCode?: string;
  /** The column at fault, as the file names it. */
  readonly errorColumn?: string;
  readonly message?: string;
  readonly httpStatus?: number;
  /** Feishu's `x-tt-logid`: quote it to Feishu support. */
  readonly logId?: string;
  readonly attempts?: number;
  /** The interview's Feishu id, where the run learnt it (rows named by their legacy key). */
  readonly feishuId?: string;
}

/** What `validateFile`, `importFile`, `undoBackup` and `verifyFile` resolve to. */
export interface RunResult extends CommandResult {
  readonly rows: readonly RowResult[];
  readonly counts: Readonly<Record<RowStatus, number>>;
  readonly interviews: number;
  /** The summary `--json` prints: counts, problems, input, origin, requests, rate, paths, exit code. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The summary as the CLI prints it, warnings first. */
  readonly text: string;
}

export function processIo(interrupt?: AbortSignal): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, interrupt };
}
