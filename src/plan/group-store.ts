import type { Pair } from '../messages.js';
import type { RowProblem } from '../errors.js';
import type { DimensionBody } from '../feishu/body.js';
import {
  ASSESSMENT_VALUES,
  type AssessmentValueColumn,
  type AssessmentValueKey,
  INTERVIEW_VALUES,
  type InterviewValueColumn,
} from '../schema.js';

/**
 * The column store behind `Grouping` (src/plan/group.ts): rows grouped by interview, assessments
 * within each interview, dimensions within each assessment.
 *
 * Held as columns (one array per field, indexed by group or assessment) and linked lists through
 * typed arrays, not as an object with arrays per group: rows come in any order, so each row lands
 * on another group, and following a group's objects through the heap cost more than parsing the
 * row (100,000 scattered rows: 220 ms, and 120 ms this way).
 *
 * Four kinds of index, all plain numbers, named by their type below:
 * - `RowIndex`: a row's index in `table.rows`; a row's number as a person sees it is `rowNumber[i]`;
 * - `GroupIndex`: an interview, in order of first appearance (`ids[g]` is its key);
 * - `AssessmentIndex`: an assessment of any interview, in order of creation;
 * - `DimensionIndex`: a dimension of any assessment, in order of creation (`dimensions[d]`).
 * Each list (a group's rows, a group's assessments, an assessment's dimensions) is `first…[owner]`,
 * then `next…[item]` until `NONE`, with `last…[owner]` for appending.
 */
export type RowIndex = number;
export type GroupIndex = number;
export type AssessmentIndex = number;
export type DimensionIndex = number;

/** No group, assessment or row: the end of a linked list. */
export const NONE = -1;

/**
 * What tells an assessment apart within its interview, strongest first: its legacy key
 * (外部系统面评ID), its number (评价序号), its interviewer, or nothing the row gives.
 */
export const BY_KEY = 0;
export const BY_NO = 1;
export const BY_USER = 2;
export const BY_NOTHING = 3;
export const IDENTITIES = 4;

/** Two rows that give the same dimension of the same assessment: both are invalid. */
export interface DuplicateDimension {
  /** Row indexes in table.rows: the earlier and the later. */
  readonly first: RowIndex;
  readonly second: RowIndex;
  readonly title: string;
  /** "assessment of 张伟 of interview 7…", as conflicts name it. */
  readonly where: Pair;
}

/** What grouping finds wrong across rows: the placement of assessments adds to these. */
export interface GroupFindings {
  readonly duplicates: DuplicateDimension[];
  /** Problems found once every row is in (`settle`), by row index. */
  readonly lateProblems: { readonly index: RowIndex; readonly problem: RowProblem }[];
}

/**
 * One field across all groups (or all assessments): the value seen first, `undefined` while none
 * has been, and the row it was on (as a person numbers it) so that a disagreeing row can name it.
 */
export class Field<T extends string | number | null> {
  readonly values: (T | undefined)[] = [];
  readonly rows: Int32Array;

  /** `capacity`: the most groups or assessments there can be, one per row (see `GroupStore`). */
  constructor(capacity: number) {
    this.rows = new Int32Array(capacity);
  }

  grow(): void {
    this.values.push(undefined);
  }

  /** Keeps the value seen first; returns that one when `value` differs from it. */
  offer(at: number, value: T, row: number): { value: T; row: number } | undefined {
    const seen = this.values[at];
    if (seen === undefined) {
      this.values[at] = value;
      this.rows[at] = row;
      return undefined;
    }
    return seen === value ? undefined : { value: seen, row: this.rows[at]! };
  }
}

/** One of an assessment's values (`ASSESSMENT_VALUES`): its column, its body key and its store. */
export interface AssessmentSlot {
  readonly column: AssessmentValueColumn;
  readonly key: AssessmentValueKey;
  readonly field: Field<number | string>;
}

export class GroupStore {
  /** Interview keys in order of first appearance: group `g` is `ids[g]`. */
  readonly ids: string[] = [];
  readonly byId = new Map<string, GroupIndex>();
  // Each group's rows, linked in file order.
  readonly firstRow: Int32Array;
  readonly lastRow: Int32Array;
  readonly rowCount: Int32Array;
  readonly nextRow: Int32Array;
  /** Each row's group; NONE when the row has no usable interview id. */
  readonly groupOf: Int32Array;
  /** Row numbers as a person sees them, by row index: for the patches' row references. */
  readonly rowNumber: Int32Array;
  /** Interviews whose key cell holds `<clear>`. */
  readonly clearKey: Uint8Array;

  readonly applicationId: Field<string>;
  readonly externalId: Field<string>;
  /** The interview's values (`INTERVIEW_VALUES`), a column each; `null` values come from the `<clear>` marker. */
  readonly interviewValues: Readonly<Record<InterviewValueColumn, Field<number | string | null>>>;
  /** The same columns in `INTERVIEW_VALUES` order: the per-row loop reads them by position. */
  readonly interviewValueFields: readonly Field<number | string | null>[];

