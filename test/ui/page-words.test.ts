import { describe, expect, it } from 'vitest';
import { feishuAnswer, pageWords, rowInPageWords } from '../../src/ui/page-words.js';

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
