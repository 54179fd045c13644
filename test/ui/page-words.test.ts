import { describe, expect, it } from 'vitest';
import { feishuAnswer, pageWords, rowInPageWords, warningWords } from '../../src/ui/page-words.js';
import { WARNING_CODES, type Warning, type WarningCode, type WarningFacts } from '../../src/warnings.js';

/** A flag, a code like ROW_MISSING_ID, or Feishu's raw words: what the page's person cannot read. */
const DEVELOPER = /--[a-z]|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|batch_query|external_id|HTTP/;

const FLAGGED = [
  'ROW_MISSING_ID',
  'ROW_MISSING_APPLICATION_ID',
  'ROW_BAD_ASSESSMENT_NO',
  'ROW_NO_SUCH_ASSESSMENT',
  'ROW_NO_SUCH_DIMENSION',
  'ROW_NEW_INTERVIEW_INCOMPLETE',
  'RUN_NOT_FOUND',
  'RUN_WOULD_REMOVE',
  'RUN_EXTERNAL_ID_AMBIGUOUS',
  'RUN_CANNOT_TELL_APART',
  'HTTP_NETWORK',
  'HTTP_TIMEOUT',
  'HTTP_ABORTED',
  'HTTP_503',
  'HTTP_READ_FAILED',
  'INPUT_MISSING_COLUMN',
  'USAGE_BAD_OPTION',
  'AUTH_TOKEN_UNAVAILABLE',
  'AUTH_BAD_CREDENTIALS',
  '1002002',
  '1002001',
  '99991672',
];

