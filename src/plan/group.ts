import { ROW } from './messages.js';
import { col, say, shown } from '../messages.js';
import { currentLang } from '../lang.js';
import type { RowProblem } from '../errors.js';
import { enumLabel } from './normalise.js';
import { showTime } from '../time-zones.js';
import type { RowFields } from './row-fields.js';
import type { DimensionBody, InterviewBody } from '../feishu/body.js';
import type { ClearedKeys, InterviewPatch } from './types.js';
import { type Column, FIELD, INTERVIEW_VALUES, type InterviewValueColumn } from '../schema.js';
import { settle } from './assessment-placement.js';
import { bodyOf, clearedKeysOf, patchOf } from './group-bodies.js';
import { LEGACY_PREFIX, assessmentName, conflict, interviewName } from './group-names.js';
import {
  type AssessmentIndex,
  BY_KEY,
  BY_NO,
  BY_NOTHING,
  BY_USER,
  type DuplicateDimension,
  type Field,
  type GroupFindings,
  type GroupIndex,
  GroupStore,
  NONE,
  type RowIndex,
} from './group-store.js';

/** The interview's value columns, in `INTERVIEW_VALUES` order (`GroupStore.interviewValueFields`). */
const INTERVIEW_VALUE_COLUMNS: readonly InterviewValueColumn[] = INTERVIEW_VALUES.map((f) => f.column);

export { LEGACY_PREFIX, interviewName } from './group-names.js';
export type { DuplicateDimension } from './group-store.js';

/** A row whose external_id another interview of the file has too. */
export interface ExternalIdClash {
  readonly index: number;
  readonly externalId: string;
  /** The other interview's key and the row that gave it (its index, and its number as a person sees it). */
  readonly other: string;
  readonly otherIndex: number;
  readonly otherRow: number;
}

/**
 * Rows grouped by interview, wherever they are in the file, and within each interview into
 * assessments (by `assessment_no` when given, else by `username`, else by `assessment_external_id`), in order of first appearance;
 * dimensions keep file order. Interview and assessment fields may be blank on later rows; a
 * different non-blank value is a problem on the row that disagrees.
 *
 * The rows are held in a column store (`GroupStore`, src/plan/group-store.ts, which says why);
 * weakly named assessments are placed once every row is in (`settle`, src/plan/assessment-placement.ts);
 * bodies are built from the store in src/plan/group-bodies.ts. This class adds the rows.
 */
export class Grouping extends GroupStore implements GroupFindings {
  readonly externalIdClashes: ExternalIdClash[] = [];
  readonly #groupOfExternalId = new Map<string, { g: number; index: number; row: number }>();
  readonly duplicates: DuplicateDimension[] = [];
  /** Problems found once every row is in (`settle`), by row index. */
  readonly lateProblems: { readonly index: number; readonly problem: RowProblem }[] = [];

  /**
   * `zone`: times in conflict messages are shown as wall-clock time there, as the file wrote them.
   * `dimensionsPerRow`: 1, and one more for each wide column of a profile.
   */
  constructor(
    rows: number,
    private readonly zone = 'UTC',
    dimensionsPerRow = 1,
  ) {
    super(rows, dimensionsPerRow);
  }

  /** Adds row `index` (shown to people as `row`) to its interview and assessment. */
  add(index: RowIndex, f: RowFields, row: number): void {
    const key = f.interviewId ?? (f.externalId === undefined ? undefined : LEGACY_PREFIX + f.externalId);
    if (key === undefined) return;
    const g = this.joinGroup(key, index, row);
    // Spelled out field by field: this runs once per row.
    if (f.applicationId !== undefined) {
      const seen = this.applicationId.values[g];
      if (f.interviewId === undefined && seen !== undefined && seen !== f.applicationId)
        this.#keyInTwoApplications(g, f, row, seen);
      else this.#agree(this.applicationId, g, f.applicationId, row, f, 'external_application_id', g, false);
    }
    if (f.externalId !== undefined) {
      this.#agree(this.externalId, g, f.externalId, row, f, 'external_id', g, false);
      this.#claimExternalId(f.externalId, g, index, row);
    }
    if (f.clearExternalId) this.clearKey[g] = 1;
    // By position in `INTERVIEW_VALUES`, as the row holds them: no look-up by a different name at each step.
    const stores = this.interviewValueFields;
    for (let i = 0; i < INTERVIEW_VALUE_COLUMNS.length; i++) {
      const value = f.values[i];
      if (value !== undefined) this.#agree(stores[i]!, g, value, row, f, INTERVIEW_VALUE_COLUMNS[i]!, g, false);
    }
    this.#addToAssessment(g, f, row, index);
  }

