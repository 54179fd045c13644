import { COLUMNS } from './input/headers.js';
import { currentLang, namedColumn } from './lang.js';

/**
 * Every message a user reads about their rows and their run, in English and Chinese, in one
 * place. An entry is a pair, or a function of what it names giving a pair: a missing language is
 * a type error, and test/catalogue.test.ts renders every entry in both.
 *
 * The house form holds in both languages: what was expected, what was found, where (row,
 * column as the file names it), how to fix it.
 */
export interface Pair {
  readonly en: string;
  readonly zh: string;
}

/** The pair in the run's language. */
export function say(pair: Pair): string {
  return pair[currentLang()];
}

/** A template column as the input names it (分数, or a `--map`ped legacy header). */
export function col(column: string): string {
  return namedColumn(column, COLUMNS.find(([name]) => name === column)?.[1]);
}

/**
 * A name holding an ID or key (面试 7000000000000000001) set among Chinese words: a space where
 * its digits or quotes meet a Chinese character, as between Chinese and numbers elsewhere.
 */
export function spaced(text: string, before: boolean, after: boolean): string {
  const edge = /[0-9A-Za-z"]/;
  const shown = String(text);
  return `${before && edge.test(shown.slice(0, 1)) ? ' ' : ''}${shown}${after && edge.test(shown.slice(-1)) ? ' ' : ''}`;
}

/** Text that reads the same in both languages: a value quoted from the file, a number, a code. */
export const same = (text: string): Pair => ({ en: text, zh: text });

// ---------------------------------------------------------------------------------------------
// What a cell should hold (`expected`), and how to fix it (`fix`).

export const EXPECT = {
  id: { en: 'a 19-digit ID as text', zh: '文本格式的 19 位数字 ID' },
  key: { en: 'a legacy key as text', zh: '文本格式的外部系统 ID' },
  idDigits: (max: number): Pair => ({ en: `an ID of at most ${max} digits`, zh: `不超过 ${max} 位数字的 ID` }),
  oneOf: (values: string): Pair => ({ en: `one of ${values}`, zh: `以下之一：${values}` }),
  time: {
    en: 'epoch milliseconds, ISO 8601 with an offset, or "YYYY-MM-DD HH:mm[:ss]"',
    zh: '毫秒时间戳、带时区的 ISO 8601 时间，或 "YYYY-MM-DD HH:mm[:ss]"',
  },
  timeWithClock: { en: 'a date with a time of day', zh: '带具体时刻的日期' },
  epochMs: { en: 'epoch milliseconds (13 digits)', zh: '毫秒时间戳（13 位数字）' },
  yearRange: { en: 'a date between 2001 and 2286', zh: '2001 年到 2286 年之间的日期' },
  timeInZone: (zone: string): Pair => ({ en: `a time that exists in ${zone}`, zh: `${zone} 时区中存在的时刻` }),
  score: { en: 'a whole-number score such as 88', zh: '整数分数，例如 88' },
  options: { en: 'options separated by | or new lines', zh: '用 | 或换行分隔的选项' },
  text: { en: 'text', zh: '文本' },
} as const;

export const GOT = {
  storedAsNumber: (raw: string): Pair => ({ en: `${raw} stored as a number`, zh: `以数字保存的 ${raw}` }),
  digits: (n: number, quoted: string): Pair => ({ en: `${n} digits (${quoted})`, zh: `${n} 位数字（${quoted}）` }),
  seconds: (shown: string): Pair => ({
    en: `${shown}, which is seconds, not milliseconds`,
    zh: `${shown}，这是秒而不是毫秒`,
  }),
  excelSerial: (shown: string): Pair => ({
    en: `${shown}, which looks like an Excel date serial`,
    zh: `${shown}，看起来是 Excel 的日期序号`,
  }),
} as const;

export const FIX = {
  formula: {
    en: 'fix the formula or type the value in, then save the file again',
    zh: '修正公式或直接填入数值，然后重新保存文件',
  },
  idAsText: { en: 'format the column as Text and paste the IDs again', zh: '把该列设置为“文本”格式，再重新粘贴 ID' },
  keyAsText: {
    en: 'format the column as Text and paste the keys again from the old system (a number this long was rounded, so two keys could become one)',
    zh: '把该列设置为“文本”格式，再从原系统重新粘贴这些 ID（这么长的数字已被四舍五入，两个不同的 ID 可能变成同一个）',
  },
  idDigitsOnly: { en: 'type the ID as digits only', zh: 'ID 只填数字' },
  idPasted: { en: 'check for two IDs pasted together', zh: '检查是否把两个 ID 粘在了一起' },
  idClean: {
    en: 'type the ID as digits only, without spaces, letters or a trailing ".0"',
    zh: 'ID 只填数字，不要空格、字母或结尾的 ".0"',
  },
  pickEnum: (near: string | undefined, name: string): Pair => ({
    en: `${near ? `did you mean "${near}"? ` : ''}pick one of the listed values for ${name}`,
    zh: `${near ? `是不是想填“${near}”？` : ''}请从${name}的可选值中选一个`,
  }),
  timeExists: { en: 'check the date and time exist', zh: '检查日期和时刻是否真实存在' },
  halfDay: {
    en: '上午 and 下午 take hours 1 to 12: write 下午2:05 or 14:05',
    zh: '上午、下午后面的小时只能是 1 到 12：写成 下午2:05 或 14:05',
  },
  addClock: (text: string): Pair => ({
    en: `add the time, e.g. "${text} 14:00"`,
    zh: `补上时刻，例如 "${text} 14:00"`,
  }),
  timeLike: {
    en: 'write it like 2024-03-01 14:00, 2024年3月1日 下午2点半 or 2024-03-01T14:00:00+08:00',
    zh: '按 2024-03-01 14:00、2024年3月1日 下午2点半 或 2024-03-01T14:00:00+08:00 的格式填写',
  },
  times1000: (shown: string): Pair => ({ en: `multiply by 1000 (${shown}000)`, zh: `乘以 1000（${shown}000）` }),
  formatAsDate: {
    en: 'format the cell as a date and time in Excel, or type it as "YYYY-MM-DD HH:mm"',
    zh: '在 Excel 中把单元格设置为日期时间格式，或按 "YYYY-MM-DD HH:mm" 填写',
  },
  epochOrWall: {
    en: 'write epoch milliseconds (13 digits) or "YYYY-MM-DD HH:mm"',
    zh: '填写毫秒时间戳（13 位数字）或 "YYYY-MM-DD HH:mm"',
  },
  checkYear: { en: 'check the year', zh: '检查年份' },
  dstSkipped: {
    en: 'the clocks skipped it for daylight saving; use the hour after, or write an offset',
    zh: '夏令时跳过了这个时刻；请改用下一个小时，或写明时区偏移',
  },
  round: { en: 'round it to a whole number', zh: '改成整数' },
  digitsOnly: { en: 'type digits only', zh: '只填数字' },
} as const;

// ---------------------------------------------------------------------------------------------
// Row problems: what the report's `message` says of an invalid row.

export const ROW = {
  value: (p: { expected: string; got: string; row: number; column: string; fix: string }): Pair => ({
    en: `expected ${p.expected}, got ${p.got} (row ${p.row}, column ${p.column}): ${p.fix}`,
    zh: `第 ${p.row} 行「${p.column}」列：应为${p.expected}，实际是 ${p.got}。${p.fix}`,
  }),
  missingType: (p: { title?: string; row: number; column: string }): Pair => ({
    en: `expected an assessment_type (1 打分题 · 2 单选题 · 3 描述题 · 4 多选题) for dimension ${p.title ? `"${p.title}"` : 'on this row'}, got a blank cell (row ${p.row}, column ${p.column}): fill in the type`,
    zh: `第 ${p.row} 行「${p.column}」列：${p.title ? `评价维度“${p.title}”` : '本行的评价维度'}需要题目类型（1 打分题 · 2 单选题 · 3 描述题 · 4 多选题），实际为空。请填写题目类型`,
  }),
  incomplete: (p: { column: string; row: number; type: number }): Pair => ({
    en: `expected a value in ${p.column}, got a blank cell (row ${p.row}, column ${p.column}): a dimension of type ${NEEDS[p.type]!.en}`,
    zh: `第 ${p.row} 行「${p.column}」列：应有内容，实际为空。${NEEDS[p.type]!.zh}`,
  }),
  tooLong: (p: { max: number; got: number; row: number; column: string }): Pair => ({
    en: `expected at most ${p.max.toLocaleString('en')} characters in a cell (what a spreadsheet cell holds), got ${p.got.toLocaleString('en')} (row ${p.row}, column ${p.column}): shorten the text, or check the file is not damaged`,
    zh: `第 ${p.row} 行「${p.column}」列：一个单元格最多 ${p.max.toLocaleString('en')} 个字符（电子表格单元格的上限），实际有 ${p.got.toLocaleString('en')} 个。请缩短文本，或检查文件是否损坏`,
  }),
  extraCells: (p: { width: number; got: number; row: number }): Pair => ({
    en: `expected at most ${p.width} cells (one per header), got ${p.got} (row ${p.row}): a cell right of the last header holds a value (in a CSV, often a value whose unquoted comma split it); give that column a header, clear it, or quote the value`,
    zh: `第 ${p.row} 行：最多应有 ${p.width} 个单元格（每个表头一个），实际有 ${p.got} 个：最后一个表头右边的单元格有内容（在 CSV 中，常是某个值里的逗号没有加引号而被拆开了）。请给那一列加上表头、清空它，或给这个值加上引号`,
  }),
  missingId: (p: { row: number; column: string }): Pair => ({
    en: `expected an external_interview_id, got a blank cell (row ${p.row}, column ${p.column}): every row needs the Feishu ID of the interview it belongs to, or, for an interview to create with --create-missing, its external_id`,
    zh: `第 ${p.row} 行「${p.column}」列：应填外部面试ID，实际为空。每一行都要填所属面试在飞书中的 ID；要用 --create-missing 创建的面试则填它的外部系统面试ID`,
  }),
  conflict: (p: { column: string; where: Pair; here: string; there: string; otherRow: number; row: number }): Pair => ({
    en: `expected the same ${p.column} on every row of ${p.where.en}, got ${p.here} here but ${p.there} on row ${p.otherRow} (row ${p.row}, column ${p.column}): make them equal, or leave this cell blank`,
    zh: `第 ${p.row} 行「${p.column}」列：${spaced(p.where.zh, false, true)}的每一行应填相同的值，这里是 ${p.here}，第 ${p.otherRow} 行却是 ${p.there}。请改成一致，或把这一格留空`,
  }),
  externalIdTwice: (p: { externalId: string; other: Pair; otherRow: number; row: number; column: string }): Pair => ({
    en: `expected each external_id on one interview, got ${JSON.stringify(p.externalId)} here and on ${p.other.en} (row ${p.otherRow}) (row ${p.row}, column ${p.column}): a legacy key names one interview; fix one of them`,
    zh: `第 ${p.row} 行「${p.column}」列：一个外部系统面试ID只能对应一场面试，${JSON.stringify(p.externalId)} 却同时出现在这里和${spaced(p.other.zh, true, false)}（第 ${p.otherRow} 行）。请改正其中一处`,
  }),
  keyInTwoApplications: (p: {
    externalId: string;
    application: string;
    otherApplication: string;
    otherRow: number;
    row: number;
    column: string;
  }): Pair => ({
    en: `expected each external_id to name one interview, got ${JSON.stringify(p.externalId)} in application ${p.application} here and in application ${p.otherApplication} on row ${p.otherRow} (row ${p.row}, column ${p.column}): these are two candidates' interviews, so give them different keys, e.g. prefix each key with its application ("${p.application}-${p.externalId}")`,
    zh: `第 ${p.row} 行「${p.column}」列：一个外部系统面试ID只能对应一场面试，${JSON.stringify(p.externalId)} 在这里属于投递 ${p.application}，在第 ${p.otherRow} 行却属于投递 ${p.otherApplication}。这是两位候选人的面试，请给它们不同的 ID，例如在 ID 前加上投递 ID（"${p.application}-${p.externalId}"）`,
  }),
  assessmentKeyTwice: (p: {
    key: string;
    user: string;
    otherUser: string;
    otherRow: number;
    row: number;
    column: string;
  }): Pair => ({
    en: `expected each assessment_external_id to name one assessment, got ${JSON.stringify(p.key)} for ${p.user} here and for ${p.otherUser} on row ${p.otherRow} (row ${p.row}, column ${p.column}): give each assessment its own key`,
    zh: `第 ${p.row} 行「${p.column}」列：一个外部系统面评ID只能对应一个评价，${JSON.stringify(p.key)} 在这里是 ${p.user} 的评价，在第 ${p.otherRow} 行却是 ${p.otherUser} 的。请给每个评价各自的 ID`,
  }),
  whichAssessment: (p: {
    interview: Pair;
    candidates: Pair;
    count: number;
    row: number;
    column: string;
    keyColumn: string;
  }): Pair => ({
    en: `expected this row to say which assessment of ${p.interview.en} it belongs to, got a row that could belong to ${p.count > 1 ? 'any of: ' : ''}${p.candidates.en} (row ${p.row}, column ${p.column}): fill in its ${p.keyColumn} as on the rows of its assessment`,
    zh: `第 ${p.row} 行「${p.column}」列：这一行应指明属于${spaced(p.interview.zh, true, true)}的哪个评价，但无法确定它是否属于${p.count > 1 ? '以下任一评价' : '这个评价'}：${p.candidates.zh}。请像该评价的其他行一样填上${p.keyColumn}`,
  }),
  duplicateDimension: (p: { title: string; where: Pair; other: number; row: number; column: string }): Pair => ({
    en: `expected each dimension once in an assessment, got ${JSON.stringify(p.title)} of ${p.where.en} here and on row ${p.other} (row ${p.row}, column ${p.column}): delete one of the two rows, or give them different titles`,
    zh: `第 ${p.row} 行「${p.column}」列：同一评价中每个维度只能出现一次，${spaced(p.where.zh, false, true)}的 ${JSON.stringify(p.title)} 在这里和第 ${p.other} 行都出现了。请删掉其中一行，或改成不同的维度名`,
  }),
  missingApplication: (p: { interview: Pair; row: number; column: string; correction: boolean }): Pair => ({
    en: `expected an external_application_id on at least one row of ${p.interview.en}, got none (row ${p.row}, column ${p.column}): fill it in on this row${p.correction ? '; or, if this is a correction file that changes only what it names, import it with --merge' : ''}`,
    zh: `第 ${p.row} 行「${p.column}」列：${spaced(p.interview.zh, false, true)}至少要有一行填写外部投递ID，实际一行也没有。请在这一行填上${p.correction ? '；如果这是只修改所写内容的更正文件，请加 --merge 导入' : ''}`,
  }),
  endBeforeBegin: (p: { begin: string; beginRow: number; end: string; endRow: number; column: string }): Pair => ({
    en: `expected an end_time after the begin_time ${p.begin} (row ${p.beginRow}), got ${p.end} (row ${p.endRow}, column ${p.column}): swap the two times or fix the date`,
    zh: `第 ${p.endRow} 行「${p.column}」列：结束时间应晚于开始时间 ${p.begin}（第 ${p.beginRow} 行），实际是 ${p.end}。请对调两个时间或改正日期`,
  }),
  endBeforeBeginMerged: (p: { begin: string; end: string; row: number; column: string }): Pair => ({
    en: `expected an end_time after the begin_time ${p.begin}, got ${p.end} once merged with the current record (row ${p.row}, column ${p.column}): fix the time in the file`,
    zh: `第 ${p.row} 行「${p.column}」列：与飞书中的现有记录合并后，结束时间 ${p.end} 早于开始时间 ${p.begin}。请改正文件中的时间`,
  }),
  incompleteMerged: (p: { wanted: Pair; which: Pair; row: number; column: string }): Pair => ({
    en: `expected ${p.wanted.en} for ${p.which.en}, got none once merged with the current record (row ${p.row}, column ${p.column}): fill it in`,
    zh: `第 ${p.row} 行「${p.column}」列：与飞书中的现有记录合并后，${spaced(p.which.zh, false, true)}缺少${p.wanted.zh}。请填上`,
  }),
  valueFor: (column: string, type: number): Pair => ({
    en: `a value in ${column}: a dimension of type ${NEEDS[type]!.en}`,
    zh: `「${column}」的内容（${NEEDS[type]!.zh}）`,
  }),
  typeWanted: {
    en: 'an assessment_type (1 打分题 · 2 单选题 · 3 描述题 · 4 多选题)',
    zh: '题目类型（1 打分题 · 2 单选题 · 3 描述题 · 4 多选题）',
  },
  dimensionOf: (title: string, n: number, username?: string): Pair => ({
    en: `dimension ${JSON.stringify(title)} of assessment ${n}${username ? ` (${username})` : ''}`,
    zh: `第 ${n} 个评价${username ? `（${username}）` : ''}的维度 ${JSON.stringify(title)}`,
  }),
} as const;

/** Why a `--merge` row cannot be applied to the current record; `w` is where (row and column). */
export const MERGE = {
  where: (row: number, column: string): Pair => ({
    en: `row ${row}, column ${column}`,
    zh: `第 ${row} 行「${column}」列`,
  }),
  assessments: (n: number, names: string): Pair => ({
    en: `this interview has ${n} assessment(s)${n ? ` (${names})` : ''}`,
    zh: `这场面试有 ${n} 个评价${n ? `（${names}）` : ''}`,
  }),
  dimensions: (who: string | undefined, n: number, titles: string): Pair => ({
    en: `${who ? `the assessment by ${who}` : 'this assessment'} has ${n} dimension(s)${n ? ` (${titles})` : ''}`,
    zh: `${who ? `${who}的评价` : '这个评价'}有 ${n} 个维度${n ? `（${titles}）` : ''}`,
  }),
  duplicateKey: (p: { key: string; count: number; w: Pair }): Pair => ({
    en: `expected one assessment with external_id ${JSON.stringify(p.key)}, got ${p.count} (${p.w.en}): fix the duplicate in Feishu first`,
    zh: `${p.w.zh}：外部系统面评ID ${JSON.stringify(p.key)} 应只对应一个评价，飞书中却有 ${p.count} 个。请先在飞书中处理重复的评价`,
  }),
  badNo: (p: { no: string; w: Pair }): Pair => ({
    en: `expected a whole number from 1 in assessment_no with --merge (an assessment's position: 1 for the first), got ${JSON.stringify(p.no)} (${p.w.en}): number the assessments 1, 2, …, or leave the column out and name the interviewer`,
    zh: `${p.w.zh}：使用 --merge 时评价序号应为从 1 开始的整数（评价在飞书中的位置，第一个为 1），实际是 ${JSON.stringify(p.no)}。请按 1、2、…… 编号，或去掉这一列并填写面试官`,
  }),
  noSuchNo: (p: { n: number; exists: Pair; add: boolean; next: number; w: Pair }): Pair => ({
    en: `expected an assessment that exists, got no. ${p.n}, but ${p.exists.en} (${p.w.en}): use one of those numbers${p.add ? `, or ${p.next} to add one` : ', or pass --add-assessments to add it'}`,
    zh: `${p.w.zh}：没有第 ${p.n} 个评价，${p.exists.zh}。请使用已有的序号${p.add ? `，或用 ${p.next} 新增一个` : '，或加 --add-assessments 新增'}`,
  }),
  ambiguousUser: (p: { user: string; count: number; exists: Pair; w: Pair }): Pair => ({
    en: `expected one assessment by ${p.user}, got ${p.count}: ${p.exists.en} (${p.w.en}): add the assessment_no column (评价序号, 1 for the first) to say which`,
    zh: `${p.w.zh}：${p.user} 应只有一个评价，实际有 ${p.count} 个：${p.exists.zh}。请加上评价序号列（第一个为 1）指明是哪一个`,
  }),
  noSuchUser: (p: { user: string; exists: Pair; w: Pair }): Pair => ({
    en: `expected an assessment by an interviewer of this interview, got ${p.user}, but ${p.exists.en} (${p.w.en}): fix the name; to rename an interviewer, add the assessment_no column with the assessment's number (1 for the first listed) and keep ${p.user} as the new name; or pass --add-assessments to add an assessment by ${p.user}`,
    zh: `${p.w.zh}：这场面试没有 ${p.user} 的评价，${p.exists.zh}。请改正姓名；若要把面试官改名为 ${p.user}，请加上「评价序号」列，填该评价的序号（上面列出的第一个为 1），面试官保留新名字；或加 --add-assessments 为 ${p.user} 新增评价`,
  }),
  noAssessments: (w: Pair): Pair => ({
    en: `expected an assessment to change, got an interview with none (${w.en}): pass --add-assessments to add one`,
    zh: `${w.zh}：这场面试没有可修改的评价。请加 --add-assessments 新增一个`,
  }),
  whichAssessment: (p: { exists: Pair; w: Pair }): Pair => ({
    en: `expected this row to say which assessment it changes, got no interviewer: ${p.exists.en} (${p.w.en}): add the 面试官 (username) column`,
    zh: `${p.w.zh}：这一行应指明要修改哪个评价，但没有填面试官：${p.exists.zh}。请加上面试官列`,
  }),
  whichDimension: (p: { exists: Pair; w: Pair }): Pair => ({
    en: `expected this row to say which dimension it changes, got no dimension_title: ${p.exists.en} (${p.w.en}): add the 评价维度 (dimension_title) column`,
    zh: `${p.w.zh}：这一行应指明要修改哪个维度，但没有填评价维度：${p.exists.zh}。请加上评价维度列`,
  }),
  duplicateTitle: (p: { title: string; count: number; exists: Pair; w: Pair }): Pair => ({
    en: `expected one dimension titled ${JSON.stringify(p.title)}, got ${p.count}: ${p.exists.en} (${p.w.en}): fix the duplicate in Feishu first`,
    zh: `${p.w.zh}：名为 ${JSON.stringify(p.title)} 的维度应只有一个，实际有 ${p.count} 个：${p.exists.zh}。请先在飞书中处理重复的维度`,
  }),
  noSuchDimension: (p: { who: string | undefined; title: string; exists: Pair; w: Pair }): Pair => ({
    en: `expected a dimension of ${p.who ? `the assessment by ${p.who}` : 'this assessment'}, got ${JSON.stringify(p.title)}, but ${p.exists.en} (${p.w.en}): fix the title, or pass --add-assessments to add it`,
    zh: `${p.w.zh}：${p.who ? `${p.who}的评价` : '这个评价'}没有名为 ${JSON.stringify(p.title)} 的维度，${p.exists.zh}。请改正维度名，或加 --add-assessments 新增`,
  }),
  noApplication: (row: number): Pair => ({
    en: `expected the current record to have an external_application_id, got none in Feishu (row ${row}): add the external_application_id column to the file`,
    zh: `第 ${row} 行：飞书中的现有记录没有外部投递ID。请在文件中加上外部投递ID列`,
  }),
} as const;

/** What each assessment type needs, said after "a dimension of type". */
const NEEDS: Readonly<Record<number, Pair>> = {
  1: { en: '打分题 (score) needs a score', zh: '打分题需要填写分数' },
  2: { en: '单选题 (single_choice) needs an option', zh: '单选题需要填写单选选项' },
  3: { en: '描述题 (description) needs content', zh: '描述题需要填写维度内容' },
  4: { en: '多选题 (multi_choice) needs options', zh: '多选题需要填写多选选项' },
};

/** How a message names an interview or an assessment. */
export const NAME = {
  interview: (id: string): Pair => ({ en: `interview ${id}`, zh: `面试 ${id}` }),
  legacyInterview: (externalId: string): Pair => ({
    en: `the interview with external_id ${JSON.stringify(externalId)}`,
    zh: `外部系统面试ID为 ${JSON.stringify(externalId)} 的面试`,
  }),
  assessment: (which: Pair, interview: Pair): Pair => ({
    en: `assessment ${which.en} of ${interview.en}`,
    zh: `${spaced(interview.zh, false, true)}的评价${spaced(which.zh, true, false)}`,
  }),
  byExternalId: (id: string): Pair => ({
    en: `with external_id ${JSON.stringify(id)}`,
    zh: `（外部系统面评ID ${JSON.stringify(id)}）`,
  }),
  byNo: (no: string): Pair => ({ en: `no. ${no}`, zh: `（序号 ${no}）` }),
  byUser: (user: string): Pair => ({ en: `of ${user}`, zh: `（面试官 ${user}）` }),
  unnamed: { en: '(no number or interviewer)', zh: '（无序号、无面试官）' },
  /** A candidate assessment a refused row could belong to. */
  candidate: (c: { key?: string; no?: string; user?: string; row: number }): Pair => ({
    en: `${c.key !== undefined ? `key ${JSON.stringify(c.key)}` : c.no !== undefined ? `no. ${c.no}` : 'one'}${c.user ? ` by ${c.user}` : ''} (row ${c.row})`,
    zh: `${c.key !== undefined ? `ID ${JSON.stringify(c.key)}` : c.no !== undefined ? `序号 ${c.no}` : '一个评价'}${c.user ? `（${c.user}）` : ''}（第 ${c.row} 行）`,
  }),
} as const;

// ---------------------------------------------------------------------------------------------
// What the report says of rows that are not invalid.

export const OUTCOME = {
  valid: { en: 'valid', zh: '有效' },
  blocked: (p: { reasons: string; many: boolean }): Pair => ({
    en: `not sent: ${p.reasons}; fix ${p.many ? 'them' : 'it'} and import again (an interview's rows are sent together or not at all)`,
    zh: `未发送：${p.reasons}。请改正后重新导入（同一场面试的各行要么一起发送，要么都不发送）`,
  }),
  invalidRows: (p: { interview: Pair; rows: string; many: boolean }): Pair => ({
    en: `${p.interview.en} has invalid row${p.many ? 's' : ''} ${p.rows}`,
    zh: `${spaced(p.interview.zh, false, true)}的第 ${p.rows} 行有错误`,
  }),
  orphanRows: (p: { rows: string; many: boolean; id: string }): Pair => ({
    en: `row${p.many ? 's' : ''} ${p.rows} ha${p.many ? 've' : 's'} no usable interview ID and may belong to interview ${p.id}`,
    zh: `第 ${p.rows} 行没有可用的外部面试ID，可能属于面试 ${p.id}`,
  }),
  blockedByRefusal: (p: { row: number; id: string }): Pair => ({
    en: `not sent: row ${p.row} of interview ${p.id} cannot be applied to its current record; fix it and import again`,
    zh: `未发送：面试 ${p.id} 的第 ${p.row} 行无法应用到飞书中的现有记录。请改正后重新导入`,
  }),
  beyondLimit: (limit: number | undefined): Pair => ({
    en: `not sent: beyond --limit ${limit}`,
    zh: `未发送：超出 --limit ${limit}`,
  }),
  landed: (backup: string | undefined): Pair =>
    backup
      ? { en: `landed; the previous version is in ${backup}`, zh: `已写入飞书；原来的版本保存在 ${backup}` }
      : { en: 'landed', zh: '已写入飞书' },
  created: (id: string | undefined): Pair => ({ en: `created in Feishu as ${id}`, zh: `已在飞书中创建，ID 为 ${id}` }),
  deleted: { en: 'deleted: the undone run had created it', zh: '已删除：这是被撤销的那次运行创建的' },
  foundAfterLostAnswer: { en: 'found after an answer that was lost', zh: '应答丢失后查询确认已创建' },
  resumed: {
    en: 'already landed in an earlier run with the same body (--resume)',
    zh: '之前的运行已写入相同内容（--resume）',
  },
  unchanged: { en: 'unchanged: Feishu already holds exactly this', zh: '无变化：飞书中已是完全相同的内容' },
  wouldChange: (diff: string): Pair => ({ en: `would change: ${diff}`, zh: `将会修改：${diff}` }),
  wouldBeSent: { en: 'would be sent', zh: '将会发送' },
  wouldRemove: (p: { values: string; assessments: string; dimensions: string }): Pair => ({
    en: `not sent: the file does not name what Feishu holds for this interview, and a plain import would remove it — values: ${p.values}; assessments: ${p.assessments}; dimensions: ${p.dimensions}. To keep it and change only what the file names, import with --merge; to remove it (the file is the whole truth for this interview), import with --replace; to remove the status or a time alone, write <clear> in its cell`,
    zh: `未发送：飞书中这场面试有文件里没有写的内容，普通导入会把它删掉——字段：${p.values}；评价：${p.assessments}；维度：${p.dimensions}。要保留它、只修改文件写到的内容，请加 --merge 导入；要删掉它（以文件为这场面试的全部内容），请加 --replace 导入；只删参与状态或某个时间，请在该单元格填 <clear>`,
  }),
  nothingNamed: { en: 'none', zh: '无' },
  wouldCreate: { en: 'would create', zh: '将会创建' },
  missing: (id: string): Pair => ({
    en: `not sent: interview ${id} does not exist in Feishu (batch_query found no such external interview); check the ID, or create it first`,
    zh: `未发送：飞书中没有面试 ${id}（batch_query 查不到这个外部面试）。请检查 ID，或先创建它`,
  }),
  missingLegacy: (p: { application: string; externalId: string }): Pair => ({
    en: `not sent: application ${p.application} has no interview with external_id ${JSON.stringify(p.externalId)} in Feishu; import with --create-missing to create it, or put its Feishu ID in external_interview_id`,
    zh: `未发送：飞书中投递 ${p.application} 下没有外部系统面试ID为 ${JSON.stringify(p.externalId)} 的面试。请加 --create-missing 导入以创建它，或在外部面试ID列填上它在飞书中的 ID`,
  }),
  ambiguous: (p: { externalId: string; count: number; application: string; ids: string }): Pair => ({
    en: `not sent: external_id ${JSON.stringify(p.externalId)} matches ${p.count} interviews of application ${p.application} in Feishu (${p.ids}); put that interview's Feishu ID in external_interview_id, or delete the duplicate in Feishu`,
    zh: `未发送：飞书中投递 ${p.application} 下有 ${p.count} 场面试的外部系统面试ID都是 ${JSON.stringify(p.externalId)}（${p.ids}）。请在外部面试ID列填上要改的那场面试的飞书 ID，或在飞书中删掉重复的那场`,
  }),
  notSent: (reason: string): Pair => ({ en: `not sent: ${reason}`, zh: `未发送：${reason}` }),
  untold: (p: { externalId: string; application: string; ids: string }): Pair => ({
    en: `not sent: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id ${JSON.stringify(p.externalId)}, and application ${p.application} holds interviews no record accounts for (${p.ids}) whose body differs from the file's: any of them may be this one, so it is neither created nor changed; put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that created it`,
    zh: `未发送：飞书的查询结果不含外部系统面试ID，之前运行的记录里也没有外部系统面试ID为 ${JSON.stringify(p.externalId)} 的面试；投递 ${p.application} 下有记录无法说明来历、内容又与文件不同的面试（${p.ids}），其中任何一场都可能就是它，所以既不创建也不修改。请在外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定创建它的那次运行所在的文件夹`,
  }),
  recordGone: (p: { application: string; ids: string }): Pair => ({
    en: `an earlier run's records gave it Feishu ID ${p.ids}, which application ${p.application} no longer holds`,
    zh: `之前运行的记录中它的飞书 ID 是 ${p.ids}，但投递 ${p.application} 下已没有这场面试`,
  }),
  interrupted: {
    en: 'not sent: interrupted before it was sent; import again with --resume',
    zh: '未发送：发送前运行被中断。请加 --resume 重新导入',
  },
  stopped: (why: string | undefined): Pair => ({
    en: `not sent: ${why ?? 'the run stopped early'}; import again with --resume`,
    zh: `未发送：${why ?? '运行提前停止'}。请加 --resume 重新导入`,
  }),
  stoppedBeforeRead: {
    en: 'not sent: the run stopped before its current record was read',
    zh: '未发送：读取飞书中的现有记录之前运行已停止',
  },
  verifyMissing: (externalId: string | undefined): Pair => ({
    en: `missing: Feishu holds no such interview${externalId !== undefined ? ` (external_id ${JSON.stringify(externalId)})` : ''}`,
    zh: `缺失：飞书中没有这场面试${externalId !== undefined ? `（外部系统面试ID ${JSON.stringify(externalId)}）` : ''}`,
  }),
  verifyAmbiguous: (p: { externalId: string; ids: string }): Pair => ({
    en: `ambiguous: external_id ${JSON.stringify(p.externalId)} matches ${p.ids}`,
    zh: `无法确定：外部系统面试ID ${JSON.stringify(p.externalId)} 对应多场面试 ${p.ids}`,
  }),
  verifyMatch: { en: 'match', zh: '一致' },
  verifyNotLocated: (p: { externalId: string; application: string; ids: string }): Pair => ({
    en: `not located: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id ${JSON.stringify(p.externalId)}, and no interview of application ${p.application} holds the file's body; it may be one of ${p.ids}: put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that imported it`,
    zh: `无法定位：飞书的查询结果不含外部系统面试ID，之前运行的记录里也没有外部系统面试ID为 ${JSON.stringify(p.externalId)} 的面试，投递 ${p.application} 下也没有内容与文件相同的面试；它可能是 ${p.ids} 之一。请在外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定导入它的那次运行所在的文件夹`,
  }),
  keysUnchecked: {
    en: "external_id keys not checked: Feishu's read does not return them",
    zh: '未核对外部系统面试ID和外部系统面评ID：飞书的查询结果不返回它们',
  },
  verifyDiffers: (diff: string): Pair => ({
    en: `differs (Feishu → file): ${diff}`,
    zh: `不一致（飞书 → 文件）：${diff}`,
  }),
  alreadyGone: {
    en: 'already gone: the interview the undone run created no longer exists',
    zh: '已不存在：被撤销的那次运行创建的面试已经没有了',
  },
  alreadyBefore: {
    en: 'skipped: already as it was before the undone run',
    zh: '跳过：已经是被撤销的那次运行之前的样子',
  },
  writtenChangedSince: (p: { id: string; fields: string }): Pair => ({
    en: `left alone: expected interview ${p.id} to hold what the undone run wrote, got later changes to fields that run changed too: ${p.fields} (as Feishu holds them now); nothing of it was written: correct those fields in Feishu yourself, or import a correction`,
    zh: `未处理：面试 ${p.id} 中被撤销的那次运行改过的字段之后又被改过：${p.fields}（括号内是飞书中现在的值）。这场面试没有写入任何内容：请在飞书中手动改正这些字段，或导入一份更正文件`,
  }),
  createdBeforeInterrupt: {
    en: 'the run resumed had created it; its answer was lost when that run stopped',
    zh: '被续传的那次运行已创建它；那次运行中断时应答丢失',
  },
  notOwned: {
    en: 'left alone: the undone run read this interview but did not write it',
    zh: '未处理：被撤销的那次运行只读取了这场面试，没有写入',
  },
  notRecreated: (id: string): Pair => ({
    en: `left alone: the undone run deleted interview ${id}; undo does not create it again: import its rows with --create-missing if it should come back`,
    zh: `未处理：被撤销的那次运行删除了面试 ${id}；撤销不会重新创建它。如需恢复，请加 --create-missing 重新导入它的行`,
  }),
  changedSince: (id: string): Pair => ({
    en: `left alone: interview ${id} changed after the undone run created it; delete it in Feishu yourself if it should go`,
    zh: `未处理：面试 ${id} 在被撤销的那次运行创建之后又被改过；如确实要删除，请在飞书中手动删除`,
  }),
} as const;

// ---------------------------------------------------------------------------------------------
// The summary printed after a run, and the summary sheet of the .xlsx report.

export const SUMMARY = {
  input: (p: { file: string; sheet?: string; encoding?: string; headerRow: number }): Pair => ({
    en: `input: ${p.file}${p.sheet ? `, sheet ${p.sheet}` : ''}${p.encoding ? `, encoding ${p.encoding}` : ''}, header on row ${p.headerRow}`,
    zh: `输入：${p.file}${p.sheet ? `，工作表 ${p.sheet}` : ''}${p.encoding ? `，编码 ${p.encoding}` : ''}，表头在第 ${p.headerRow} 行`,
  }),
  zone: (zone: string): Pair => ({
    en: `times without an offset are read as wall-clock time in ${zone} (change with --tz)`,
    zh: `没有时区偏移的时间按 ${zone} 的当地时间读取（可用 --tz 修改）`,
  }),
  warning: (text: string): Pair => ({ en: `warning: ${text}`, zh: `警告：${text}` }),
  erasedColumn: (p: { zh: string; name: string }): Pair => ({
    en: `column ${p.zh} (${p.name}) is not in the file: a plain import sends every interview without it, erasing what Feishu holds there; add the column, or import with --merge to keep the current values`,
    zh: `文件中没有「${p.zh}」列（${p.name}）：普通导入会不带这一列发送每场面试，飞书中该字段现有的内容会被清空。请补上这一列，或用 --merge 导入以保留现有内容`,
  }),
  noTz: (p: { file: string; zone: string }): Pair => ({
    en: `expected --tz for the times without an offset in ${p.file}, got none, and this machine's time zone is ${p.zone}: 2024-03-01 14:00 would be taken as 14:00 UTC, 22:00 in China. Pass the zone the times were written in (--tz Asia/Shanghai), or write them with an offset (2024-03-01T14:00:00+08:00)`,
    zh: `${p.file} 中有不带时区偏移的时间，但没有指定 --tz，而本机时区是 ${p.zone}：2024-03-01 14:00 会被当作 UTC 14:00，即北京时间 22:00。请用 --tz 指明这些时间所在的时区（--tz Asia/Shanghai），或写成带偏移的时间（2024-03-01T14:00:00+08:00）`,
  }),
  rows: (p: { rows: number; interviews: number; counts: string }): Pair => ({
    en: `rows: ${p.rows} in ${p.interviews} interview(s): ${p.counts || 'none'}`,
    zh: `行数：${p.rows}，共 ${p.interviews} 场面试：${p.counts || '无'}`,
  }),
  commonProblems: { en: 'most common problems:', zh: '最常见的问题：' },
  report: (path: string): Pair => ({ en: `report: ${path}`, zh: `报告：${path}` }),
  fixInXlsx: (path: string): Pair => ({
    en: `to fix rows in Excel or WPS, write the report as .xlsx and fix them there: --report ${path}`,
    zh: `要在 Excel 或 WPS 中改正这些行，请把报告写成 .xlsx 并在其中修改：--report ${path}`,
  }),
  payloads: (n: number, path: string): Pair => ({
    en: `payloads: ${n} request bod${n === 1 ? 'y' : 'ies'} written to ${path}`,
    zh: `请求体：已将 ${n} 个请求体写入 ${path}`,
  }),
} as const;

/** Why a file cannot be read as a table, and what reading it noticed. */
/** What a reference in a sheet names, and an example of a good one. */
const REFERENCE_KINDS = {
  cell: ['cell', '单元格', 'B12'],
  row: ['row', '行号', '12'],
  merge: ['merged range', '合并区域', 'A2:A5'],
} as const;

export const INPUT = {
  place: (sheet: string | undefined, row: number): Pair => ({
    en: `${sheet ? `sheet ${sheet}, ` : ''}header row ${row}`,
    zh: `${sheet ? `工作表 ${sheet}，` : ''}表头第 ${row} 行`,
  }),
  unreadable: (p: { code: string; file: string }): Pair => ({
    en: `expected a readable file, got ${p.code} for ${p.file}: check the path`,
    zh: `无法读取文件 ${p.file}（${p.code}）。请检查路径`,
  }),
  directory: (file: string): Pair => ({
    en: `expected a file, got a directory: ${file}`,
    zh: `应为文件，实际是文件夹：${file}`,
  }),
  unsupported: (p: { ext: string; file: string }): Pair => ({
    en: `expected an .xlsx or .csv file, got "${p.ext}" for ${p.file}: save it from Excel as .xlsx or CSV UTF-8`,
    zh: `应为 .xlsx 或 .csv 文件，${p.file} 却是 "${p.ext}"。请在 Excel 中另存为 .xlsx 或 CSV UTF-8`,
  }),
  emptyFile: (file: string): Pair => ({
    en: `expected a header row and data rows, got an empty file: ${file}`,
    zh: `文件是空的：${file}。应有一行表头和若干数据行`,
  }),
  emptySheet: (p: { sheet?: string; file: string }): Pair => ({
    en: `expected a header row and data rows, got ${p.sheet ? `an empty sheet ${p.sheet}` : 'no text'} in ${p.file}`,
    zh: `${p.file} 中${p.sheet ? `的工作表 ${p.sheet} 是空的` : '没有任何文字'}，应有一行表头和若干数据行`,
  }),
  noRows: (p: { row: number; file: string; sheet?: string }): Pair => ({
    en: `expected data rows below the header (row ${p.row}), got none in ${p.file}${p.sheet ? `, sheet ${p.sheet}` : ''}: fill in one row per assessment dimension`,
    zh: `${p.file}${p.sheet ? ` 的工作表 ${p.sheet}` : ''} 中表头（第 ${p.row} 行）下面没有数据行。请每个评价维度填一行`,
  }),
  pasted: (p: { named: string; sheet: string }): Pair => ({
    en: `Sheet ${p.named} holds rows: if the data was pasted there, move it under this header, or pass --sheet ${p.sheet}`,
    zh: `工作表 ${p.named} 中有数据：如果数据粘贴到了那里，请移到这个表头下面，或用 --sheet ${p.sheet} 指定`,
  }),
  noSheets: (file: string): Pair => ({
    en: `expected at least one worksheet, got none in ${file}: open it in Excel and save it again`,
    zh: `${file} 中没有工作表。请用 Excel 打开后重新保存`,
  }),
  noSuchSheet: (p: { wanted: string; sheets: string; file: string }): Pair => ({
    en: `expected a sheet named "${p.wanted}", got sheets ${p.sheets} in ${p.file}: pass one of those to --sheet`,
    zh: `${p.file} 中没有名为 "${p.wanted}" 的工作表，只有 ${p.sheets}。请在 --sheet 中填其中一个`,
  }),
  sheetHidden: (p: { name: string; file: string }): Pair => ({
    en: `expected a visible sheet with the template's columns, got only the hidden sheet ${p.name} in ${p.file}: unhide it in Excel, or pass --sheet ${p.name} to read it anyway`,
    zh: `${p.file} 中只有隐藏的工作表 ${p.name} 带有模板的列。请在 Excel 中取消隐藏，或用 --sheet ${p.name} 直接读取`,
  }),
  encodingDetected: { en: ' (detected)', zh: '（自动识别）' },
  encodingBom: { en: ' (byte-order mark)', zh: '（字节顺序标记）' },
  otherSheets: (list: string): Pair => ({
    en: `sheet ${list} also holds the template's columns and was not read: import it separately with --sheet NAME`,
    zh: `工作表 ${list} 也带有模板的列，但没有读取：请用 --sheet 工作表名 单独导入`,
  }),
  recalc: (n: number): Pair => ({
    en: `the workbook asks to be recalculated when opened, so the saved results of its ${n} formula cell(s) may be stale and their rows are invalid: open it in Excel or WPS, save it, and run again`,
    zh: `这个工作簿要求打开时重新计算，其中 ${n} 个公式单元格保存的结果可能已过时，所在行判为无效：请用 Excel 或 WPS 打开并保存后重新运行`,
  }),
  unknownColumns: (p: { shown: string; more: number }): Pair => ({
    en: `unknown columns kept in the report but not imported: ${p.shown}${p.more > 0 ? ` and ${p.more} more` : ''} (map them with --map if they hold template data)`,
    zh: `无法识别的列会保留在报告中但不导入：${p.shown}${p.more > 0 ? ` 等另外 ${p.more} 列` : ''}（如果其中是模板数据，请用 --map 映射）`,
  }),
  skippedAbove: (n: number): Pair => ({
    en: `${n} row(s) above the header row were ignored`,
    zh: `表头上方的 ${n} 行已忽略`,
  }),
  missingColumns: (p: {
    missing: string;
    many: boolean;
    file: string;
    place: Pair;
    found: string;
    expected: string;
    merge: boolean;
  }): Pair => ({
    en: `expected the column${p.many ? 's' : ''} ${p.missing} in ${p.file} (${p.place.en}), got headers: ${p.found}. Expected names: ${p.expected}. Rename the headers, or map them with --map mapping.json${p.merge ? '; to change only the columns this file carries, import it with --merge.' : '.'}`,
    zh: `${p.file}（${p.place.zh}）缺少列 ${p.missing}，实际表头为：${p.found}。应有的列名：${p.expected}。请改正表头，或用 --map mapping.json 映射${p.merge ? '；如果只想修改文件中有的列，请用 --merge 导入。' : '。'}`,
  }),
  duplicateColumn: (p: { file: string; place: Pair; dup: string; found: string }): Pair => ({
    en: `expected each column once, got a duplicated column in ${p.file} (${p.place.en}): ${p.dup}. Headers found: ${p.found}. Delete or rename one of them.`,
    zh: `${p.file}（${p.place.zh}）中有重复的列：${p.dup}。实际表头为：${p.found}。请删除或重命名其中一列。`,
  }),
  appearsAs: (column: string, headers: string): Pair => ({
    en: `${column} appears as ${headers}`,
    zh: `${column} 出现为 ${headers}`,
  }),
  looksLike: (p: { header: string; at: number; columns: string }): Pair => ({
    en: `${p.header} (column ${p.at}) looks like ${p.columns}`,
    zh: `${p.header}（第 ${p.at} 列）像是 ${p.columns}`,
  }),
  nearMiss: (p: { said: string; file: string; place: Pair; meant: string; example: string }): Pair => ({
    en: `expected the template's column names, got ${p.said} in ${p.file} (${p.place.en}): did you mean ${p.meant}? Rename the column to the template's name, or map it with --map mapping.json, e.g. ${p.example}`,
    zh: `${p.file}（${p.place.zh}）中的列名与模板不一致：${p.said}。是不是想写 ${p.meant}？请把列名改成模板中的名称，或用 --map mapping.json 映射，例如 ${p.example}`,
  }),
  csvNul: (p: { line: number; file: string }): Pair => ({
    en: `expected text, got a NUL byte on line ${p.line} of ${p.file}: the file is binary or damaged; export it again as CSV (or pass --encoding utf-16le if it is UTF-16 without a byte-order mark)`,
    zh: `${p.file} 第 ${p.line} 行有 NUL 字节，不是文本：文件是二进制或已损坏。请重新导出为 CSV（如果是不带 BOM 的 UTF-16，请加 --encoding utf-16le）`,
  }),
  csvParse: (p: { line: number | string; file: string; detail: string }): Pair => ({
    en: `expected well-formed CSV, got a problem near line ${p.line} of ${p.file} (${p.detail}): a quote inside a cell must be doubled ("") and the whole cell quoted; fix that line, or save the sheet again from Excel as CSV`,
    zh: `${p.file} 第 ${p.line} 行附近的 CSV 格式有误（${p.detail}）：单元格中的引号要写成两个（""），并给整个单元格加上引号。请改正这一行，或用 Excel 重新另存为 CSV`,
  }),
  unknownEncoding: (forced: string): Pair => ({
    en: `expected an encoding such as utf-8, gb18030, gbk, utf-16le or windows-1252, got --encoding ${forced}: pick one of those`,
    zh: `--encoding ${forced} 不是可用的编码。请从 utf-8、gb18030、gbk、utf-16le、windows-1252 中选一个`,
  }),
  mixedEncoding: (p: { file: string; utf8Line: number; otherLine: number }): Pair => ({
    en: `expected one text encoding in ${p.file}, got UTF-8 on line ${p.utf8Line} and GBK/GB18030 on line ${p.otherLine}: the file was pieced together from differently saved files; open each part, save all as "CSV UTF-8", and join them again (or pass --encoding to force one)`,
    zh: `${p.file} 混用了两种编码：第 ${p.utf8Line} 行是 UTF-8，第 ${p.otherLine} 行是 GBK/GB18030。文件是由不同方式保存的文件拼接而成的：请把每部分都另存为“CSV UTF-8”后重新拼接（或用 --encoding 指定一种）`,
  }),
  invalidUtf8: (file: string): Pair => ({
    en: `expected UTF-8 after the UTF-8 byte-order mark of ${file}, got bytes that are not UTF-8: save the file again as "CSV UTF-8", or pass --encoding gb18030`,
    zh: `${file} 开头标明是 UTF-8，但内容不是 UTF-8。请重新另存为“CSV UTF-8”，或加 --encoding gb18030`,
  }),
  encodingUnsure: (p: { file: string; line: number; gb: string; latin: string }): Pair => ({
    en: `expected text whose encoding can be told, got bytes in ${p.file} that are not UTF-8 and read as GB18030 no more plausibly than as Windows-1252; line ${p.line} reads ${p.gb} as GB18030 and ${p.latin} as Windows-1252: pass --encoding gb18030 or --encoding windows-1252 (whichever reading is right), or save the file as "CSV UTF-8"`,
    zh: `无法确定 ${p.file} 的编码：内容不是 UTF-8，按 GB18030 和按 Windows-1252 读都说得通。第 ${p.line} 行按 GB18030 读是 ${p.gb}，按 Windows-1252 读是 ${p.latin}。请加 --encoding gb18030 或 --encoding windows-1252（选读得对的那个），或把文件另存为“CSV UTF-8”`,
  }),
  csvTooLarge: (p: { file: string; size: string; max: string }): Pair => ({
    en: `expected a CSV file of at most ${p.max} (Excel's 1,048,576 rows of 1 KiB each), got ${p.size} in ${p.file}: split it into smaller files and run each`,
    zh: `${p.file} 有 ${p.size}，超过了 CSV 文件的上限 ${p.max}（Excel 的 1,048,576 行，每行按 1 KiB 计）。请拆成几个较小的文件分别运行`,
  }),
  emptyWorkbook: (file: string): Pair => ({
    en: `expected an .xlsx workbook, got an empty file: ${file}`,
    zh: `文件是空的，不是 .xlsx 工作簿：${file}`,
  }),
  notWorkbook: (file: string): Pair => ({
    en: `expected an .xlsx workbook (a zip archive), got something else in ${file}: an old .xls or a renamed file? Open it in Excel and save it as .xlsx or CSV UTF-8`,
    zh: `${file} 不是 .xlsx 工作簿：是旧的 .xls 还是改过扩展名的文件？请用 Excel 打开并另存为 .xlsx 或 CSV UTF-8`,
  }),
  damaged: (p: { detail: string; file: string }): Pair => ({
    en: `expected a complete .xlsx workbook, got one that cannot be read (${p.detail}) in ${p.file}: the file may be truncated or damaged; open it in Excel and save it again`,
    zh: `无法读取工作簿 ${p.file}（${p.detail}）：文件可能不完整或已损坏。请用 Excel 打开后重新保存`,
  }),
  tooLarge: (p: { why: string; file: string }): Pair => ({
    en: `expected a workbook of ordinary size, got one where ${p.why} (${p.file}): it looks like a zip bomb or a damaged file; export the data again, or split it and save as CSV`,
    zh: `工作簿 ${p.file} 大得不正常（${p.why}）：像是压缩炸弹或损坏的文件。请重新导出数据，或拆分后保存为 CSV`,
  }),
  overLimit: (p: { what: Pair; part: string; file: string }): Pair => ({
    en: `expected ${p.what.en} in ${p.part} of ${p.file}, got more: no spreadsheet program writes that, so the file is damaged or made to break readers; open it in Excel or WPS and save it again, or save the sheet as CSV UTF-8`,
    zh: `${p.file} 的 ${p.part} 超出了上限（应为${p.what.zh}）：正常的表格软件不会写出这样的文件，它可能已损坏或是被故意构造的。请用 Excel 或 WPS 打开后重新保存，或把工作表另存为 CSV UTF-8`,
  }),
  limitDirectory: (limit: string): Pair => ({ en: `at most ${limit} of zip directory`, zh: `zip 目录不超过 ${limit}` }),
  limitMembers: (limit: string): Pair => ({ en: `at most ${limit} members`, zh: `成员不超过 ${limit} 个` }),
  limitDepth: (limit: string): Pair => ({
    en: `elements nested at most ${limit} deep`,
    zh: `元素嵌套不超过 ${limit} 层`,
  }),
  limitText: (limit: string): Pair => ({
    en: `at most ${limit} characters in one text, attribute or name`,
    zh: `单个文本、属性或名称不超过 ${limit} 个字符`,
  }),
  limitAttributes: (limit: string): Pair => ({
    en: `at most ${limit} attributes on one element`,
    zh: `单个元素的属性不超过 ${limit} 个`,
  }),
  limitSheets: (limit: string): Pair => ({ en: `at most ${limit} sheets`, zh: `工作表不超过 ${limit} 个` }),
  limitStyles: (limit: string): Pair => ({
    en: `at most ${limit} cell styles (Excel's own limit is 64,000)`,
    zh: `单元格样式不超过 ${limit} 个（Excel 自身的上限是 64,000 个）`,
  }),
  limitMerges: (limit: string): Pair => ({ en: `at most ${limit} merged ranges`, zh: `合并区域不超过 ${limit} 个` }),
  limitMergeCells: (limit: string): Pair => ({
    en: `merged ranges filling at most ${limit} cells`,
    zh: `合并区域填充的单元格不超过 ${limit} 个`,
  }),
  duplicatePart: (p: { name: string; file: string }): Pair => ({
    en: `expected each part of the workbook once, got two members named ${p.name} in ${p.file}: which one is meant cannot be told, so the archive was edited by hand or damaged; open it in Excel and save it again`,
    zh: `${p.file} 中有两个名为 ${p.name} 的部件，无法判断以哪个为准：压缩包被手工改动过或已损坏。请用 Excel 打开后重新保存`,
  }),
  encrypted: (file: string): Pair => ({
    en: `expected a workbook without a password, got an encrypted one: ${file}; open it in Excel or WPS, remove the password (File › Info › Protect Workbook › Encrypt with Password: clear it), save it, and run again`,
    zh: `工作簿 ${file} 设置了打开密码（已加密），无法读取：请用 Excel 或 WPS 打开，清除密码（文件 › 信息 › 保护工作簿 › 用密码进行加密：清空）后保存，再重新运行`,
  }),
  badReference: (p: {
    ref: string;
    row?: number;
    kind: 'cell' | 'row' | 'merge';
    sheet: string;
    file: string;
  }): Pair => {
    const [en, zh, example] = REFERENCE_KINDS[p.kind] ?? REFERENCE_KINDS.cell;
    return {
      en: `expected a ${en} reference such as ${example} within Excel's limits (columns A to XFD, rows 1 to 1,048,576), got ${p.ref}${p.row === undefined ? '' : ` (row ${p.row})`} in sheet ${p.sheet} of ${p.file}: open it in Excel and save it again`,
      zh: `${p.file} 的工作表 ${p.sheet} 中有无效的${zh}引用 ${p.ref}${p.row === undefined ? '' : `（第 ${p.row} 行）`}：应形如 ${example}，且在 Excel 的范围内（列 A 到 XFD，行 1 到 1,048,576）。请用 Excel 打开后重新保存`,
    };
  },
  repeatedRow: (p: { row: number; after: number; sheet: string; file: string }): Pair => ({
    en: `expected each row once and in order, got row ${p.row} after row ${p.after} in sheet ${p.sheet} of ${p.file}: which copy is meant cannot be told; open it in Excel and save it again`,
    zh: `${p.file} 的工作表 ${p.sheet} 中第 ${p.row} 行出现在第 ${p.after} 行之后（重复或顺序错乱），无法判断以哪一份为准。请用 Excel 打开后重新保存`,
  }),
  repeatedCell: (p: { cell: string; after: string; sheet: string; file: string }): Pair => ({
    en: `expected each cell once and from left to right, got cell ${p.cell} after cell ${p.after} in sheet ${p.sheet} of ${p.file}: which copy is meant cannot be told; open it in Excel and save it again`,
    zh: `${p.file} 的工作表 ${p.sheet} 中单元格 ${p.cell} 出现在 ${p.after} 之后（重复或顺序错乱），无法判断以哪一份为准。请用 Excel 打开后重新保存`,
  }),
  cellNul: (p: { cell: string; sheet: string }): Pair => ({
    en: `text with a NUL character (_x0000_) in cell ${p.cell} of sheet ${p.sheet}; delete the character, or type the text again`,
    zh: `工作表 ${p.sheet} 的单元格 ${p.cell} 中有 NUL 字符（_x0000_）：请删除该字符，或重新输入文本`,
  }),
  textFormulas: (p: { cells: string; sheet: string }): Pair => ({
    en: `cell(s) ${p.cells} of sheet ${p.sheet} hold a formula as text that was never calculated (="…"), as Gnumeric leaves a formula it cannot read; read as the text between the quotes: check those values`,
    zh: `工作表 ${p.sheet} 的单元格 ${p.cells} 中是未计算的公式文本（="…"，Gnumeric 无法解析公式时会这样保存）；已按引号内的文本读取，请核对这些值`,
  }),
  andMore: (n: number): Pair => ({ en: ` and ${n} more`, zh: ` 等另外 ${n} 个` }),
  or: { en: ' or ', zh: ' 或 ' },
  and: { en: ' and ', zh: ' 和 ' },
  none: { en: '(none)', zh: '（无）' },
} as const;

/** The summary's lines on what a run sent and where its files are. */
export const RUN = {
  readsWithoutKeys: (files: number): Pair => ({
    en: `Feishu's reads carry no external_id: legacy interviews were found by ${files} file(s) of earlier runs' records (journals, backups, reports beside the report and in --records), then by body; see "Migrating legacy records" in the README`,
    zh: `飞书的查询结果不含外部系统面试ID：没有飞书 ID 的面试先按之前运行的记录（报告所在文件夹及 --records 中的日志、备份和报告，共 ${files} 个文件）查找，再按内容查找；详见 README 的“迁移旧系统记录”`,
  }),
  noBackup: {
    en: 'warning: --no-backup: what was overwritten was not saved, so this run cannot be undone',
    zh: '警告：--no-backup：被覆盖的内容没有备份，这次运行无法撤销',
  },
  requests: (p: {
    dryRun: boolean;
    origin: string;
    puts: number;
    creates: number;
    deletes: number;
    reads: number;
    limited: number;
    retried: number;
    pace: string;
    unit: 'create' | 'PUT';
    seconds: string;
  }): Pair => ({
    en: `${p.dryRun ? 'read from' : 'sent to'} ${p.origin}: ${p.puts} PUT(s)${p.creates > 0 ? `, ${p.creates} create(s) landed` : ''}${p.deletes > 0 ? `, ${p.deletes} delete(s)` : ''} and ${p.reads} batch_query read(s), ${p.limited} answered 429, ${p.retried} retried${p.puts + p.creates > 0 ? `, ${p.pace} ${p.unit}/s over ${p.seconds} s` : ''}`,
    zh: `${p.dryRun ? '读取自' : '发送到'} ${p.origin}：${p.puts} 次 PUT${p.creates > 0 ? `、${p.creates} 次创建成功` : ''}${p.deletes > 0 ? `、${p.deletes} 次删除` : ''}，${p.reads} 次 batch_query 读取，${p.limited} 次被限流（429），${p.retried} 次重试${p.puts + p.creates > 0 ? `，${p.seconds} 秒内每秒 ${p.pace} 次${p.unit === 'create' ? '创建' : ' PUT'}` : ''}`,
  }),
  kinds: (p: {
    dryRun: boolean;
    showCreated: boolean;
    created: number;
    changed: number;
    unchanged: number;
    missing: number;
    ambiguous: number;
    refused: number;
  }): Pair => ({
    en: `${p.showCreated ? `${p.dryRun ? 'would create' : 'created'} ${p.created} · ` : ''}${p.dryRun ? 'would change' : 'changed'} ${p.changed} · unchanged ${p.unchanged} · missing ${p.missing}${p.ambiguous > 0 ? ` · ambiguous ${p.ambiguous}` : ''}${p.refused > 0 ? ` · refused ${p.refused}` : ''} interview(s)`,
    zh: `面试：${p.showCreated ? `${p.dryRun ? '将创建' : '已创建'} ${p.created} · ` : ''}${p.dryRun ? '将修改' : '已修改'} ${p.changed} · 无变化 ${p.unchanged} · 不存在 ${p.missing}${p.ambiguous > 0 ? ` · 无法确定 ${p.ambiguous}` : ''}${p.refused > 0 ? ` · 被拒绝 ${p.refused}` : ''}`,
  }),
  undone: (p: { restored: number; already: number; refused: number }): Pair => ({
    en: `undo: restored ${p.restored} · already as before ${p.already} · left alone, changed since ${p.refused} interview(s)`,
    zh: `撤销：已恢复 ${p.restored} · 本来就是原样 ${p.already} · 之后又被改过、未处理 ${p.refused} 场面试`,
  }),
  nothingToUndo: {
    en: 'nothing to undo: every interview that run wrote already holds what it held before that run (was it undone already?); nothing was written',
    zh: '无需撤销：那次运行写过的每场面试都已是运行之前的样子（是否已经撤销过？）；没有写入任何内容',
  },
  deleted: (n: number): Pair => ({
    en: `deleted ${n} interview(s) the undone run had created`,
    zh: `已删除被撤销的那次运行创建的 ${n} 场面试`,
  }),
  removed: (p: { dryRun: boolean; values: number; assessments: number; dimensions: number }): Pair => ({
    en: `${p.dryRun ? 'would remove' : 'removed'} ${p.values} value(s), ${p.assessments} assessment(s) and ${p.dimensions} dimension(s) that Feishu held`,
    zh: `${p.dryRun ? '将删除' : '已删除'}飞书中原有的 ${p.values} 个字段值、${p.assessments} 个评价和 ${p.dimensions} 个维度`,
  }),
  wouldRemoveBlocked: (n: number): Pair => ({
    en: `${n} interview(s) not sent (RUN_WOULD_REMOVE): the file would remove what Feishu holds; import with --merge to keep it, or --replace to remove it`,
    zh: `${n} 场面试未发送（RUN_WOULD_REMOVE）：文件会删掉飞书中原有的内容；要保留请加 --merge，要删除请加 --replace`,
  }),
  resumed: (n: number): Pair => ({
    en: `skipped ${n} interview(s) that already landed with the same body (--resume)`,
    zh: `跳过了 ${n} 场已写入相同内容的面试（--resume）`,
  }),
  stoppedEarly: (why: string): Pair => ({ en: `stopped early: ${why}`, zh: `提前停止：${why}` }),
  interrupted: {
    en: 'interrupted: unsent rows are not_sent; run the same command with --resume REPORT to finish',
    zh: '已中断：未发送的行标为 not_sent；加 --resume 报告路径 重新运行同一命令即可继续',
  },
  backup: (p: { path: string; run: string; relative: string }): Pair => ({
    en: `backup: ${p.path}, run ${p.run} (undo with: feishu-interview-import undo ${p.relative})`,
    zh: `备份：${p.path}，运行 ${p.run}（撤销：feishu-interview-import undo ${p.relative}）`,
  }),
  journal: (path: string): Pair => ({ en: `journal: ${path}`, zh: `日志：${path}` }),
  verified: (p: { origin: string; reads: number; matched: number; interviews: number }): Pair => ({
    en: `read from ${p.origin}: ${p.reads} batch_query read(s); ${p.matched} of ${p.interviews} interview(s) match the file`,
    zh: `读取自 ${p.origin}：${p.reads} 次 batch_query 读取；${p.interviews} 场面试中有 ${p.matched} 场与文件一致`,
  }),
} as const;

/** What is wrong with an option, said after the flag (`--concurrency: …`). */
export const OPTION = {
  zoneName: (tz: string | undefined): Pair => ({
    en: `expected an IANA time zone such as Asia/Shanghai, got "${tz}"`,
    zh: `应为 IANA 时区名，例如 Asia/Shanghai，实际是 "${tz}"`,
  }),
  zoneAbbreviation: (p: { tz: string; names: string; example: string }): Pair => ({
    en: `expected an IANA time zone name such as Asia/Shanghai, got the abbreviation "${p.tz}"${p.names}: pass the name, e.g. --tz ${p.example}`,
    zh: `应为 IANA 时区名，例如 Asia/Shanghai，实际是缩写 "${p.tz}"${p.names}：请写全名，例如 --tz ${p.example}`,
  }),
  reportPath: {
    en: 'expected a report path ending in .csv, .xlsx or .json',
    zh: '报告路径应以 .csv、.xlsx 或 .json 结尾',
  },
  inputFile: { en: 'expected an input file', zh: '缺少输入文件' },
  unknown: (p: { fn: string; key: string; nearest?: string; known: string }): Pair => ({
    en: `${p.fn}: expected one of its options (${p.known}), got ${JSON.stringify(p.key)}${p.nearest ? `: did you mean ${p.nearest}?` : ''} Nothing was read or sent`,
    zh: `${p.fn}：应为它的选项之一（${p.known}），实际是 ${JSON.stringify(p.key)}${p.nearest ? `。是不是想写 ${p.nearest}？` : '。'}没有读取或发送任何内容`,
  }),
  backupFile: { en: 'expected a backup file', zh: '缺少备份文件' },
  outFile: { en: 'expected --out FILE', zh: '缺少 --out 文件名' },
  outExt: { en: 'expected --out to end in .xlsx or .csv', zh: '--out 应以 .xlsx 或 .csv 结尾' },
  number: (p: { whole: boolean; min: number; max: number; above: boolean; got: string }): Pair => {
    const bounded = p.max < Number.POSITIVE_INFINITY;
    return {
      en: `expected ${p.whole ? 'a whole number' : 'a number'} ${p.above ? `above ${p.min}` : `from ${p.min}`}${bounded ? `${p.above ? ' and at most' : ' to'} ${p.max}` : p.above ? '' : ' up'}, got ${p.got}`,
      zh: `应为 ${p.above ? `大于 ${p.min}` : `${p.min}`}${bounded ? `${p.above ? ' 且不超过 ' : ' 到 '}${p.max}` : p.above ? '' : ' 或以上'} 的${p.whole ? '整数' : '数'}，实际是 ${p.got}`,
    };
  },
  secretFile: (p: { code: string; file: string }): Pair => ({
    en: `expected --app-secret-file to name a readable file, got ${p.code} for ${p.file}`,
    zh: `--app-secret-file 应指向可读的文件，${p.file} 却无法读取（${p.code}）`,
  }),
  noCredentials: {
    en: 'expected credentials, got none: set FEISHU_APP_ID and FEISHU_APP_SECRET (or FEISHU_TENANT_ACCESS_TOKEN), or pass --dry-run to check the file without sending',
    zh: '缺少凭证：请设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET（或 FEISHU_TENANT_ACCESS_TOKEN），或加 --dry-run 只检查文件、不发送',
  },
  noCredentialsToRead: (what: string): Pair => ({
    en: `expected credentials, got none: ${what} reads the current records from Feishu; set FEISHU_APP_ID and FEISHU_APP_SECRET (or FEISHU_TENANT_ACCESS_TOKEN)`,
    zh: `缺少凭证：${what} 要从飞书读取现有记录；请设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET（或 FEISHU_TENANT_ACCESS_TOKEN）`,
  }),
  noCredentialsToVerify: {
    en: 'expected credentials, got none: verify reads every interview from Feishu; set FEISHU_APP_ID and FEISHU_APP_SECRET (or FEISHU_TENANT_ACCESS_TOKEN)',
    zh: '缺少凭证：verify 要从飞书读取每场面试；请设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET（或 FEISHU_TENANT_ACCESS_TOKEN）',
  },
  badToken: {
    en: 'expected FEISHU_TENANT_ACCESS_TOKEN to be a token, got one with spaces or control characters: copy it again without line breaks',
    zh: 'FEISHU_TENANT_ACCESS_TOKEN 中有空格或控制字符，不像令牌：请重新复制，不要带换行',
  },
  needsMerge: (which: string): Pair => ({
    en: `expected --merge with --${which}-assessments, got none: they say how a correction treats the current assessments`,
    zh: `--${which}-assessments 要配合 --merge 使用：它说明更正时如何处理现有的评价`,
  }),
  addOrReplace: {
    en: "expected one of --add-assessments and --replace-assessments, got both: replacing already takes the file's assessments as they are",
    zh: '--add-assessments 和 --replace-assessments 只能选一个：替换本身就会按文件中的评价原样采用',
  },
  mergeOrReplace: {
    en: 'expected one of --merge and --replace, got both: --merge keeps what the file does not name, --replace removes it',
    zh: '--merge 和 --replace 只能选一个：--merge 保留文件没有写的内容，--replace 删除它',
  },
  mergePayloads: {
    en: '--payloads: expected no --payloads with validate --merge, got one: merged bodies need the current records; use import --merge --dry-run --payloads',
    zh: '--payloads：validate --merge 不能用 --payloads，因为合并后的请求体需要飞书中的现有记录；请用 import --merge --dry-run --payloads',
  },
  usage: (message: string): Pair => ({
    en: `${message}; run with --help for the commands and options`,
    zh: `${message}；加 --help 查看命令和选项`,
  }),
} as const;

/** Why a run's own files (report, journal, backup, lock, payloads, template) cannot be used. */
export const FILES = {
  recordsUnreadable: (p: { path: string; code: string }): Pair => ({
    en: `expected --records ${p.path} to be a folder (or a file) of earlier runs' reports, journals and backups, got ${p.code}: check the path`,
    zh: `--records ${p.path} 应当是存放之前运行的报告、日志和备份的文件夹（或其中一个文件），但读取时出错（${p.code}）：请检查路径`,
  }),
  lockUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to create the lock ${p.path}, got ${p.code}: check the report folder is writable`,
    zh: `无法创建锁文件 ${p.path}（${p.code}）：请检查报告所在文件夹是否可写`,
  }),
  locked: (p: { report: string; pid: string; path: string }): Pair => ({
    en: `expected no other run on ${p.report}, got one: process ${p.pid} holds ${p.path}; wait for it to end, or pass --report elsewhere (a lock left by a crashed run is taken over by itself)`,
    zh: `${p.report} 上已有另一个运行：进程 ${p.pid} 持有 ${p.path}。请等它结束，或用 --report 换个位置（崩溃的运行留下的锁会被自动接管）`,
  }),
  lockRace: (p: { path: string; report: string }): Pair => ({
    en: `expected to take the lock ${p.path}, got it taken again at once: another run is starting on ${p.report}`,
    zh: `锁文件 ${p.path} 刚接管就又被占用：${p.report} 上另一个运行正在启动`,
  }),
  symlink: (p: { what: string; path: string }): Pair => ({
    en: `expected the ${p.what} ${p.path} to be a plain file, got a symbolic link: interview data is never written through a link; remove it, or pass --report elsewhere`,
    zh: `${p.what} ${p.path} 是符号链接而不是普通文件：面试数据绝不会通过链接写入。请删除它，或用 --report 换个位置`,
  }),
  unwritable: (p: { what: string; path: string; code: string }): Pair => ({
    en: `expected to write the ${p.what} ${p.path}, got ${p.code}: check the report folder is writable, or pass --report elsewhere`,
    zh: `无法写入${p.what} ${p.path}（${p.code}）：请检查报告所在文件夹是否可写，或用 --report 换个位置`,
  }),
  appendFailed: (p: { what: string; path: string; code: string }): Pair => ({
    en: `expected to append to the ${p.what} ${p.path}, got ${p.code}: the run stopped so that nothing is sent unrecorded; free the disk or make it writable, then import again with --resume`,
    zh: `无法追加写入${p.what} ${p.path}（${p.code}）：为了不发送任何未记录的内容，运行已停止。请腾出磁盘空间或使其可写，然后加 --resume 重新导入`,
  }),
  noJournal: (path: string): Pair => ({
    en: `expected the journal ${path} of the earlier run, got no such file: pass the --report path of that run to --resume`,
    zh: `找不到之前那次运行的日志 ${path}：请在 --resume 中填那次运行的 --report 路径`,
  }),
  outputIsInput: (p: { what: string; path: string; input: string; suggestion: string }): Pair => ({
    en: `expected the ${p.what} to go to another file than the input, got ${p.path}, which is ${p.input} itself: pass --report elsewhere (e.g. ${p.suggestion})`,
    zh: `${p.what}不能写到输入文件本身（${p.path} 就是 ${p.input}）：请用 --report 换个位置（例如 ${p.suggestion}）`,
  }),
  backupUnreadable: (p: { code: string; file: string }): Pair => ({
    en: `expected a backup file written by import, got ${p.code} for ${p.file}: check the path`,
    zh: `无法读取备份文件 ${p.file}（${p.code}）：请检查路径`,
  }),
  noSuchRun: (p: { file: string; run: string; runs: string }): Pair => ({
    en: `expected a run of the backup ${p.file} in --run, got "${p.run}": the backup holds ${p.runs}`,
    zh: `备份 ${p.file} 中没有运行 "${p.run}"：其中只有 ${p.runs}`,
  }),
  emptyBackup: (file: string): Pair => ({
    en: `expected lines of interviews a run wrote in the backup ${file}, got none: nothing was overwritten by that run`,
    zh: `备份 ${file} 中没有覆盖前的记录：那次运行没有覆盖任何内容`,
  }),
  damagedBackup: (p: { file: string; line: number }): Pair => ({
    en: `expected one JSON object per line in the backup ${p.file}, got a damaged line ${p.line}: restore the file from a copy`,
    zh: `备份 ${p.file} 第 ${p.line} 行已损坏（每行应是一个 JSON 对象）：请从副本恢复这个文件`,
  }),
  notABackup: (p: { file: string; line: number }): Pair => ({
    en: `expected a backup entry with external_interview_id and body on line ${p.line} of ${p.file}, got something else: is this a backup file?`,
    zh: `${p.file} 第 ${p.line} 行不是带 external_interview_id 和 body 的备份记录：这是备份文件吗？`,
  }),
  reportFormat: (path: string): Pair => ({
    en: `expected a report path ending in .csv, .xlsx or .json, got "${path}": pick one of those`,
    zh: `报告路径应以 .csv、.xlsx 或 .json 结尾，实际是 "${path}"：请选其中一种`,
  }),
  reportUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to write the report to ${p.path}, got ${p.code}: check the folder exists and is writable, or pass --report elsewhere`,
    zh: `无法写入报告 ${p.path}（${p.code}）：请检查文件夹是否存在且可写，或用 --report 换个位置`,
  }),
  reportLocked: (p: { path: string; code: string }): Pair => ({
    en: `expected to be able to write the report ${p.path}, got ${p.code}: nothing was sent. The file may be open in Excel or WPS (close it), read-only, or a folder; close or move it, or pass --report elsewhere, then run again`,
    zh: `无法写入报告 ${p.path}（${p.code}），没有发送任何内容。该文件可能正在 Excel 或 WPS 中打开（请关闭它）、是只读文件或是一个文件夹；请关闭或移走它，或用 --report 换个位置，然后重新运行`,
  }),
  reportBeside: (p: { mine: string; path: string }): Pair => ({
    en: `${p.mine} was changed since the tool wrote it, or is another command's report: it was left as it is, and this run's report is ${p.path}`,
    zh: `${p.mine} 在工具写出之后被修改过，或是另一个命令的报告：已原样保留，这次运行的报告是 ${p.path}`,
  }),
  payloadsUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to write the payloads to ${p.path}, got ${p.code}: check the folder is writable`,
    zh: `无法写入请求体文件 ${p.path}（${p.code}）：请检查文件夹是否可写`,
  }),
  templateUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to write the template to ${p.path}, got ${p.code}: check the folder is writable`,
    zh: `无法写入模板 ${p.path}（${p.code}）：请检查文件夹是否可写`,
  }),
  resumeMismatch: (p: { report: string; differs: string }): Pair => ({
    en: `expected --resume ${p.report} to continue the same run, got a journal where ${p.differs}: run without --resume (the current records are read and compared), or resume with the original file and settings`,
    zh: `--resume ${p.report} 应继续同一次运行，但日志显示${p.differs}：请去掉 --resume 运行（会读取并比较现有记录），或用原来的文件和设置继续`,
  }),
  sentTo: (p: { before: string; now: string }): Pair => ({
    en: `it sent to ${p.before}, this run to ${p.now}`,
    zh: `之前发送到 ${p.before}，这次发送到 ${p.now}`,
  }),
  usedApp: (p: { before: string; now: string }): Pair => ({
    en: `it used app ${p.before}, this run ${p.now}`,
    zh: `之前用的应用是 ${p.before}，这次是 ${p.now}`,
  }),
  inputChanged: { en: 'its input file was different (it has changed since)', zh: '输入文件不同（之后被改过）' },
  journalWord: { en: 'journal', zh: '日志' },
  backupWord: { en: 'backup', zh: '备份' },
} as const;

