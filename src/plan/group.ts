import { NAME, ROW } from './messages.js';
import { type Pair, col, say, shown } from '../messages.js';
import { currentLang } from '../lang.js';
import type { RowProblem } from '../errors.js';
import { enumLabel } from './normalise.js';
import { showTime } from '../time-zones.js';
import type { RowFields } from './row-fields.js';
import type { AssessmentBody, DimensionBody, InterviewBody } from '../feishu/body.js';
import type { AssessmentPatch, ClearableField, ClearedKeys, DimensionPatch, InterviewPatch } from './types.js';

/** No group, assessment or row: the end of a linked list. */
const NONE = -1;

/**
 * What tells an assessment apart within its interview, strongest first: its legacy key
 * (外部系统面评ID), its number (评价序号), its interviewer, or nothing the row gives.
 */
const BY_KEY = 0;
const BY_NO = 1;
const BY_USER = 2;
const BY_NOTHING = 3;
const IDENTITIES = 4;

/**
 * The group key of an interview that has no Feishu id yet: its legacy key (`external_id`).
 * Not digits, so it can never be taken for a Feishu id.
 */
export const LEGACY_PREFIX = 'external_id:';

/** How a message names an interview: its Feishu id, or its legacy key. */
export function interviewName(key: string): Pair {
  return key.startsWith(LEGACY_PREFIX) ? NAME.legacyInterview(key.slice(LEGACY_PREFIX.length)) : NAME.interview(key);
}

/** A row whose external_id another interview of the file has too. */
export interface ExternalIdClash {
  readonly index: number;
  readonly externalId: string;
  /** The other interview's key and the row that gave it (its index, and its number as a person sees it). */
  readonly other: string;
  readonly otherIndex: number;
  readonly otherRow: number;
}

/** Two rows that give the same dimension of the same assessment: both are invalid. */
export interface DuplicateDimension {
  /** Row indexes in table.rows: the earlier and the later. */
  readonly first: number;
  readonly second: number;
  readonly title: string;
  /** "assessment of 张伟 of interview 7…", as conflicts name it. */
  readonly where: Pair;
}

/**
 * One field across all groups (or all assessments): the value seen first, `undefined` while none
 * has been, and the row it was on (as a person numbers it) so that a disagreeing row can name it.
 */
class Field<T extends string | number | null> {
  readonly values: (T | undefined)[] = [];
  readonly rows: Int32Array;

  /** `capacity`: the most groups or assessments there can be, one per row (see `Grouping`). */
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

/**
 * Rows grouped by interview, wherever they are in the file, and within each interview into
 * assessments (by `assessment_no` when given, else by `username`, else by `assessment_external_id`), in order of first appearance;
 * dimensions keep file order. Interview and assessment fields may be blank on later rows; a
 * different non-blank value is a problem on the row that disagrees.
 *
 * Held as columns (one array per field, indexed by group or assessment) and linked lists through
 * typed arrays, not as an object with arrays per group: rows come in any order, so each row lands
 * on another group, and following a group's objects through the heap cost more than parsing the
 * row (100,000 scattered rows: 220 ms, and 120 ms this way).
 */
export class Grouping {
  /** Interview ids in order of first appearance: group `g` is `ids[g]`. */
  readonly ids: string[] = [];
  readonly #byId = new Map<string, number>();
  // Each group's rows (indexes into table.rows), linked in file order.
  readonly #firstRow: Int32Array;
  readonly #lastRow: Int32Array;
  readonly #rowCount: Int32Array;
  readonly #nextRow: Int32Array;
  readonly #groupOfRow: Int32Array;

  readonly applicationId: Field<string>;
  readonly externalId: Field<string>;
  readonly externalIdClashes: ExternalIdClash[] = [];
  readonly #groupOfExternalId = new Map<string, { g: number; index: number; row: number }>();
  /** `null` values come from the `<clear>` marker. */
  readonly participateStatus: Field<number | null>;
  readonly beginTime: Field<number | null>;
  readonly endTime: Field<number | null>;

