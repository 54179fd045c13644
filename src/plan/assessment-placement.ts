import { NAME, ROW } from './messages.js';
import { type Pair, col, say, shown } from '../messages.js';
import { currentLang } from '../lang.js';
import { enumLabel } from './normalise.js';
import { conflict, interviewName } from './group-names.js';
import { ASSESSMENT_VALUES, type Column } from '../schema.js';
import {
  type AssessmentIndex,
  BY_KEY,
  BY_NO,
  BY_NOTHING,
  BY_USER,
  type Field,
  type GroupFindings,
  type GroupIndex,
  type GroupStore,
  NONE,
} from './group-store.js';

/**
 * Places the assessments that rows named only weakly, once every row is in (rows come in any
 * order): one named by its number joins the keyed assessment with that number; one named by its
 * interviewer joins the stronger-named assessment of that interviewer; one named by nothing joins
 * the interview's only other assessment. Where that would be a guess (two candidates, or
 * candidates whose interviewer the file never says), its rows are refused, naming them.
 * An absorbed assessment leaves its interview's list (`store.absorbed`).
 */
export function settle(store: GroupStore, found: GroupFindings): void {
  for (let g = 0; g < store.ids.length; g++) {
    const first = store.firstAssessment[g]!;
    if (first !== NONE && store.nextAssessment[first] !== NONE) settleGroup(store, found, g);
  }
}

function settleGroup(s: GroupStore, found: GroupFindings, g: GroupIndex): void {
  const all = s.assessmentsOf(g);
  const alive = (a: AssessmentIndex) => !s.absorbed[a];
  const of = (identity: number) => all.filter((a) => s.identity[a] === identity);
  for (const b of of(BY_NO)) {
    const keyed = of(BY_KEY);
    const same = keyed.filter((a) => s.assessmentNo.values[a] === s.assessmentNo.values[b]);
    place(
      s,
      found,
      g,
      b,
      same.length > 0 ? same : keyed.filter((a) => s.assessmentNo.values[a] === undefined),
      same.length > 0,
    );
  }
  for (const b of of(BY_USER)) {
    const strong = all.filter((a) => alive(a) && s.identity[a]! < BY_USER);
    const same = strong.filter((a) => s.username.values[a] === s.username.values[b]);
    place(
      s,
      found,
      g,
      b,
      same.length > 0 ? same : strong.filter((a) => s.username.values[a] === undefined),
      same.length > 0,
    );
  }
  for (const b of of(BY_NOTHING))
    place(
      s,
      found,
      g,
      b,
      all.filter((a) => alive(a) && a !== b),
      true,
    );
  unlinkAbsorbed(s, g);
}

/**
 * `b` joins the one candidate that `sure` says is its own; with no candidate it stays an
 * assessment of its own; anything else would be a guess, and its rows are refused.
 */
