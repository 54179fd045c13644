import { MERGE } from './messages.js';
import { type Pair, col, say } from '../messages.js';
import type { AssessmentBody, DimensionBody } from '../feishu/body.js';
import type { ProblemFacts } from '../errors.js';
import type { AssessmentPatch, DimensionPatch, RowRef } from './types.js';
import { DIMENSION_NEEDS, inBodyOrder } from './row-fields.js';
import { ASSESSMENT_VALUES, type AssessmentValueKey } from '../schema.js';

/** How `--merge` treats the file's assessments. */
export interface AssessmentRules {
  /** `--replace-assessments`: the file's assessments replace all current ones. */
  readonly replace: boolean;
  /** `--add-assessments`: an assessment or dimension the interview lacks is added, not refused. */
  readonly add: boolean;
  /** The template columns the file has: a refusal asks for a column only when it is missing, else for the cell. */
  readonly columns?: ReadonlySet<string>;
}

/** A row that cannot be applied to the current record; nothing of its interview is sent. */
export interface MergeRefusal {
  readonly at: RowRef;
  readonly code: string;
  readonly column: string;
  readonly message: string;
  readonly facts?: ProblemFacts;
}

export type AssessmentsResult =
  | { readonly kind: 'merged'; readonly assessments: AssessmentBody[] }
  | { readonly kind: 'refused'; readonly refusal: MergeRefusal };

/** Whether the file has a template column (see `AssessmentRules.columns`). */
type Has = (column: string) => boolean;

class Refused {
  constructor(readonly refusal: MergeRefusal) {}
}

/**
 * Lays the file's assessments over the current ones: each changes only the fields it gives, of
 * the assessment it names (by number, else interviewer, else the only one), and each dimension
 * row only the fields it gives, of the dimension it names by title. What the file does not name
 * stays as it is. With `replace`, the file's assessments are the new list.
 */
export function mergeAssessments(
  current: readonly AssessmentBody[],
  patches: readonly AssessmentPatch[],
  rules: AssessmentRules,
): AssessmentsResult {
  if (rules.replace) return { kind: 'merged', assessments: patches.filter((p) => !p.remove).map(patchToBody) };
  const out = current.map((a) => ({
    ...a,
    assessment_dimension_list: a.assessment_dimension_list?.map((d) => ({ ...d })),
  }));
  const has: Has = (column) => rules.columns?.has(column) ?? false;
  // Removed at the end: 评价序号 counts Feishu's assessments as they are before the correction.
  const removed = new Set<AssessmentBody>();
  // Interviewers as Feishu holds them: a row names an assessment by its name before the
  // correction, so a row after a rename (评价序号 1 → 王芳) still finds 王方's by that name.
  const held = new Map<AssessmentBody, string | undefined>(out.map((a) => [a, a.username]));
  const nameOf = (a: AssessmentBody) => (held.has(a) ? held.get(a) : a.username);
  try {
    for (const patch of byNumber(patches)) {
      const target = findAssessment(out, patch, patch.remove ? false : rules.add, nameOf, has);
      if (patch.remove) removed.add(target);
      // A row that found the assessment by its held name does not rename it back.
      else applyAssessment(target, bySameName(patch, target, nameOf), rules.add, has);
    }
  } catch (error) {
    if (error instanceof Refused) return { kind: 'refused', refusal: error.refusal };
    throw error;
  }
  return {
    kind: 'merged',
    assessments: out
      .filter((a) => !removed.has(a))
      .filter((a) => Object.keys(a).some((k) => a[k as keyof AssessmentBody] !== undefined))
      .map(dropEmptyList),
  };
}

/**
 * The numbered rows first, in number order: a number past Feishu's list adds the next one, so
 * 评价序号 2 given before 1 (rows in any order) still adds them as 1 and 2. The rest keep file order.
 */
function byNumber(patches: readonly AssessmentPatch[]): AssessmentPatch[] {
  const n = (p: AssessmentPatch) => (p.no !== undefined && Number.isFinite(Number(p.no)) ? Number(p.no) : Infinity);
  return patches
    .map((p, i) => ({ p, i }))
    .sort((x, y) => n(x.p) - n(y.p) || x.i - y.i)
    .map(({ p }) => p);
}

