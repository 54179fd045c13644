/**
 * What follows from the field list (src/fields.ts, one entry per column): the column names, the
 * fields of each level and their body types, the keys in the body's order, the enumerations. The
 * row parser, the grouping and the bodies it builds, `--merge`, the removals, the canonical form
 * of a record, undo, the simulator and the template all read these.
 */

import { FIELDS, type FieldLevel, type FieldSpec, type ValueOf } from './fields.js';
import type { EnumSpec } from './vocabularies.js';

export { FIELDS, type FieldLevel, type FieldSpec, type FieldType, type MergeRule, type ValueOf } from './fields.js';
export { ASSESSMENT_TYPE, CONCLUSION, type EnumSpec, PARTICIPATE_STATUS } from './vocabularies.js';

type AnyField = (typeof FIELDS)[number];
export type Column = AnyField['column'];

/** The template's columns, canonical name first, then the Chinese header accepted as the same. */
export const COLUMNS: readonly (readonly [Column, string])[] = FIELDS.map((f) => [f.column, f.zh] as const);

export const COLUMN_NAMES: readonly Column[] = FIELDS.map((f) => f.column);

/** Each column's entry. */
export const FIELD: Readonly<Record<Column, FieldSpec>> = Object.fromEntries(
  FIELDS.map((f) => [f.column, f]),
) as Record<Column, FieldSpec>;

export const REQUIRED_COLUMNS: readonly Column[] = ['external_interview_id', 'external_application_id'];
/** With `--merge` the application id may come from the current record. */
export const REQUIRED_FOR_MERGE: readonly Column[] = ['external_interview_id'];

/** The columns of one dimension: a profile's wide columns stand for them. */
export const DIMENSION_COLUMNS: readonly Column[] = FIELDS.filter((f) => f.level === 'dimension').map((f) => f.column);

/** The columns an assessment is made of: a file with none of them keeps the current assessments (`--merge`). */
export const ASSESSMENT_COLUMNS: readonly Column[] = [
  ...FIELDS.filter((f) => f.level === 'assessment').map((f) => f.column),
  ...DIMENSION_COLUMNS,
];

/**
 * The interview's values: its fields other than its ids and keys (those name the interview).
 * Parsed, grouped, sent, merged, cleared, compared and undone by one loop each.
 */
type InterviewValueField = Extract<AnyField, { level: 'interview'; isKey?: undefined }>;
export type InterviewValueColumn = InterviewValueField['column'];
export const INTERVIEW_VALUES = FIELDS.filter(
  (f): f is InterviewValueField => f.level === 'interview' && !('isKey' in f),
);
/** The interview's values as the body holds them: `InterviewBody` is made of these and the ids. */
export type InterviewValues = { [F in InterviewValueField as F['column']]?: ValueOf<F['type']> };

/**
 * An assessment's values: its fields other than those that name it (its key, its number, its
 * interviewer, which also places rows without key or number). Read, grouped, sent, merged and
 * absorbed by one loop each; the body keys them by `key` (`content` is 评价内容).
 */
type AssessmentValueField = Exclude<
  Extract<AnyField, { level: 'assessment'; key: string; isKey?: undefined }>,
  { column: 'username' }
>;
export type AssessmentValueColumn = AssessmentValueField['column'];
export type AssessmentValueKey = AssessmentValueField['key'];
export const ASSESSMENT_VALUES = FIELDS.filter(
  (f): f is AssessmentValueField =>
    f.level === 'assessment' && 'key' in f && !('isKey' in f) && f.column !== 'username',
);
/** An assessment's values as the body holds them: `AssessmentBody` is made of these, its key and interviewer. */
export type AssessmentValues = { [F in AssessmentValueField as F['key']]?: ValueOf<F['type']> };
/** An assessment's values as one row gives them, by column. */
export type AssessmentRowValues = { -readonly [F in AssessmentValueField as F['column']]?: ValueOf<F['type']> };

/** A dimension's fields: a dimension is made of these alone, keyed by `key` (`content` is 维度内容). */
type DimensionField = Extract<AnyField, { level: 'dimension'; key: string }>;
export type DimensionValues = { [F in DimensionField as F['key']]?: ValueOf<F['type']> };
/** The dimension's fields, in the template's order (the body's order is `DIMENSION_KEYS`, src/feishu/body.ts). */
export const DIMENSION_FIELDS = FIELDS.filter((f): f is DimensionField => f.level === 'dimension' && 'key' in f);

type KeyedOf<L extends FieldLevel> = Extract<AnyField, { level: L; key: string }>;
const keysOf = <L extends FieldLevel>(level: L): KeyedOf<L>['key'][] =>
  (FIELDS as readonly FieldSpec[]).flatMap((f) =>
    f.level === level && f.key !== undefined ? [f.key] : [],
  ) as KeyedOf<L>['key'][];
const byKey = (level: FieldLevel): Readonly<Record<string, FieldSpec>> =>
  Object.fromEntries((FIELDS as readonly FieldSpec[]).filter((f) => f.level === level && f.key).map((f) => [f.key, f]));

/** The interview's body keys but its assessments, in the API page's order: its keys, then its values. */
export const INTERVIEW_KEYS = [
  'external_id',
  'external_application_id',
  ...INTERVIEW_VALUES.map((f) => f.column),
] as const;
export type AssessmentKey = KeyedOf<'assessment'>['key'];
/** An assessment's body keys but its dimensions, in the API page's order. */
export const ASSESSMENT_KEYS: readonly AssessmentKey[] = keysOf('assessment');
export type DimensionKey = KeyedOf<'dimension'>['key'];
/** Each level's fields by their body key: `content` is 评价内容 in an assessment, 维度内容 in a dimension. */
export const FIELD_BY_KEY: Readonly<Record<FieldLevel, Readonly<Record<string, FieldSpec>>>> = {
  interview: byKey('interview'),
  assessment: byKey('assessment'),
  dimension: byKey('dimension'),
};
/** A field whose body value is a number. */
export const isNumeric = (f: FieldSpec | undefined): boolean =>
  f !== undefined && (f.type === 'number' || f.type === 'enum' || f.type === 'time');
/** A read may return 0 for "not set" of an enumeration or a time (no enumeration has a 0, no interview is at 1970). */
export const zeroMeansUnset = (f: FieldSpec | undefined): boolean =>
  f !== undefined && (f.type === 'enum' || f.type === 'time');

/** The columns whose cells hold words for Feishu's numbers: a profile's `values` may map them. */
export type EnumColumn = Extract<AnyField, { type: 'enum' }>['column'];
export const ENUM_SPECS: Readonly<Partial<Record<Column, EnumSpec>>> = Object.fromEntries(
  (FIELDS as readonly FieldSpec[]).flatMap((f) => (f.enum ? [[f.column, f.enum]] : [])),
);

/** The interview's fields `<clear>` removes: its legacy key and its values that `--merge` may clear. */
export type ClearableField = Extract<AnyField, { level: 'interview'; merge: 'clear' }>['column'];

/** The two times of an interview: its end is not before its begin. */
export const TIME_SPAN = { begin: 'begin_time', end: 'end_time' } as const satisfies Record<
  string,
  InterviewValueColumn
>;