/** What Feishu (or what answered in its place) said that stops a run or an interview. */
export const FEISHU = {
  badCredentials: (p: { app: string; code: number; msg: string; logId: string }): Pair => ({
    en: `expected a tenant access token for app ${p.app}, got code ${p.code} (${p.msg}, log id ${p.logId}): check FEISHU_APP_ID and FEISHU_APP_SECRET in the developer console (凭证与基础信息)`,
    zh: `应用 ${p.app} 没有拿到租户访问令牌，飞书返回 ${p.code}（${p.msg}，log id ${p.logId}）：请在开发者后台“凭证与基础信息”中核对 FEISHU_APP_ID 和 FEISHU_APP_SECRET`,
  }),
  noToken: (p: { origin: string; problem: string }): Pair => ({
    en: `expected a tenant access token from ${p.origin}, got ${p.problem}: check the network and --domain/--base-url, then run again`,
    zh: `没有从 ${p.origin} 拿到租户访问令牌（${p.problem}）：请检查网络和 --domain/--base-url，然后重新运行`,
  }),
  readFailed: (p: { n: number; code: string; message: string; logId: string; attempts: number }): Pair => ({
    en: `expected the current records of ${p.n} interview(s) from batch_query, got ${p.code}: ${p.message} (log id ${p.logId}, attempt ${p.attempts})`,
    zh: `batch_query 没有返回 ${p.n} 场面试的现有记录，而是 ${p.code}：${p.message}（log id ${p.logId}，第 ${p.attempts} 次尝试）`,
  }),
  noItems: (p: { got: string; logId: string }): Pair => ({
    en: `expected batch_query's answer to hold an items array, got ${p.got} (log id ${p.logId}): nothing is written on a read that cannot be trusted`,
    zh: `batch_query 的应答中没有 items 数组（实际是 ${p.got}，log id ${p.logId}）：读取结果不可信，因此什么也不写`,
  }),
  listingFailed: (p: { application: string; code: string; message: string; logId: string }): Pair => ({
    en: `expected the interviews of application ${p.application} from batch_query, got ${p.code}: ${p.message} (log id ${p.logId})`,
    zh: `batch_query 没有返回投递 ${p.application} 的面试，而是 ${p.code}：${p.message}（log id ${p.logId}）`,
  }),
  stopping: {
    99991672: {
      en: 'the app lacks the scope hire:external_application (更新外部投递); an admin must add it in the developer console and publish a new version',
      zh: '应用缺少权限 hire:external_application（更新外部投递）：需要管理员在开发者后台添加并发布新版本',
    },
    99991401: {
      en: "this machine's IP address is not on the app's allow-list; add it in the developer console",
      zh: '本机 IP 不在应用的白名单中：请在开发者后台添加',
    },
    99991403: { en: "the tenant's monthly API quota is used up", zh: '租户本月的接口调用额度已用完' },
  } as Readonly<Record<number, Pair>>,
  baseUrl: (shown: string): Pair => ({
    en: `expected --base-url to be a URL such as https://open.feishu.cn, got "${shown}"`,
    zh: `--base-url 应是网址，例如 https://open.feishu.cn，实际是 "${shown}"`,
  }),
  baseUrlUser: (host: string): Pair => ({
    en: `expected --base-url without a user name or password, got one for ${host}: credentials come from FEISHU_APP_ID and FEISHU_APP_SECRET`,
    zh: `--base-url 中不能带用户名或密码（${host}）：凭证请用 FEISHU_APP_ID 和 FEISHU_APP_SECRET`,
  }),
  baseUrlHttp: (host: string): Pair => ({
    en: `expected https:// for ${host}, got plain http://: only loopback hosts (127.0.0.1, localhost) may use http; use https://${host}`,
    zh: `${host} 应使用 https://，而不是 http://：只有本机地址（127.0.0.1、localhost）可以用 http；请用 https://${host}`,
  }),
  baseUrlScheme: (shown: string): Pair => ({
    en: `expected an https:// URL, got "${shown}"`,
    zh: `应为 https:// 网址，实际是 "${shown}"`,
  }),
  baseUrlPath: (shown: string): Pair => ({
    en: `expected --base-url to be an origin only (like https://open.feishu.cn), got "${shown}": drop the path`,
    zh: `--base-url 只能是站点地址（例如 https://open.feishu.cn），实际是 "${shown}"：请去掉路径`,
  }),
} as const;

