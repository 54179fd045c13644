/**
 * The columns, one entry per field: the first stop for a new column (docs/architecture.md,
 * "A new column"). What each field means for Feishu's body is docs/feishu-api.md, "Body". The
 * lists and types derived from it (src/schema.ts) are what the row parser, the grouping and the
 * bodies it builds, `--merge`, the removals, the canonical form of a record, undo, the simulator
 * and the template read. This file holds the list alone, so a new entry has room under the
 * 450-line rule.
 */

import { ASSESSMENT_TYPE, CONCLUSION, type EnumSpec, PARTICIPATE_STATUS } from './vocabularies.js';

// ---------------------------------------------------------------------------------------------
// The fields.

/**
 * How a cell is read, and what the body holds: `number` a whole number, `text` a string (`texts`
 * a list of them), `key` an ID or legacy key kept exactly as text, `enum` words for Feishu's
 * numbers (its `EnumSpec`), `time` a moment as epoch milliseconds.
 */
export type FieldType = 'number' | 'text' | 'texts' | 'key' | 'enum' | 'time';

/** The body's type of a field of `type`. */
export type ValueOf<T extends FieldType> = T extends 'number' | 'enum' | 'time'
  ? number
  : T extends 'texts'
    ? string[]
    : string;

/** Where a field lives in the body: the interview, one of its assessments, or one of their dimensions. */
export type FieldLevel = 'interview' | 'assessment' | 'dimension';

/**
 * What `--merge` may do with a field: `change` it (a blank cell keeps the current value), change
 * or `clear` it (the `<clear>` marker removes it), or neither: it `names` what is changed.
 */
export type MergeRule = 'change' | 'clear' | 'names';

interface Words {
  readonly en: string;
  readonly zh: string;
}

export interface FieldSpec {
  /** The template's column name. */
  readonly column: string;
  /** The Chinese header accepted as the same column. */
  readonly zh: string;
  readonly level: FieldLevel;
  readonly type: FieldType;
  /** The body's key at its level; none for a column that only names (the Feishu id, the assessment's number). */
  readonly key?: string;
  readonly merge: MergeRule;
  /** An ID or legacy key of a record: kept exactly, and formatted as Text in the template. */
  readonly isKey?: boolean;
  readonly enum?: EnumSpec;
  /** The most characters a text cell may hold: a longer one is refused on its row. */
  readonly max?: number;
  /** A text kept exactly as written, its outer spaces and line breaks included (a comment); else trimmed. */
  readonly exact?: boolean;
  /** A new interview made by a correction (`--merge --create-missing`) needs it: the template marks it so. */
  readonly neededToCreate?: boolean;
  /** Headers old systems give this column (matched after normalising), for a drafted profile (`profile FILE`). */
  readonly oldHeaders?: RegExp;
  /**
   * The template's instructions: `required` when not optional, what the cell takes (for an
   * enumeration, the phrase its values follow), an example.
   */
  readonly help: { readonly required?: Words; readonly what: Words; readonly example: string };
}

