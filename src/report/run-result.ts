import type { FieldChange, RowStatus } from '../plan/types.js';
import type { Warning } from '../warnings.js';
import type { ProblemFacts } from '../errors.js';

export type { FieldChange } from '../plan/types.js';

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
  /** The times the problem names, as facts (src/errors.ts `ProblemFacts`): the JSON report's `error_facts`. */
  readonly errorFacts?: ProblemFacts;
  readonly message?: string;
  readonly httpStatus?: number;
  /** Feishu's `x-tt-logid`: quote it to Feishu support. */
  readonly logId?: string;
  readonly attempts?: number;
  /** The interview's Feishu id, where the run learnt it (rows named by their legacy key). */
  readonly feishuId?: string;
}

/** Requests a run sent (`requests` in `--json`). */
export type RequestCounts = {
  /** PUT requests sent, retries included. */
  readonly puts: number;
  /** Interviews the run created, as its journal records them (lost answers found landed included). */
  readonly creates: number;
  /** Create requests sent, retries included. */
  readonly create_attempts: number;
  readonly deletes: number;
  readonly reads: number;
  readonly rate_limited: number;
  readonly retried: number;
};

/** Interviews by what happened to them (`interviews_by_kind` in `--json`). */
export type InterviewsByKind = {
  readonly changed: number;
  readonly unchanged: number;
  readonly missing: number;
  readonly resumed: number;
  readonly refused: number;
  readonly created: number;
  readonly deleted: number;
  readonly ambiguous: number;
  /** Undo of a create whose interview no longer exists. */
  readonly gone: number;
  /** Landed in the run a `--resume` goes on with; this one stopped before it. */
  readonly earlier: number;
  /** A correction run's interviews the user switched off (`leaveOut`): left as they are. */
  readonly left: number;
};

/** An undo's counts (`undo` in `--json`): each interview of the undone run once; they add up to `interviews`. */
export interface UndoSummary {
  readonly interviews: number;
  readonly restored: number;
  readonly deleted: number;
  readonly already_as_before: number;
  readonly already_gone: number;
  readonly left_alone: number;
  readonly left_alone_why: {
    readonly changed_since: number;
    readonly only_read: number;
    readonly deleted_by_run: number;
  };
  readonly failed: number;
  readonly not_sent: number;
}

/** The summary `--json` prints and `RunResult.summary` holds; fields beyond `paths` only where the command has them. */
export interface RunSummary {
  readonly command: string;
  readonly exit_code: RunExitCode;
  readonly rows: number;
  readonly interviews: number;
  readonly counts: Readonly<Record<RowStatus, number>>;
  /** The most frequent error codes, most frequent first, each with an example message. */
  readonly problems: readonly { readonly code: string; readonly count: number; readonly example: string }[];
  /** Each warning's message, as the CLI prints it (after `警告：`/`warning: `): `coded_warnings`' messages. */
  readonly warnings: readonly string[];
  /** The warnings with their stable codes and the facts each names (src/warnings.ts), in the same order. */
  readonly coded_warnings: readonly Warning[];
  readonly input?: {
    readonly file: string;
    readonly sheet?: string;
    readonly encoding?: string;
    /** A CSV file's separator, named, and how it was chosen (`semicolon (detected)`). */
    readonly delimiter?: string;
    readonly header_row: number;
    /** Columns the sheet hides, as the report names them. */
    readonly hidden_columns?: readonly string[];
  };
  /** The time zone times without an offset were read in, where the file had such times. */
  readonly zone?: string;
  /** Where requests went (import, undo, verify). */
  readonly origin?: string;
  readonly requests?: RequestCounts;
  readonly rate_per_s?: number;
  readonly elapsed_s?: number;
  readonly interviews_by_kind?: InterviewsByKind;
  /** Why the run stopped before the end: a run-stopping code, or an interrupt (its signal aborted). */
  readonly stopped_early?: string;
  readonly undo?: UndoSummary;
  /** verify: interviews that match the file. */
  readonly matched?: number;
  /** A correction run (`correct`): each interview and what it did or would do. */
  readonly changes?: readonly InterviewChange[];
  readonly paths: {
    readonly report?: string;
    readonly journal?: string;
    readonly backup?: string;
    readonly payloads?: string;
  };
}

/**
 * What a correction run (`correct`) does, or would do, with one interview: a preview shows these
 * grouped, and the import is given back the ids the user switched off (`leaveOut`).
 */
export interface InterviewChange {
  /** The interview's id in the run: its Feishu id, or `external_id:` and its legacy key. */
  readonly id: string;
  /** Its Feishu id, once known (a new interview's, after it was created). */
  readonly feishu_id?: string;
  /** Its legacy key (外部系统面试ID), where the file gives one. */
  readonly external_id?: string;
  readonly group: ChangeGroup;
  /** The file's rows of it (numbers as a person sees them). */
  readonly rows: readonly number[];
  /** What the run did or would do, field by field where it changes something; or its problem. */
  readonly detail: string;
  /** A problem's code (the report's error_code) and the template column at fault, where it names one. */
  readonly code?: string;
  readonly column?: string;
  /** This run's write of it landed (the detail then names the run's backup file, where there is one). */
  readonly landed?: boolean;
  /**
   * What `detail` says field by field, as facts (a change, a removal, an undo's restore, where
   * the run compared what Feishu holds with what it would send): for a caller with words of its own.
   */
  readonly fields?: readonly FieldChange[];
}

/**
 * A correction: create 新建 · change 修改 · remove (a change that removes what Feishu holds) ·
 * unchanged · left (switched off) · problem. An undo: restore · delete (what the run created) ·
 * alone (left as it is; `detail` says why) · problem.
 */
export type ChangeGroup =
  | 'create'
  | 'change'
  | 'remove'
  | 'unchanged'
  | 'left'
  | 'problem'
  | 'restore'
  | 'delete'
  | 'alone';

/** What `validateFile`, `importFile`, `undoBackup` and `verifyFile` resolve to. */
export interface RunResult {
  readonly exitCode: RunExitCode;
  readonly rows: readonly RowResult[];
  readonly counts: Readonly<Record<RowStatus, number>>;
  readonly interviews: number;
  /** The summary `--json` prints: counts, problems, input, origin, requests, rate, paths, exit code. */
  readonly summary: RunSummary;
  /** The summary as the CLI prints it, warnings first. */
  readonly text: string;
}
