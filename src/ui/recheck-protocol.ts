/** What passes between the page's server and the thread that re-checks edited rows (src/ui/recheck-worker.ts). */
import type { checkRows } from '../api.js';
import type { CheckedRow, RowsToCheck } from '../commands/check-rows.js';
import type { ThreadError } from './thread-error.js';

/** One re-check: `checkRows`'s arguments, numbered so its answer finds its caller. */
export interface RecheckJob {
  readonly id: number;
  readonly path: string;
  readonly rows: RowsToCheck;
  readonly options: NonNullable<Parameters<typeof checkRows>[2]>;
}

export type RecheckAnswer =
  | { readonly id: number; readonly checked: readonly CheckedRow[] }
  | { readonly id: number; readonly error: ThreadError };
