/**
 * The enumerations: the words a cell may hold for each of Feishu's numeric codes
 * (docs/feishu-api.md, "Body"), a field's `enum` in src/fields.ts (src/schema.ts re-exports them).
 */

export interface EnumSpec {
  readonly name: string;
  /** code → [Chinese label, English word] */
  readonly values: Readonly<Record<number, readonly [string, string]>>;
  /** Other words that say exactly one of the values: 已参与 is 参与. Never a word that could mean two. */
  readonly synonyms?: Readonly<Record<string, number>>;
  /** A mapping profile's words for this column (src/input/profile.ts `values`), and the profile named in errors. */
  readonly profileWords?: Readonly<Record<string, number>>;
  readonly profile?: string;
  /** Best guesses for words old systems write (after folding), for a drafted profile (`profile FILE`). */
  readonly guesses?: readonly (readonly [RegExp, string])[];
}

export const PARTICIPATE_STATUS: EnumSpec = {
  name: 'participate_status',
  values: { 1: ['未参与', 'not_participated'], 2: ['参与', 'participated'], 3: ['爽约', 'no_show'] },
  synonyms: { 已参与: 2, 参加: 2, 已参加: 2, 未参加: 1 },
  guesses: [
    [/取消/, '未参与'],
    [/未到|缺席|爽约|未出席|放弃/, '爽约'],
    [/完成|已面|参加|到场|出席/, '参与'],
  ],
};
export const CONCLUSION: EnumSpec = {
  name: 'conclusion',
  values: { 1: ['不通过', 'fail'], 2: ['通过', 'pass'], 3: ['待定', 'pending'] },
  synonyms: { 未通过: 1, 不合格: 1, 已通过: 2, 合格: 2, failed: 1, passed: 2 },
  guesses: [
    [/不|未|淘汰|拒/, '不通过'],
    [/通过|录用|推荐|合格/, '通过'],
    [/待定|保留|考虑/, '待定'],
  ],
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
  guesses: [
    [/文本|文字|问答|描述/, '描述题'],
    [/评分|打分|分数/, '打分题'],
    [/多选/, '多选题'],
    [/单选|选择/, '单选题'],
  ],
};
