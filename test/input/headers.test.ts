import { describe, expect, it } from 'vitest';
import { checkHeaders, headerError, mappingLookup, normaliseHeader } from '../../src/input/headers.js';

const none = mappingLookup(undefined);

describe('headers', () => {
  it('matches canonical and Chinese names ignoring case, spaces and full-width forms', () => {
    expect(normaliseHeader('  External_Interview_ID ')).toBe('external_interview_id');
    expect(normaliseHeader('外部面试ＩＤ')).toBe(normaliseHeader('外部面试ID'));
    const check = checkHeaders(['外部投递ＩＤ', ' EXTERNAL_INTERVIEW_ID', '分数', 'Legacy note'], none);
    expect(check.ok).toBe(true);
    expect(check.resolved).toEqual({
      index: { external_application_id: 0, external_interview_id: 1, score: 2 },
      unknown: ['Legacy note'],
      reportColumns: [],
      isReport: false,
    });
  });

  it('applies --map before the built-in names', () => {
    const map = mappingLookup({ 'Interview Ref': 'external_interview_id', 'App Ref': '外部投递ID' });
    expect(checkHeaders(['Interview Ref', 'App Ref'], map).resolved?.index).toEqual({
      external_interview_id: 0,
      external_application_id: 1,
    });
  });

  it('refuses a mapping onto a column that does not exist', () => {
    expect(() => mappingLookup({ X: 'nope' })).toThrow(expect.objectContaining({ code: 'USAGE_BAD_MAPPING' }));
  });

  it('recognises a report read back by its leading columns, exactly ours, and ignores them', () => {
    const ours = ['row', 'status', 'error_code', 'message', 'http_status', 'log_id', 'attempts'];
    const check = checkHeaders([...ours, 'external_interview_id', 'external_application_id'], none);
    expect(check.resolved).toMatchObject({ reportColumns: [0, 1, 2, 3, 4, 5, 6], isReport: true, unknown: [] });
    const theirs = checkHeaders(['status', 'message', 'external_interview_id', 'external_application_id'], none);
    expect(theirs.resolved).toMatchObject({ reportColumns: [], isReport: false, unknown: ['status', 'message'] });
  });

  it("recognises the Chinese .xlsx report's titles as a report's, and 状态 alone as the user's own column", () => {
    const ours = ['行号', '状态', '错误代码', '出错的列', '说明', 'HTTP 状态码', '日志 ID', '尝试次数'];
    const check = checkHeaders([...ours, '外部面试ID', '外部投递ID'], none);
    expect(check.resolved).toMatchObject({ reportColumns: [0, 1, 2, 3, 4, 5, 6, 7], isReport: true, unknown: [] });
    // Case, spaces and full-width forms are forgiven, as for any header.
    const typed = checkHeaders(
      [...ours.slice(0, 5), 'http 状态码', '日志 ＩＤ', ...ours.slice(7), '外部面试ID', '外部投递ID'],
      none,
    );
    expect(typed.resolved?.isReport).toBe(true);
    const theirs = checkHeaders(['外部面试ID', '外部投递ID', '状态', '说明'], none);
    expect(theirs.resolved).toMatchObject({ reportColumns: [], isReport: false, unknown: ['状态', '说明'] });
  });

  it('names the missing columns, the headers found and the names expected', () => {
    const headers = ['面试官', '分数'];
    const check = checkHeaders(headers, none);
    expect(check.missing).toEqual(['external_interview_id', 'external_application_id']);
    const error = headerError(check, headers, { file: 'in.csv', row: 1 });
    expect(error.code).toBe('INPUT_MISSING_COLUMN');
    expect(error.message).toContain(
      'expected the columns external_interview_id and external_application_id in in.csv (header row 1), got headers: "面试官", "分数".',
    );
    expect(error.message).toContain('external_interview_id (外部面试ID), external_application_id (外部投递ID)');
  });

  it('refuses a duplicated column, naming both headers', () => {
    const headers = ['external_interview_id', '外部面试ID', 'external_application_id'];
    const check = checkHeaders(headers, none);
    expect(check.ok).toBe(false);
    expect(headerError(check, headers, { file: 'in.csv', row: 1 }).message).toContain(
      'external_interview_id appears as "external_interview_id" and "外部面试ID"',
    );
  });
});