  // Assessments, linked per group in order of first appearance. Their keys are numbered, so
  // finding a row's assessment compares numbers instead of reading strings.
  readonly #keyNumbers = new Map<string, number>();
  readonly #firstAssessment: Int32Array;
  readonly #lastAssessment: Int32Array;
  #assessmentCount = 0;
  readonly #assessmentKey: Int32Array;
  /** BY_KEY … BY_NOTHING: what the assessment's first row named it by. */
  readonly #identity: Uint8Array;
  /** Absorbed into another assessment of its interview (see `settle`): no longer in its list. */
  readonly #absorbed: Uint8Array;
  readonly #assessmentNo: Field<string>;
  /** The assessment's key cell holds `<clear>`: its key in Feishu is removed. */
  readonly #clearAssessmentKey: Uint8Array;
  /** `<clear>` in 面试官: the assessment is removed (`--merge`) or left out of the body. */
  readonly #removeAssessment: Uint8Array;
  /** The row index on which each assessment first appears. */
  readonly #assessmentRow: Int32Array;
  readonly #nextAssessment: Int32Array;
  readonly #assessmentExternalId: Field<string>;
  readonly #username: Field<string>;
  readonly #conclusion: Field<number>;
  readonly #content: Field<string>;
  // Dimensions, linked per assessment in file order.
  readonly #dimensions: DimensionBody[] = [];
  /**
   * Each dimension's title, beside it: a repeated title is looked for on every row, and read
   * here, not from each dimension object scattered through the heap, that look-up fell from 4-5%
   * to 2% of the 1,000,000-row benchmark's profile (--cpu-prof).
   */
  readonly #dimensionTitles: (string | undefined)[];
  readonly #dimensionRow: Int32Array;
  readonly #nextDimension: Int32Array;
  readonly #firstDimension: Int32Array;
  readonly #lastDimension: Int32Array;

  readonly duplicates: DuplicateDimension[] = [];
  /** Problems found once every row is in (`settle`), by row index. */
  readonly lateProblems: { readonly index: number; readonly problem: RowProblem }[] = [];
  /** Interviews whose key cell holds `<clear>`. */
  readonly #clearKey: Uint8Array;
  /** Row numbers as a person sees them, by row index: for the patches' row references. */
  readonly #rowNumber: Int32Array;

  /**
   * `zone`: times in conflict messages are shown as wall-clock time there, as the file wrote them.
   * `dimensionsPerRow`: 1, and one more for each wide column of a profile.
   */
  constructor(
    rows: number,
    private readonly zone = 'UTC',
    dimensionsPerRow = 1,
  ) {
    this.#rowNumber = new Int32Array(rows);
    this.#nextRow = new Int32Array(rows).fill(NONE);
    this.#groupOfRow = new Int32Array(rows).fill(NONE);
    // Each row starts at most one group, one assessment and one dimension, so `rows` bounds
    // them all. A zeroed typed array is taken from the system as untouched pages, and only the
    // part that is written costs memory.
    const ints = () => new Int32Array(rows);
    const flags = () => new Uint8Array(rows);
    this.#firstRow = ints();
    this.#lastRow = ints();
    this.#rowCount = ints();
    this.#firstAssessment = ints();
    this.#lastAssessment = ints();
    this.#clearKey = flags();
    this.applicationId = new Field(rows);
    this.externalId = new Field(rows);
    this.participateStatus = new Field(rows);
    this.beginTime = new Field(rows);
    this.endTime = new Field(rows);
    this.#assessmentKey = ints();
    this.#identity = flags();
    this.#absorbed = flags();
    this.#clearAssessmentKey = flags();
    this.#removeAssessment = flags();
    this.#assessmentRow = ints();
    this.#nextAssessment = ints();
    this.#firstDimension = ints();
    this.#lastDimension = ints();
    this.#assessmentNo = new Field(rows);
    this.#assessmentExternalId = new Field(rows);
    this.#username = new Field(rows);
    this.#conclusion = new Field(rows);
    this.#content = new Field(rows);
    const dimensions = rows * dimensionsPerRow;
    this.#dimensionRow = new Int32Array(dimensions);
    // Its full size at once: grown by push, the copies it left behind raised the peak by 30 MB.
    this.#dimensionTitles = new Array(dimensions);
    this.#nextDimension = new Int32Array(dimensions);
  }

