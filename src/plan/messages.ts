import { optionName } from '../lang.js';
import { type Pair, shown, spaced } from '../messages.js';

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
  timeWithDate: { en: 'a date and a time of day', zh: '日期加具体时刻' },
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
  timeOfDay: (shown: string): Pair => ({
    en: `the time of day ${shown} with no date`,
    zh: `只有时刻 ${shown}，没有日期`,
  }),
  duration: (shown: string): Pair => ({
    en: `${shown}, a length of time (the cell's format [h]:mm:ss counts elapsed hours), not a moment`,
    zh: `${shown}，这是一段时长（单元格格式 [h]:mm:ss 表示经过的小时数），不是某个时刻`,
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
  pickEnum: (near: string | undefined, name: string, profile?: string): Pair => ({
    en: `${near ? `did you mean "${near}"? ` : ''}pick one of the listed values for ${name}${profile ? `, or map this word in "values" of the profile ${profile}` : ''}`,
    zh: `${near ? `是不是想填“${near}”？` : ''}请从${name}的可选值中选一个${profile ? `，或在映射方案 ${profile} 的 "values" 中为这个词指定取值` : ''}`,
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
  addDate: (shown: string): Pair => ({
    en: `type the date before the time, e.g. "2024-03-01 ${shown}"`,
    zh: `在时刻前补上日期，例如 "2024-03-01 ${shown}"`,
  }),
  durationFormat: {
    en: 'type the start date and time, and format the cell as a date and time (yyyy-mm-dd hh:mm), not [h]:mm:ss',
    zh: '填写开始的日期和时刻，并把单元格设置为日期时间格式（yyyy-mm-dd hh:mm），而不是 [h]:mm:ss',
  },
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
    en: `expected each external_id on one interview, got ${shown(p.externalId, 'en')} here and on ${p.other.en} (row ${p.otherRow}) (row ${p.row}, column ${p.column}): a legacy key names one interview; fix one of them`,
    zh: `第 ${p.row} 行「${p.column}」列：一个外部系统面试ID只能对应一场面试，${shown(p.externalId, 'zh')} 却同时出现在这里和${spaced(p.other.zh, true, false)}（第 ${p.otherRow} 行）。请改正其中一处`,
  }),
  keyInTwoApplications: (p: {
    externalId: string;
    application: string;
    otherApplication: string;
    otherRow: number;
    row: number;
    column: string;
  }): Pair => ({
    en: `expected each external_id to name one interview, got ${shown(p.externalId, 'en')} in application ${p.application} here and in application ${p.otherApplication} on row ${p.otherRow} (row ${p.row}, column ${p.column}): these are two candidates' interviews, so give them different keys, e.g. prefix each key with its application (${shown(`${p.application}-${p.externalId}`, 'en')})`,
    zh: `第 ${p.row} 行「${p.column}」列：一个外部系统面试ID只能对应一场面试，${shown(p.externalId, 'zh')} 在这里属于投递 ${p.application}，在第 ${p.otherRow} 行却属于投递 ${p.otherApplication}。这是两位候选人的面试，请给它们不同的 ID，例如在 ID 前加上投递 ID（${shown(`${p.application}-${p.externalId}`, 'zh')}）`,
  }),
  assessmentKeyTwice: (p: {
    key: string;
    user: string;
    otherUser: string;
    otherRow: number;
    row: number;
    column: string;
  }): Pair => ({
    en: `expected each assessment_external_id to name one assessment, got ${shown(p.key, 'en')} for ${shown(p.user, 'en', true)} here and for ${shown(p.otherUser, 'en', true)} on row ${p.otherRow} (row ${p.row}, column ${p.column}): give each assessment its own key`,
    zh: `第 ${p.row} 行「${p.column}」列：一个外部系统面评ID只能对应一个评价，${shown(p.key, 'zh')} 在这里是 ${shown(p.user, 'zh', true)} 的评价，在第 ${p.otherRow} 行却是 ${shown(p.otherUser, 'zh', true)} 的。请给每个评价各自的 ID`,
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
  duplicateDimension: (p: {
    title: string;
    where: Pair;
    other: string;
    many: boolean;
    row: number;
    column: string;
  }): Pair => ({
    en: `expected each dimension once in an assessment, got ${shown(p.title, 'en')} of ${p.where.en} here and on row${p.many ? 's' : ''} ${p.other} (row ${p.row}, column ${p.column}): ${p.many ? 'keep one of these rows and delete the others' : 'delete one of the two rows'}, or give them different titles`,
    zh: `第 ${p.row} 行「${p.column}」列：同一评价中每个维度只能出现一次，${spaced(p.where.zh, false, true)}的 ${shown(p.title, 'zh')} 在这里和第 ${p.other} 行都出现了。${p.many ? '请只保留其中一行、删掉其余的' : '请删掉其中一行'}，或改成不同的维度名`,
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
    en: `dimension ${shown(title, 'en')} of assessment ${n}${username ? ` (${shown(username, 'en', true)})` : ''}`,
    zh: `第 ${n} 个评价${username ? `（${shown(username, 'zh', true)}）` : ''}的维度 ${shown(title, 'zh')}`,
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
    en: `expected one assessment with external_id ${shown(p.key, 'en')}, got ${p.count} (${p.w.en}): fix the duplicate in Feishu first`,
    zh: `${p.w.zh}：外部系统面评ID ${shown(p.key, 'zh')} 应只对应一个评价，飞书中却有 ${p.count} 个。请先在飞书中处理重复的评价`,
  }),
  badNo: (p: { no: string; w: Pair }): Pair => ({
    en: `expected a whole number from 1 in assessment_no with --merge (an assessment's position: 1 for the first), got ${shown(p.no, 'en')} (${p.w.en}): number the assessments 1, 2, …, or leave the column out and name the interviewer`,
    zh: `${p.w.zh}：使用 --merge 时评价序号应为从 1 开始的整数（评价在飞书中的位置，第一个为 1），实际是 ${shown(p.no, 'zh')}。请按 1、2、…… 编号，或去掉这一列并填写面试官`,
  }),
  noSuchNo: (p: { n: number; exists: Pair; add: boolean; next: number; w: Pair }): Pair => ({
    en: `expected an assessment that exists, got no. ${p.n}, but ${p.exists.en} (${p.w.en}): use one of those numbers${p.add ? `, or ${p.next} to add one` : ', or pass --add-assessments to add it'}`,
    zh: `${p.w.zh}：没有第 ${p.n} 个评价，${p.exists.zh}。请使用已有的序号${p.add ? `，或用 ${p.next} 新增一个` : '，或加 --add-assessments 新增'}`,
  }),
  ambiguousUser: (p: { user: string; count: number; exists: Pair; w: Pair }): Pair => ({
    en: `expected one assessment by ${shown(p.user, 'en', true)}, got ${p.count}: ${p.exists.en} (${p.w.en}): add the assessment_no column (评价序号, 1 for the first) to say which`,
    zh: `${p.w.zh}：${shown(p.user, 'zh', true)} 应只有一个评价，实际有 ${p.count} 个：${p.exists.zh}。请加上评价序号列（第一个为 1）指明是哪一个`,
  }),
  noSuchUser: (p: { user: string; exists: Pair; w: Pair }): Pair => ({
    en: `expected an assessment by an interviewer of this interview, got ${shown(p.user, 'en', true)}, but ${p.exists.en} (${p.w.en}): fix the name; to rename an interviewer, add the assessment_no column with the assessment's number (1 for the first listed) and keep ${shown(p.user, 'en', true)} as the new name; or pass --add-assessments to add an assessment by ${shown(p.user, 'en', true)}`,
    zh: `${p.w.zh}：这场面试没有 ${shown(p.user, 'zh', true)} 的评价，${p.exists.zh}。请改正姓名；若要把面试官改名为 ${shown(p.user, 'zh', true)}，请加上「评价序号」列，填该评价的序号（上面列出的第一个为 1），面试官保留新名字；或加 --add-assessments 为 ${shown(p.user, 'zh', true)} 新增评价`,
  }),
  noSuchKey: (p: { key: string; keys: string; add: boolean; w: Pair }): Pair => ({
    en: `expected an assessment of this interview by its external_id, got ${JSON.stringify(p.key)}, which Feishu does not hold: its assessments have external_id ${p.keys} (${p.w.en}): correct the key, or leave it blank to name the assessment by username or assessment_no; a new key goes on an assessment named by its assessment_no (评价序号)${p.add ? '' : ', or pass --add-assessments to add an assessment with this key'}`,
    zh: `${p.w.zh}：这场面试没有外部系统面评ID为 ${JSON.stringify(p.key)} 的评价，现有评价的外部系统面评ID为 ${p.keys}。请改正 ID，或留空、改用面试官或评价序号指明评价；要给评价换新 ID，请用评价序号指明是哪一个${p.add ? '' : '；或加 --add-assessments 新增一个带此 ID 的评价'}`,
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
    en: `expected one dimension titled ${shown(p.title, 'en')}, got ${p.count}: ${p.exists.en} (${p.w.en}): fix the duplicate in Feishu first`,
    zh: `${p.w.zh}：名为 ${shown(p.title, 'zh')} 的维度应只有一个，实际有 ${p.count} 个：${p.exists.zh}。请先在飞书中处理重复的维度`,
  }),
  noSuchDimension: (p: { who: string | undefined; title: string; exists: Pair; w: Pair }): Pair => ({
    en: `expected a dimension of ${p.who ? `the assessment by ${p.who}` : 'this assessment'}, got ${shown(p.title, 'en')}, but ${p.exists.en} (${p.w.en}): fix the title, or pass --add-assessments to add it`,
    zh: `${p.w.zh}：${p.who ? `${p.who}的评价` : '这个评价'}没有名为 ${shown(p.title, 'zh')} 的维度，${p.exists.zh}。请改正维度名，或加 --add-assessments 新增`,
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
    en: `the interview with external_id ${shown(externalId, 'en')}`,
    zh: `外部系统面试ID为 ${shown(externalId, 'zh')} 的面试`,
  }),
  assessment: (which: Pair, interview: Pair): Pair => ({
    en: `assessment ${which.en} of ${interview.en}`,
    zh: `${spaced(interview.zh, false, true)}的评价${spaced(which.zh, true, false)}`,
  }),
  byExternalId: (id: string): Pair => ({
    en: `with external_id ${shown(id, 'en')}`,
    zh: `（外部系统面评ID ${shown(id, 'zh')}）`,
  }),
  byNo: (no: string): Pair => ({ en: `no. ${no}`, zh: `（序号 ${no}）` }),
  byUser: (user: string): Pair => ({ en: `of ${user}`, zh: `（面试官 ${user}）` }),
  unnamed: { en: '(no number or interviewer)', zh: '（无序号、无面试官）' },
  /** A candidate assessment a refused row could belong to. */
  candidate: (c: { key?: string; no?: string; user?: string; row: number }): Pair => ({
    en: `${c.key !== undefined ? `key ${shown(c.key, 'en')}` : c.no !== undefined ? `no. ${shown(c.no, 'en', true)}` : 'one'}${c.user ? ` by ${shown(c.user, 'en', true)}` : ''} (row ${c.row})`,
    zh: `${c.key !== undefined ? `ID ${shown(c.key, 'zh')}` : c.no !== undefined ? `序号 ${shown(c.no, 'zh', true)}` : '一个评价'}${c.user ? `（${shown(c.user, 'zh', true)}）` : ''}（第 ${c.row} 行）`,
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
  resumed: (): Pair => ({
    en: `already landed in an earlier run with the same body (${optionName('resume')})`,
    zh: `之前的运行已写入相同内容（${optionName('resume')}）`,
  }),
  leftOut: {
    en: 'left as it is: switched off in the preview',
    zh: '未导入：在预览中已关闭，保持原样',
  },
  landedEarlier: {
    en: 'landed in an earlier run of this file (its journal says so); this run stopped before it reached it',
    zh: '之前对这个文件的运行已写入（日志有记录）；本次运行在处理到它之前就停止了',
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
  newInterviewIncomplete: (p: {
    externalId: string;
    application: string;
    columns: string;
    near: string;
    row: number;
  }): Pair => ({
    en: `expected ${p.columns} on the rows of a new interview (application ${p.application} has no interview with external_id ${JSON.stringify(p.externalId)}, so this run would create one), got them blank (row ${p.row}): ${p.near ? `did you mean ${p.near}? ` : ''}correct the key if it names an interview Feishu holds, or fill in those columns to create it`,
    zh: `第 ${p.row} 行：投递 ${p.application} 下没有外部系统面试ID为 ${JSON.stringify(p.externalId)} 的面试，本次导入会新建一场，而新建的面试需要填写${p.columns}，这些列却是空的。${p.near ? `是不是 ${p.near}？` : ''}如果它指的是飞书中已有的面试，请改正 ID；否则请填上这些列再新建`,
  }),
  missingLegacy: (p: { application: string; externalId: string }): Pair => ({
    en: `not sent: application ${p.application} has no interview with external_id ${shown(p.externalId, 'en')} in Feishu; import with --create-missing to create it, or put its Feishu ID in external_interview_id`,
    zh: `未发送：飞书中投递 ${p.application} 下没有外部系统面试ID为 ${shown(p.externalId, 'zh')} 的面试。请加 --create-missing 导入以创建它，或在外部面试ID列填上它在飞书中的 ID`,
  }),
  ambiguous: (p: { externalId: string; count: number; application: string; ids: string }): Pair => ({
    en: `not sent: external_id ${shown(p.externalId, 'en')} matches ${p.count} interviews of application ${p.application} in Feishu (${p.ids}); put that interview's Feishu ID in external_interview_id, or delete the duplicate in Feishu`,
    zh: `未发送：飞书中投递 ${p.application} 下有 ${p.count} 场面试的外部系统面试ID都是 ${shown(p.externalId, 'zh')}（${p.ids}）。请在外部面试ID列填上要改的那场面试的飞书 ID，或在飞书中删掉重复的那场`,
  }),
  notSent: (reason: string): Pair => ({ en: `not sent: ${reason}`, zh: `未发送：${reason}` }),
  untold: (p: { externalId: string; application: string; ids: string }): Pair => ({
    en: `not sent: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id ${shown(p.externalId, 'en')}, and application ${p.application} holds interviews no record accounts for (${p.ids}) whose body differs from the file's: any of them may be this one, so it is neither created nor changed; put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that created it`,
    zh: `未发送：飞书的查询结果不含外部系统面试ID，之前运行的记录里也没有外部系统面试ID为 ${shown(p.externalId, 'zh')} 的面试；投递 ${p.application} 下有记录无法说明来历、内容又与文件不同的面试（${p.ids}），其中任何一场都可能就是它，所以既不创建也不修改。请在外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定创建它的那次运行所在的文件夹`,
  }),
  twins: (p: { keys: string; application: string; ids: string }): Pair => ({
    en: `not sent: Feishu's read carries no external_id, and interview ${p.ids} of application ${p.application} fits the file's interviews with external_id ${p.keys} alike (the same body, or records naming it for each): which one it is cannot be told, so neither is created nor changed; put its Feishu ID in external_interview_id on the rows of the one it is (the migration's report has it), or pass --records with the folder of the run that created it`,
    zh: `未发送：飞书的查询结果不含外部系统面试ID，投递 ${p.application} 下的面试 ${p.ids} 与文件中外部系统面试ID为 ${p.keys} 的几场面试同样相符（内容相同，或记录把它同时记在这几场名下），无法判断它是哪一场，所以这几场既不创建也不修改。请在它所属那场面试的行上，于外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定创建它的那次运行所在的文件夹`,
  }),
  recordGone: (p: { application: string; ids: string }): Pair => ({
    en: `an earlier run's records gave it Feishu ID ${p.ids}, which application ${p.application} no longer holds`,
    zh: `之前运行的记录中它的飞书 ID 是 ${p.ids}，但投递 ${p.application} 下已没有这场面试`,
  }),
  interrupted: (): Pair => ({
    en: `not sent: interrupted before it was sent; import again with ${optionName('resume')}`,
    zh: `未发送：发送前运行被中断。请加 ${optionName('resume')} 重新导入`,
  }),
  stopped: (why: string | undefined): Pair => ({
    en: `not sent: ${why ?? 'the run stopped early'}; import again with ${optionName('resume')}`,
    zh: `未发送：${why ?? '运行提前停止'}。请加 ${optionName('resume')} 重新导入`,
  }),
  stoppedBeforeRead: {
    en: 'not sent: the run stopped before its current record was read',
    zh: '未发送：读取飞书中的现有记录之前运行已停止',
  },
  verifyMissing: (externalId: string | undefined): Pair => ({
    en: `missing: Feishu holds no such interview${externalId !== undefined ? ` (external_id ${shown(externalId, 'en')})` : ''}`,
    zh: `缺失：飞书中没有这场面试${externalId !== undefined ? `（外部系统面试ID ${shown(externalId, 'zh')}）` : ''}`,
  }),
  verifyAmbiguous: (p: { externalId: string; ids: string }): Pair => ({
    en: `ambiguous: external_id ${shown(p.externalId, 'en')} matches ${p.ids}`,
    zh: `无法确定：外部系统面试ID ${shown(p.externalId, 'zh')} 对应多场面试 ${p.ids}`,
  }),
  verifyMatch: { en: 'match', zh: '一致' },
  verifyNotLocated: (p: { externalId: string; application: string; ids: string }): Pair => ({
    en: `not located: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id ${shown(p.externalId, 'en')}, and no interview of application ${p.application} holds the file's body; it may be one of ${p.ids}: put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that imported it`,
    zh: `无法定位：飞书的查询结果不含外部系统面试ID，之前运行的记录里也没有外部系统面试ID为 ${shown(p.externalId, 'zh')} 的面试，投递 ${p.application} 下也没有内容与文件相同的面试；它可能是 ${p.ids} 之一。请在外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定导入它的那次运行所在的文件夹`,
  }),
  keysUnchecked: {
    en: "external_id keys not checked: Feishu's read does not return them",
    zh: '未核对外部系统面试ID和外部系统面评ID：飞书的查询结果不返回它们',
  },
  verifyDiffers: (diff: string): Pair => ({
    en: `differs (Feishu → file): ${diff}`,
    zh: `不一致（飞书 → 文件）：${diff}`,
  }),
  wouldDelete: {
    en: 'would delete: the undone run created it and it holds what that run created',
    zh: '将删除：这是被撤销的那次运行创建的，内容与创建时相同',
  },
  wouldRestore: (diff: string): Pair => ({ en: `would restore: ${diff}`, zh: `将恢复：${diff}` }),
  alreadyGone: {
    en: 'already gone: the interview the undone run created no longer exists',
    zh: '已不存在：被撤销的那次运行创建的面试已经没有了',
  },
  alreadyBefore: {
    en: 'skipped: already as it was before the undone run',
    zh: '跳过：已经是被撤销的那次运行之前的样子',
  },
  writtenChangedSince: (p: { id: string; fields: string; dryRun: boolean }): Pair => ({
    en: `${p.dryRun ? 'would leave alone' : 'left alone'}: expected interview ${p.id} to hold what the undone run wrote, got later changes to fields that run changed too: ${p.fields} (as Feishu holds them now); nothing of it was written: correct those fields in Feishu yourself, or import a correction`,
    zh: `${p.dryRun ? '将不处理' : '未处理'}：面试 ${p.id} 中被撤销的那次运行改过的字段之后又被改过：${p.fields}（括号内是飞书中现在的值）。这场面试没有写入任何内容：请在飞书中手动改正这些字段，或导入一份更正文件`,
  }),
  createdBeforeInterrupt: {
    en: 'the run resumed had created it; its answer was lost when that run stopped',
    zh: '被续传的那次运行已创建它；那次运行中断时应答丢失',
  },
  notOwned: (dryRun: boolean): Pair => ({
    en: `${dryRun ? 'would leave alone' : 'left alone'}: the undone run read this interview but did not write it`,
    zh: `${dryRun ? '将不处理' : '未处理'}：被撤销的那次运行只读取了这场面试，没有写入`,
  }),
  notRecreated: (p: { id: string; dryRun: boolean }): Pair => ({
    en: `${p.dryRun ? 'would leave alone' : 'left alone'}: the undone run deleted interview ${p.id}; undo does not create it again: import its rows with --create-missing if it should come back`,
    zh: `${p.dryRun ? '将不处理' : '未处理'}：被撤销的那次运行删除了面试 ${p.id}；撤销不会重新创建它。如需恢复，请加 --create-missing 重新导入它的行`,
  }),
  changedSince: (p: { id: string; dryRun: boolean }): Pair => ({
    en: `${p.dryRun ? 'would leave alone' : 'left alone'}: interview ${p.id} changed after the undone run created it; delete it in Feishu yourself if it should go`,
    zh: `${p.dryRun ? '将不处理' : '未处理'}：面试 ${p.id} 在被撤销的那次运行创建之后又被改过；如确实要删除，请在飞书中手动删除`,
  }),
} as const;

/** The words of a field-level diff (would change: …): fields by their column as the file names it. */
export const DIFF = {
  assessment: (p: { n: number; username?: string }): Pair => ({
    en: `assessment ${p.n}${p.username ? ` (${p.username})` : ''}`,
    zh: `第 ${p.n} 条面评${p.username ? `（${p.username}）` : ''}`,
  }),
  dimension: (p: { of: string; title: string }): Pair => ({
    en: `${p.of} dimension ${p.title}`,
    zh: `${p.of}维度 ${p.title}`,
  }),
  added: (what: string): Pair => ({ en: `${what}: added`, zh: `${what}：新增` }),
  removed: (what: string): Pair => ({ en: `${what}: removed`, zh: `${what}：删除` }),
  none: { en: '(none)', zh: '（空）' },
};

/**
 * How a diff's parts join: punctuation and spacing only, no words (so not in the catalogue, whose
 * test wants Chinese words in every zh text): the Chinese colon, and no space before a Chinese field name.
 */
export const DIFF_JOIN = {
  field: (p: { field: string; before: string; after: string }): Pair => ({
    en: `${p.field}: ${p.before} → ${p.after}`,
    zh: `${p.field}：${p.before} → ${p.after}`,
  }),
  within: (p: { of: string; field: string }): Pair => ({
    en: `${p.of} ${p.field}`,
    zh: `${spaced(p.of, false, true)}${p.field}`,
  }),
};
