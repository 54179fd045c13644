import type { Pair } from './messages.js';
import { type Lang, currentLang } from './lang.js';

/**
 * Errors are values with a stable `code` and the context a person needs to find the problem.
 * Fatal errors (the whole run cannot go on) are thrown as `ToolError` and mapped to an exit code
 * in `src/cli.ts` only; row problems are collected as `RowProblem` values and end up in the report.
 */

export interface ErrorContext {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  attempt?: number;
  status?: number;
  code?: number;
  logId?: string;
}

/** The exit code of a fatal error: 2 for usage, input and credential problems. */
export type FatalExit = 2 | 130;

export class ToolError extends Error {
  readonly code: string;
  readonly context: ErrorContext;
  readonly exitCode: FatalExit;
  /** The language its message is in: the run's when it was thrown. */
  readonly lang: Lang = currentLang();

  constructor(code: string, message: string, context: ErrorContext = {}, exitCode: FatalExit = 2) {
    super(message);
    this.name = 'ToolError';
    this.code = code;
    this.context = context;
    this.exitCode = exitCode;
  }
}

export function isToolError(value: unknown): value is ToolError {
  return value instanceof ToolError;
}

/**
 * The facts a row problem names besides its row and column, for a front end that says it in its
 * own words (the page: src/ui/page-words.ts) without reading its message: times as the body holds
 * them (epoch milliseconds) and the zone the file's times were read in, which the message shows
 * them in. The JSON report carries them as each row's `error_facts`, under these keys.
 */
export type ProblemFacts = {
  readonly zone: string;
  /** ROW_END_BEFORE_BEGIN: the interview's begin and end time. */
  readonly begin?: number;
  readonly end?: number;
  /** ROW_END_BEFORE_BEGIN: the row that gave the begin time; absent once merged with what Feishu holds. */
  readonly begin_row?: number;
  /** ROW_CONFLICT of a time: this row's time, and the other row's that it disagrees with. */
  readonly here?: number;
  readonly there?: number;
  readonly other_row?: number;
};

/** A problem with one row: it makes the row `invalid` and lands in the report's `message`. */
export interface RowProblem {
  code: string;
  message: string;
  column?: string;
  facts?: ProblemFacts;
}

/** What a value parser says when a cell cannot be used; the caller adds the row and column. */
export interface ValueProblem {
  code: string;
  expected: Pair;
  got: Pair;
  fix: Pair;
}
