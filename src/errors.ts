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

/** A problem with one row: it makes the row `invalid` and lands in the report's `message`. */
export interface RowProblem {
  code: string;
  message: string;
  column?: string;
}

/** What a value parser says when a cell cannot be used; the caller adds the row and column. */
export interface ValueProblem {
  code: string;
  expected: Pair;
  got: Pair;
  fix: Pair;
}
