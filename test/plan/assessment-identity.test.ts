import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/validate.js';

import { APP1, APP2, ID1, bodyOf, row, templateTable } from '../helpers.js';

const dim = (title: string, score: string) => ({ dimension_title: title, assessment_type: '1', score });
const plan = (rows: string[][]) => buildPlan(templateTable(rows), 'UTC');

describe('one identity rule for assessments', () => {
  it('keeps continuation rows that repeat only the key in their assessment, whatever they leave blank', () => {
    const p = plan([
      row({
        external_id: 'ATS-1',
        external_application_id: APP1,
        assessment_external_id: 'A1',
        username: '张伟',
        conclusion: '2',
        ...dim('专业', '80'),
      }),
      row({ external_id: 'ATS-1', assessment_external_id: 'A2', username: '李娜', ...dim('专业', '70') }),
      row({ external_id: 'ATS-1', assessment_external_id: 'A1', ...dim('沟通', '75') }),
      row({ external_id: 'ATS-1', assessment_external_id: 'A2', ...dim('沟通', '60') }),
    ]);
    expect(p.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(JSON.stringify(bodyOf(p.interviews[0]!))).toBe(
      JSON.stringify({
        external_id: 'ATS-1',
        external_application_id: APP1,
        interview_assessments: [
          {
            external_id: 'A1',
            username: '张伟',
            conclusion: 2,
            assessment_dimension_list: [
              { score: 80, assessment_type: 1, title: '专业' },
              { score: 75, assessment_type: 1, title: '沟通' },
            ],
          },
          {
            external_id: 'A2',
            username: '李娜',
            assessment_dimension_list: [
              { score: 70, assessment_type: 1, title: '专业' },
              { score: 60, assessment_type: 1, title: '沟通' },
            ],
          },
        ],
      }),
    );
  });

  it('lets one interviewer write two assessments told apart by keys, or by numbers', () => {
    const byKey = plan([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        assessment_external_id: 'A1',
        username: '张伟',
        ...dim('一面', '80'),
      }),
      row({ external_interview_id: ID1, assessment_external_id: 'A2', username: '张伟', ...dim('一面', '90') }),
    ]);
    expect(byKey.outcomes.map((o) => o.status)).toEqual(['ok', 'ok']);
    expect(bodyOf(byKey.interviews[0]!)!.interview_assessments!.map((a) => [a.external_id, a.username])).toEqual([
      ['A1', '张伟'],
      ['A2', '张伟'],
    ]);
    const byNo = plan([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        assessment_no: '1',
        username: '张伟',
        ...dim('一面', '80'),
      }),
      row({ external_interview_id: ID1, assessment_no: '2', username: '张伟', ...dim('一面', '90') }),
    ]);
    expect(byNo.outcomes.map((o) => o.status)).toEqual(['ok', 'ok']);
    expect(bodyOf(byNo.interviews[0]!)!.interview_assessments).toHaveLength(2);
  });

  it('places a row named by its interviewer alone in that interviewer’s keyed assessment', () => {
    const p = plan([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        assessment_external_id: 'A1',
        username: '张伟',
        ...dim('专业', '80'),
      }),
      row({ external_interview_id: ID1, username: '张伟', ...dim('沟通', '70') }),
      row({ external_interview_id: ID1, assessment_external_id: 'A2', username: '李娜', ...dim('专业', '60') }),
    ]);
    expect(p.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok']);
    expect(
      bodyOf(p.interviews[0]!)!.interview_assessments!.map((a) => [a.external_id, a.assessment_dimension_list!.length]),
    ).toEqual([
      ['A1', 2],
      ['A2', 1],
    ]);
  });

  it('refuses a row that could belong to two assessments, naming both, and sends nothing of its interview', () => {
    const p = plan([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        assessment_external_id: 'A1',
        username: '张伟',
        ...dim('一面', '80'),
      }),
      row({ external_interview_id: ID1, assessment_external_id: 'A2', username: '张伟', ...dim('一面', '90') }),
      row({ external_interview_id: ID1, username: '张伟', ...dim('沟通', '70') }),
    ]);
    expect(p.outcomes.map((o) => o.status)).toEqual(['blocked', 'blocked', 'invalid']);
    expect(p.outcomes[2]).toMatchObject({ errorCode: 'ROW_WHICH_ASSESSMENT', errorColumn: 'username' });
    expect(p.outcomes[2]!.message).toBe(
      'expected this row to say which assessment of interview 7000000000000000001 it belongs to, got a row that could belong to any of: key "A1" by 张伟 (row 2), key "A2" by 张伟 (row 3) (row 4, column username): fill in its assessment_external_id as on the rows of its assessment',
    );
    expect(p.interviews[0]!.kind).toBe('invalid');
  });

  it('refuses a row with neither key nor interviewer where the interview has two assessments', () => {
    const p = plan([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        assessment_external_id: 'A1',
        username: '张伟',
        ...dim('一面', '80'),
      }),
      row({ external_interview_id: ID1, assessment_external_id: 'A2', username: '李娜', ...dim('一面', '90') }),
      row({ external_interview_id: ID1, ...dim('沟通', '70') }),
    ]);
    expect(p.outcomes[2]).toMatchObject({ status: 'invalid', errorCode: 'ROW_WHICH_ASSESSMENT' });
  });

  it('puts a row with neither key nor interviewer in the interview’s only assessment', () => {
    const p = plan([
      row({ external_interview_id: ID1, external_application_id: APP1, username: '张伟', ...dim('一面', '80') }),
      row({ external_interview_id: ID1, ...dim('沟通', '70') }),
    ]);
    expect(p.outcomes.map((o) => o.status)).toEqual(['ok', 'ok']);
    expect(bodyOf(p.interviews[0]!)!.interview_assessments).toEqual([
      {
        username: '张伟',
        assessment_dimension_list: [
          { score: 80, assessment_type: 1, title: '一面' },
          { score: 70, assessment_type: 1, title: '沟通' },
        ],
      },
    ]);
  });

  it('refuses one key given to two interviewers, on both rows', () => {
    const p = plan([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        assessment_external_id: 'A1',
        username: '张伟',
        ...dim('一面', '80'),
      }),
      row({ external_interview_id: ID1, assessment_external_id: 'A1', username: '李娜', ...dim('二面', '90') }),
    ]);
    expect(p.outcomes.map((o) => [o.status, o.errorCode])).toEqual([
      ['invalid', 'ROW_ASSESSMENT_KEY_TWICE'],
      ['invalid', 'ROW_ASSESSMENT_KEY_TWICE'],
    ]);
    expect(p.outcomes[1]!.message).toBe(
      'expected each assessment_external_id to name one assessment, got "A1" for 李娜 here and for 张伟 on row 2 (row 3, column assessment_external_id): give each assessment its own key',
    );
  });

  it('refuses one legacy key in two applications on both rows, with a hint that keeps them apart', () => {
    const p = plan([
      row({ external_id: 'ATS-9', external_application_id: APP1, username: '张伟', ...dim('一面', '80') }),
      row({ external_id: 'ATS-9', external_application_id: APP2, username: '李娜', ...dim('一面', '90') }),
    ]);
    expect(p.outcomes.map((o) => [o.status, o.errorCode])).toEqual([
      ['invalid', 'ROW_EXTERNAL_ID_TWICE'],
      ['invalid', 'ROW_EXTERNAL_ID_TWICE'],
    ]);
    expect(p.outcomes[1]!.message).toBe(
      `expected each external_id to name one interview, got "ATS-9" in application ${APP2} here and in application ${APP1} on row 2 (row 3, column external_id): these are two candidates' interviews, so give them different keys, e.g. prefix each key with its application ("${APP2}-ATS-9")`,
    );
    expect(p.outcomes[0]!.message).toContain(`"ATS-9" in application ${APP1} here and in application ${APP2} on row 3`);
  });

  it('finds a dimension given twice once continuation rows join their assessment', () => {
    const p = plan([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        assessment_external_id: 'A1',
        username: '张伟',
        ...dim('一面', '80'),
      }),
      row({ external_interview_id: ID1, username: '张伟', ...dim('一面', '81') }),
    ]);
    expect(p.outcomes.map((o) => o.errorCode)).toEqual(['ROW_DUPLICATE_DIMENSION', 'ROW_DUPLICATE_DIMENSION']);
  });
});

