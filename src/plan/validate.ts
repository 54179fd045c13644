import { OUTCOME, ROW } from './messages.js';
import { type Pair, col, say } from '../messages.js';
import { currentLang } from '../lang.js';
import { type Cell, cellText } from '../input/cells.js';
import type { InputTable } from '../input/table.js';
import type { RowProblem } from '../errors.js';
import { ASSESSMENT_COLUMNS, DIMENSION_COLUMNS, TIME_SPAN } from '../schema.js';
import { Grouping, LEGACY_PREFIX, interviewName } from './group.js';
import { showTime } from '../time-zones.js';
import { PLAIN_READING, type RowReading, columnPositions, newRowFields, readRowFields } from './row-fields.js';
import { widePositions } from '../input/profile.js';
import type { InterviewBody } from '../feishu/body.js';
import type {
  ClearedKeys,
  InterviewPatch,
  MergePlanned,
  Plan,
  PlannedInterview,
  RowOutcome,
  WholePlanned,
} from './types.js';

/**
 * A valid interview. Its body is built on first use: `validate` without `--payloads` never
 * needs the 200,000 bodies of a 1,000,000-row file. A class, its getter on the prototype: an
 * object literal with a getter is held as a dictionary, 448 bytes more for each interview, and
 * its two closures 200 bytes more (measured on a heap snapshot of 200,000 rows).
 */
class LazyBody {
  // Private fields: not the interview's own data, so never enumerated, compared or serialised.
  readonly #groups: Grouping;
  readonly #g: number;
  #body: InterviewBody | undefined;
  constructor(
    readonly id: string,
    readonly legacy: { readonly externalId: string } | undefined,
    readonly rows: readonly number[],
    groups: Grouping,
    g: number,
  ) {
    this.#groups = groups;
    this.#g = g;
  }

  /** The keys the file clears with `<clear>` (see keepKeys). */
  get cleared(): ClearedKeys | undefined {
    return this.#groups.clearedKeysOf(this.#g);
  }

