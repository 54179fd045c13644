import type { Pair } from '../messages.js';
import type { Column } from '../schema.js';
import { ASSESSMENT_TYPE, CONCLUSION, type EnumSpec, PARTICIPATE_STATUS } from '../schema.js';

/**
 * The template's instructions sheet, in both languages: a zh template explains itself in
 * Chinese, an en template in English. What each column takes follows README "The template";
 * the identity rule follows README "One assessment: the identity rule".
 */
export interface ColumnHelp {
  readonly required: Pair;
  readonly what: Pair;
  readonly example: string;
}

const OPTIONAL: Pair = { en: 'optional', zh: '选填' };

/** The allowed values of a drop-down column, in the template's language: `1 不通过 · 2 通过`. */
export function enumValues(spec: EnumSpec): Pair {
  const list = (i: 0 | 1) =>
    Object.entries(spec.values)
      .map(([code, labels]) => `${code} ${labels[i]}`)
      .join(' · ');
  return { en: list(1), zh: list(0) };
}

const values = (spec: EnumSpec, en: string, zh: string): Pair => {
  const v = enumValues(spec);
  return {
    en: `${en}: ${v.en} (the drop-down, a label or the number)`,
    zh: `${zh}：${v.zh}（从下拉列表选，或填名称、数字）`,
  };
};

export const COLUMN_HELP: Readonly<Record<Column, ColumnHelp>> = {
  external_interview_id: {
    required: { en: 'required', zh: '必填' },
    what: {
      en: "The interview's 19-digit Feishu ID, as text (the column is formatted as Text: paste values only). Rows with the same ID are one interview. Rows without it need 外部系统面试ID and --create-missing.",
      zh: '飞书面试的 19 位 ID，文本格式（本列已设为“文本”，请只粘贴数值）。ID 相同的行属于同一场面试。不填时须填外部系统面试ID 并使用 --create-missing。',
    },
    example: '7000000000000000001',
  },
  external_application_id: {
    required: { en: 'required on one row of each interview', zh: '每场面试至少一行必填' },
    what: {
      en: 'The application (投递) ID, 19 digits as text. With --merge it may be left blank: the current one is kept.',
      zh: '投递的 19 位 ID，文本格式。使用 --merge 时可留空，保留飞书中现有的值。',
    },
    example: '6960663240925956437',
  },
  external_id: {
    required: OPTIONAL,
    what: {
      en: "The interview's key in the system it comes from (a legacy ATS), as text. With --create-missing, rows without a Feishu ID are keyed by it. Blank keeps the key Feishu holds; <clear> removes it.",
      zh: '面试在原系统（旧 ATS）中的 ID，文本格式。使用 --create-missing 时，没有飞书 ID 的行按它对应面试。留空则保留飞书中现有的 ID；填 <clear> 则删除。',
    },
    example: 'ATS-2024-0001',
  },
  participate_status: {
    required: OPTIONAL,
    what: values(PARTICIPATE_STATUS, 'Whether the candidate took part', '候选人是否参加'),
    example: '参与',
  },
  begin_time: {
    required: OPTIONAL,
    what: {
      en: 'Start time: 2024-03-01 14:00, ISO 8601 with an offset, epoch milliseconds, or an Excel date cell. Without an offset it is read in --tz (e.g. Asia/Shanghai). A date without a time is refused.',
      zh: '开始时间：2024年3月1日 14:00、2024年3月1日14时30分、2024/3/1 下午2:05、2024-03-01 14:00、毫秒时间戳或 Excel 日期单元格均可。不带时区的时间按 --tz（如 Asia/Shanghai）理解。只有日期没有时刻的会被拒绝。',
    },
    example: '2024-03-01 14:00',
  },
  end_time: {
    required: OPTIONAL,
    what: {
      en: 'End time, in the same forms as 开始时间; not before it.',
      zh: '结束时间，格式同开始时间，不能早于开始时间。',
    },
    example: '2024-03-01 15:00',
  },
  assessment_no: {
    required: OPTIONAL,
    what: {
      en: 'Tells assessments apart on rows without 外部系统面评ID (1, 2, ...): rows sharing it are one assessment.',
      zh: '没有外部系统面评ID 时用来区分评价（1、2……）：序号相同的行属于同一条评价。',
    },
    example: '1',
  },
  assessment_external_id: {
    required: OPTIONAL,
    what: {
      en: "The assessment's key in the system it comes from, as text: rows sharing it are one assessment, whatever else they leave blank. Blank keeps the key Feishu holds; <clear> removes it.",
      zh: '评价在原系统中的 ID，文本格式：ID 相同的行属于同一条评价，其他列可留空。留空则保留飞书中现有的 ID；填 <clear> 则删除。',
    },
    example: 'ATS-R-0001',
  },
  username: {
    required: OPTIONAL,
    what: { en: "The interviewer's name.", zh: '面试官姓名。' },
    example: '张三',
  },
  conclusion: { required: OPTIONAL, what: values(CONCLUSION, 'The conclusion', '面试结论'), example: '通过' },
  assessment_content: {
    required: OPTIONAL,
    what: { en: "The assessment's overall comment, kept exactly as written.", zh: '评价的总体评语，原样保存。' },
    example: '基础扎实',
  },
  dimension_title: {
    required: OPTIONAL,
    what: { en: "One row per dimension: the dimension's title.", zh: '每行一个评价维度：维度的标题。' },
    example: '专业能力',
  },
  assessment_type: {
    required: { en: 'required with a dimension', zh: '有评价维度时必填' },
    what: values(ASSESSMENT_TYPE, 'The question type', '题目类型'),
    example: '打分题',
  },
  score: {
    required: { en: 'required for 打分题', zh: '打分题必填' },
    what: { en: 'A whole number: 88, 88.0 or 88分.', zh: '整数：88、88.0 或 88分。' },
    example: '88',
  },
  option: {
    required: { en: 'required for 单选题', zh: '单选题必填' },
    what: { en: 'The option chosen.', zh: '选中的选项。' },
    example: '良好',
  },
  options: {
    required: { en: 'required for 多选题', zh: '多选题必填' },
    what: { en: 'The options chosen, separated by | or new lines.', zh: '选中的多个选项，用 | 或换行分隔。' },
    example: '学习快|主动',
  },
  dimension_content: {
    required: { en: 'required for 描述题', zh: '描述题必填' },
    what: { en: "The dimension's text.", zh: '维度的文字内容。' },
    example: '需要二面确认',
  },
  dimension_description: {
    required: OPTIONAL,
    what: { en: "The dimension's description.", zh: '维度的说明。' },
    example: '考察专业深度',
  },
};

