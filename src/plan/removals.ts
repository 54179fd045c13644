import type { AssessmentBody, InterviewBody } from '../feishu/body.js';
import { ASSESSMENT_VALUES, INTERVIEW_VALUES } from '../schema.js';

/**
 * What a body takes away from what Feishu holds, the legacy keys left out (a blank key cell keeps
 * the key, src/plan/keep-keys.ts): fields with a value Feishu holds and the body lacks, whole
 * assessments, and dimensions (by title) of the assessments both hold.
 */
export interface Removals {
  /** Values: the interview's fields, and `assessment N (interviewer) content`-style names of an assessment's. */
  readonly values: readonly string[];
  /** Whole assessments, named by interviewer and key. */
  readonly assessments: readonly string[];
  /** Dimensions, named by interviewer and title, those of a whole assessment removed included. */
  readonly dimensions: readonly string[];
}

/** What the summary counts of removals. */
export interface RemovalCounts {
  readonly values: number;
  readonly assessments: number;
  readonly dimensions: number;
}

const FIELDS = INTERVIEW_VALUES.map((f) => f.column);
/**
 * What of an assessment a body can take away, by body key: its interviewer and its values
 * (`ASSESSMENT_VALUES`, src/schema.ts); its key is kept when blank (src/plan/keep-keys.ts).
 */
const REMOVABLE: readonly (keyof AssessmentBody)[] = ['username', ...ASSESSMENT_VALUES.map((f) => f.key)];

export const countRemovals = (r: Removals): RemovalCounts => ({
  values: r.values.length,
  assessments: r.assessments.length,
  dimensions: r.dimensions.length,
});

export const removesAnything = (r: RemovalCounts): boolean => r.values + r.assessments + r.dimensions > 0;

/**
 * Which assessment of `after` each of `before` is, by index: the same key (`external_id`) first,
 * then the same interviewer, then the same position, each among those not yet matched. A renamed
 * interviewer with its key is the same assessment, not one removed and one added.
 */
export function matchAssessments(
  before: readonly AssessmentBody[],
  after: readonly AssessmentBody[],
): (number | undefined)[] {
  const taken = new Set<number>();
  const out: (number | undefined)[] = before.map(() => undefined);
  const pass = (same: (a: AssessmentBody, b: AssessmentBody, i: number, j: number) => boolean) => {
    before.forEach((a, i) => {
      if (out[i] !== undefined) return;
      const j = after.findIndex((b, k) => !taken.has(k) && same(a, b, i, k));
      if (j < 0) return;
      out[i] = j;
      taken.add(j);
    });
  };
  pass((a, b) => a.external_id !== undefined && a.external_id === b.external_id);
  // A key on both sides that differs is another assessment: only a side without one matches on.
  const keysAgree = (a: AssessmentBody, b: AssessmentBody) =>
    a.external_id === undefined || b.external_id === undefined;
  pass((a, b) => keysAgree(a, b) && a.username !== undefined && a.username === b.username);
  pass((a, b, i, j) => keysAgree(a, b) && i === j);
  return out;
}

const nameOf = (a: AssessmentBody, i: number): string =>
  `#${i + 1}${a.username ? ` ${a.username}` : ''}${a.external_id ? ` (${a.external_id})` : ''}`;

/** What `after` removes of `before` (see `Removals`). */
export function removalsBetween(before: InterviewBody, after: InterviewBody): Removals {
  const values: string[] = [];
  const assessments: string[] = [];
  const dimensions: string[] = [];
  for (const key of FIELDS) if (before[key] !== undefined && after[key] === undefined) values.push(key);
  const a = before.interview_assessments ?? [];
  const b = after.interview_assessments ?? [];
  matchAssessments(a, b).forEach((j, i) => {
    const was = a[i]!;
    if (j === undefined) {
      // Its dimensions go with it: counted, and named by the assessment alone.
      assessments.push(nameOf(was, i));
      for (const d of was.assessment_dimension_list ?? [])
        dimensions.push(`${nameOf(was, i)} ${JSON.stringify(d.title ?? '')}`);
      return;
    }
    const now = b[j]!;
    for (const key of REMOVABLE)
      if (was[key] !== undefined && now[key] === undefined) values.push(`${nameOf(was, i)} ${key}`);
    const titles = new Set((now.assessment_dimension_list ?? []).map((d) => d.title));
    for (const d of was.assessment_dimension_list ?? [])
      if (!titles.has(d.title)) dimensions.push(`${nameOf(was, i)} ${JSON.stringify(d.title ?? '')}`);
  });
  return { values, assessments, dimensions };
}