  get count(): number {
    return this.ids.length;
  }

  /** The group of row `index`; NONE (-1) when the row has no usable interview id. */
  groupOfRow(index: number): number {
    return this.#groupOfRow[index]!;
  }

  /** Row indexes of group `g`, in file order. */
  rowsOf(g: number): number[] {
    const rows = new Array<number>(this.#rowCount[g]!);
    for (let i = this.#firstRow[g]!, k = 0; i !== NONE; i = this.#nextRow[i]!) rows[k++] = i;
    return rows;
  }

  /** Adds row `index` (shown to people as `row`) to its interview and assessment. */
  add(index: number, f: RowFields, row: number): void {
    const key = f.interviewId ?? (f.externalId === undefined ? undefined : LEGACY_PREFIX + f.externalId);
    if (key === undefined) return;
    this.#rowNumber[index] = row;
    let g = this.#byId.get(key);
    if (g === undefined) {
      g = this.#newGroup(key, index);
    } else {
      this.#nextRow[this.#lastRow[g]!] = index;
      this.#lastRow[g] = index;
      this.#rowCount[g]!++;
    }
    this.#groupOfRow[index] = g;
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
    if (f.clearExternalId) this.#clearKey[g] = 1;
    if (f.participateStatus !== undefined)
      this.#agree(this.participateStatus, g, f.participateStatus, row, f, 'participate_status', g, false);
    if (f.beginTime !== undefined) this.#agree(this.beginTime, g, f.beginTime, row, f, 'begin_time', g, false);
    if (f.endTime !== undefined) this.#agree(this.endTime, g, f.endTime, row, f, 'end_time', g, false);
    this.#addToAssessment(g, f, row, index);
  }

  /** The index of the row numbered `row` (as a person sees it) among group `g`'s rows. */
  #indexOfRow(g: number, row: number): number {
    for (let i = this.#firstRow[g]!; i !== NONE; i = this.#nextRow[i]!) if (this.#rowNumber[i] === row) return i;
    return NONE;
  }

  /** A problem on an earlier row of group `g`, found by its number. */
  #tellEarlier(g: number, row: number, problem: RowProblem): void {
    const index = this.#indexOfRow(g, row);
    if (index !== NONE) this.lateProblems.push({ index, problem });
  }

  /**
   * One legacy key, one candidate: the same 外部系统面试ID in two applications names two interviews,
   * and Feishu enforces the key for 24 hours only (docs/feishu-api.md, "Create"). Both rows are
   * refused; merging them would put two candidates' assessments into one interview.
   */
  #keyInTwoApplications(g: number, f: RowFields, row: number, seen: string): void {
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
  #keyTwice(g: number, f: RowFields, row: number, seen: string, otherRow: number): void {
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
    g: number,
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
  #claimExternalId(externalId: string, g: number, index: number, row: number): void {
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

  #newGroup(id: string, index: number): number {
    const g = this.ids.length;
    this.#byId.set(id, g);
    this.ids.push(id);
    this.#firstRow[g] = index;
    this.#lastRow[g] = index;
    this.#rowCount[g] = 1;
    this.#firstAssessment[g] = NONE;
    this.#lastAssessment[g] = NONE;
    this.applicationId.grow();
    this.externalId.grow();
    this.participateStatus.grow();
    this.beginTime.grow();
    this.endTime.grow();
    return g;
  }