/** The patch without its interviewer where that is only how it named an assessment Feishu holds under that name. */
function bySameName(p: AssessmentPatch, target: AssessmentBody, nameOf: NameOf): AssessmentPatch {
  if (p.no !== undefined || p.username === undefined || p.username !== nameOf(target)) return p;
  const { username: _, ...rest } = p;
  return rest;
}

function dropEmptyList(a: AssessmentBody): AssessmentBody {
  if (a.assessment_dimension_list && a.assessment_dimension_list.length > 0) return a;
  const { assessment_dimension_list: _, ...rest } = a;
  return rest;
}

/** The file's assessment as a whole body (`--replace-assessments`). */
function patchToBody(p: AssessmentPatch): AssessmentBody {
  const body: AssessmentBody = {};
  if (p.externalId !== undefined) body.external_id = p.externalId;
  if (p.username !== undefined) body.username = p.username;
  setValues(body, p);
  if (p.dimensions.length > 0) {
    body.assessment_dimension_list = p.dimensions.map(({ set, title }) => inBodyOrder({ ...set, title }));
  }
  return body;
}

/** The values the patch gives (`ASSESSMENT_VALUES`) onto `body`, in the API page's order; the rest stay. */
function setValues(body: AssessmentBody, p: AssessmentPatch): void {
  const values: Partial<Record<AssessmentValueKey, number | string>> = body;
  for (const { key } of ASSESSMENT_VALUES) {
    const value = p[key];
    if (value !== undefined) values[key] = value;
  }
}

/** An assessment's interviewer as Feishu held it before the correction (one the correction adds: its own). */
type NameOf = (a: AssessmentBody) => string | undefined;

const names = (list: readonly AssessmentBody[], nameOf: NameOf) =>
  list.map((a, i) => nameOf(a) ?? `no. ${i + 1}`).join(', ');

function refuse(at: RowRef, code: string, column: string, message: (where: Pair) => Pair): never {
  throw new Refused({ at, code, column, message: say(message(MERGE.where(at.row, col(column)))) });
}

/**
 * The assessment a row names. By its legacy key first; a key Feishu does not hold names an
 * assessment only where that one has no key yet (imported without one, it gets it), or where
 * `评价序号` names it (the one explicit way to give an assessment a new key): a key is never
 * changed by an interviewer's name or by being the only assessment.
 */
function findAssessment(
  list: AssessmentBody[],
  p: AssessmentPatch,
  add: boolean,
  nameOf: NameOf,
  has: Has,
): AssessmentBody {
  if (p.externalId === undefined) return findByOthers(list, p, add, nameOf, has);
  const byKey = list.filter((a) => a.external_id === p.externalId);
  if (byKey.length === 1) return byKey[0]!;
  if (byKey.length > 1)
    refuse(p.at, 'ROW_AMBIGUOUS_ASSESSMENT', 'assessment_external_id', (w) =>
      MERGE.duplicateKey({ key: p.externalId!, count: byKey.length, w }),
    );
  const target = findByOthers(list, p, add, nameOf, has);
  if (target.external_id === undefined || p.no !== undefined) return target;
  if (add) return added(list);
  const keys = list.flatMap((a) => (a.external_id === undefined ? [] : [a.external_id])).join(', ');
  return refuse(p.at, 'ROW_NO_SUCH_ASSESSMENT', 'assessment_external_id', (w) =>
    MERGE.noSuchKey({ key: p.externalId!, keys, add, w }),
  );
}

function added(list: AssessmentBody[]): AssessmentBody {
  const fresh: AssessmentBody = {};
  list.push(fresh);
  return fresh;
}

