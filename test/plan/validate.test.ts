import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/validate.js';
import { bodyOf, APP1, APP2, ID1, ID2, row, templateTable as table } from '../helpers.js';

describe('buildPlan', () => {
  it('makes two rows that give the same dimension of the same assessment invalid, each naming the other', () => {
    const plan = buildPlan(
      table([
        row({
          external_interview_id: ID1,
          external_application_id: APP1,
          username: '张三',
          dimension_title: '专业',
          assessment_type: '1',
          score: '80',
        }),
        row({
          external_interview_id: ID1,
          username: '李四',
          dimension_title: '专业',
          assessment_type: '1',
          score: '70',
        }),
        row({
          external_interview_id: ID1,
          username: '张三',
          dimension_title: '专业',
          assessment_type: '1',
          score: '90',
        }),
      ]),
      'Asia/Shanghai',
    );
    expect(plan.outcomes).toEqual([
      {
        status: 'invalid',
        errorCode: 'ROW_DUPLICATE_DIMENSION',
        errorColumn: 'dimension_title',
        message: `expected each dimension once in an assessment, got "专业" of assessment of 张三 of interview ${ID1} here and on row 4 (row 2, column dimension_title): delete one of the two rows, or give them different titles`,
      },
      {
        status: 'blocked',
        errorCode: 'ROW_BLOCKED',
        message: `not sent: interview ${ID1} has invalid rows 2, 4; fix them and import again (an interview's rows are sent together or not at all)`,
      },
      {
        status: 'invalid',
        errorCode: 'ROW_DUPLICATE_DIMENSION',
        errorColumn: 'dimension_title',
        message: `expected each dimension once in an assessment, got "专业" of assessment of 张三 of interview ${ID1} here and on row 2 (row 4, column dimension_title): delete one of the two rows, or give them different titles`,
      },
    ]);
  });

  it('a dimension given on four rows: its first row names the other three in one message, each of them the first', () => {
    const dimension = (score: string, application = '') =>
      row({
        external_interview_id: ID1,
        external_application_id: application,
        username: '张三',
        dimension_title: '专业',
        assessment_type: '1',
        score,
      });
    const plan = buildPlan(
      table([dimension('80', APP1), dimension('81'), dimension('82'), dimension('83')]),
      'Asia/Shanghai',
    );
    const where = `"专业" of assessment of 张三 of interview ${ID1}`;
    expect(plan.outcomes.map((o) => o.message)).toEqual([
      `expected each dimension once in an assessment, got ${where} here and on rows 3, 4, 5 (row 2, column dimension_title): keep one of these rows and delete the others, or give them different titles`,
      ...[3, 4, 5].map(
        (r) =>
          `expected each dimension once in an assessment, got ${where} here and on row 2 (row ${r}, column dimension_title): delete one of the two rows, or give them different titles`,
      ),
    ]);
  });

  it('groups scattered rows by interview and assessment, and builds the exact body', () => {
    const plan = buildPlan(
      table([
        row({
          external_interview_id: ID1,
          external_application_id: APP1,
          participate_status: '参与',
          begin_time: '2024-03-01 14:00',
          end_time: '2024-03-01 15:00',
          assessment_no: '1',
          username: '张三',
          conclusion: '通过',
          assessment_content: '很好',
          dimension_title: '专业',
          assessment_type: '打分题',
          score: '88',
        }),
        row({ external_interview_id: ID2, external_application_id: APP2, participate_status: '3' }),
        row({
          external_interview_id: ID1,
          assessment_no: '2',
          username: '李四',
          conclusion: 'pending',
          dimension_title: '亮点',
          assessment_type: 'multi_choice',
          options: 'a|b',
        }),
        row({
          external_interview_id: ID1,
          assessment_no: '1',
          dimension_title: '沟通',
          assessment_type: '2',
          option: '良好',
          dimension_description: '表达',
        }),
      ]),
      'Asia/Shanghai',
    );
    expect(plan.usedZone).toBe(true);
    expect(plan.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    // The body is a getter on the interview's class (built on first use): objectContaining reads it.
    expect(plan.interviews).toEqual([
      expect.objectContaining({
        kind: 'replace',
        id: ID1,
        rows: [0, 2, 3],
        body: {
          external_application_id: APP1,
          participate_status: 2,
          begin_time: Date.UTC(2024, 2, 1, 6),
          end_time: Date.UTC(2024, 2, 1, 7),
          interview_assessments: [
            {
              username: '张三',
              conclusion: 2,
              content: '很好',
              assessment_dimension_list: [
                { score: 88, assessment_type: 1, title: '专业' },
                { option: '良好', assessment_type: 2, title: '沟通', description: '表达' },
              ],
            },
            {
              username: '李四',
              conclusion: 3,
              assessment_dimension_list: [{ options: ['a', 'b'], assessment_type: 4, title: '亮点' }],
            },
          ],
        },
      }),
      expect.objectContaining({
        kind: 'replace',
        id: ID2,
        rows: [1],
        body: { external_application_id: APP2, participate_status: 3 },
      }),
    ]);
    expect(JSON.stringify(bodyOf(plan.interviews[1]!))).toBe(
      `{"external_application_id":"${APP2}","participate_status":3}`,
    );
  });

  it('groups assessments by username when assessment_no is blank', () => {
    const plan = buildPlan(
      table([
        row({
          external_interview_id: ID1,
          external_application_id: APP1,
          username: 'A',
          dimension_title: 't1',
          assessment_type: '3',
          dimension_content: 'x',
        }),
        row({
          external_interview_id: ID1,
          username: 'B',
          dimension_title: 't2',
          assessment_type: '3',
          dimension_content: 'y',
        }),
        row({
          external_interview_id: ID1,
          username: 'A',
          dimension_title: 't3',
          assessment_type: '3',
          dimension_content: 'z',
        }),
      ]),
      'UTC',
    );
    expect(bodyOf(plan.interviews[0]!)!.interview_assessments).toEqual([
      {
        username: 'A',
        assessment_dimension_list: [
          { content: 'x', assessment_type: 3, title: 't1' },
          { content: 'z', assessment_type: 3, title: 't3' },
        ],
      },
      { username: 'B', assessment_dimension_list: [{ content: 'y', assessment_type: 3, title: 't2' }] },
    ]);
  });

  it('marks a disagreeing row invalid, naming the other row, and blocks the rest of the interview', () => {
    const plan = buildPlan(
      table([
        row({ external_interview_id: ID1, external_application_id: APP1, participate_status: '2' }),
        row({ external_interview_id: ID1, participate_status: '1' }),
        row({ external_interview_id: ID1, username: 'A', conclusion: 'pass' }),
      ]),
      'UTC',
    );
    expect(plan.outcomes).toEqual([
      {
        status: 'blocked',
        errorCode: 'ROW_BLOCKED',
        message: `not sent: interview ${ID1} has invalid row 3; fix it and import again (an interview's rows are sent together or not at all)`,
      },
      {
        status: 'invalid',
        errorCode: 'ROW_CONFLICT',
        errorColumn: 'participate_status',
        message: `expected the same participate_status on every row of interview ${ID1}, got not_participated here but participated on row 2 (row 3, column participate_status): make them equal, or leave this cell blank`,
      },
      {
        status: 'blocked',
        errorCode: 'ROW_BLOCKED',
        message: `not sent: interview ${ID1} has invalid row 3; fix it and import again (an interview's rows are sent together or not at all)`,
      },
    ]);
    expect(plan.interviews).toEqual([{ kind: 'invalid', id: ID1, rows: [0, 1, 2] }]);
  });

  it('reports an ID destroyed by Excel with the fix', () => {
    const plan = buildPlan(
      table([row({ external_interview_id: '7.00000000000000E+18', external_application_id: APP1 })]),
      'UTC',
    );
    expect(plan.outcomes[0]).toEqual({
      status: 'invalid',
      errorCode: 'ROW_ID_AS_NUMBER',
      errorColumn: 'external_interview_id',
      message:
        'expected a 19-digit ID as text, got 7.00000000000000E+18 (row 2, column external_interview_id): format the column as Text and paste the IDs again',
    });
  });

  it('requires the application id, the value a dimension type needs, and an end after the begin', () => {
    const plan = buildPlan(
      table([
        row({ external_interview_id: ID1, username: 'A' }),
        row({
          external_interview_id: ID2,
          external_application_id: APP2,
          begin_time: '1709301600000',
          dimension_title: 't',
          assessment_type: '打分题',
        }),
        row({ external_interview_id: ID2, end_time: '1709290000000', dimension_title: 'u', option: 'x' }),
      ]),
      'UTC',
    );
    expect(plan.outcomes.map((o) => [o.status, o.errorCode])).toEqual([
      ['invalid', 'ROW_MISSING_APPLICATION_ID'],
      ['invalid', 'ROW_DIMENSION_INCOMPLETE'],
      ['invalid', 'ROW_MISSING_ASSESSMENT_TYPE'],
    ]);
    expect(plan.outcomes[1]!.message).toBe(
      'expected a value in score, got a blank cell (row 3, column score): a dimension of type 打分题 (score) needs a score',
    );
    expect(plan.outcomes[2]!.message).toContain('(row 4, column end_time): swap the two times or fix the date');
    // Its times as facts, for a front end with words of its own: the begin's row, the zone they were read in.
    const late = plan.outcomes[2]!.problems?.find((p) => p.code === 'ROW_END_BEFORE_BEGIN');
    expect(late?.facts).toEqual({ zone: 'UTC', begin: 1709301600000, end: 1709290000000, begin_row: 3 });
  });

  it("gives an end before the begin's times as the outcome's facts, its message as it was", () => {
    const plan = buildPlan(
      table([
        row({
          external_interview_id: ID1,
          external_application_id: APP1,
          begin_time: '2024-03-01 16:00',
          end_time: '2024-03-01 15:00',
        }),
      ]),
      'Asia/Shanghai',
    );
    expect(plan.outcomes).toEqual([
      {
        status: 'invalid',
        errorCode: 'ROW_END_BEFORE_BEGIN',
        errorColumn: 'end_time',
        errorFacts: {
          zone: 'Asia/Shanghai',
          begin: Date.UTC(2024, 2, 1, 8),
          end: Date.UTC(2024, 2, 1, 7),
          begin_row: 2,
        },
        message:
          'expected an end_time after the begin_time 2024-03-01 16:00 (Asia/Shanghai) (row 2), got 2024-03-01 15:00 (Asia/Shanghai) (row 2, column end_time): swap the two times or fix the date',
      },
    ]);
  });

  it('says --merge where an interview named by its Feishu ID lacks its application, and not for a legacy key', () => {
    const plan = buildPlan(
      table([row({ external_interview_id: ID1, participate_status: '3' }), row({ external_id: 'ATS-1' })]),
      'UTC',
    );
    expect(plan.outcomes.map((o) => [o.errorCode, o.message])).toEqual([
      [
        'ROW_MISSING_APPLICATION_ID',
        `expected an external_application_id on at least one row of interview ${ID1}, got none (row 2, column external_application_id): fill it in on this row; or, if this is a correction file that changes only what it names, import it with --merge`,
      ],
      [
        'ROW_MISSING_APPLICATION_ID',
        expect.stringMatching(/\(row 3, column external_application_id\): fill it in on this row$/),
      ],
    ]);
  });

  it('adds no assessment for a row with only interview fields', () => {
    const plan = buildPlan(table([row({ external_interview_id: ID1, external_application_id: APP1 })]), 'UTC');
    expect(bodyOf(plan.interviews[0]!)).toEqual({ external_application_id: APP1 });
  });

  it("holds back the interview above a row whose ID was left blank: it may be that interview's row", () => {
    const plan = buildPlan(
      table([
        row({ username: 'lonely' }),
        row({ external_interview_id: ID1, external_application_id: APP1, username: 'A' }),
        row({ username: 'B', dimension_title: 't', assessment_type: '3', dimension_content: 'x' }),
        row({ external_interview_id: ID2, external_application_id: APP1 }),
      ]),
      'UTC',
    );
    expect(plan.outcomes.map((o) => o.status)).toEqual(['invalid', 'blocked', 'invalid', 'ok']);
    expect(plan.outcomes[1]!.message).toBe(
      `not sent: row 4 has no usable interview ID and may belong to interview ${ID1}; fix it and import again (an interview's rows are sent together or not at all)`,
    );
    expect(plan.interviews.map((p) => [p.id, bodyOf(p) !== undefined])).toEqual([
      [ID1, false],
      [ID2, true],
    ]);
  });

  it('holds back every interview whose ID an Excel-mangled ID could have been', () => {
    const near = '7000000000000004999';
    const far = '7000000000000100000';
    const plan = buildPlan(
      table([
        row({ external_interview_id: ID1, external_application_id: APP1 }),
        row({ external_interview_id: near, external_application_id: APP1 }),
        row({ external_interview_id: far, external_application_id: APP1 }),
        row({ external_interview_id: '7.00000000000000E+18', username: 'A' }),
      ]),
      'UTC',
    );
    expect(plan.outcomes.map((o) => o.status)).toEqual(['blocked', 'blocked', 'ok', 'invalid']);
    expect(plan.outcomes[0]!.message).toBe(
      `not sent: row 5 has no usable interview ID and may belong to interview ${ID1}; fix it and import again (an interview's rows are sent together or not at all)`,
    );
  });

  it('refuses extra cells beyond the headers (an unquoted comma)', () => {
    const plan = buildPlan(
      table([[...row({ external_interview_id: ID1, external_application_id: APP1 }), 'spill']]),
      'UTC',
    );
    expect(plan.outcomes[0]).toMatchObject({ status: 'invalid', errorCode: 'ROW_EXTRA_CELLS' });
  });
});
