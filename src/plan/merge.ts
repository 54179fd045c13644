import { canonicalBody } from './canonical.js';
import type { AssessmentBody, ClearableField, InterviewBody, InterviewPatch } from './types.js';

const CLEARABLE: readonly ClearableField[] = ['participate_status', 'begin_time', 'end_time'];

/**
 * `--merge`: the current record with what the file says laid over it. A field the file leaves
 * blank (or has no column for) keeps its current value; `<clear>` removes it. The file's
 * assessments replace the current ones when it has assessment columns at all. Ids from the read
 * are never sent back.
 */
export function mergeBody(current: Record<string, unknown>, patch: InterviewPatch): InterviewBody {
  const base = canonicalBody(current);
  const out: InterviewBody = { external_application_id: patch.set.external_application_id ?? base.external_application_id };
  for (const key of CLEARABLE) {
    if (patch.clear.includes(key)) continue;
    const value = patch.set[key] ?? base[key];
    if (value !== undefined) out[key] = value;
  }
  const assessments = patch.assessments ?? base.interview_assessments ?? [];
  if (assessments.length > 0) out.interview_assessments = assessments;
  return out;
}

const show = (key: string, v: unknown): string => {
  if (v === undefined) return '(none)';
  if (key.endsWith('_time') && typeof v === 'number') return new Date(v).toISOString().replace('.000Z', 'Z');
  return JSON.stringify(v);
};

function describeAssessments(list: readonly AssessmentBody[] | undefined): string {
  const a = list ?? [];
  const dims = a.reduce((n, x) => n + (x.assessment_dimension_list?.length ?? 0), 0);
  const who = a.map((x) => x.username).filter(Boolean);
  return `${a.length} assessment(s)${who.length ? ` by ${who.join(', ')}` : ''}, ${dims} dimension(s)`;
}

/** A field-level diff, one entry per changed field, in the API page's order. */
export function diffBodies(before: InterviewBody, after: InterviewBody): string[] {
  const changes: string[] = [];
  for (const key of ['external_application_id', ...CLEARABLE] as const) {
    if (before[key] !== after[key]) changes.push(`${key}: ${show(key, before[key])} → ${show(key, after[key])}`);
  }
  if (JSON.stringify(before.interview_assessments ?? []) !== JSON.stringify(after.interview_assessments ?? [])) {
    const from = describeAssessments(before.interview_assessments);
    const to = describeAssessments(after.interview_assessments);
    changes.push(`interview_assessments: ${from} → ${from === to ? `${to}, contents changed` : to}`);
  }
  return changes;
}
