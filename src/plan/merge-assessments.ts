import type { AssessmentBody, DimensionBody } from '../feishu/body.js';
import type { AssessmentPatch, DimensionPatch, RowRef } from './types.js';
import { dimensionBody } from './row-fields.js';

/** How `--merge` treats the file's assessments. */
export interface AssessmentRules {
  /** `--replace-assessments`: the file's assessments replace all current ones. */
  readonly replace: boolean;
  /** `--add-assessments`: an assessment or dimension the interview lacks is added, not refused. */
  readonly add: boolean;
}

/** A row that cannot be applied to the current record; nothing of its interview is sent. */
export interface MergeRefusal {
  readonly at: RowRef;
  readonly code: string;
  readonly column: string;
  readonly message: string;
}

export type AssessmentsResult =
  | { readonly kind: 'merged'; readonly assessments: AssessmentBody[] }
  | { readonly kind: 'refused'; readonly refusal: MergeRefusal };

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
  if (rules.replace) return { kind: 'merged', assessments: patches.map(patchToBody) };
  const out = current.map((a) => ({
    ...a,
    assessment_dimension_list: a.assessment_dimension_list?.map((d) => ({ ...d })),
  }));
  try {
    for (const patch of patches) {
      const target = findAssessment(out, patch, rules.add);
      applyAssessment(target, patch, rules.add);
    }
  } catch (error) {
    if (error instanceof Refused) return { kind: 'refused', refusal: error.refusal };
    throw error;
  }
  return {
    kind: 'merged',
    assessments: out
      .filter((a) => Object.keys(a).some((k) => a[k as keyof AssessmentBody] !== undefined))
      .map(dropEmptyList),
  };
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
  if (p.conclusion !== undefined) body.conclusion = p.conclusion;
  if (p.content !== undefined) body.content = p.content;
  if (p.dimensions.length > 0) {
    body.assessment_dimension_list = p.dimensions.map(({ set: s, title }) =>
      dimensionBody(s.score, s.option, s.options, s.content, s.assessment_type, title, s.description),
    );
  }
  return body;
}

const names = (list: readonly AssessmentBody[]) => list.map((a, i) => a.username ?? `no. ${i + 1}`).join(', ');

function refuse(at: RowRef, code: string, column: string, message: string): never {
  throw new Refused({ at, code, column, message: `${message.replace('{where}', `row ${at.row}, column ${column}`)}` });
}

