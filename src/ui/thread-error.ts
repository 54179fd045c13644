/** A failure as it crosses between the page's server and its threads: a ToolError keeps its code. */
import { ToolError, isToolError } from '../errors.js';

export interface ThreadError {
  readonly code?: string;
  readonly message: string;
  readonly context?: ToolError['context'];
  readonly exitCode?: ToolError['exitCode'];
}

/** What a thread posts of a failure (an Error itself does not cross with its code). */
export function toThread(error: unknown): ThreadError {
  return isToolError(error)
    ? { code: error.code, message: error.message, context: error.context, exitCode: error.exitCode }
    : { message: (error as Error)?.message ?? String(error) };
}

/** The failure a thread posted, as the server throws it. */
export function fromThread(error: ThreadError): Error {
  return error.code === undefined
    ? new Error(error.message)
    : new ToolError(error.code, error.message, error.context, error.exitCode);
}