  // Assessments, linked per group in order of first appearance. Their keys are numbered, so
  // finding a row's assessment compares numbers instead of reading strings.
  readonly keyNumbers = new Map<string, number>();
  readonly firstAssessment: Int32Array;
  readonly lastAssessment: Int32Array;
  assessmentCount = 0;
  readonly assessmentKey: Int32Array;
  /** BY_KEY … BY_NOTHING: what the assessment's first row named it by. */
  readonly identity: Uint8Array;
  /** Absorbed into another assessment of its interview (see `settle`): no longer in its list. */
  readonly absorbed: Uint8Array;
  readonly assessmentNo: Field<string>;
  /** The assessment's key cell holds `<clear>`: its key in Feishu is removed. */
  readonly clearAssessmentKey: Uint8Array;
  /** `<clear>` in 面试官: the assessment is removed (`--merge`) or left out of the body. */
  readonly removeAssessment: Uint8Array;
  /** The row index on which each assessment first appears. */
  readonly assessmentRow: Int32Array;
  readonly nextAssessment: Int32Array;
  readonly assessmentExternalId: Field<string>;
  readonly username: Field<string>;
  /** The assessment's values (`ASSESSMENT_VALUES`), a column each, by column name. */
  readonly assessmentValues: Readonly<Record<AssessmentValueColumn, Field<number | string>>>;
  /**
   * The same columns in `ASSESSMENT_VALUES` order, each with its names: the loops that run per row
   * or per assessment read these objects of one shape, not FIELDS' entries of as many shapes as
   * fields, nor `assessmentValues` by a different name at each step.
   */
  readonly assessmentSlots: readonly AssessmentSlot[];
  // Dimensions, linked per assessment in file order.
  readonly dimensions: DimensionBody[] = [];
  /**
   * Each dimension's title, beside it: a repeated title is looked for on every row, and read
   * here, not from each dimension object scattered through the heap, that look-up fell from 4-5%
   * to 2% of the 1,000,000-row benchmark's profile (--cpu-prof).
   */
  readonly dimensionTitles: (string | undefined)[];
  readonly dimensionRow: Int32Array;
  readonly nextDimension: Int32Array;
  readonly firstDimension: Int32Array;
  readonly lastDimension: Int32Array;

  /** `dimensionsPerRow`: 1, and one more for each wide column of a profile. */
  constructor(rows: number, dimensionsPerRow = 1) {
    this.rowNumber = new Int32Array(rows);
    this.nextRow = new Int32Array(rows).fill(NONE);
    this.groupOf = new Int32Array(rows).fill(NONE);
    // Each row starts at most one group, one assessment and one dimension, so `rows` bounds
    // them all. A zeroed typed array is taken from the system as untouched pages, and only the
    // part that is written costs memory.
    const ints = () => new Int32Array(rows);
    const flags = () => new Uint8Array(rows);
    this.firstRow = ints();
    this.lastRow = ints();
    this.rowCount = ints();
    this.firstAssessment = ints();
    this.lastAssessment = ints();
    this.clearKey = flags();
    this.applicationId = new Field(rows);
    this.externalId = new Field(rows);
    this.interviewValueFields = INTERVIEW_VALUES.map(() => new Field<number | string | null>(rows));
    this.interviewValues = Object.fromEntries(
      INTERVIEW_VALUES.map((f, i) => [f.column, this.interviewValueFields[i]!]),
    ) as Record<InterviewValueColumn, Field<number | string | null>>;
    this.assessmentSlots = ASSESSMENT_VALUES.map((f) => ({
      column: f.column,
      key: f.key,
      field: new Field<number | string>(rows),
    }));
    this.assessmentValues = Object.fromEntries(this.assessmentSlots.map((v) => [v.column, v.field])) as Record<
      AssessmentValueColumn,
      Field<number | string>
    >;
    this.assessmentKey = ints();
    this.identity = flags();
    this.absorbed = flags();
    this.clearAssessmentKey = flags();
    this.removeAssessment = flags();
    this.assessmentRow = ints();
    this.nextAssessment = ints();
    this.firstDimension = ints();
    this.lastDimension = ints();
    this.assessmentNo = new Field(rows);
    this.assessmentExternalId = new Field(rows);
    this.username = new Field(rows);
    const dimensions = rows * dimensionsPerRow;
    this.dimensionRow = new Int32Array(dimensions);
    // Its full size at once: grown by push, the copies it left behind raised the peak by 30 MB.
    this.dimensionTitles = new Array(dimensions);
    this.nextDimension = new Int32Array(dimensions);
  }

  get count(): number {
    return this.ids.length;
  }

  /** The group of row `index`; NONE (-1) when the row has no usable interview id. */
  groupOfRow(index: RowIndex): GroupIndex {
    return this.groupOf[index]!;
  }