function findAssessment(list: AssessmentBody[], p: AssessmentPatch, add: boolean): AssessmentBody {
  const exists = `this interview has ${list.length} assessment(s)${list.length ? ` (${names(list)})` : ''}`;
  const added = () => {
    const fresh: AssessmentBody = {};
    list.push(fresh);
    return fresh;
  };
  // The legacy key first; an assessment imported without one is then found as below, and gets it.
  if (p.externalId !== undefined) {
    const byKey = list.filter((a) => a.external_id === p.externalId);
    if (byKey.length === 1) return byKey[0]!;
    if (byKey.length > 1)
      refuse(
        p.at,
        'ROW_AMBIGUOUS_ASSESSMENT',
        'assessment_external_id',
        `expected one assessment with external_id ${JSON.stringify(p.externalId)}, got ${byKey.length} ({where}): fix the duplicate in Feishu first`,
      );
  }
  if (p.no !== undefined) {
    const n = Number(p.no);
    if (!Number.isInteger(n) || n < 1) {
      refuse(
        p.at,
        'ROW_BAD_ASSESSMENT_NO',
        'assessment_no',
        `expected a whole number from 1 in assessment_no with --merge (an assessment's position: 1 for the first), got ${JSON.stringify(p.no)} ({where}): number the assessments 1, 2, …, or leave the column out and name the interviewer`,
      );
    }
    if (n <= list.length) {
      const found = list[n - 1]!;
      if (p.username === undefined || found.username === undefined || found.username === p.username) return found;
      const order = list.map((a, i) => `${i + 1} ${a.username ?? '(no interviewer)'}`).join(', ');
      refuse(
        p.at,
        'ROW_ASSESSMENT_MISMATCH',
        'assessment_no',
        `expected assessment no. ${n} to be by ${p.username}, got one by ${found.username}: assessment_no counts the assessments as Feishu holds them (${order}) ({where}): fix assessment_no, or leave that column out and name the interviewer`,
      );
    }
    if (add && n === list.length + 1) return added();
    refuse(
      p.at,
      'ROW_NO_SUCH_ASSESSMENT',
      'assessment_no',
      `expected an assessment that exists, got no. ${n}, but ${exists} ({where}): use one of those numbers${add ? `, or ${list.length + 1} to add one` : ', or pass --add-assessments to add it'}`,
    );
  }
  if (p.username !== undefined) {
    const matches = list.filter((a) => a.username === p.username);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      refuse(
        p.at,
        'ROW_AMBIGUOUS_ASSESSMENT',
        'username',
        `expected one assessment by ${p.username}, got ${matches.length}: ${exists} ({where}): add the assessment_no column (评价序号, 1 for the first) to say which`,
      );
    }
    if (add) return added();
    refuse(
      p.at,
      'ROW_NO_SUCH_ASSESSMENT',
      'username',
      `expected an assessment by an interviewer of this interview, got ${p.username}, but ${exists} ({where}): fix the name, or pass --add-assessments to add an assessment by ${p.username}`,
    );
  }
  if (list.length === 1) return list[0]!;
  if (list.length === 0 && add) return added();
  if (list.length === 0) {
    refuse(
      p.at,
      'ROW_NO_SUCH_ASSESSMENT',
      'username',
      `expected an assessment to change, got an interview with none ({where}): pass --add-assessments to add one`,
    );
  }
  return refuse(
    p.at,
    'ROW_AMBIGUOUS_ASSESSMENT',
    'username',
    `expected this row to say which assessment it changes, got no interviewer: ${exists} ({where}): add the 面试官 (username) column`,
  );
}

function applyAssessment(target: AssessmentBody, p: AssessmentPatch, add: boolean): void {
  if (p.externalId !== undefined) target.external_id = p.externalId;
  if (p.username !== undefined) target.username = p.username;
  if (p.conclusion !== undefined) target.conclusion = p.conclusion;
  if (p.content !== undefined) target.content = p.content;
  for (const d of p.dimensions) {
    target.assessment_dimension_list ??= [];
    const list = target.assessment_dimension_list;
    Object.assign(findDimension(list, d, add, target), definedFields(d.set));
  }
}

function definedFields(set: DimensionPatch['set']): Partial<DimensionBody> {
  return Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
}

function findDimension(list: DimensionBody[], d: DimensionPatch, add: boolean, owner: AssessmentBody): DimensionBody {
  const titles = list.map((x) => JSON.stringify(x.title ?? '')).join(', ');
  const who = owner.username ? `the assessment by ${owner.username}` : 'this assessment';
  const exists = `${who} has ${list.length} dimension(s)${list.length ? ` (${titles})` : ''}`;
  const added = () => {
    const fresh: DimensionBody = d.title === undefined ? {} : { title: d.title };
    list.push(fresh);
    return fresh;
  };
  if (d.title === undefined) {
    if (list.length === 1) return list[0]!;
    refuse(
      d.at,
      'ROW_AMBIGUOUS_DIMENSION',
      'dimension_title',
      `expected this row to say which dimension it changes, got no dimension_title: ${exists} ({where}): add the 评价维度 (dimension_title) column`,
    );
  }
  const matches = list.filter((x) => x.title === d.title);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    refuse(
      d.at,
      'ROW_AMBIGUOUS_DIMENSION',
      'dimension_title',
      `expected one dimension titled ${JSON.stringify(d.title)}, got ${matches.length}: ${exists} ({where}): fix the duplicate in Feishu first`,
    );
  if (add) return added();
  return refuse(
    d.at,
    'ROW_NO_SUCH_DIMENSION',
    'dimension_title',
    `expected a dimension of ${who}, got ${JSON.stringify(d.title)}, but ${exists} ({where}): fix the title, or pass --add-assessments to add it`,
  );
}
