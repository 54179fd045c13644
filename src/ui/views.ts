/**
 * What the page and its server say to each other: shared by src/ui/ (Node) and src/ui/page/
 * (the browser), types only.
 */
export type { ResultView, RunAction, RunView } from './run-sessions.js';
export type { GridRow } from './report-rows.js';
export type { ChangeGroup, FieldChange, InterviewChange } from '../report/run-result.js';
export type { EarlierRun } from './earlier-runs.js';
export type { Mode } from './run-steps.js';
export type { MappingAnswer } from './mapping-routes.js';
export type { CheckedFile } from './routes.js';
export type { ColumnFacts, MappingDraft, WordFacts } from '../input/mapping-draft.js';
export type { EnumColumn, MappingProfile, WideDimensionEntry } from '../input/profile.js';

export interface StateAnswer {
  readonly run: import('./run-sessions.js').RunView | null;
  /** The flow's runs by action (src/ui/run-chain.ts): the check, preview and import a reopened tab shows. */
  readonly runs: Partial<Record<import('./run-sessions.js').RunAction, import('./run-sessions.js').RunView>>;
  readonly earlier: readonly import('./earlier-runs.js').EarlierRun[];
  readonly maxUpload: number;
  /** The zone the page starts with, and why (src/ui/zone-choice.ts). */
  readonly zone: import('./zone-choice.js').ZoneChoice;
  /** The file the flow's check read, while it is kept: a reopened tab takes it up. */
  readonly checked?: import('./routes.js').CheckedFile;
}

export interface RowsAnswer {
  readonly columns: readonly string[];
  /** Columns the file's sheet hides: the grid hides them too. */
  readonly hidden?: readonly string[];
  readonly from: number;
  readonly total: number;
  /** The zone the run read the times in: each row's `times` land as this zone's wall clock. */
  readonly zone?: string;
  readonly rows: readonly import('./report-rows.js').GridRow[];
}

export interface UploadAnswer {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  /** A workbook's visible sheets, in its order; none for a CSV. */
  readonly sheets: readonly string[];
}

export interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: { readonly zh: string; readonly en: string } };
}