function place(
  s: GroupStore,
  found: GroupFindings,
  g: GroupIndex,
  b: AssessmentIndex,
  candidates: readonly AssessmentIndex[],
  sure: boolean,
): void {
  if (candidates.length === 0) return;
  if (candidates.length === 1 && sure) {
    absorb(s, found, candidates[0]!, b);
    return;
  }
  const described = candidates.map((a) => describe(s, a));
  const names = described.map((c) => NAME.candidate(c));
  const listed = { en: names.map((n) => n.en).join(', '), zh: names.map((n) => n.zh).join('、') };
  // The fix names the column that tells the candidates apart: their key, else their number.
  const fix = described.some((c) => c.key !== undefined)
    ? 'assessment_external_id'
    : described.some((c) => c.no !== undefined)
      ? 'assessment_no'
      : 'username';
  const column = s.identity[b] === BY_USER ? 'username' : s.identity[b] === BY_NO ? 'assessment_no' : fix;
  for (const index of s.rowsOfAssessment(b)) {
    const row = s.rowNumber[index]!;
    found.lateProblems.push({
      index,
      problem: {
        code: 'ROW_WHICH_ASSESSMENT',
        column,
        message: say(
          ROW.whichAssessment({
            interview: interviewName(s.ids[g]!),
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
function describe(s: GroupStore, a: AssessmentIndex): { key?: string; no?: string; user?: string; row: number } {
  const out: { key?: string; no?: string; user?: string; row: number } = {
    row: s.rowNumber[s.assessmentRow[a]!]!,
  };
  const key = s.assessmentExternalId.values[a];
  const no = s.assessmentNo.values[a];
  const user = s.username.values[a];
  if (key !== undefined) out.key = key;
  if (no !== undefined) out.no = no;
  if (user !== undefined) out.user = user;
  return out;
}

/** `b`'s fields and dimensions move to `a`; a value that differs is a conflict on `b`'s row. */
function absorb(s: GroupStore, found: GroupFindings, a: AssessmentIndex, b: AssessmentIndex): void {
  s.absorbed[b] = 1;
  if (s.clearAssessmentKey[b]) s.clearAssessmentKey[a] = 1;
  if (s.removeAssessment[b]) s.removeAssessment[a] = 1;
  const g = s.groupOf[s.assessmentRow[a]!]!;
  const fields: readonly (readonly [Field<string | number>, Column])[] = [
    [s.assessmentExternalId, 'assessment_external_id'],
    [s.assessmentNo, 'assessment_no'],
    [s.username, 'username'],
    ...ASSESSMENT_VALUES.map(({ column }) => [s.assessmentValues[column], column] as const),
  ];
  for (const [field, column] of fields) {
    const value = field.values[b];
    if (value === undefined) continue;
    const seen = field.offer(a, value, field.rows[b]!);
    if (!seen) continue;
    const index = s.indexOfRow(g, field.rows[b]!);
    const where = NAME.assessment(whichOf(s, a), interviewName(s.ids[g]!));
    const show = (v: string | number) =>
      enumLabel(column, v) ?? (typeof v === 'number' ? String(v) : shown(v, currentLang()));
    found.lateProblems.push({
      index,
      problem: conflict(column, where, show(value), show(seen.value), seen.row, field.rows[b]!),
    });
  }
  moveDimensions(s, found, g, a, b);
}

/** `b`'s dimensions join `a`'s in file order, and a title given in both is given twice. */
function moveDimensions(s: GroupStore, found: GroupFindings, g: GroupIndex, a: AssessmentIndex, b: AssessmentIndex) {
  const dims = s.dimensionsOf(a);
  const moved = s.dimensionsOf(b);
  for (const d of moved) {
    const title = s.dimensions[d]!.title;
    const twin = title === undefined ? undefined : dims.find((x) => s.dimensions[x]!.title === title);
    if (twin !== undefined) {
      const [first, second] = [twin, d].sort((x, y) => s.dimensionRow[x]! - s.dimensionRow[y]!);
      found.duplicates.push({
        first: s.dimensionRow[first!]!,
        second: s.dimensionRow[second!]!,
        title: title!,
        where: NAME.assessment(whichOf(s, a), interviewName(s.ids[g]!)),
      });
    }
  }
  const order = [...dims, ...moved].sort((x, y) => s.dimensionRow[x]! - s.dimensionRow[y]!);
  s.firstDimension[a] = order[0] ?? NONE;
  s.lastDimension[a] = order.at(-1) ?? NONE;
  order.forEach((d, i) => {
    s.nextDimension[d] = order[i + 1] ?? NONE;
  });
  s.firstDimension[b] = NONE;
  s.lastDimension[b] = NONE;
}

/** How a message names assessment `a`: by its key, number or interviewer. */
function whichOf(s: GroupStore, a: AssessmentIndex): Pair {
  const key = s.assessmentExternalId.values[a];
  const no = s.assessmentNo.values[a];
  const user = s.username.values[a];
  if (key !== undefined) return NAME.byExternalId(key);
  if (no !== undefined) return NAME.byNo(no);
  return user !== undefined ? NAME.byUser(user) : NAME.unnamed;
}

/** Takes the absorbed assessments out of group `g`'s list. */
function unlinkAbsorbed(s: GroupStore, g: GroupIndex): void {
  let last = NONE;
  for (let a = s.firstAssessment[g]!; a !== NONE; a = s.nextAssessment[a]!) {
    if (s.absorbed[a]) continue;
    if (last === NONE) s.firstAssessment[g] = a;
    else s.nextAssessment[last] = a;
    last = a;
  }
  if (last === NONE) s.firstAssessment[g] = NONE;
  else s.nextAssessment[last] = NONE;
  s.lastAssessment[g] = last;
}
