/** What passes between the page's server and the thread that runs its checks (src/ui/step-worker.ts). */
import type { ImportFileOptions, ValidateFileOptions, writeEditedFile } from '../api.js';
import type { ProgressEvent } from '../run/progress.js';
import type { ReadProgress } from '../input/read-progress.js';
import type { RunSummary } from '../report/run-result.js';
import type { DraftOptions, MappingDraft } from '../input/mapping-draft.js';
import type { ThreadError } from './thread-error.js';

/** What to run: the library call and its options (no signal or callback: those cannot cross). */
export type StepJob =
  | {
      readonly kind: 'validate';
      readonly path: string;
      readonly options: Omit<ValidateFileOptions, 'signal' | 'onProgress'>;
    }
  | {
      readonly kind: 'preview';
      readonly path: string;
      readonly options: Omit<ImportFileOptions, 'signal' | 'onProgress'>;
    }
  /** The file as the page's edits leave it, written as an .xlsx (src/commands/edited-file.ts). */
  | { readonly kind: 'edited'; readonly path: string; readonly options: Parameters<typeof writeEditedFile>[1] }
  /** The mapping step's draft: the file read as the `profile` command reads it. */
  | { readonly kind: 'draft'; readonly path: string; readonly options: DraftOptions };

/** What the page keeps of a finished check: the result's counts and summary, each row's status. */
export interface StepOutcome {
  readonly exitCode: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly interviews: number;
  readonly summary: RunSummary;
  readonly statuses: readonly string[];
  /**
   * Rows by their problem's code, blocked rows left out (as the summary's `problems` count them),
   * every code: the page's edits keep the commonest up to date (src/ui/problem-tally.ts).
   */
  readonly codes?: Readonly<Record<string, number>>;
  /**
   * The grid's JSON report's rows, handed over without a copy: each row's number in the file, and
   * the byte offset of each in the report, then where the rows end (src/report/row-starts.ts),
   * when the run wrote that report.
   */
  readonly report?: { readonly numbers: Float64Array; readonly starts?: Float64Array };
}

export type StepMessage =
  | { readonly type: 'progress'; readonly event: ProgressEvent }
  /** A validation's rows read (`validateFile`'s `onProgress`). */
  | { readonly type: 'reading'; readonly event: ReadProgress }
  | { readonly type: 'done'; readonly outcome: StepOutcome }
  | { readonly type: 'draft'; readonly draft: MappingDraft }
  | { readonly type: 'failed'; readonly error: ThreadError };

/** Sent by the server to start a check in a thread that waits for one. */
export interface StepStart {
  readonly job: StepJob;
}

/** Sent by the server when the user presses 停止: the running check's signal aborts. */
export const STOP = 'stop';
