import type { ProblemFacts, RowProblem } from '../errors.js';
import type { HeaderMapping } from '../input/headers.js';
import type { DimensionBody, InterviewBody } from '../feishu/body.js';
import type { InputTable } from '../input/table.js';

export { ROW_STATUSES, type RowStatus } from '../row-statuses.js';
import type { RowStatus } from '../row-statuses.js';

/** What the report says about one input row. */
export interface RowOutcome {
  status: RowStatus;
  /** The interview's Feishu id, where the file named it by its legacy key: the report fills it in. */
  feishuId?: string;
  errorCode?: string;
  /** The template column at fault (its canonical name); the report names it as the file does. */
  errorColumn?: string;
  message?: string;
  /** The times the problem names, where it names any (src/errors.ts `ProblemFacts`). */
  errorFacts?: ProblemFacts;
  /** Every problem of an invalid row, when it has more than one (`message` joins them; the page lists them). */
  problems?: readonly RowProblem[];
  httpStatus?: number;
  logId?: string;
  attempts?: number;
}

export type { ClearableField } from '../schema.js';
import type { AssessmentValues, ClearableField } from '../schema.js';

/**
 * Keys the file removes with `<clear>`. Every other key Feishu holds is kept where the file leaves
 * its cell blank (README, "Legacy keys"): a blank cell never erases one.
 */
export interface ClearedKeys {
  /** The interview's `external_id`. */
  readonly interview: boolean;
  /** Each assessment's `external_id`, by position in the body's `interview_assessments`. */
  readonly assessments: readonly boolean[];
  /** The interview's fields whose cell says `<clear>`: a plain import removes these without `--replace`. */
  readonly fields?: readonly ClearableField[];
}

/** Where a part of a correction came from: the row's index in `table.rows`, and its number as a person sees it. */
export interface RowRef {
  readonly index: number;
  readonly row: number;
}

/** A dimension as a correction file names it: matched to a current one by its title. */
export interface DimensionPatch {
  readonly at: RowRef;
  readonly title?: string;
  /** The fields the row gives, the title left out. */
  readonly set: Omit<DimensionBody, 'title'>;
}

/**
 * An assessment as a correction file names it: by its number (评价序号, its position among the
 * current ones), by its interviewer, or by nothing when the interview has only one.
 */
export interface AssessmentPatch extends Readonly<AssessmentValues> {
  /** Its first row: blamed when it names an assessment that does not exist. */
  readonly at: RowRef;
  readonly externalId?: string;
  /** The key cell holds `<clear>`: the assessment's key in Feishu is removed. */
  readonly clearExternalId?: boolean;
  /** The 面试官 cell holds `<clear>`: the assessment is removed. */
  readonly remove?: boolean;
  readonly no?: string;
  readonly username?: string;
  readonly dimensions: readonly DimensionPatch[];
}

/** What a file says of one interview, for `--merge` with the current record. */
export interface InterviewPatch {
  /** Values the file gives; what it leaves blank is absent and keeps the current value. */
  readonly set: Partial<InterviewBody>;
  /** Fields whose cell says `<clear>`. */
  readonly clear: readonly ClearableField[];
  /** The file's assessments; undefined when the file has no assessment column (keep the current ones). */
  readonly assessments?: readonly AssessmentPatch[];
}

interface PlannedBase {
  /** The Feishu id; for an interview without one, `external_id:` and its legacy key (see `legacy`). */
  readonly id: string;
  /** Rows without a Feishu id: the interview is found by application and `external_id`, or created (`--create-missing`). */
  readonly legacy?: { readonly externalId: string };
  /** Indexes into `table.rows`, in file order. */
  readonly rows: readonly number[];
}

/**
 * What a run is to do with one interview:
 * - `invalid`: some row of it is invalid, so nothing of it is sent;
 * - `replace`: PUT the file's body (a plain import), or create it (`--create-missing`);
 * - `merge`: change what the file names in the current record (`--merge`); `body` is there when
 *   the file gives the application (a legacy interview is found, or created, with it);
 * - `restore`: `undo` puts back what an earlier run changed (`body` before it, `written` by it);
 * - `remove`: `undo` of a create deletes the interview, if it still holds exactly `body`.
 */
export type PlannedInterview = InvalidPlanned | WholePlanned | MergePlanned;

export type InvalidPlanned = PlannedBase & { readonly kind: 'invalid' };
export type WholePlanned = PlannedBase & {
  readonly kind: 'replace' | 'restore' | 'remove';
  readonly body: InterviewBody;
  /** `replace`: the keys the file clears; the others are carried over from the current record. */
  readonly cleared?: ClearedKeys;
  /** `restore`: the body the undone run wrote; undo puts `body` back only where Feishu still holds this. */
  readonly written?: InterviewBody;
};
export type MergePlanned = PlannedBase & {
  readonly kind: 'merge';
  readonly patch: InterviewPatch;
  readonly body?: InterviewBody;
};
export type SendablePlanned = WholePlanned | MergePlanned;

export interface Plan {
  readonly table: InputTable;
  /** One outcome per `table.rows` entry; the import fills in what happened. */
  readonly outcomes: RowOutcome[];
  /** Every interview, valid or not, in order of first appearance. */
  readonly interviews: readonly PlannedInterview[];
  readonly zone: string;
  /** True when some time had no offset and `zone` decided it. */
  readonly usedZone: boolean;
  /**
   * The header mapping the file was read with (`--map`), one object passed on as it is: the
   * reports of earlier runs, read as records, are read with it too.
   */
  readonly mapping?: HeaderMapping;
}

/**
 * One changed field of an interview, or one of its assessments or dimensions added or removed
 * whole (`whole`, no `column`).
 */
export interface FieldChange {
  /** The assessment it is of: its place (1 for the first) and interviewer. */
  readonly assessment?: { readonly n: number; readonly username?: string };
  /** The dimension of that assessment it is of: its title, or its place where it has none. */
  readonly dimension?: string | number;
  /** The field's template column (src/fields.ts): `conclusion`, `score`. */
  readonly column?: string;
  readonly whole?: 'added' | 'removed';
  /** The value as the body holds it (a time in epoch milliseconds, an enumeration's number); absent for none. */
  readonly before?: unknown;
  readonly after?: unknown;
}