describe("the page's words for the library's messages", () => {
  it("says each code whose CLI message names a flag, or is Feishu's raw answer, with no flag, code or English in Chinese", () => {
    for (const code of FLAGGED) {
      const words = pageWords(code, { row: 7, column: '外部面试ID' });
      expect(words, code).toBeDefined();
      expect(words!.zh, code).not.toMatch(DEVELOPER);
      expect(words!.en, code).not.toMatch(DEVELOPER);
      expect(words!.zh.replace(/外部面试ID|<clear>|Asia\/Shanghai/g, ''), code).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('keeps the place: the row and the column as the file names it', () => {
    expect(pageWords('ROW_MISSING_ID', { row: 7, column: '面试ID' })?.zh).toBe(
      '第 7 行「面试ID」列：应填这场面试在飞书中的 ID，实际为空：请填上（要新建的面试，请改填它在旧系统中的 ID）',
    );
  });

  it("says Feishu's known codes in words and an unknown one by its number, with what to do", () => {
    expect(feishuAnswer(1002002).zh).toMatch(/^飞书拒绝了这场面试的内容/);
    expect(feishuAnswer(10015)).toEqual(feishuAnswer(10014));
    expect(feishuAnswer(4242)).toEqual({
      en: 'Feishu answered with an error (code 4242): try again later; if it keeps happening, send the details below to support',
      zh: '飞书返回了错误（代码 4242）：请稍后重试；如果一直出现，请把下面的技术信息发给支持人员',
    });
    expect(pageWords('4242', { row: 3 })?.zh).toBe(
      '第 3 行：飞书返回了错误（代码 4242）：请稍后重试；如果一直出现，请把下面的技术信息发给支持人员。这一行没有写入：等飞书恢复后点「继续导入」（已写入的会跳过）',
    );
    expect(pageWords('HTTP_READ_FAILED', {}, 1002001)?.zh).toMatch(/^飞书内部出错/);
    // A refusal is not waited out: the file is to be fixed, not the import resumed.
    expect(pageWords('1002002', { row: 9 })?.zh).toBe(
      '第 9 行：飞书拒绝了这场面试的内容（有它不接受的值，或外部系统ID已被另一场面试使用）：请核对这一行的 ID 和各项内容，改正文件后重新导入。这场面试没有写入',
    );
  });

  it("names an enumeration's values in the page's language only", () => {
    const words = pageWords('ROW_BAD_ENUM', { row: 4, column: '面试结论', cell: '淘汰' });
    expect(words).toEqual({
      en: 'row 4, column 面试结论: expected one of fail, pass, pending, got "淘汰": pick one of those',
      zh: '第 4 行「面试结论」列：应为以下之一：不通过、通过、待定，实际是“淘汰”：请从中选一个',
    });
    expect(pageWords('ROW_BAD_ENUM')?.zh).toBe(
      '有单元格填了该列不接受的词：请从该列的可选值中选一个（检查结果中的行逐一列出）',
    );
    // Its column but not its cell (an import's result without its preview's rows): no empty "got".
    expect(pageWords('ROW_BAD_ENUM', { row: 4, column: 'conclusion' })).toEqual({
      en: 'row 4, column conclusion: expected one of fail, pass, pending: pick one of those',
      zh: '第 4 行「conclusion」列：应为以下之一：不通过、通过、待定：请从中选一个',
    });
    // A column the file names its own way: the library's message stands.
    expect(pageWords('ROW_BAD_ENUM', { row: 4, column: 'Result', cell: 'x' })).toBeUndefined();
  });

  it("leaves a message the library says in the user's words as it is", () => {
    expect(pageWords('ROW_BAD_TIME', { row: 2 })).toBeUndefined();
    const row = { row: 2, code: 'ROW_BAD_TIME', fault: 0, message: '第 2 行…', cells: ['x'] };
    expect(rowInPageWords(row, ['开始时间'], 'zh')).toBe(row);
    const missing = { row: 5, code: 'ROW_MISSING_ID', fault: 0, message: '… --create-missing …', cells: [''] };
    expect(rowInPageWords(missing, ['外部面试ID'], 'zh').message).toMatch(
      /^第 5 行「外部面试ID」列：应填这场面试在飞书中的 ID/,
    );
  });
});

describe("the page's words for a problem's times", () => {
  // 2025-12-03 10:00 and 09:00 in Beijing (UTC+8).
  const begin = Date.UTC(2025, 11, 3, 2);
  const end = Date.UTC(2025, 11, 3, 1);
  const shanghai = { zone: 'Asia/Shanghai', begin, end, begin_row: 3 };

  it("says an end before its begin with the zone in words, the begin's row only when it is another", () => {
    expect(pageWords('ROW_END_BEFORE_BEGIN', { row: 3, column: '结束时间', facts: shanghai })).toEqual({
      en: 'row 3, column 结束时间: expected an end_time after the begin_time 2025-12-03 10:00 Beijing time, got 2025-12-03 09:00 Beijing time: swap the two times or fix the date',
      zh: '第 3 行「结束时间」列：结束时间应晚于开始时间 2025-12-03 10:00 北京时间，实际是 2025-12-03 09:00 北京时间：请对调两个时间或改正日期',
    });
    expect(pageWords('ROW_END_BEFORE_BEGIN', { row: 4, column: 'End', facts: shanghai })).toEqual({
      en: 'row 4, column End: expected an end_time after the begin_time 2025-12-03 10:00 Beijing time (row 3), got 2025-12-03 09:00 Beijing time: swap the two times or fix the date',
      zh: '第 4 行「End」列：结束时间应晚于开始时间 2025-12-03 10:00 北京时间（第 3 行），实际是 2025-12-03 09:00 北京时间：请对调两个时间或改正日期',
    });
  });

  it('says an end before a begin Feishu holds as merged, and another zone by its name', () => {
    const merged = { zone: 'UTC', begin, end };
    expect(pageWords('ROW_END_BEFORE_BEGIN', { row: 2, column: '结束时间', facts: merged })).toEqual({
      en: 'row 2, column 结束时间: expected an end_time after the begin_time 2025-12-03 02:00 UTC, got 2025-12-03 01:00 UTC once merged with what Feishu holds: fix the time in the file',
      zh: '第 2 行「结束时间」列：与飞书中的现有记录合并后，结束时间 2025-12-03 01:00 UTC 早于开始时间 2025-12-03 02:00 UTC：请改正文件中的时间',
    });
    // An alias of China's zone is China's zone.
    expect(pageWords('ROW_END_BEFORE_BEGIN', { row: 3, facts: { ...shanghai, zone: 'PRC' } })?.zh).toBe(
      '第 3 行：结束时间应晚于开始时间 2025-12-03 10:00 北京时间，实际是 2025-12-03 09:00 北京时间：请对调两个时间或改正日期',
    );
  });

  it("says two rows' disagreeing times with the zone in words; another conflict keeps the library's words", () => {
    const facts = { zone: 'Asia/Shanghai', here: Date.UTC(2025, 11, 4, 2, 30), there: begin, other_row: 4 };
    expect(pageWords('ROW_CONFLICT', { row: 5, column: '开始时间', facts })).toEqual({
      en: 'row 5, column 开始时间: expected the same time on every row of the interview, got 2025-12-04 10:30 Beijing time here but 2025-12-03 10:00 Beijing time on row 4: make them equal, or leave this cell blank',
      zh: '第 5 行「开始时间」列：同一场面试的每一行应填相同的时间，这里是 2025-12-04 10:30 北京时间，第 4 行却是 2025-12-03 10:00 北京时间：请改成一致，或把这一格留空',
    });
    expect(pageWords('ROW_CONFLICT', { row: 5, column: '面试结论' })).toBeUndefined();
    expect(pageWords('ROW_END_BEFORE_BEGIN', { row: 3 })).toBeUndefined();
    const row = { row: 5, code: 'ROW_CONFLICT', fault: 0, message: '… (Asia/Shanghai) …', cells: ['x'], facts };
    expect(rowInPageWords(row, ['开始时间'], 'zh').message).toMatch(/^第 5 行「开始时间」列：同一场面试/);
  });
});

/** A warning of each code, as the library gives it (its message names the CLI's flags); a new code fails until it has one here. */
const SAMPLE_FACTS: { [C in WarningCode]: WarningFacts[C] } = {
  INPUT_STRAY_QUOTES: { lines: [3, 5], count: 4 },
  INPUT_OTHER_SHEETS: {
    sheets: [
      { name: '二月', hidden: false },
      { name: '旧数据', hidden: true },
    ],
  },
  INPUT_RECALC: { formulas: 12 },
  INPUT_TEXT_FORMULAS: { sheet: '面试数据', cells: ['A2', 'B2'], count: 2 },
  INPUT_UNKNOWN_COLUMNS: { columns: ['备注', '手机号'] },
  INPUT_SKIPPED_ABOVE: { rows: 2 },
  INPUT_ERASED_COLUMN: { column: 'conclusion' },
  INPUT_LONG_INTERVIEWS: { rows: [4, 9], count: 2 },
  RUN_NO_BACKUP: {},
};

const sample = (code: string): Warning =>
  ({
    code,
    message: '请用 --sheet 工作表名 单独导入 --map --merge --no-backup',
    ...SAMPLE_FACTS[code as WarningCode],
  }) as Warning;

describe("the page's words for the library's warnings", () => {
  it('says every warning code (the list from src/warnings.ts) with no flag, no code, no English in Chinese', () => {
    expect(WARNING_CODES.length).toBeGreaterThan(8);
    for (const code of WARNING_CODES) {
      expect(SAMPLE_FACTS[code], `a sample of ${code}`).toBeDefined();
      const words = warningWords(sample(code));
      for (const text of [words.zh, words.en]) {
        expect(text, code).not.toContain('--');
        expect(text, code).not.toMatch(DEVELOPER);
        expect(text, code).not.toContain(code);
      }
      expect(words.zh.length, code).toBeGreaterThan(5);
      // Cell names (A2), Excel and WPS are what the user reads in their spreadsheet.
      expect(words.zh.replace(/Excel|WPS|[A-Z]\d/g, ''), code).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('points to what the page offers instead of the flag: the sheet box, the mapping step', () => {
    expect(warningWords(sample('INPUT_OTHER_SHEETS'))).toEqual({
      en: 'sheet "二月" also holds the template\'s columns and was not read: to import it, choose it in the "Sheet" box and check it on its own; the hidden sheet "旧数据" also holds the template\'s columns and was not read: to import it, unhide it in Excel or WPS and upload the file again',
      zh: '工作表“二月”也带有模板的列，这次没有读取：要导入它，请在「工作表」框中选择它，单独检查和导入。隐藏的工作表“旧数据”也带有模板的列，没有读取：要导入它，请先在 Excel 或 WPS 中取消隐藏，再重新上传文件',
    });
    expect(warningWords(sample('INPUT_UNKNOWN_COLUMNS')).zh).toBe(
      '无法识别的列会保留在报告中，但不会导入：“备注”、“手机号”。如果其中有模板中的内容，请点「映射文件的列」为它选择对应的列',
    );
    expect(warningWords(sample('INPUT_ERASED_COLUMN')).zh).toBe(
      '文件中没有「面试结论」列：导入会清空飞书中每场面试这一项现有的内容；要保留，请在文件中补上这一列',
    );
    expect(warningWords(sample('INPUT_STRAY_QUOTES')).zh).toBe(
      '第 3、5 行（共 4 行）的单元格中间有引号（例如 12"N），已按原样读取（与 Excel 相同）：请核对这些单元格',
    );
    expect(warningWords(sample('INPUT_LONG_INTERVIEWS')).zh).toBe(
      '2 场面试时长超过一天（在第 4、9 行），会按所写内容导入：如果结束时间的日期写错了，请在表格中改正',
    );
  });
});
