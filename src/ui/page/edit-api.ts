/** The page's calls for fixing the file in place (src/ui/edit-routes.ts). */
import type { CellEdit } from '../../input/edits.js';
import type { GridRow, ResultView } from '../views.js';
import { call, post, saveFrom } from './api.js';

export type { CellEdit };

export interface EditAnswer {
  readonly edits: readonly CellEdit[];
  /** The rows checked again at once that now show otherwise, by their index among the check's rows. */
  readonly rows?: Readonly<Record<number, GridRow>>;
  /** The check's counts with those rows as they are now. */
  readonly counts?: Readonly<Record<string, number>>;
  /** The check's commonest problems with those rows as they are now. */
  readonly problems?: ResultView['problems'];
  /** Listed for a check: edits were made that it has not read. */
  readonly stale?: boolean;
}

export interface RowProblems {
  readonly row: number;
  readonly status: string;
  readonly message?: string;
  readonly problems: readonly { message: string; column?: string; fault?: number }[];
}

const editsPath = (upload: string) => `/api/uploads/${encodeURIComponent(upload)}/edits`;

export const sendEdit = (upload: string, run: string, edit: CellEdit) =>
  call<EditAnswer>(editsPath(upload), post({ run, edit }));

export const undoEdit = (upload: string, run: string) => call<EditAnswer>(editsPath(upload), post({ run, undo: true }));

/** The edits made so far; with `run`, that check's counts as edited and whether it is behind them. */
export const listEdits = (upload: string, run?: string) =>
  call<EditAnswer>(run === undefined ? editsPath(upload) : `${editsPath(upload)}?run=${encodeURIComponent(run)}`);

export const rowProblems = (run: string, row: number) =>
  call<RowProblems>(`/api/runs/${encodeURIComponent(run)}/problems?row=${row}`);

export const nextProblem = (run: string, after: number) =>
  call<{ index: number | null; row: number | null }>(
    `/api/runs/${encodeURIComponent(run)}/next-problem?after=${after}`,
  );

/** Downloads the file as edited (.xlsx), read as check `run` read it. */
export const saveEdited = (run: string) => saveFrom(`/api/runs/${encodeURIComponent(run)}/edited`);