  #addToAssessment(g: number, f: RowFields, row: number, index: number): void {
    const hasAssessment =
      f.username !== undefined ||
      f.conclusion !== undefined ||
      f.assessmentContent !== undefined ||
      f.dimension !== undefined ||
      f.wide !== undefined;
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
    const text = f.assessmentExternalId ?? f.assessmentNo ?? f.username ?? '';
    let number = this.#keyNumbers.get(text);
    if (number === undefined) {
      number = this.#keyNumbers.size;
      this.#keyNumbers.set(text, number);
    }
    // An assessment keyed "1", one numbered "1" and one of an interviewer named "1" are three assessments.
    const key = number * IDENTITIES + identity;
    let a = this.#firstAssessment[g]!;
    while (a !== NONE && this.#assessmentKey[a] !== key) a = this.#nextAssessment[a]!;
    if (a === NONE) a = this.#newAssessment(g, key, identity, index);
    if (f.clearAssessmentExternalId) this.#clearAssessmentKey[a] = 1;
    if (f.removeAssessment) this.#removeAssessment[a] = 1;
    if (f.assessmentNo !== undefined)
      this.#agree(this.#assessmentNo, a, f.assessmentNo, row, f, 'assessment_no', g, true);
    if (f.assessmentExternalId !== undefined)
      this.#agree(this.#assessmentExternalId, a, f.assessmentExternalId, row, f, 'assessment_external_id', g, true);
    if (f.username !== undefined) {
      const seen = this.#username.values[a];
      if (this.#identity[a] === BY_KEY && seen !== undefined && seen !== f.username)
        this.#keyTwice(g, f, row, seen, this.#username.rows[a]!);
      else this.#agree(this.#username, a, f.username, row, f, 'username', g, true);
    }
    if (f.conclusion !== undefined) this.#agree(this.#conclusion, a, f.conclusion, row, f, 'conclusion', g, true);
    if (f.assessmentContent !== undefined)
      this.#agree(this.#content, a, f.assessmentContent, row, f, 'assessment_content', g, true);
    if (f.wide && f.wideFirst) for (const dim of f.wide) this.#addDimension(g, a, dim, index, f);
    if (f.dimension) this.#addDimension(g, a, f.dimension, index, f);
    if (f.wide && !f.wideFirst) for (const dim of f.wide) this.#addDimension(g, a, dim, index, f);
  }

  #addDimension(g: number, a: number, dim: DimensionBody, index: number, f: RowFields): void {
    const title = dim.title;
    if (title !== undefined) this.#checkRepeat(g, a, title, index, f);
    const d = this.#dimensions.length;
    this.#dimensions.push(dim);
    this.#dimensionTitles[d] = title;
    this.#dimensionRow[d] = index;
    this.#nextDimension[d] = NONE;
    const last = this.#lastDimension[a]!;
    if (last === NONE) this.#firstDimension[a] = d;
    else this.#nextDimension[last] = d;
    this.#lastDimension[a] = d;
  }

  /** A title already given in this assessment: the dimension would be sent twice. */
  #checkRepeat(g: number, a: number, title: string, index: number, f: RowFields): void {
    for (let d = this.#firstDimension[a]!; d !== NONE; d = this.#nextDimension[d]!) {
      if (this.#dimensionTitles[d] !== title) continue;
      this.duplicates.push({
        first: this.#dimensionRow[d]!,
        second: index,
        title,
        where: assessmentName(f, this.ids[g]!),
      });
      return;
    }
  }

