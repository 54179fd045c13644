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
  textUpTo: (max: number): Pair => ({ en: `text of at most ${max} characters`, zh: `不超过 ${max} 个字的文本` }),
} as const;

export const GOT = {
  chars: (n: number): Pair => ({ en: `${n} characters`, zh: `${n} 个字` }),
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
  shorten: (max: number): Pair => ({ en: `shorten it to ${max} characters`, zh: `删减到 ${max} 个字以内` }),
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
  /** `column`: the file has a 面试官 column (this row's cell is blank), so the fix is the cell, not the column. */
  whichAssessment: (p: { exists: Pair; w: Pair; column: boolean }): Pair => ({
    en: `expected this row to say which assessment it changes, got no interviewer: ${p.exists.en} (${p.w.en}): ${p.column ? 'fill in its 面试官 (username)' : 'add the 面试官 (username) column'}`,
    zh: `${p.w.zh}：这一行应指明要修改哪个评价，但没有填面试官：${p.exists.zh}。${p.column ? '请在这一行填上面试官' : '请加上面试官列'}`,
  }),
  whichDimension: (p: { exists: Pair; w: Pair; column: boolean }): Pair => ({
    en: `expected this row to say which dimension it changes, got no dimension_title: ${p.exists.en} (${p.w.en}): ${p.column ? 'fill in its 评价维度 (dimension_title)' : 'add the 评价维度 (dimension_title) column'}`,
    zh: `${p.w.zh}：这一行应指明要修改哪个维度，但没有填评价维度：${p.exists.zh}。${p.column ? '请在这一行填上评价维度' : '请加上评价维度列'}`,
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
// What the report says of the rows of an interview the plan holds back (the run's words: src/run/outcome-messages.ts).

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