/** Every column, in the template's order. */
export const FIELDS = [
  {
    column: 'external_interview_id',
    zh: '外部面试ID',
    level: 'interview',
    type: 'key',
    merge: 'names',
    isKey: true,
    help: {
      required: { en: 'required', zh: '必填' },
      what: {
        en: "The interview's 19-digit Feishu ID, as text (the column is formatted as Text: paste values only). Rows with the same ID are one interview. Rows without it need 外部系统面试ID and --create-missing.",
        zh: '飞书面试的 19 位 ID，文本格式（本列已设为“文本”，请只粘贴数值）。ID 相同的行属于同一场面试。不填时须填外部系统面试ID 并使用 --create-missing。',
      },
      example: '7000000000000000001',
    },
  },
  {
    column: 'external_application_id',
    zh: '外部投递ID',
    level: 'interview',
    type: 'key',
    key: 'external_application_id',
    merge: 'change',
    isKey: true,
    oldHeaders: /^((应聘|投递|申请)(记录)?(id|编号)|application ?id)$/,
    help: {
      required: { en: 'required on one row of each interview', zh: '每场面试至少一行必填' },
      what: {
        en: 'The application (投递) ID, 19 digits as text. With --merge it may be left blank: the current one is kept.',
        zh: '投递的 19 位 ID，文本格式。使用 --merge 时可留空，保留飞书中现有的值。',
      },
      example: '6960663240925956437',
    },
  },
  {
    column: 'external_id',
    zh: '外部系统面试ID',
    level: 'interview',
    type: 'key',
    key: 'external_id',
    merge: 'clear',
    isKey: true,
    oldHeaders: /^(面试(记录)?(编号|id|号)|interview ?(id|no))$/,
    help: {
      what: {
        en: "The interview's key in the system it comes from (a legacy ATS), as text. With --create-missing, rows without a Feishu ID are keyed by it. Blank keeps the key Feishu holds; <clear> removes it.",
        zh: '面试在原系统（旧 ATS）中的 ID，文本格式。使用 --create-missing 时，没有飞书 ID 的行按它对应面试。留空则保留飞书中现有的 ID；填 <clear> 则删除。',
      },
      example: 'ATS-2024-0001',
    },
  },
  {
    column: 'participate_status',
    zh: '参与状态',
    level: 'interview',
    type: 'enum',
    key: 'participate_status',
    merge: 'clear',
    enum: PARTICIPATE_STATUS,
    oldHeaders: /^(面试)?状态$|^(参与|到场)(状态|情况)$/,
    neededToCreate: true,
    help: {
      what: { en: 'Whether the candidate took part', zh: '候选人是否参加' },
      example: '参与',
    },
  },
  {
    column: 'begin_time',
    zh: '开始时间',
    level: 'interview',
    type: 'time',
    key: 'begin_time',
    merge: 'clear',
    oldHeaders: /^(面试)?开始(时间)?$|^面试时间$/,
    neededToCreate: true,
    help: {
      what: {
        en: 'Start time: 2024-03-01 14:00, ISO 8601 with an offset, epoch milliseconds, or an Excel date cell. Without an offset it is read in --tz (e.g. Asia/Shanghai). A date without a time is refused.',
        zh: '开始时间：2024年3月1日 14:00、2024年3月1日14时30分、2024/3/1 下午2:05、2024-03-01 14:00、毫秒时间戳或 Excel 日期单元格均可。不带时区的时间按 --tz（如 Asia/Shanghai）理解。只有日期没有时刻的会被拒绝。',
      },
      example: '2024-03-01 14:00',
    },
  },
  {
    column: 'end_time',
    zh: '结束时间',
    level: 'interview',
    type: 'time',
    key: 'end_time',
    merge: 'clear',
    oldHeaders: /^(面试)?结束(时间)?$/,
    neededToCreate: true,
    help: {
      what: {
        en: 'End time, in the same forms as 开始时间; not before it.',
        zh: '结束时间，格式同开始时间，不能早于开始时间。',
      },
      example: '2024-03-01 15:00',
    },
  },
  {
    column: 'assessment_no',
    zh: '评价序号',
    level: 'assessment',
    type: 'key',
    merge: 'names',
    help: {
      what: {
        en: 'Tells assessments apart on rows without 外部系统面评ID (1, 2, ...): rows sharing it are one assessment.',
        zh: '没有外部系统面评ID 时用来区分评价（1、2……）：序号相同的行属于同一条评价。',
      },
      example: '1',
    },
  },
  {
    column: 'assessment_external_id',
    zh: '外部系统面评ID',
    level: 'assessment',
    type: 'key',
    key: 'external_id',
    merge: 'clear',
    isKey: true,
    oldHeaders: /^(评价|面评|反馈)(记录)?(编号|id)$/,
    help: {
      what: {
        en: "The assessment's key in the system it comes from, as text: rows sharing it are one assessment, whatever else they leave blank. Blank keeps the key Feishu holds; <clear> removes it.",
        zh: '评价在原系统中的 ID，文本格式：ID 相同的行属于同一条评价，其他列可留空。留空则保留飞书中现有的 ID；填 <clear> 则删除。',
      },
      example: 'ATS-R-0001',
    },
  },
  {
    column: 'username',
    zh: '面试官',
    level: 'assessment',
    type: 'text',
    key: 'username',
    merge: 'change',
    oldHeaders: /^(面试官|评价人|评估人)(姓名)?$/,
    help: {
      what: { en: "The interviewer's name.", zh: '面试官姓名。' },
      example: '张三',
    },
  },
  {
    column: 'conclusion',
    zh: '面试结论',
    level: 'assessment',
    type: 'enum',
    key: 'conclusion',
    merge: 'change',
    enum: CONCLUSION,
    oldHeaders: /^(面试)?(结果|结论)$|^评价结果$/,
    help: { what: { en: 'The conclusion', zh: '面试结论' }, example: '通过' },
  },
  {
    column: 'assessment_content',
    zh: '评价内容',
    level: 'assessment',
    type: 'text',
    key: 'content',
    merge: 'change',
    exact: true,
    oldHeaders: /^(综合)?(评语|评价)$/,
    help: {
      what: { en: "The assessment's overall comment, kept exactly as written.", zh: '评价的总体评语，原样保存。' },
      example: '基础扎实',
    },
  },
  {
    column: 'dimension_title',
    zh: '评价维度',
    level: 'dimension',
    type: 'text',
    key: 'title',
    merge: 'names',
    oldHeaders: /^(题目|问题|评价项)(名称)?$/,
    help: {
      what: { en: "One row per dimension: the dimension's title.", zh: '每行一个评价维度：维度的标题。' },
      example: '专业能力',
    },
  },
  {
    column: 'assessment_type',
    zh: '题目类型',
    level: 'dimension',
    type: 'enum',
    key: 'assessment_type',
    merge: 'change',
    enum: ASSESSMENT_TYPE,
    oldHeaders: /^题型$|^题目类型$/,
    help: {
      required: { en: 'required with a dimension', zh: '有评价维度时必填' },
      what: { en: 'The question type', zh: '题目类型' },
      example: '打分题',
    },
  },
  {
    column: 'score',
    zh: '分数',
    level: 'dimension',
    type: 'number',
    key: 'score',
    merge: 'change',
    oldHeaders: /^(得分|分数|评分)$/,
    help: {
      required: { en: 'required for 打分题', zh: '打分题必填' },
      what: { en: 'A whole number: 88, 88.0 or 88分.', zh: '整数：88、88.0 或 88分。' },
      example: '88',
    },
  },
  {
    column: 'option',
    zh: '单选选项',
    level: 'dimension',
    type: 'text',
    key: 'option',
    merge: 'change',
    help: {
      required: { en: 'required for 单选题', zh: '单选题必填' },
      what: { en: 'The option chosen.', zh: '选中的选项。' },
      example: '良好',
    },
  },
  {
    column: 'options',
    zh: '多选选项',
    level: 'dimension',
    type: 'texts',
    key: 'options',
    merge: 'change',
    help: {
      required: { en: 'required for 多选题', zh: '多选题必填' },
      what: { en: 'The options chosen, separated by | or new lines.', zh: '选中的多个选项，用 | 或换行分隔。' },
      example: '学习快|主动',
    },
  },
  {
    column: 'dimension_content',
    zh: '维度内容',
    level: 'dimension',
    type: 'text',
    key: 'content',
    merge: 'change',
    exact: true,
    oldHeaders: /^(回答|答案|作答)(内容)?$/,
    help: {
      required: { en: 'required for 描述题', zh: '描述题必填' },
      what: { en: "The dimension's text.", zh: '维度的文字内容。' },
      example: '需要二面确认',
    },
  },
  {
    column: 'dimension_description',
    zh: '维度描述',
    level: 'dimension',
    type: 'text',
    key: 'description',
    merge: 'change',
    exact: true,
    help: {
      what: { en: "The dimension's description.", zh: '维度的说明。' },
      example: '考察专业深度',
    },
  },
] as const satisfies readonly FieldSpec[];
