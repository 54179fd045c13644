/**
 * The template's columns and vocabularies: the first stop for a new column (docs/architecture.md,
 * "A new column"). What each column means for Feishu's body is docs/feishu-api.md, "Body".
 */

/** The template's columns, canonical name first, then the Chinese header accepted as the same. */
export const COLUMNS = [
  ['external_interview_id', '外部面试ID'],
  ['external_application_id', '外部投递ID'],
  ['external_id', '外部系统面试ID'],
  ['participate_status', '参与状态'],
  ['begin_time', '开始时间'],
  ['end_time', '结束时间'],
  ['assessment_no', '评价序号'],
  ['assessment_external_id', '外部系统面评ID'],
  ['username', '面试官'],
  ['conclusion', '面试结论'],
  ['assessment_content', '评价内容'],
  ['dimension_title', '评价维度'],
  ['assessment_type', '题目类型'],
  ['score', '分数'],
  ['option', '单选选项'],
  ['options', '多选选项'],
  ['dimension_content', '维度内容'],
  ['dimension_description', '维度描述'],
] as const;

export type Column = (typeof COLUMNS)[number][0];

export const COLUMN_NAMES: readonly Column[] = COLUMNS.map(([name]) => name);

export const REQUIRED_COLUMNS: readonly Column[] = ['external_interview_id', 'external_application_id'];
/** With `--merge` the application id may come from the current record. */
export const REQUIRED_FOR_MERGE: readonly Column[] = ['external_interview_id'];

/** The columns an assessment is made of: a file with none of them keeps the current assessments (`--merge`). */
/** The columns of one dimension: a profile's wide columns stand for them. */
export const DIMENSION_COLUMNS: readonly Column[] = [
  'dimension_title',
  'assessment_type',
  'score',
  'option',
  'options',
  'dimension_content',
  'dimension_description',
];

export const ASSESSMENT_COLUMNS: readonly Column[] = [
  'assessment_no',
  'assessment_external_id',
  'username',
  'conclusion',
  'assessment_content',
  ...DIMENSION_COLUMNS,
];

// Enumerations: the words a cell may hold for each of Feishu's numeric codes (docs/feishu-api.md, "Body").

export interface EnumSpec {
  readonly name: string;
  /** code → [Chinese label, English word] */
  readonly values: Readonly<Record<number, readonly [string, string]>>;
  /** Other words that say exactly one of the values: 已参与 is 参与. Never a word that could mean two. */
  readonly synonyms?: Readonly<Record<string, number>>;
  /** A mapping profile's words for this column (src/input/profile.ts `values`), and the profile named in errors. */
  readonly profileWords?: Readonly<Record<string, number>>;
  readonly profile?: string;
}

export const PARTICIPATE_STATUS: EnumSpec = {
  name: 'participate_status',
  values: { 1: ['未参与', 'not_participated'], 2: ['参与', 'participated'], 3: ['爽约', 'no_show'] },
  synonyms: { 已参与: 2, 参加: 2, 已参加: 2, 未参加: 1 },
};
export const CONCLUSION: EnumSpec = {
  name: 'conclusion',
  values: { 1: ['不通过', 'fail'], 2: ['通过', 'pass'], 3: ['待定', 'pending'] },
  synonyms: { 未通过: 1, 不合格: 1, 已通过: 2, 合格: 2, failed: 1, passed: 2 },
};
export const ASSESSMENT_TYPE: EnumSpec = {
  name: 'assessment_type',
  values: {
    1: ['打分题', 'score'],
    2: ['单选题', 'single_choice'],
    3: ['描述题', 'description'],
    4: ['多选题', 'multi_choice'],
  },
  synonyms: { 打分: 1, 评分: 1, 评分题: 1, 单选: 2, 描述: 3, 多选: 4 },
};