/** `--map` and JSON reports read back. */
export const MAPPING = {
  unreadable: (p: { detail: string; path: string }): Pair => ({
    en: `expected --map to name a JSON file like {"Legacy header": "external_interview_id"}, got ${p.detail} for ${p.path}`,
    zh: `--map 应指向形如 {"旧表头": "external_interview_id"} 的 JSON 文件，${p.path} 却是：${p.detail}`,
  }),
  notPairs: (path: string): Pair => ({
    en: `expected --map to hold one object of "legacy header": "template column" pairs, got something else in ${path}`,
    zh: `--map 文件 ${path} 应是一个由 "旧表头": "模板列" 组成的对象，实际不是`,
  }),
  unknownTarget: (p: { target: string; legacy: string; names: string }): Pair => ({
    en: `expected a template column name in the mapping, got "${p.target}" for "${p.legacy}": use one of ${p.names}`,
    zh: `映射中 "${p.legacy}" 对应的 "${p.target}" 不是模板列名：请用 ${p.names} 之一`,
  }),
  notJson: (p: { file: string; detail: string }): Pair => ({
    en: `expected a JSON report written by this tool, got text that is not JSON in ${p.file} (${p.detail})`,
    zh: `${p.file} 不是 JSON（${p.detail}），应为本工具写出的 JSON 报告`,
  }),
  notReport: (file: string): Pair => ({
    en: `expected a JSON report written by this tool (an object with "rows"), got something else in ${file}: use .csv or .xlsx input`,
    zh: `${file} 不是本工具写出的 JSON 报告（带 "rows" 的对象）：请改用 .csv 或 .xlsx 输入`,
  }),
} as const;

