import { type AssessmentBody, DIMENSION_KEYS, type DimensionBody, type InterviewBody } from '../feishu/body.js';
import { ASSESSMENT_KEYS, type Column, FIELD, INTERVIEW_KEYS } from '../schema.js';
import { showTime } from '../time-zones.js';
import { canonicalBody } from '../plan/canonical.js';

/** A field the undone run changed that changed again since: undo leaves the interview alone. */
export interface Conflict {
  /** As the API names it: `external_id`, `assessment 2 (李四) conclusion`, `… dimension "专业" score`. */
  readonly field: string;
  /** What Feishu holds there now, shown as the report shows values. */
  readonly now: string;
}

export type UndoMerge =
  | { readonly kind: 'merged'; readonly body: InterviewBody }
  | { readonly kind: 'conflict'; readonly conflicts: readonly Conflict[] };

/** The fields undo restores, at each level: every field the update accepts (src/schema.ts). */
const INTERVIEW_FIELDS = INTERVIEW_KEYS;
const ASSESSMENT_FIELDS = ASSESSMENT_KEYS;
const DIMENSION_FIELDS = DIMENSION_KEYS;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const shown = (field: string, v: unknown) =>
  v === undefined
    ? '(none)'
    : FIELD[field as Column]?.type === 'time' && typeof v === 'number'
      ? showTime(v, 'UTC')
      : JSON.stringify(v);

/**
 * Undo as a three-way merge of the interview before the run, what the run wrote and what Feishu
 * holds now: every field the run changed goes back to its state before, every other field keeps
 * what it holds now (a later change is kept). A field the run changed that changed again since
 * is a conflict: nothing of that interview is written. Fields compare at the level a correction
 * names them: interview fields, assessments (by `external_id`, else interviewer and order) and
 * their fields, dimensions (by title) and theirs.
 */
export function undoMerge(before: InterviewBody, written: InterviewBody, now: InterviewBody): UndoMerge {
  const [b, w, n] = [before, written, now].map((x) => canonicalBody(x as unknown as Record<string, unknown>));
  const conflicts: Conflict[] = [];
  const out = {} as InterviewBody;
  for (const f of INTERVIEW_FIELDS) set(out, f, pick(f, b![f], w![f], n![f], conflicts));
  const assessments = mergeList(
    { before: b!.interview_assessments, written: w!.interview_assessments, now: n!.interview_assessments },
    { key: assessmentKey, label: assessmentLabel, item: mergeAssessment },
    '',
    conflicts,
  );
  if (assessments.length > 0) out.interview_assessments = assessments;
  if (conflicts.length > 0) return { kind: 'conflict', conflicts };
  return { kind: 'merged', body: canonicalBody(out as unknown as Record<string, unknown>) };
}

/**
 * `body` with the legacy keys of `written` where it has none: a read without the keys cannot say
 * which keys Feishu held before the run, and a key the run wrote is kept rather than lost (a
 * re-run of a migration finds an interview by it). Assessments are matched as in `undoMerge`.
 */
export function keepWrittenKeys(body: InterviewBody, written: InterviewBody): InterviewBody {
  const out = structuredClone(body);
  out.external_id ??= written.external_id;
  const keys = new Map<string, string>();
  const w = written.interview_assessments ?? [];
  keyed(w, (a) => `u:${a.username ?? ''}`).forEach((k, i) => {
    const id = w[i]!.external_id;
    if (id !== undefined) keys.set(k, id);
  });
  const mine = out.interview_assessments ?? [];
  keyed(mine, (a) => `u:${a.username ?? ''}`).forEach((k, i) => {
    mine[i]!.external_id ??= keys.get(k);
  });
  return canonicalBody(out as unknown as Record<string, unknown>);
}

/** One value: the run's change undone, a later change kept, both at once a conflict. */
function pick<T>(field: string, b: T, w: T, n: T, conflicts: Conflict[]): T {
  if (same(b, w) || same(n, b)) return n;
  if (same(n, w)) return b;
  conflicts.push({ field, now: shown(field, n) });
  return n;
}

