import type { ImportArgs } from '../options.js';

/** What `sendPlan` is run with: the checked options of `import` or `undo`, and what the command adds. */
export type SendRunOptions = Pick<
  ImportArgs,
  | 'report'
  | 'concurrency'
  | 'rate'
  | 'retries'
  | 'timeoutMs'
  | 'limit'
  | 'resume'
  | 'domain'
  | 'baseUrl'
  | 'credentials'
  | 'dryRun'
  | 'payloads'
  | 'createMissing'
> & {
  /** Read and back up each interview before overwriting it (default on; `--no-backup`). */
  readonly backup: boolean;
  readonly merge: boolean;
  /** `--add-assessments`: a correction may add assessments and dimensions the interview lacks. */
  readonly addAssessments?: boolean;
  /** `--replace-assessments`: the file's assessments replace all current ones. */
  readonly replaceAssessments?: boolean;
  /** `--replace`: a plain import may remove what Feishu holds and the file does not name. */
  readonly replace?: boolean;
  /** False when the caller wants no report file (`report: false`); its path still names the journal and backup. */
  readonly reportFile: boolean;
  /** The line saying the report went beside the one asked for, which is the user's (src/report/report-claim.ts). */
  readonly reportBeside?: string;
  /** How the summary names the command: import, import --dry-run, undo. */
  readonly command: string;
  /** `--correct`: one correction run (merge and create); the summary lists its `changes`. */
  readonly correct?: boolean;
  /** With `correct`: the interviews (plan ids) the run leaves as they are. */
  readonly leaveOut?: readonly string[];
  /** `--records`: folders (or files) of earlier runs beyond the report's own folder. */
  readonly records?: readonly string[];
};