/** What the CLI itself says: progress, Ctrl-C, fatal errors. */
export const CLI = {
  progressBar: {
    en: 'importing {bar} {value}/{total} interviews | ok {ok} | skipped {skipped} | failed {failed} | {rps} req/s | ETA {eta_formatted}',
    zh: '导入中 {bar} {value}/{total} 场面试 | 成功 {ok} | 跳过 {skipped} | 失败 {failed} | {rps} 次/秒 | 剩余 {eta_formatted}',
  },
  progressLine: (p: {
    done: number;
    total: number;
    ok: number;
    failed: number;
    notSent: number;
    skipped: number;
    rate: string;
  }): Pair => ({
    en: `progress: ${p.done}/${p.total} interviews, ok ${p.ok}${p.skipped ? `, skipped ${p.skipped}` : ''}, failed ${p.failed}${p.notSent ? `, not sent ${p.notSent}` : ''}, ${p.rate} req/s`,
    zh: `进度：${p.done}/${p.total} 场面试，成功 ${p.ok}${p.skipped ? `，跳过 ${p.skipped}` : ''}，失败 ${p.failed}${p.notSent ? `，未发送 ${p.notSent}` : ''}，每秒 ${p.rate} 次`,
  }),
  signal: (signal: string): Pair => ({
    en: `${signal}: finishing the requests in flight, then writing the report (press Ctrl-C again to quit at once; the journal keeps every result)`,
    zh: `${signal}：正在等待已发出的请求完成，然后写报告（再按一次 Ctrl-C 立即退出；日志会保留每个结果）`,
  }),
  signalAgain: (signal: string): Pair => ({
    en: `${signal} again: quitting now; import again with --resume to finish`,
    zh: `再次收到 ${signal}：立即退出；请加 --resume 重新导入以完成`,
  }),
  secretFlag: {
    en: 'warning: --app-secret on the command line shows in ps and in shell history: use FEISHU_APP_SECRET or --app-secret-file',
    zh: '警告：命令行中的 --app-secret 会出现在 ps 和 shell 历史中：请改用 FEISHU_APP_SECRET 或 --app-secret-file',
  },
  error: (p: { code: string; message: string }): Pair => ({
    en: `error [${p.code}]: ${p.message}`,
    zh: `错误 [${p.code}]：${p.message}`,
  }),
  internal: (message: string): Pair => ({
    en: `error [INTERNAL]: ${message}\nthis is a bug in feishu-interview-import; set DEBUG=1 for details`,
    zh: `错误 [INTERNAL]：${message}\n这是 feishu-interview-import 的缺陷；设置 DEBUG=1 可查看详情`,
  }),
} as const;