  protected lazyBody(): InterviewBody | undefined {
    if (this.#body === undefined && this.#groups.applicationId.values[this.#g] !== undefined)
      this.#body = this.#groups.bodyOf(this.#g);
    return this.#body;
  }
}

class ReplacePlanned extends LazyBody implements WholePlanned {
  readonly kind = 'replace';
  // A plain import's interview always has its application (else it is invalid): the body exists.
  get body(): InterviewBody {
    return this.lazyBody()!;
  }
}

class MergingPlanned extends LazyBody implements MergePlanned {
  readonly kind = 'merge';
  readonly patch: InterviewPatch;
  constructor(
    id: string,
    legacy: LazyBody['legacy'],
    rows: readonly number[],
    groups: Grouping,
    g: number,
    carriesAssessments: boolean,
  ) {
    super(id, legacy, rows, groups, g);
    this.patch = groups.patchOf(g, carriesAssessments);
  }
  get body(): InterviewBody | undefined {
    return this.lazyBody();
  }
}

function planned(
  groups: Grouping,
  g: number,
  rows: readonly number[],
  merge: boolean,
  carriesAssessments: boolean,
): PlannedInterview {
  const id = groups.ids[g]!;
  const legacy = id.startsWith(LEGACY_PREFIX) ? { externalId: groups.externalId.values[g]! } : undefined;
  return merge
    ? new MergingPlanned(id, legacy, rows, groups, g, carriesAssessments)
    : new ReplacePlanned(id, legacy, rows, groups, g);
}

const rowList = (rows: readonly number[]) => {
  if (rows.length <= 5) return rows.join(currentLang() === 'zh' ? '、' : ', ');
  const first = rows.slice(0, 5);
  return currentLang() === 'zh'
    ? `${first.join('、')} 等 ${rows.length}`
    : `${first.join(', ')} and ${rows.length - 5} more`;
};

/**
 * Rows whose interview ID is unusable (blank, mangled by Excel) may belong to an interview whose
 * other rows are fine; sending that interview without them would delete their data in Feishu.
 * So the interviews they may belong to are held back too: for an ID Excel turned into a number
 * (7.00000000000000E+18), every interview whose ID it could have been; for any other unusable
 * ID, the interview of the row just above (a continuation row whose ID was left blank).
 */
function orphanRows(
  table: InputTable,
  problems: ReadonlyMap<number, readonly RowProblem[]>,
  groups: Grouping,
  idColumn: number,
): Map<string, number[]> {
  const orphans = new Map<string, number[]>();
  const add = (id: string, i: number) => {
    const list = orphans.get(id) ?? [];
    list.push(i);
    orphans.set(id, list);
  };
  for (const [i, list] of problems) {
    const idProblem = list.find((p) => p.column === 'external_interview_id');
    if (!idProblem) continue;
    const number = idProblem.code === 'ROW_ID_AS_NUMBER' ? mangledId(table.rows[i]!.cells[idColumn]) : undefined;
    if (number) {
      for (const id of groups.ids) if (Math.abs(Number(id) - number.value) <= number.tolerance) add(id, i);
      continue;
    }
    for (let above = i - 1; above >= 0; above--) {
      const g = groups.groupOfRow(above);
      if (g >= 0) {
        add(groups.ids[g]!, i);
        break;
      }
      if (!problems.has(above)) break;
    }
  }
  return orphans;
}

const DIGITS = /^\d+$/;

/** The number Excel kept of a 19-digit ID, and how far the real ID can be from it. */
function mangledId(cell: Cell | undefined): { value: number; tolerance: number } | undefined {
  if (cell === undefined) return undefined;
  // A number cell that holds every digit: the ID is exactly those digits.
  if (typeof cell === 'object' && cell.kind === 'number' && cell.raw !== undefined && DIGITS.test(cell.raw))
    return { value: Number(cell.raw), tolerance: 0 };
  const text =
    typeof cell === 'object' && cell.kind === 'number'
      ? cell.value.toExponential(14)
      : cellText(cell).normalize('NFKC').trim();
  const m = /^([+-]?\d+)(?:\.(\d*))?e\+?(\d+)$/i.exec(text);
  const value = Number(text);
  if (!m || !Number.isFinite(value) || value <= 0) return undefined;
  // One unit in the last digit shown: 7.00000000000000E+18 keeps 15 digits, 6.96066E+18 six.
  const digits = m[1]!.replace(/^[+-]?0*/, '').length + (m[2] ?? '').length;
  return { value, tolerance: 10 ** (Math.floor(Math.log10(value)) - digits + 1) };
}

/** Problems by row index: most rows have none, so most rows keep no parsed copy at all. */
class RowProblems extends Map<number, RowProblem[]> {
  add(index: number, problem: RowProblem): void {
    const list = this.get(index);
    if (list) list.push(problem);
    else this.set(index, [problem]);
  }
}

/**
 * Reads, groups and validates every row, and builds one request body per interview whose rows
 * are all valid. If any row of an interview is invalid, nothing of it is sent (a PUT replaces
 * the whole interview, so a partial body would delete what the invalid row meant to say).
 */
export function buildPlan(table: InputTable, zone: string, options: { merge?: boolean } = {}): Plan {
  // Shared by every valid row: outcomes are replaced, never changed in place.
  const valid: RowOutcome = Object.freeze({ status: 'ok', message: say(OUTCOME.valid) });
  const merge = options.merge ?? false;
  const carriesAssessments =
    ASSESSMENT_COLUMNS.some((c) => table.columns.index[c] !== undefined) || (table.profile?.wide.length ?? 0) > 0;
  const { groups, problems, positions, usedZone } = readRows(table, zone, merge);
  crossRowProblems(table, groups, problems);
  const outcomes: RowOutcome[] = new Array(table.rows.length);
  const interviews: PlannedInterview[] = [];
  const orphans = orphanRows(table, problems, groups, positions.external_interview_id);

  for (let g = 0; g < groups.count; g++) {
    const id = groups.ids[g]!;
    const rows = groups.rowsOf(g);
    interviewProblems(table, groups, g, { zone, merge }, problems);
    const invalid = rows.filter((i) => problems.has(i));
    const suspect = orphans.get(id) ?? [];
    if (invalid.length === 0 && suspect.length === 0) {
      interviews.push(planned(groups, g, rows, merge, carriesAssessments));
      for (const i of rows) outcomes[i] = valid;
      continue;
    }
    interviews.push({ kind: 'invalid', id, rows });
    const message = blockedMessage(table, id, invalid, suspect);
    for (const i of rows) {
      if (problems.has(i)) continue;
      outcomes[i] = { status: 'blocked', errorCode: 'ROW_BLOCKED', message };
    }
  }
  for (const [i, list] of problems) {
    outcomes[i] = {
      status: 'invalid',
      errorCode: list[0]!.code,
      errorColumn: list[0]!.column,
      ...(list[0]!.facts ? { errorFacts: list[0]!.facts } : {}),
      message: list.map((p) => p.message).join('; '),
      ...(list.length > 1 ? { problems: list } : {}),
    };
  }
  return { table, outcomes, interviews, zone, usedZone };
}

/** Every row read into its interview's group; the problems a row shows on its own. */
function readRows(table: InputTable, zone: string, merge: boolean) {
  const width = table.headers.length;
  const reading = rowReading(table);
  const groups = new Grouping(table.rows.length, zone, 1 + reading.wide.length);
  const problems = new RowProblems();
  const scratch = newRowFields();
  const positions = columnPositions(table.columns.index);
  let usedZone = false;
  table.rows.forEach((r, i) => {
    readRowFields(r, positions, zone, width, scratch, merge, reading);
    groups.add(i, scratch, r.row);
    usedZone ||= scratch.usedZone;
    if (scratch.problems.length > 0) problems.set(i, [...scratch.problems]);
  });
  groups.settle();
  for (const { index, problem } of groups.lateProblems) problems.add(index, problem);
  return { groups, problems, positions, usedZone };
}

/** The tool's vocabularies with a profile's words, and its wide columns where the file has them. */
function rowReading(table: InputTable): RowReading {
  const profile = table.profile;
  if (!profile) return PLAIN_READING;
  const positions = widePositions(profile, table.headers);
  const index = table.columns.index;
  const longAt = Math.min(...DIMENSION_COLUMNS.map((c) => index[c] ?? Number.POSITIVE_INFINITY));
  return {
    wideFirst: positions.length > 0 && Math.min(...positions) < longAt,
    vocabulary: profile.vocabulary,
    wide: profile.wide.map((w, k) => ({
      position: positions[k]!,
      header: table.headers[positions[k]!]?.trim() || w.column,
      title: w.title,
      type: w.type,
      description: w.description,
    })),
  };
}

/** Problems between rows: one legacy key in two applications, one dimension twice. */
function crossRowProblems(table: InputTable, groups: Grouping, problems: RowProblems): void {
  // Which of the two interviews the legacy key really names is unknown: neither is sent.
  for (const c of groups.externalIdClashes) {
    const here = table.rows[c.index]!.row;
    const tell = (at: number, row: number, other: string, otherRow: number) =>
      problems.add(at, {
        code: 'ROW_EXTERNAL_ID_TWICE',
        column: 'external_id',
        message: say(
          ROW.externalIdTwice({
            externalId: c.externalId,
            other: interviewName(other),
            otherRow,
            row,
            column: col('external_id'),
          }),
        ),
      });
    tell(c.index, here, c.other, c.otherRow);
    tell(c.otherIndex, c.otherRow, groups.ids[groups.groupOfRow(c.index)]!, here);
  }
  // A title given on many rows: each repeat names the first row, and the first row names its
  // repeats in one message (not one message per repeat: 460 repeats made one cell 218 KB).
  const repeats = new Map<number, { title: string; where: Pair; rows: number[] }>();
  const tell = (d: { title: string; where: Pair }, others: readonly number[], row: number) => ({
    code: 'ROW_DUPLICATE_DIMENSION',
    column: 'dimension_title',
    message: say(
      ROW.duplicateDimension({
        title: d.title,
        where: d.where,
        other: rowList(others),
        many: others.length > 1,
        row,
        column: col('dimension_title'),
      }),
    ),
  });
  for (const d of groups.duplicates) {
    const [a, b] = [table.rows[d.first]!.row, table.rows[d.second]!.row];
    const first = repeats.get(d.first);
    if (first) first.rows.push(b);
    else repeats.set(d.first, { title: d.title, where: d.where, rows: [b] });
    problems.add(d.second, tell(d, [a], b));
  }
  for (const [index, d] of repeats) problems.add(index, tell(d, d.rows, table.rows[index]!.row));
}

/** Problems of one interview as a whole: no application where one is needed, an end before its begin. */
function interviewProblems(
  table: InputTable,
  groups: Grouping,
  g: number,
  { zone, merge }: { zone: string; merge: boolean },
  problems: RowProblems,
): void {
  const id = groups.ids[g]!;
  const rows = groups.rowsOf(g);
  const first = rows[0]!;
  // An interview to find or create by its legacy key needs its application; under --merge the
  // records of earlier runs may prove its Feishu id instead (run/prove-ids.ts decides).
  const needsApplication = !merge;
  if (
    needsApplication &&
    groups.applicationId.values[g] === undefined &&
    (problems.get(first) ?? []).every((p) => p.column !== 'external_application_id')
  ) {
    problems.add(first, {
      code: 'ROW_MISSING_APPLICATION_ID',
      column: 'external_application_id',
      message: say(
        ROW.missingApplication({
          interview: interviewName(id),
          row: table.rows[first]!.row,
          column: col('external_application_id'),
          // An interview named by its Feishu id needs no application under --merge: say so.
          correction: !merge && !id.startsWith(LEGACY_PREFIX),
        }),
      ),
    });
  }
  const beginTime = groups.interviewValues[TIME_SPAN.begin];
  const endTime = groups.interviewValues[TIME_SPAN.end];
  const begin = beginTime.values[g];
  const end = endTime.values[g];
  if (typeof begin === 'number' && typeof end === 'number' && end < begin) {
    const beginRow = beginTime.rows[g]!;
    const endRow = endTime.rows[g]!;
    const at = rows.find((i) => table.rows[i]!.row === endRow)!;
    problems.add(at, {
      code: 'ROW_END_BEFORE_BEGIN',
      column: TIME_SPAN.end,
      message: say(
        ROW.endBeforeBegin({
          begin: showTime(begin, zone),
          beginRow,
          end: showTime(end, zone),
          endRow,
          column: col(TIME_SPAN.end),
        }),
      ),
      facts: { zone, begin, end, begin_row: beginRow },
    });
  }
}

/** What a fine row of an interview that is not sent says: which rows hold it back. */
function blockedMessage(table: InputTable, id: string, invalid: readonly number[], suspect: readonly number[]): string {
  const reasons: string[] = [];
  if (invalid.length > 0) {
    const named = invalid.map((i) => table.rows[i]!.row);
    reasons.push(
      say(OUTCOME.invalidRows({ interview: interviewName(id), rows: rowList(named), many: named.length > 1 })),
    );
  }
  if (suspect.length > 0) {
    const named = suspect.map((i) => table.rows[i]!.row);
    reasons.push(say(OUTCOME.orphanRows({ rows: rowList(named), many: named.length > 1, id })));
  }
  return say(
    OUTCOME.blocked({
      reasons: reasons.join(currentLang() === 'zh' ? '；' : '; '),
      many: invalid.length + suspect.length > 1,
    }),
  );
}