describe('legacy keys are text', () => {
  const numberCell = (value: number, raw?: string) => ({ kind: 'number' as const, value, ...(raw ? { raw } : {}) });
  it('refuses a key Excel rounded, and reads a small whole number as its digits', () => {
    const table = templateTable([
      row({ external_application_id: APP1, username: '张伟', ...dim('一面', '80') }),
      row({ external_application_id: APP1, username: '张伟', ...dim('一面', '80') }),
      row({ external_application_id: APP1, username: '张伟', ...dim('一面', '80') }),
    ]);
    const at = table.headers.indexOf('external_id');
    const assessmentAt = table.headers.indexOf('assessment_external_id');
    const cells = table.rows.map((r) => r.cells as unknown[]);
    cells[0]![at] = numberCell(1234567890123456800, '1.2345678901234568E+18');
    cells[1]![at] = numberCell(1234567890123456800);
    cells[2]![at] = numberCell(20190001);
    cells[2]![assessmentAt] = numberCell(7);
    const p = buildPlan(table, 'UTC');
    expect(p.outcomes.map((o) => [o.status, o.errorCode, o.errorColumn])).toEqual([
      ['invalid', 'ROW_ID_AS_NUMBER', 'external_id'],
      ['invalid', 'ROW_ID_AS_NUMBER', 'external_id'],
      ['ok', undefined, undefined],
    ]);
    expect(p.outcomes[0]!.message).toBe(
      'expected a legacy key as text, got 1.2345678901234568E+18 stored as a number (row 2, column external_id): format the column as Text and paste the keys again from the old system (a number this long was rounded, so two keys could become one)',
    );
    expect(bodyOf(p.interviews[0]!)).toMatchObject({ external_id: '20190001' });
    expect(bodyOf(p.interviews[0]!)!.interview_assessments![0]!.external_id).toBe('7');
  });

  it('refuses a key typed in E-notation', () => {
    const p = plan([
      row({ external_id: '1.23457E+18', external_application_id: APP1, username: '张伟', ...dim('一面', '80') }),
    ]);
    expect(p.outcomes[0]).toMatchObject({
      status: 'invalid',
      errorCode: 'ROW_ID_AS_NUMBER',
      errorColumn: 'external_id',
    });
  });
});