/** The assessment a row names by its number, else its interviewer, else the only one. */
function findByOthers(
  list: AssessmentBody[],
  p: AssessmentPatch,
  add: boolean,
  nameOf: NameOf,
  has: Has,
): AssessmentBody {
  const exists = MERGE.assessments(list.length, names(list, nameOf));
  if (p.no !== undefined) {
    const n = Number(p.no);
    if (!Number.isInteger(n) || n < 1) {
      refuse(p.at, 'ROW_BAD_ASSESSMENT_NO', 'assessment_no', (w) => MERGE.badNo({ no: p.no!, w }));
    }
    // The number decides which assessment; a 面试官 on the row is its new interviewer (a rename,
    // the one way to correct a misspelt name on an assessment imported without a key).
    if (n <= list.length) return list[n - 1]!;
    if (add && n === list.length + 1) return added(list);
    refuse(p.at, 'ROW_NO_SUCH_ASSESSMENT', 'assessment_no', (w) =>
      MERGE.noSuchNo({ n, exists, add, next: list.length + 1, w }),
    );
  }
  if (p.username !== undefined) {
    const matches = list.filter((a) => nameOf(a) === p.username);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      refuse(p.at, 'ROW_AMBIGUOUS_ASSESSMENT', 'username', (w) =>
        MERGE.ambiguousUser({ user: p.username!, count: matches.length, exists, w }),
      );
    }
    if (add) return added(list);
    refuse(p.at, 'ROW_NO_SUCH_ASSESSMENT', 'username', (w) => MERGE.noSuchUser({ user: p.username!, exists, w }));
  }
  if (list.length === 1) return list[0]!;
  if (list.length === 0 && add) return added(list);
  if (list.length === 0) {
    refuse(p.at, 'ROW_NO_SUCH_ASSESSMENT', 'username', (w) => MERGE.noAssessments(w));
  }
  return refuse(p.at, 'ROW_AMBIGUOUS_ASSESSMENT', 'username', (w) =>
    MERGE.whichAssessment({ exists, w, column: has('username') }),
  );
}

function applyAssessment(target: AssessmentBody, p: AssessmentPatch, add: boolean, has: Has): void {
  if (p.externalId !== undefined) target.external_id = p.externalId;
  else if (p.clearExternalId) delete target.external_id;
  if (p.username !== undefined) target.username = p.username;
  setValues(target, p);
  for (const d of p.dimensions) {
    target.assessment_dimension_list ??= [];
    const list = target.assessment_dimension_list;
    const dim = findDimension(list, d, add, target, has);
    dropOldTypeValue(dim, d.set);
    Object.assign(dim, definedFields(d.set));
  }
}

/**
 * A dimension whose type the file changes is the dimension as the file states it: the value its
 * old type held (a 打分题's score, when it becomes a 单选题) goes, unless the file gives it again.
 */
function dropOldTypeValue(dim: DimensionBody, set: DimensionPatch['set']): void {
  const before = dim.assessment_type;
  if (set.assessment_type === undefined || before === undefined || before === set.assessment_type) return;
  const old = DIMENSION_NEEDS[before]?.field;
  if (old !== undefined && set[old as keyof typeof set] === undefined) delete dim[old];
}

function definedFields(set: DimensionPatch['set']): Partial<DimensionBody> {
  return Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
}

function findDimension(
  list: DimensionBody[],
  d: DimensionPatch,
  add: boolean,
  owner: AssessmentBody,
  has: Has,
): DimensionBody {
  const titles = list.map((x) => JSON.stringify(x.title ?? '')).join(', ');
  const who = owner.username;
  const exists = MERGE.dimensions(who, list.length, titles);
  const added = () => {
    const fresh: DimensionBody = d.title === undefined ? {} : { title: d.title };
    list.push(fresh);
    return fresh;
  };
  if (d.title === undefined) {
    if (list.length === 1) return list[0]!;
    refuse(d.at, 'ROW_AMBIGUOUS_DIMENSION', 'dimension_title', (w) =>
      MERGE.whichDimension({ exists, w, column: has('dimension_title') }),
    );
  }
  const matches = list.filter((x) => x.title === d.title);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    refuse(d.at, 'ROW_AMBIGUOUS_DIMENSION', 'dimension_title', (w) =>
      MERGE.duplicateTitle({ title: d.title!, count: matches.length, exists, w }),
    );
  if (add) return added();
  return refuse(d.at, 'ROW_NO_SUCH_DIMENSION', 'dimension_title', (w) =>
    MERGE.noSuchDimension({ who, title: d.title!, exists, w }),
  );
}