/** The sheet's opening lines and the identity rule, as README "One assessment: the identity rule". */
export const INSTRUCTIONS_TEXT: Readonly<Record<'zh' | 'en', readonly string[]>> = {
  zh: [
    '飞书招聘外部面试导入模板：每行一个评价维度；同一场面试的多行按外部面试ID合并，可以不相邻。',
    '在“面试记录”表中填写（“示例”表是填好的例子），然后运行 feishu-interview-import validate 文件名 检查，再运行 import 导入。',
    '修正已导入的面试：只填要改的面试和列，运行时加 --merge，留空的单元格保留飞书中现有的值。',
    '同一场面试中，哪些行属于同一条评价，按以下顺序决定：',
    '1. 外部系统面评ID 相同的行是同一条评价，其他列可留空。',
    '2. 没有外部系统面评ID 时，评价序号相同的行是同一条评价。',
    '3. 两者都没有时，按面试官：归入该面试官已有的评价，否则自成一条。',
    '4. 三者都没有的行，归入这场面试唯一的一条评价。',
    '同一面试官可以写多条评价，用外部系统面评ID 或评价序号区分；无法确定归属的行会被拒绝（ROW_WHICH_ASSESSMENT）。',
  ],
  en: [
    'Feishu Hire external interview import: one row per assessment dimension; rows with the same external_interview_id are one interview, wherever they are.',
    'Fill in the "Interviews" sheet ("Example" shows one filled in), check it with feishu-interview-import validate FILE, then run import.',
    'To correct interviews already imported: give only those interviews and columns and run with --merge; blank cells keep what Feishu holds.',
    'Within an interview, which rows form one assessment is decided in this order:',
    '1. Rows sharing an assessment_external_id are one assessment, whatever else they leave blank.',
    '2. Without a key, rows sharing an assessment_no are one assessment.',
    "3. Without either, by username: the rows join that interviewer's assessment, else form one of their own.",
    "4. A row with none of these belongs to the interview's only assessment.",
    'One interviewer may write several assessments, told apart by key or number; a row that could only be placed by guessing is refused (ROW_WHICH_ASSESSMENT).',
  ],
};

export const INSTRUCTIONS_HEADER: Readonly<Record<'zh' | 'en', readonly string[]>> = {
  zh: ['表头', '英文列名', '是否必填', '填写说明', '示例'],
  en: ['column', '中文表头', 'required', 'what it takes', 'example'],
};