  /** Row indexes of group `g`, in file order. */
  rowsOf(g: GroupIndex): RowIndex[] {
    const rows = new Array<number>(this.rowCount[g]!);
    for (let i = this.firstRow[g]!, k = 0; i !== NONE; i = this.nextRow[i]!) rows[k++] = i;
    return rows;
  }

  /** The index of the row numbered `row` (as a person sees it) among group `g`'s rows. */
  indexOfRow(g: GroupIndex, row: number): RowIndex {
    for (let i = this.firstRow[g]!; i !== NONE; i = this.nextRow[i]!) if (this.rowNumber[i] === row) return i;
    return NONE;
  }

  /** Row `index` joins group `key`, which it starts when it is the group's first row. */
  joinGroup(key: string, index: RowIndex, row: number): GroupIndex {
    this.rowNumber[index] = row;
    let g = this.byId.get(key);
    if (g === undefined) {
      g = this.#newGroup(key, index);
    } else {
      this.nextRow[this.lastRow[g]!] = index;
      this.lastRow[g] = index;
      this.rowCount[g]!++;
    }
    this.groupOf[index] = g;
    return g;
  }

  #newGroup(id: string, index: RowIndex): GroupIndex {
    const g = this.ids.length;
    this.byId.set(id, g);
    this.ids.push(id);
    this.firstRow[g] = index;
    this.lastRow[g] = index;
    this.rowCount[g] = 1;
    this.firstAssessment[g] = NONE;
    this.lastAssessment[g] = NONE;
    this.applicationId.grow();
    this.externalId.grow();
    for (const column of this.interviewValueFields) column.grow();
    return g;
  }

  /** Group `g`'s assessment named by `text` the way `identity` says; a new one when it has none yet. */
  assessmentFor(g: GroupIndex, text: string, identity: number, index: RowIndex): AssessmentIndex {
    let number = this.keyNumbers.get(text);
    if (number === undefined) {
      number = this.keyNumbers.size;
      this.keyNumbers.set(text, number);
    }
    // An assessment keyed "1", one numbered "1" and one of an interviewer named "1" are three assessments.
    const key = number * IDENTITIES + identity;
    let a = this.firstAssessment[g]!;
    while (a !== NONE && this.assessmentKey[a] !== key) a = this.nextAssessment[a]!;
    return a === NONE ? this.#newAssessment(g, key, identity, index) : a;
  }

  #newAssessment(g: GroupIndex, key: number, identity: number, index: RowIndex): AssessmentIndex {
    const a = this.assessmentCount++;
    this.assessmentKey[a] = key;
    this.identity[a] = identity;
    this.assessmentNo.grow();
    this.assessmentRow[a] = index;
    this.nextAssessment[a] = NONE;
    this.firstDimension[a] = NONE;
    this.lastDimension[a] = NONE;
    this.assessmentExternalId.grow();
    this.username.grow();
    const slots = this.assessmentSlots;
    for (let i = 0; i < slots.length; i++) slots[i]!.field.grow();
    const last = this.lastAssessment[g]!;
    if (last === NONE) this.firstAssessment[g] = a;
    else this.nextAssessment[last] = a;
    this.lastAssessment[g] = a;
    return a;
  }

  /** Appends `dim`, given on row `index`, to assessment `a`'s dimensions. */
  linkDimension(a: AssessmentIndex, dim: DimensionBody, index: RowIndex): void {
    const d = this.dimensions.length;
    this.dimensions.push(dim);
    this.dimensionTitles[d] = dim.title;
    this.dimensionRow[d] = index;
    this.nextDimension[d] = NONE;
    const last = this.lastDimension[a]!;
    if (last === NONE) this.firstDimension[a] = d;
    else this.nextDimension[last] = d;
    this.lastDimension[a] = d;
  }

  /** Group `g`'s assessments, in order of first appearance. */
  assessmentsOf(g: GroupIndex): AssessmentIndex[] {
    const all: AssessmentIndex[] = [];
    for (let a = this.firstAssessment[g]!; a !== NONE; a = this.nextAssessment[a]!) all.push(a);
    return all;
  }

  /** Assessment `a`'s dimensions, in file order. */
  dimensionsOf(a: AssessmentIndex): DimensionIndex[] {
    const all: DimensionIndex[] = [];
    for (let d = this.firstDimension[a]!; d !== NONE; d = this.nextDimension[d]!) all.push(d);
    return all;
  }

  /** The rows an assessment holds: its first row and each of its dimensions' rows. */
  rowsOfAssessment(a: AssessmentIndex): RowIndex[] {
    const rows = new Set<number>([this.assessmentRow[a]!]);
    for (let d = this.firstDimension[a]!; d !== NONE; d = this.nextDimension[d]!) rows.add(this.dimensionRow[d]!);
    return [...rows].sort((x, y) => x - y);
  }
}