  /** See src/plan/assessment-placement.ts. */
  settle(): void {
    settle(this, this);
  }

  /** The request body of a group whose rows are all valid. Keys in the API page's order. */
  bodyOf(g: GroupIndex): InterviewBody {
    return bodyOf(this, g);
  }

  /** What the file says of an interview for `--merge`: values it sets, fields it clears. */
  patchOf(g: GroupIndex, carriesAssessments: boolean): InterviewPatch {
    return patchOf(this, g, carriesAssessments);
  }

  /** The keys and fields the file clears, keys by position in `bodyOf(g)`; undefined when it clears none. */
  clearedKeysOf(g: GroupIndex): ClearedKeys | undefined {
    return clearedKeysOf(this, g);
  }

  /** A problem on an earlier row of group `g`, found by its number. */
  #tellEarlier(g: GroupIndex, row: number, problem: RowProblem): void {
    const index = this.indexOfRow(g, row);
    if (index !== NONE) this.lateProblems.push({ index, problem });
  }

  /**
   * One legacy key, one candidate: the same 外部系统面试ID in two applications names two interviews,
   * and Feishu enforces the key for 24 hours only (docs/feishu-api.md, "Create"). Both rows are
   * refused; merging them would put two candidates' assessments into one interview.
   */
  #keyInTwoApplications(g: GroupIndex, f: RowFields, row: number, seen: string): void {
    const externalId = f.externalId!;
    this.#onBothRows(g, f, row, this.applicationId.rows[g]!, f.applicationId!, seen, (here, there) => ({
      code: 'ROW_EXTERNAL_ID_TWICE',
      column: 'external_id',
      message: say(
        ROW.keyInTwoApplications({
          externalId,
          application: here.value,
          otherApplication: there.value,
          otherRow: there.row,
          row: here.row,
          column: col('external_id'),
        }),
      ),
    }));
  }

  /** One assessment key given to two interviewers of the interview: both rows are refused. */
  #keyTwice(g: GroupIndex, f: RowFields, row: number, seen: string, otherRow: number): void {
    const key = f.assessmentExternalId!;
    this.#onBothRows(g, f, row, otherRow, f.username!, seen, (here, there) => ({
      code: 'ROW_ASSESSMENT_KEY_TWICE',
      column: 'assessment_external_id',
      message: say(
        ROW.assessmentKeyTwice({
          key,
          user: here.value,
          otherUser: there.value,
          otherRow: there.row,
          row: here.row,
          column: col('assessment_external_id'),
        }),
      ),
    }));
  }

  /** A problem on this row and on the earlier one it disagrees with, each told from its own side. */
  #onBothRows(
    g: GroupIndex,
    f: RowFields,
    row: number,
    otherRow: number,
    value: string,
    otherValue: string,
    tell: (here: { row: number; value: string }, there: { row: number; value: string }) => RowProblem,
  ): void {
    const here = { row, value };
    const there = { row: otherRow, value: otherValue };
    f.problems.push(tell(here, there));
    this.#tellEarlier(g, otherRow, tell(there, here));
  }

  /** One legacy key, one interview: the same external_id on two interviews of the file is a row error. */
  #claimExternalId(externalId: string, g: GroupIndex, index: RowIndex, row: number): void {
    const owner = this.#groupOfExternalId.get(externalId);
    if (owner === undefined) this.#groupOfExternalId.set(externalId, { g, index, row });
    else if (owner.g !== g)
      this.externalIdClashes.push({
        index,
        externalId,
        other: this.ids[owner.g]!,
        otherIndex: owner.index,
        otherRow: owner.row,
      });
  }

  #addToAssessment(g: GroupIndex, f: RowFields, row: number, index: RowIndex): void {
    const hasAssessment =
      f.username !== undefined || hasAssessmentValue(f) || f.dimension !== undefined || f.wide !== undefined;
    if (
      !hasAssessment &&
      f.assessmentNo === undefined &&
      f.assessmentExternalId === undefined &&
      !f.clearAssessmentExternalId &&
      !f.removeAssessment
    )
      return;
    // The strongest name the row gives (README, "One assessment"): rows that share a key are one
    // assessment whatever else they leave blank. Weaker names are placed once every row is in.
    const identity =
      f.assessmentExternalId !== undefined
        ? BY_KEY
        : f.assessmentNo !== undefined
          ? BY_NO
          : f.username !== undefined
            ? BY_USER
            : BY_NOTHING;
    const a = this.assessmentFor(g, f.assessmentExternalId ?? f.assessmentNo ?? f.username ?? '', identity, index);
    if (f.clearAssessmentExternalId) this.clearAssessmentKey[a] = 1;
    if (f.removeAssessment) this.removeAssessment[a] = 1;
    if (f.assessmentNo !== undefined)
      this.#agree(this.assessmentNo, a, f.assessmentNo, row, f, 'assessment_no', g, true);
    if (f.assessmentExternalId !== undefined)
      this.#agree(this.assessmentExternalId, a, f.assessmentExternalId, row, f, 'assessment_external_id', g, true);
    if (f.username !== undefined) {
      const seen = this.username.values[a];
      if (this.identity[a] === BY_KEY && seen !== undefined && seen !== f.username)
        this.#keyTwice(g, f, row, seen, this.username.rows[a]!);
      else this.#agree(this.username, a, f.username, row, f, 'username', g, true);
    }
    // The row's values and the store's slots are both in `ASSESSMENT_VALUES` order.
    const slots = this.assessmentSlots;
    for (let i = 0; i < slots.length; i++) {
      const value = f.assessmentValues[i];
      if (value !== undefined) this.#agree(slots[i]!.field, a, value, row, f, slots[i]!.column, g, true);
    }
    if (f.wide && f.wideFirst) for (const dim of f.wide) this.#addDimension(g, a, dim, index, f);
    if (f.dimension) this.#addDimension(g, a, f.dimension, index, f);
    if (f.wide && !f.wideFirst) for (const dim of f.wide) this.#addDimension(g, a, dim, index, f);
  }

  #addDimension(g: GroupIndex, a: AssessmentIndex, dim: DimensionBody, index: RowIndex, f: RowFields): void {
    const title = dim.title;
    if (title !== undefined) this.#checkRepeat(g, a, title, index, f);
    this.linkDimension(a, dim, index);
  }

  /** A title already given in this assessment: the dimension would be sent twice. */
  #checkRepeat(g: GroupIndex, a: AssessmentIndex, title: string, index: RowIndex, f: RowFields): void {
    for (let d = this.firstDimension[a]!; d !== NONE; d = this.nextDimension[d]!) {
      if (this.dimensionTitles[d] !== title) continue;
      this.duplicates.push({
        first: this.dimensionRow[d]!,
        second: index,
        title,
        where: assessmentName(f, this.ids[g]!),
      });
      return;
    }
  }

  /** The value seen first stays; a different one is a problem on the row that disagrees. */
  #agree<T extends string | number | null>(
    field: Field<T>,
    at: number,
    value: T,
    row: number,
    f: RowFields,
    column: string,
    g: GroupIndex,
    inAssessment: boolean,
  ): void {
    const seen = field.offer(at, value, row);
    if (!seen) return;
    const assessment = inAssessment ? assessmentName(f, this.ids[g]!) : undefined;
    const where = assessment ?? interviewName(this.ids[g]!);
    const isTime = FIELD[column as Column]?.type === 'time';
    const show = (v: T) =>
      v === null
        ? '<clear>'
        : isTime
          ? showTime(v as number, this.zone)
          : (enumLabel(column, v) ??
            (typeof v === 'string' ? shown(v, currentLang(), !assessment) : JSON.stringify(v)));
    // Two times are facts too, for a front end that says them in its own words (a <clear> is said as it is).
    const times =
      isTime && typeof value === 'number' && typeof seen.value === 'number'
        ? { zone: this.zone, here: value, there: seen.value, other_row: seen.row }
        : undefined;
    f.problems.push(conflict(column, where, show(value), show(seen.value), seen.row, row, times));
  }
}

/** Whether the row gives any of an assessment's values. */
function hasAssessmentValue(f: RowFields): boolean {
  const values = f.assessmentValues;
  for (let i = 0; i < values.length; i++) if (values[i] !== undefined) return true;
  return false;
}