/**
 * `--help` in Chinese, keyed by its English text (the CLI's descriptions are written in English):
 * a CLI description missing here shows in English, which test/catalogue.test.ts catches.
 */
export const HELP_ZH: Readonly<Record<string, string>> = {
  "a folder of earlier runs' reports, journals and backups, read besides the report's own folder (repeatable)":
    '之前运行的报告、日志和备份所在的文件夹，报告所在文件夹之外再读它（可多次给出）',
  'language of the headers and the instructions': '表头和说明所用的语言',
  'the app id it accepts (default cli_simulator)': '接受的应用 ID（默认 cli_simulator）',
  'the app secret it accepts (default: see the README)': '接受的应用密钥（默认值见 README）',
  'CSV encoding: utf-8, gb18030, gbk, utf-16le, windows-1252 (default: detected)':
    'CSV 编码：utf-8、gb18030、gbk、utf-16le、windows-1252（默认自动识别）',
  "IANA time zone for times without an offset (default: this machine's)":
    '不带时区偏移的时间所用的 IANA 时区（默认本机时区）',
  'Import interview records from Excel or CSV into Feishu Hire.': '把 Excel 或 CSV 中的面试记录导入飞书招聘。',
  'JSON file mapping legacy headers to template columns': '把旧系统表头映射到模板列的 JSON 文件',
  'PUTs per second before 429 (default 10, 0 for none)': '每秒超过多少次 PUT 就回 429（默认 10，0 为不限）',
  'a file holding the app secret (keep it 0600)': '存放应用密钥的文件（权限请设为 0600）',
  'a template file whose interviews exist from the start (the update API needs them)':
    '一个模板文件，其中的面试一开始就存在（更新接口要求面试已存在）',
  'app id (default FEISHU_APP_ID)': '应用 ID（默认取 FEISHU_APP_ID）',
  'app secret (default FEISHU_APP_SECRET; prefer the variable or --app-secret-file: flags show in ps)':
    '应用密钥（默认取 FEISHU_APP_SECRET；请优先用环境变量或 --app-secret-file：命令行参数会出现在 ps 中）',
  'change only what the file names: blank or absent fields, assessments and dimensions keep their current values':
    '只修改文件中写明的内容：空白或缺少的字段、评价和维度保留现有值',
  'check a correction file as import --merge will read it (offline: the current records are not read)':
    '按 import --merge 的方式检查更正文件（离线：不读取飞书中的现有记录）',
  'file to write: .xlsx or .csv': '要写出的文件：.xlsx 或 .csv',
  'verify a correction file: only what it names must match what Feishu holds':
    '核对更正文件：只要求文件写明的内容与飞书中的一致',
  'import the bundled sample into the bundled simulator and print where the report is':
    '把自带的示例导入自带的模拟器，并显示报告位置',
  'language of messages and reports (default: zh for a file with Chinese headers or a Chinese locale, else en)':
    '提示和报告的语言（默认：中文表头的文件或中文系统环境为 zh，否则为 en）',
  'let a PUT create an interview that does not exist (Feishu refuses it)': '允许 PUT 创建不存在的面试（飞书会拒绝）',
  'milliseconds added to every answer': '每个应答额外延迟的毫秒数',
  'name a command: template, validate, import, undo, simulate, demo':
    '请指定命令：template、validate、import、undo、simulate、demo',
  'no progress output': '不显示进度',
  'open.feishu.cn or open.larksuite.com (default feishu)': 'open.feishu.cn 或 open.larksuite.com（默认 feishu）',
  'override the API origin (also FEISHU_BASE_URL); http only for loopback':
    '改用其他接口地址（也可用 FEISHU_BASE_URL）；只有本机地址可用 http',
  'port (default: any free one)': '端口（默认任选一个空闲端口）',
  'print the summary as one JSON object on stdout (the text goes to stderr)':
    '在标准输出上以一个 JSON 对象输出汇总（文字输出到标准错误）',
  'put back every interview in a backup written by import (itself backed up first)':
    '把 import 写的备份中的每场面试恢复原样（恢复前同样先备份）',
  'read and save each interview before overwriting it (--no-backup: off)':
    '覆盖前先读取并保存每场面试（--no-backup：关闭）',
  'read every interview of the file from Feishu and report per row whether it matches (writes nothing)':
    '从飞书读取文件中的每场面试，逐行报告是否一致（不写入任何内容）',
  'read, group and validate a file; write the per-row report; send nothing':
    '读取、分组并检查文件；写出逐行报告；不发送任何内容',
  'report path (default: <backup>.undo.report.csv)': '报告路径（默认 <备份>.undo.report.csv）',
  'report path: .csv, .xlsx or .json (default: <input>.report.xlsx for an .xlsx input, else <input>.report.csv)':
    '报告路径：.csv、.xlsx 或 .json（默认：.xlsx 输入为 <输入>.report.xlsx，否则为 <输入>.report.csv）',
  'requests in flight (default 5)': '同时进行的请求数（默认 5）',
  'requests per second, 0 for no client-side limit (default 10, the API limit)':
    '每秒请求数，0 表示客户端不限速（默认 10，即接口上限）',
  'retries of a failed call (default 5)': '失败调用的重试次数（默认 5）',
  'rows without a Feishu ID: create the interview when its application has none with that external_id':
    '没有飞书 ID 的行：若该投递下没有这个外部系统面试ID的面试，就创建它',
  'seconds a tenant token lives (default 7200)': '租户令牌的有效秒数（默认 7200）',
  'seconds to wait for a connection, headers or body (default 30)': '等待连接、响应头或响应体的秒数（默认 30）',
  'send every valid interview to Feishu (PUT, which replaces the whole interview) and write the report':
    '把每场有效的面试发送到飞书（PUT，会覆盖整场面试）并写出报告',
  'send nothing: like validate; with --merge, read the current records and report what would change':
    '不发送：同 validate；加 --merge 时读取现有记录并报告将修改的内容',
  'send only the first N interviews (a pilot run)': '只发送前 N 场面试（试运行）',
  'serve a local stand-in for Feishu (token, PUT, batch_query) on 127.0.0.1 until Ctrl-C':
    '在 127.0.0.1 上运行飞书的本地替身（令牌、PUT、batch_query），直到按 Ctrl-C',
  'share of PUTs answered 500 / 1002001 (0-1)': '回 500 / 1002001 的 PUT 比例（0-1）',
  'share of PUTs whose connection is dropped (0-1)': '连接被断开的 PUT 比例（0-1）',
  'sheet to read (default: the first sheet with the template columns)':
    '要读取的工作表（默认：第一个带模板列的工作表）',
  'the --report path of an earlier run: skip what already landed': '之前某次运行的 --report 路径：跳过已写入的内容',
  'the backup: <report>.backup.jsonl': '备份文件：<报告>.backup.jsonl',
  'the file is the whole truth for the interviews it names: remove values, assessments and dimensions Feishu holds that it does not name':
    '以文件为其中各场面试的全部内容：删除飞书中有、文件里没有写的字段值、评价和维度',
  'the run to undo, as the import printed it (default: the last run in the backup)':
    '要撤销的那次运行，即 import 显示的运行号（默认：备份中最后一次运行）',
  'with --dry-run: write the request bodies as JSON lines': '配合 --dry-run：把请求体写成 JSON lines',
  'with --merge: add assessments and dimensions the interview does not have yet':
    '配合 --merge：新增面试中还没有的评价和维度',
  "with --merge: the file's assessments replace all current ones (removes what the file lacks)":
    '配合 --merge：用文件中的评价替换现有的全部评价（文件中没有的会被删除）',
  'write a blank template (.xlsx with instructions and drop-downs, or .csv)':
    '写出空白模板（带说明和下拉列表的 .xlsx，或 .csv）',
  'write the request bodies as JSON lines to this path': '把请求体以 JSON lines 写到这个路径',
};

