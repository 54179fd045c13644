import type { RowStatus } from '../plan/types.js';

/** What a run resolves to: the CLI prints it, the library returns it. */

/** 0: every row fine; 1: some row invalid, blocked, failed or not sent; 130: interrupted. */
export type RunExitCode = 0 | 1 | 130;

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
export interface RunResult {
  readonly exitCode: RunExitCode;
  readonly rows: readonly RowResult[];
  readonly counts: Readonly<Record<RowStatus, number>>;
  readonly interviews: number;
  /** The summary `--json` prints: counts, problems, input, origin, requests, rate, paths, exit code. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The summary as the CLI prints it, warnings first. */
  readonly text: string;
}