function set<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}

interface ListRules<T> {
  /** Keys that match an item across the three versions; repeated bases are told apart by order. */
  key(item: T): string;
  label(item: T, index: number, parent: string): string;
  item(b: T, w: T, n: T, label: string, conflicts: Conflict[]): T;
}

function keyed<T>(list: readonly T[], key: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return list.map((x) => {
    const base = key(x);
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return `${base}#${k}`;
  });
}

/**
 * A list of assessments or dimensions: what the run added goes (if unchanged since), what it
 * removed comes back at its old place (unless it is there again), what it changed merges item by item.
 */
function mergeList<T>(
  lists: { before?: readonly T[]; written?: readonly T[]; now?: readonly T[] },
  rules: ListRules<T>,
  parent: string,
  conflicts: Conflict[],
): T[] {
  const [B, W, N] = [lists.before ?? [], lists.written ?? [], lists.now ?? []];
  const [kb, kw, kn] = [keyed(B, rules.key), keyed(W, rules.key), keyed(N, rules.key)];
  const byB = new Map(kb.map((k, i) => [k, B[i]!]));
  const byW = new Map(kw.map((k, i) => [k, W[i]!]));
  const inN = new Set(kn);
  const out: T[] = [];
  N.forEach((n, i) => {
    const [b, w] = [byB.get(kn[i]!), byW.get(kn[i]!)];
    const label = rules.label(n, i, parent);
    if (b === undefined && w === undefined) out.push(n);
    else if (b === undefined) {
      // The run added it: it goes, unless it changed since.
      if (!same(n, w)) {
        conflicts.push({ field: label, now: JSON.stringify(n) });
        out.push(n);
      }
    } else if (w === undefined) {
      // The run removed it and it is back: as it was before is fine, anything else is a later change.
      if (!same(n, b)) conflicts.push({ field: label, now: JSON.stringify(n) });
      out.push(n);
    } else out.push(rules.item(b, w, n, label, conflicts));
  });
  B.forEach((b, j) => {
    if (inN.has(kb[j]!)) return;
    const w = byW.get(kb[j]!);
    if (w === undefined) out.splice(Math.min(j, out.length), 0, b);
    else if (!same(b, w)) conflicts.push({ field: rules.label(b, j, parent), now: '(none)' });
  });
  return out;
}

const assessmentKey = (a: AssessmentBody) =>
  a.external_id !== undefined ? `e:${a.external_id}` : `u:${a.username ?? ''}`;
const assessmentLabel = (a: AssessmentBody, i: number) => `assessment ${i + 1}${a.username ? ` (${a.username})` : ''}`;

function mergeAssessment(
  b: AssessmentBody,
  w: AssessmentBody,
  n: AssessmentBody,
  label: string,
  conflicts: Conflict[],
): AssessmentBody {
  const out: AssessmentBody = {};
  for (const f of ASSESSMENT_FIELDS) set(out, f, pick(`${label} ${f}`, b[f], w[f], n[f], conflicts));
  const dims = mergeList(
    { before: b.assessment_dimension_list, written: w.assessment_dimension_list, now: n.assessment_dimension_list },
    { key: (d) => `t:${d.title ?? ''}`, label: dimensionLabel, item: mergeDimension },
    label,
    conflicts,
  );
  if (dims.length > 0) out.assessment_dimension_list = dims;
  return out;
}

const dimensionLabel = (d: DimensionBody, i: number, parent: string) =>
  `${parent} dimension ${JSON.stringify(d.title ?? i + 1)}`;

function mergeDimension(
  b: DimensionBody,
  w: DimensionBody,
  n: DimensionBody,
  label: string,
  conflicts: Conflict[],
): DimensionBody {
  const out: DimensionBody = {};
  for (const f of DIMENSION_FIELDS) set(out, f, pick(`${label} ${f}`, b[f], w[f], n[f], conflicts) as never);
  return out;
}