/** yargs' own words in `--help`, as its zh_CN locale has them (its locale files are not in the bundle). */
export const YARGS_ZH: Readonly<Record<string, string | { one: string; other: string }>> = {
  'Unknown argument: %s': { one: '无法识别的选项：%s', other: '无法识别这些选项：%s' },
  'Missing required argument: %s': { one: '缺少必须的选项：%s', other: '缺少这些必须的选项：%s' },
  'Not enough non-option arguments: got %s, need at least %s': {
    one: '缺少参数：传入了 %s 个，至少需要 %s 个',
    other: '缺少参数：传入了 %s 个，至少需要 %s 个',
  },
  'Invalid values:': '无效的选项值：',
  'Argument: %s, Given: %s, Choices: %s': '选项：%s，传入的值：%s，可选的值：%s',
  'Commands:': '命令：',
  'Options:': '选项：',
  'Positionals:': '位置参数：',
  boolean: '布尔',
  string: '字符串',
  number: '数字',
  required: '必需',
  'default:': '默认值:',
  'choices:': '可选值:',
  'Show help': '显示帮助信息',
};

/** Labels of the .xlsx report's summary sheet. */
export const SHEET = {
  report: { en: 'Report', zh: '报告' },
  summary: { en: 'Summary', zh: '汇总' },
  command: { en: 'command', zh: '命令' },
  input: { en: 'input', zh: '输入文件' },
  sheet: { en: 'sheet', zh: '工作表' },
  zone: { en: 'time zone', zh: '时区' },
  origin: { en: 'Feishu origin', zh: '飞书地址' },
  rows: { en: 'rows', zh: '行数' },
  interviews: { en: 'interviews', zh: '面试数' },
  problem: { en: 'problem', zh: '常见问题' },
  rate: { en: 'rate (requests/s)', zh: '速率（次/秒）' },
  elapsed: { en: 'elapsed (s)', zh: '用时（秒）' },
  backup: { en: 'backup', zh: '备份文件' },
  journal: { en: 'journal', zh: '日志文件' },
} as const;

