import { describe, expect, it } from 'vitest';
import { speaking } from '../../src/lang.js';
import { Grouping } from '../../src/plan/group.js';
import { type RowFields, type RowValues, newRowFields } from '../../src/plan/row-fields.js';
import { APP1, ID1, ID2 } from '../helpers.js';
import { ASSESSMENT_VALUES, type AssessmentRowValues, INTERVIEW_VALUES } from '../../src/schema.js';

/** A row's interview values by column, as readRowFields holds them: in `INTERVIEW_VALUES` order. */
const interview = (by: RowValues): RowFields['values'] => INTERVIEW_VALUES.map((f) => by[f.column]);
/** A row's assessment values by column, as readRowFields holds them: in `ASSESSMENT_VALUES` order. */
const assessment = (by: AssessmentRowValues): RowFields['assessmentValues'] =>
  ASSESSMENT_VALUES.map((f) => by[f.column]);

/** A row's parsed fields, as readRowFields leaves them. */
function fields(values: Partial<RowFields>): RowFields {
  return { ...newRowFields(), ...values, problems: [] };
}

describe('Grouping', () => {
  it('gathers scattered rows by interview and assessment, keeping first appearance and file order', () => {
    const groups = new Grouping(6);
    const rows = [
      fields({
        interviewId: ID1,
        applicationId: APP1,
        values: interview({ begin_time: 1709272800000 }),
        assessmentNo: '1',
        username: '张三',
        dimension: { score: 80, assessment_type: 1, title: 'a' },
      }),
      fields({ interviewId: ID2, applicationId: APP1, values: interview({ participate_status: null }) }),
      fields({
        interviewId: ID1,
        username: '1',
        assessmentValues: assessment({ conclusion: 2 }),
        dimension: { option: 'x', assessment_type: 2, title: 'b' },
      }),
      fields({}), // no usable interview id
      fields({ interviewId: ID1, assessmentNo: '1', dimension: { content: 'c', assessment_type: 3, title: 'c' } }),
      fields({ interviewId: ID2 }),
    ];
    rows.forEach((f, i) => {
      groups.add(i, f, i + 2);
    });
    expect(rows.map((f) => f.problems)).toEqual([[], [], [], [], [], []]);
    expect(groups.ids).toEqual([ID1, ID2]);
    expect([groups.rowsOf(0), groups.rowsOf(1)]).toEqual([
      [0, 2, 4],
      [1, 5],
    ]);
    expect([0, 1, 2, 3, 4, 5].map((i) => groups.groupOfRow(i))).toEqual([0, 1, 0, -1, 0, 1]);
    // Assessment no. 1 and the interviewer named "1" are two assessments.
    expect(JSON.stringify(groups.bodyOf(0))).toBe(
      JSON.stringify({
        external_application_id: APP1,
        begin_time: 1709272800000,
        interview_assessments: [
          {
            username: '张三',
            assessment_dimension_list: [
              { score: 80, assessment_type: 1, title: 'a' },
              { content: 'c', assessment_type: 3, title: 'c' },
            ],
          },
          {
            username: '1',
            conclusion: 2,
            assessment_dimension_list: [{ option: 'x', assessment_type: 2, title: 'b' }],
          },
        ],
      }),
    );
    expect(groups.patchOf(1, true)).toEqual({
      set: { external_application_id: APP1 },
      clear: ['participate_status'],
      assessments: [],
    });
  });

  it('keeps the value seen first and puts a conflict on the row that disagrees, naming the other row', () => {
    const groups = new Grouping(3);
    const first = fields({
      interviewId: ID1,
      values: interview({ end_time: 1709276400000 }),
      username: '张三',
      assessmentValues: assessment({ conclusion: 2 }),
    });
    const second = fields({
      interviewId: ID1,
      values: interview({ end_time: 1709280000000 }),
      username: '张三',
      assessmentValues: assessment({ conclusion: 1 }),
    });
    const third = fields({
      interviewId: ID1,
      values: interview({ end_time: 1709276400000 }),
      username: '张三',
      assessmentValues: assessment({ conclusion: 2 }),
    });
    [first, second, third].forEach((f, i) => {
      groups.add(i, f, i + 10);
    });
    expect(first.problems).toEqual([]);
    expect(third.problems).toEqual([]);
    expect(second.problems.map((p) => p.message)).toEqual([
      'expected the same end_time on every row of interview 7000000000000000001, got 2024-03-01 08:00 (UTC) here but 2024-03-01 07:00 (UTC) on row 10 (row 11, column end_time): make them equal, or leave this cell blank',
      'expected the same conclusion on every row of assessment of 张三 of interview 7000000000000000001, got fail here but pass on row 10 (row 11, column conclusion): make them equal, or leave this cell blank',
    ]);
    expect(groups.interviewValues.end_time.values[0]).toBe(1709276400000);
    // The two times are facts as well (a front end says them in its own words); a conclusion has none.
    expect(second.problems.map((p) => p.facts)).toEqual([
      { zone: 'UTC', here: 1709280000000, there: 1709276400000, other_row: 10 },
      undefined,
    ]);
  });

  it('marks an assessment whose 面试官 is <clear> for removal: left out of a whole body, `remove` in the patch', () => {
    const groups = new Grouping(2);
    groups.add(
      0,
      fields({
        interviewId: ID1,
        applicationId: APP1,
        assessmentNo: '1',
        username: '张三',
        assessmentValues: assessment({ conclusion: 2 }),
      }),
      2,
    );
    groups.add(1, fields({ interviewId: ID1, assessmentNo: '2', removeAssessment: true }), 3);
    expect(groups.bodyOf(0)).toEqual({
      external_application_id: APP1,
      interview_assessments: [{ username: '张三', conclusion: 2 }],
    });
    expect(groups.patchOf(0, true).assessments).toEqual([
      { at: { index: 0, row: 2 }, dimensions: [], username: '张三', conclusion: 2, no: '1' },
      { at: { index: 1, row: 3 }, dimensions: [], no: '2', remove: true },
    ]);
  });

  it('names conflicting codes by the words the file takes, in a Chinese run: 这里是 不通过，第 10 行却是 通过', () => {
    const second = fields({
      interviewId: ID1,
      values: interview({ participate_status: 3 }),
      username: '张三',
      assessmentValues: assessment({ conclusion: 1 }),
    });
    speaking({ lang: 'zh' }, () => {
      const groups = new Grouping(2);
      groups.add(
        0,
        fields({
          interviewId: ID1,
          values: interview({ participate_status: 2 }),
          username: '张三',
          assessmentValues: assessment({ conclusion: 2 }),
        }),
        10,
      );
      groups.add(1, second, 11);
    });
    expect(second.problems.map((p) => p.message)).toEqual([
      '第 11 行「参与状态」列：面试 7000000000000000001 的每一行应填相同的值，这里是 爽约，第 10 行却是 参与。请改成一致，或把这一格留空',
      '第 11 行「面试结论」列：面试 7000000000000000001 的评价（面试官 张三）的每一行应填相同的值，这里是 不通过，第 10 行却是 通过。请改成一致，或把这一格留空',
    ]);
  });
});