  #newAssessment(g: number, key: number, identity: number, index: number): number {
    const a = this.#assessmentCount++;
    this.#assessmentKey[a] = key;
    this.#identity[a] = identity;
    this.#assessmentNo.grow();
    this.#assessmentRow[a] = index;
    this.#nextAssessment[a] = NONE;
    this.#firstDimension[a] = NONE;
    this.#lastDimension[a] = NONE;
    this.#assessmentExternalId.grow();
    this.#username.grow();
    this.#conclusion.grow();
    this.#content.grow();
    const last = this.#lastAssessment[g]!;
    if (last === NONE) this.#firstAssessment[g] = a;
    else this.#nextAssessment[last] = a;
    this.#lastAssessment[g] = a;
    return a;
  }

  /**
   * Places the assessments that rows named only weakly, once every row is in (rows come in any
   * order): one named by its number joins the keyed assessment with that number; one named by its
   * interviewer joins the stronger-named assessment of that interviewer; one named by nothing joins
   * the interview's only other assessment. Where that would be a guess (two candidates, or
   * candidates whose interviewer the file never says), its rows are refused, naming them.
   */
  settle(): void {
    for (let g = 0; g < this.ids.length; g++) {
      const first = this.#firstAssessment[g]!;
      if (first !== NONE && this.#nextAssessment[first] !== NONE) this.#settleGroup(g);
    }
  }

  #settleGroup(g: number): void {
    const all: number[] = [];
    for (let a = this.#firstAssessment[g]!; a !== NONE; a = this.#nextAssessment[a]!) all.push(a);
    const alive = (a: number) => !this.#absorbed[a];
    const of = (identity: number) => all.filter((a) => this.#identity[a] === identity);
    for (const b of of(BY_NO)) {
      const keyed = of(BY_KEY);
      const same = keyed.filter((a) => this.#assessmentNo.values[a] === this.#assessmentNo.values[b]);
      this.#place(
        g,
        b,
        same.length > 0 ? same : keyed.filter((a) => this.#assessmentNo.values[a] === undefined),
        same.length > 0,
      );
    }
    for (const b of of(BY_USER)) {
      const strong = all.filter((a) => alive(a) && this.#identity[a]! < BY_USER);
      const same = strong.filter((a) => this.#username.values[a] === this.#username.values[b]);
      this.#place(
        g,
        b,
        same.length > 0 ? same : strong.filter((a) => this.#username.values[a] === undefined),
        same.length > 0,
      );
    }
    for (const b of of(BY_NOTHING))
      this.#place(
        g,
        b,
        all.filter((a) => alive(a) && a !== b),
        true,
      );
    this.#unlinkAbsorbed(g);
  }

  /**
   * `b` joins the one candidate that `sure` says is its own; with no candidate it stays an
   * assessment of its own; anything else would be a guess, and its rows are refused.
   */
  #place(g: number, b: number, candidates: readonly number[], sure: boolean): void {
    if (candidates.length === 0) return;
    if (candidates.length === 1 && sure) {
      this.#absorb(candidates[0]!, b);
      return;
    }
    const described = candidates.map((a) => this.#describe(a));
    const names = described.map((c) => NAME.candidate(c));
    const listed = { en: names.map((n) => n.en).join(', '), zh: names.map((n) => n.zh).join('、') };
    // The fix names the column that tells the candidates apart: their key, else their number.
    const fix = described.some((c) => c.key !== undefined)
      ? 'assessment_external_id'
      : described.some((c) => c.no !== undefined)
        ? 'assessment_no'
        : 'username';
    const column = this.#identity[b] === BY_USER ? 'username' : this.#identity[b] === BY_NO ? 'assessment_no' : fix;
    for (const index of this.#rowsOfAssessment(b)) {
      const row = this.#rowNumber[index]!;
      this.lateProblems.push({
        index,
        problem: {
          code: 'ROW_WHICH_ASSESSMENT',
          column,
          message: say(
            ROW.whichAssessment({
              interview: interviewName(this.ids[g]!),
              candidates: listed,
              count: candidates.length,
              row,
              column: col(column),
              keyColumn: col(fix),
            }),
          ),
        },
      });
    }
  }

  /** How a refusal names a candidate assessment: its key or number, its interviewer, its first row. */
  #describe(a: number): { key?: string; no?: string; user?: string; row: number } {
    const out: { key?: string; no?: string; user?: string; row: number } = {
      row: this.#rowNumber[this.#assessmentRow[a]!]!,
    };
    const key = this.#assessmentExternalId.values[a];
    const no = this.#assessmentNo.values[a];
    const user = this.#username.values[a];
    if (key !== undefined) out.key = key;
    if (no !== undefined) out.no = no;
    if (user !== undefined) out.user = user;
    return out;
  }

  /** The rows an assessment holds: its first row and each of its dimensions' rows. */
  #rowsOfAssessment(a: number): number[] {
    const rows = new Set<number>([this.#assessmentRow[a]!]);
    for (let d = this.#firstDimension[a]!; d !== NONE; d = this.#nextDimension[d]!) rows.add(this.#dimensionRow[d]!);
    return [...rows].sort((x, y) => x - y);
  }

  /** `b`'s fields and dimensions move to `a`; a value that differs is a conflict on `b`'s row. */
  #absorb(a: number, b: number): void {
    this.#absorbed[b] = 1;
    if (this.#clearAssessmentKey[b]) this.#clearAssessmentKey[a] = 1;
    if (this.#removeAssessment[b]) this.#removeAssessment[a] = 1;
    const g = this.#groupOfRow[this.#assessmentRow[a]!]!;
    const fields = [
      [this.#assessmentExternalId, 'assessment_external_id'],
      [this.#assessmentNo, 'assessment_no'],
      [this.#username, 'username'],
      [this.#conclusion, 'conclusion'],
      [this.#content, 'assessment_content'],
    ] as const;
    for (const [field, column] of fields) {
      const value = field.values[b];
      if (value === undefined) continue;
      const seen = (field as Field<string | number>).offer(a, value, field.rows[b]!);
      if (!seen) continue;
      const index = this.#indexOfRow(g, field.rows[b]!);
      const where = NAME.assessment(this.#whichOf(a), interviewName(this.ids[g]!));
      const show = (v: string | number) =>
        enumLabel(column, v) ?? (typeof v === 'number' ? String(v) : shown(v, currentLang()));
      this.lateProblems.push({
        index,
        problem: conflict(column, where, show(value), show(seen.value), seen.row, field.rows[b]!),
      });
    }
    // Dimensions in file order, and a title given in both is given twice.
    const dims: number[] = [];
    for (let d = this.#firstDimension[a]!; d !== NONE; d = this.#nextDimension[d]!) dims.push(d);
    const moved: number[] = [];
    for (let d = this.#firstDimension[b]!; d !== NONE; d = this.#nextDimension[d]!) moved.push(d);
    for (const d of moved) {
      const title = this.#dimensions[d]!.title;
      const twin = title === undefined ? undefined : dims.find((x) => this.#dimensions[x]!.title === title);
      if (twin !== undefined) {
        const [first, second] = [twin, d].sort((x, y) => this.#dimensionRow[x]! - this.#dimensionRow[y]!);
        this.duplicates.push({
          first: this.#dimensionRow[first!]!,
          second: this.#dimensionRow[second!]!,
          title: title!,
          where: NAME.assessment(this.#whichOf(a), interviewName(this.ids[g]!)),
        });
      }
    }
    const order = [...dims, ...moved].sort((x, y) => this.#dimensionRow[x]! - this.#dimensionRow[y]!);
    this.#firstDimension[a] = order[0] ?? NONE;
    this.#lastDimension[a] = order.at(-1) ?? NONE;
    order.forEach((d, i) => {
      this.#nextDimension[d] = order[i + 1] ?? NONE;
    });
    this.#firstDimension[b] = NONE;
    this.#lastDimension[b] = NONE;
  }

  /** How a message names assessment `a`: by its key, number or interviewer. */
  #whichOf(a: number): Pair {
    const key = this.#assessmentExternalId.values[a];
    const no = this.#assessmentNo.values[a];
    const user = this.#username.values[a];
    if (key !== undefined) return NAME.byExternalId(key);
    if (no !== undefined) return NAME.byNo(no);
    return user !== undefined ? NAME.byUser(user) : NAME.unnamed;
  }

  /** Takes the absorbed assessments out of group `g`'s list. */
  #unlinkAbsorbed(g: number): void {
    let last = NONE;
    for (let a = this.#firstAssessment[g]!; a !== NONE; a = this.#nextAssessment[a]!) {
      if (this.#absorbed[a]) continue;
      if (last === NONE) this.#firstAssessment[g] = a;
      else this.#nextAssessment[last] = a;
      last = a;
    }
    if (last === NONE) this.#firstAssessment[g] = NONE;
    else this.#nextAssessment[last] = NONE;
    this.#lastAssessment[g] = last;
  }

  /** The value seen first stays; a different one is a problem on the row that disagrees. */
  #agree<T extends string | number | null>(
    field: Field<T>,
    at: number,
    value: T,
    row: number,
    f: RowFields,
    column: string,
    g: number,
    inAssessment: boolean,
  ): void {
    const seen = field.offer(at, value, row);
    if (!seen) return;
    const assessment = inAssessment ? assessmentName(f, this.ids[g]!) : undefined;
    const where = assessment ?? interviewName(this.ids[g]!);
    const isTime = column === 'begin_time' || column === 'end_time';
    const show = (v: T) =>
      v === null
        ? '<clear>'
        : isTime
          ? showTime(v as number, this.zone)
          : (enumLabel(column, v) ??
            (typeof v === 'string' ? shown(v, currentLang(), !assessment) : JSON.stringify(v)));
    f.problems.push(conflict(column, where, show(value), show(seen.value), seen.row, row));
  }

  /** The request body of a group whose rows are all valid. Keys in the API page's order. */
  bodyOf(g: number): InterviewBody {
    const body = {} as InterviewBody;
    const externalId = this.externalId.values[g];
    if (externalId !== undefined) body.external_id = externalId;
    body.external_application_id = this.applicationId.values[g]!;
    Object.assign(body, this.patchOf(g, false).set);
    const assessments = this.#assessmentsOf(g);
    if (assessments.length > 0) body.interview_assessments = assessments;
    return body;
  }

  /** What the file says of an interview for `--merge`: values it sets, fields it clears. */
  patchOf(g: number, carriesAssessments: boolean): InterviewPatch {
    const set: Partial<InterviewBody> = {};
    const clear: ClearableField[] = [];
    const externalId = this.externalId.values[g];
    if (externalId !== undefined) set.external_id = externalId;
    else if (this.#clearKey[g]) clear.push('external_id');
    const applicationId = this.applicationId.values[g];
    if (applicationId !== undefined) set.external_application_id = applicationId;
    const fields = [
      ['participate_status', this.participateStatus.values[g]],
      ['begin_time', this.beginTime.values[g]],
      ['end_time', this.endTime.values[g]],
    ] as const;
    for (const [key, value] of fields) {
      if (value === undefined) continue;
      if (value === null) clear.push(key);
      else set[key] = value;
    }
    return { set, clear, assessments: carriesAssessments ? this.#assessmentPatchesOf(g) : undefined };
  }

  #ref(index: number): { index: number; row: number } {
    return { index, row: this.#rowNumber[index]! };
  }

  /** The file's assessments as changes to the current ones (`--merge`): what each names, and the rows it came from. */
  #assessmentPatchesOf(g: number): AssessmentPatch[] {
    const patches: AssessmentPatch[] = [];
    for (let a = this.#firstAssessment[g]!; a !== NONE; a = this.#nextAssessment[a]!) {
      const dimensions: DimensionPatch[] = [];
      for (let d = this.#firstDimension[a]!; d !== NONE; d = this.#nextDimension[d]!) {
        const { title, ...set } = this.#dimensions[d]!;
        dimensions.push(
          title === undefined
            ? { at: this.#ref(this.#dimensionRow[d]!), set }
            : { at: this.#ref(this.#dimensionRow[d]!), title, set },
        );
      }
      const { external_id: externalId, ...fields } = this.#fieldsOf(a);
      const patch: { -readonly [K in keyof AssessmentPatch]: AssessmentPatch[K] } = {
        at: this.#ref(this.#assessmentRow[a]!),
        dimensions,
        ...fields,
      };
      const no = this.#assessmentNo.values[a];
      if (externalId !== undefined) patch.externalId = externalId;
      else if (this.#clearAssessmentKey[a]) patch.clearExternalId = true;
      if (no !== undefined) patch.no = no;
      if (this.#removeAssessment[a]) patch.remove = true;
      patches.push(patch);
    }
    return patches;
  }

  /** An assessment's own fields that the file gave, keys in the API page's order. */
  #fieldsOf(a: number): AssessmentBody {
    const out: AssessmentBody = {};
    const externalId = this.#assessmentExternalId.values[a];
    const username = this.#username.values[a];
    const conclusion = this.#conclusion.values[a];
    const content = this.#content.values[a];
    if (externalId !== undefined) out.external_id = externalId;
    if (username !== undefined) out.username = username;
    if (conclusion !== undefined) out.conclusion = conclusion;
    if (content !== undefined) out.content = content;
    return out;
  }

  /** The keys and fields the file clears, keys by position in `bodyOf(g)`; undefined when it clears none. */
  clearedKeysOf(g: number): ClearedKeys | undefined {
    const assessments: boolean[] = [];
    this.#assessmentsOf(g, assessments);
    const interview = this.#clearKey[g] === 1 && this.externalId.values[g] === undefined;
    const fields = this.patchOf(g, false).clear.filter((f) => f !== 'external_id');
    return interview || assessments.includes(true) || fields.length > 0
      ? { interview, assessments, fields }
      : undefined;
  }

  /** `cleared`, when given, gets each assessment's `<clear>` flag in the same order. */
  #assessmentsOf(g: number, cleared?: boolean[]): AssessmentBody[] {
    const assessments: AssessmentBody[] = [];
    for (let a = this.#firstAssessment[g]!; a !== NONE; a = this.#nextAssessment[a]!) {
      // A whole body lists the assessments it keeps: one marked for removal is left out.
      if (this.#removeAssessment[a]) continue;
      const out = this.#fieldsOf(a);
      // Dimensions were built with their keys in the API page's order (see readRowFields).
      const dimensions: DimensionBody[] = [];
      for (let d = this.#firstDimension[a]!; d !== NONE; d = this.#nextDimension[d]!)
        dimensions.push(this.#dimensions[d]!);
      if (dimensions.length > 0) out.assessment_dimension_list = dimensions;
      if (Object.keys(out).length === 0) continue;
      assessments.push(out);
      cleared?.push(this.#clearAssessmentKey[a] === 1 && out.external_id === undefined);
    }
    return assessments;
  }
}

function assessmentName(f: RowFields, key: string): Pair {
  const which =
    f.assessmentExternalId !== undefined
      ? NAME.byExternalId(f.assessmentExternalId)
      : f.assessmentNo !== undefined
        ? NAME.byNo(f.assessmentNo)
        : f.username !== undefined
          ? NAME.byUser(f.username)
          : NAME.unnamed;
  return NAME.assessment(which, interviewName(key));
}

function conflict(column: string, where: Pair, here: string, there: string, otherRow: number, row: number): RowProblem {
  return {
    code: 'ROW_CONFLICT',
    column,
    message: say(ROW.conflict({ column: col(column), where, here, there, otherRow, row })),
  };
}
