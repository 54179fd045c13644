import type { Pair } from '../messages.js';
import { type Column, type EnumSpec, FIELDS, type FieldSpec } from '../schema.js';

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

/** Each column's help, from its entry in src/fields.ts `FIELDS`. */
export const COLUMN_HELP: Readonly<Record<Column, ColumnHelp>> = Object.fromEntries(
  (FIELDS as readonly FieldSpec[]).map((f) => [
    f.column,
    {
      required: f.help.required ?? OPTIONAL,
      what: f.enum ? values(f.enum, f.help.what.en, f.help.what.zh) : f.help.what,
      example: f.help.example,
    },
  ]),
) as Record<Column, ColumnHelp>;

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