/** Lines the commands print outside a report: a Chinese run prints them in Chinese. */
export const PRINTED = {
  templateWritten: (path: string): Pair => ({ en: `template: ${path}`, zh: `模板：${path}` }),
  /** A row status in the counts line: the report's status column keeps the English word, so the Chinese names it too. */
  status: {
    ok: { en: 'ok', zh: '成功（ok）' },
    failed: { en: 'failed', zh: '失败（failed）' },
    invalid: { en: 'invalid', zh: '无效（invalid）' },
    blocked: { en: 'blocked', zh: '受阻（blocked）' },
    skipped: { en: 'skipped', zh: '跳过（skipped）' },
    not_sent: { en: 'not_sent', zh: '未发送（not_sent）' },
  },
  undoHead: (p: { n: number; run: string; file: string }): Pair => ({
    en: `undo: ${p.n} interview(s) of run ${p.run} from ${p.file}`,
    zh: `撤销：${p.file} 中运行 ${p.run} 的 ${p.n} 场面试`,
  }),
  undoOthers: (runs: string): Pair => ({
    en: `the backup also holds run(s) ${runs}, left as they are (undo one with --run ID, newest first)`,
    zh: `备份中还有运行 ${runs}，保持不变（要撤销其中一次，请用 --run ID，从最新的开始）`,
  }),
  portBusy: (p: { port: number; code: string }): Pair => ({
    en: `expected to listen on port ${p.port}, got ${p.code} (another program holds it): stop that program, or pass another --port (0 picks a free one)`,
    zh: `无法监听端口 ${p.port}（${p.code}，已被其他程序占用）：请关闭该程序，或用 --port 换一个端口（0 表示自动选择空闲端口）`,
  }),
  simulatorListening: (p: { url: string; seeded: number; createOnPut: boolean }): Pair => ({
    en: `simulator: ${p.url} (Feishu Open API stand-in: token, external_interviews PUT and batch_query)\n  ${p.seeded} interview(s) exist${p.createOnPut ? '; a PUT to any other id creates it' : '; a PUT to any other id is refused, as in Feishu'}\n  import into it: FEISHU_BASE_URL=${p.url} feishu-interview-import import FILE\npress Ctrl-C to stop`,
    zh: `模拟器：${p.url}（飞书开放平台的本地替身：token、external_interviews 的 PUT 和 batch_query）\n  已有 ${p.seeded} 场面试${p.createOnPut ? '；PUT 其他 ID 会新建面试' : '；PUT 其他 ID 会被拒绝，与飞书相同'}\n  导入到模拟器：FEISHU_BASE_URL=${p.url} feishu-interview-import import 文件名\n按 Ctrl-C 停止`,
  }),
} as const;

/** Every entry, for test/catalogue.test.ts. */
export const CATALOGUE = {
  EXPECT,
  GOT,
  FIX,
  ROW,
  MERGE,
  NAME,
  OUTCOME,
  INPUT,
  SUMMARY,
  RUN,
  OPTION,
  FILES,
  FEISHU,
  MAPPING,
  CLI,
  SHEET,
  PRINTED,
} as const;

/** The `ui` command's help in Chinese, beside HELP_ZH (src/cli.ts reads both). */
export const HELP_ZH_UI: Readonly<Record<string, string>> = {
  'serve a page on 127.0.0.1 to validate, preview, import and undo without a terminal, until Ctrl-C':
    '在 127.0.0.1 上提供一个网页，不用命令行即可检查、预览、导入和撤销，按 Ctrl-C 停止',
  'open the browser (--no-open: print the URL only)': '打开浏览器（--no-open：只打印网址）',
  "folder for the imports' reports, journals and backups (default: the current folder)":
    '导入的报告、日志和备份所在的文件夹（默认：当前文件夹）',
  'serve against a local simulator holding the sample interviews': '连接到装有示例面试的本地模拟器（无需凭据）',
};
