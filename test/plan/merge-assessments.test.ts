import { describe, expect, it } from 'vitest';
import { checkMergedBody } from '../../src/plan/check-body.js';
import { mergeAssessments } from '../../src/plan/merge-assessments.js';
import type { AssessmentBody } from '../../src/feishu/body.js';
import type { AssessmentPatch } from '../../src/plan/types.js';

const at = { index: 0, row: 2 };
const current: AssessmentBody[] = [
  {
    username: '黄敏',
    conclusion: 2,
    assessment_dimension_list: [
      { score: 74, assessment_type: 1, title: '专业能力' },
      { option: '良好', assessment_type: 2, title: '沟通表达' },
    ],
  },
  {
    username: '赵磊',
    conclusion: 3,
    content: '符合预期',
    assessment_dimension_list: [{ score: 87, assessment_type: 1, title: '专业能力' }],
  },
];
const keep = { replace: false, add: false };
const patch = (p: Partial<AssessmentPatch>): AssessmentPatch => ({ at, dimensions: [], ...p });
const merged = (patches: AssessmentPatch[], rules = keep) => mergeAssessments(current, patches, rules);

describe('mergeAssessments', () => {
  it('changes only the named field of the assessment named by interviewer or number, and leaves the current list untouched', () => {
    const result = merged([
      patch({ username: '赵磊', conclusion: 1 }),
      patch({ no: '1', dimensions: [{ at, title: '沟通表达', set: { option: '优秀' } }] }),
    ]);
    expect(result).toEqual({
      kind: 'merged',
      assessments: [
        {
          ...current[0],
          assessment_dimension_list: [
            current[0]!.assessment_dimension_list![0],
            { option: '优秀', assessment_type: 2, title: '沟通表达' },
          ],
        },
        { ...current[1], conclusion: 1 },
      ],
    });
    expect(current[1]!.conclusion).toBe(3);
  });

  it('renames by number: 评价序号 decides the assessment, 面试官 is its new interviewer', () => {
    const result = merged([patch({ no: '1', username: '黄敏敏' })]);
    expect(result).toEqual({ kind: 'merged', assessments: [{ ...current[0], username: '黄敏敏' }, current[1]] });
  });

  it('renames by number while a later row still names the assessment by the interviewer Feishu holds', () => {
    // The renamed row first, then a row of the same assessment under its old name (the name fixed on one row only).
    const result = merged([
      patch({ no: '1', username: '黄敏敏', conclusion: 1 }),
      patch({ username: '黄敏', dimensions: [{ at: { index: 1, row: 3 }, title: '专业能力', set: { score: 80 } }] }),
    ]);
    expect(result).toEqual({
      kind: 'merged',
      assessments: [
        {
          ...current[0],
          username: '黄敏敏',
          conclusion: 1,
          assessment_dimension_list: [
            { score: 80, assessment_type: 1, title: '专业能力' },
            current[0]!.assessment_dimension_list![1],
          ],
        },
        current[1],
      ],
    });
    // The new name is not an assessment Feishu holds: a row by it alone names none, and the refusal lists the held names.
    const byNewName = merged([patch({ no: '1', username: '黄敏敏' }), patch({ username: '黄敏敏', conclusion: 1 })]);
    expect(byNewName).toMatchObject({
      kind: 'refused',
      refusal: { code: 'ROW_NO_SUCH_ASSESSMENT', column: 'username' },
    });
    expect(byNewName.kind === 'refused' && byNewName.refusal.message).toContain('(黄敏, 赵磊)');
  });

  it('adds numbered assessments past the list in number order, whatever order the rows give them', () => {
    const added = mergeAssessments([], [patch({ no: '2', username: '乙' }), patch({ no: '1', username: '甲' })], {
      replace: false,
      add: true,
    });
    expect(added).toEqual({ kind: 'merged', assessments: [{ username: '甲' }, { username: '乙' }] });
  });

  it("removes the assessment a `<clear>` row names by number or key; numbers count Feishu's list before removal", () => {
    expect(merged([patch({ no: '1', remove: true }), patch({ no: '2', conclusion: 1 })])).toEqual({
      kind: 'merged',
      assessments: [{ ...current[1], conclusion: 1 }],
    });
    const keyed = mergeAssessments(
      [{ ...current[0], external_id: 'A-1' }, current[1]!],
      [patch({ externalId: 'A-1', remove: true })],
      keep,
    );
    expect(keyed).toEqual({ kind: 'merged', assessments: [current[1]] });
    expect(merged([patch({ no: '3', remove: true })], { replace: false, add: true })).toMatchObject({
      kind: 'refused',
      refusal: { code: 'ROW_NO_SUCH_ASSESSMENT', column: 'assessment_no' },
    });
  });

  it('refuses a bad number and a name twice in Feishu', () => {
    expect(merged([patch({ no: 'A' })])).toMatchObject({ kind: 'refused', refusal: { code: 'ROW_BAD_ASSESSMENT_NO' } });
    const twice = mergeAssessments(
      [{ username: '张三' }, { username: '张三' }],
      [patch({ username: '张三', conclusion: 1 })],
      keep,
    );
    expect(twice).toMatchObject({ kind: 'refused', refusal: { code: 'ROW_AMBIGUOUS_ASSESSMENT', column: 'username' } });
  });

  it('asks for the 面试官 or 评价维度 column only when the file lacks it, else for the blank cell', () => {
    const message = (columns?: ReadonlySet<string>, p = patch({ conclusion: 1 })) => {
      const result = mergeAssessments(current, [p], { ...keep, columns });
      return result.kind === 'refused' ? result.refusal.message : undefined;
    };
    const hint = (m: string | undefined) => m?.slice(m.indexOf('(row 2'));
    expect(hint(message(new Set(['external_interview_id', 'conclusion'])))).toBe(
      '(row 2, column username): add the 面试官 (username) column',
    );
    expect(hint(message(new Set(['external_interview_id', 'username', 'conclusion'])))).toBe(
      '(row 2, column username): fill in its 面试官 (username)',
    );
    const twoTitles = patch({ username: '黄敏', dimensions: [{ at, set: { score: 80 } }] });
    expect(hint(message(new Set(['username', 'score']), twoTitles))).toBe(
      '(row 2, column dimension_title): add the 评价维度 (dimension_title) column',
    );
    expect(hint(message(new Set(['username', 'dimension_title', 'score']), twoTitles))).toBe(
      '(row 2, column dimension_title): fill in its 评价维度 (dimension_title)',
    );
  });

  it('adds only with add: a new assessment by number len+1 or by a new interviewer, a new dimension by title', () => {
    expect(merged([patch({ no: '3', username: '王五' })])).toMatchObject({
      kind: 'refused',
      refusal: { code: 'ROW_NO_SUCH_ASSESSMENT', column: 'assessment_no' },
    });
    const added = merged(
      [
        patch({ no: '3', username: '王五', conclusion: 2 }),
        patch({ username: '赵磊', dimensions: [{ at, title: '沟通', set: { score: 70, assessment_type: 1 } }] }),
      ],
      { replace: false, add: true },
    );
    expect(added).toMatchObject({ kind: 'merged' });
    if (added.kind !== 'merged') return;
    expect(added.assessments[2]).toEqual({ username: '王五', conclusion: 2 });
    expect(added.assessments[1]!.assessment_dimension_list).toEqual([
      { score: 87, assessment_type: 1, title: '专业能力' },
      { title: '沟通', score: 70, assessment_type: 1 },
    ]);
  });

  it('needs a title when the assessment has several dimensions, and takes the only one otherwise', () => {
    expect(merged([patch({ username: '黄敏', dimensions: [{ at, set: { score: 80 } }] })])).toMatchObject({
      kind: 'refused',
      refusal: { code: 'ROW_AMBIGUOUS_DIMENSION' },
    });
    const only = merged([patch({ username: '赵磊', dimensions: [{ at, set: { score: 90 } }] })]);
    expect(only.kind === 'merged' && only.assessments[1]!.assessment_dimension_list).toEqual([
      { score: 90, assessment_type: 1, title: '专业能力' },
    ]);
  });

  it('replaces the whole list with replace', () => {
    expect(
      merged(
        [patch({ username: '王五', dimensions: [{ at, title: 't', set: { content: 'c', assessment_type: 3 } }] })],
        { replace: true, add: false },
      ),
    ).toEqual({
      kind: 'merged',
      assessments: [
        { username: '王五', assessment_dimension_list: [{ content: 'c', assessment_type: 3, title: 't' }] },
      ],
    });
  });
});

describe('checkMergedBody', () => {
  it('refuses a dimension added without the value its type needs', () => {
    const body = {
      external_application_id: '1',
      interview_assessments: [{ username: '王五', assessment_dimension_list: [{ assessment_type: 1, title: '沟通' }] }],
    };
    expect(checkMergedBody(body, at, 'Asia/Shanghai')).toEqual({
      at,
      code: 'ROW_DIMENSION_INCOMPLETE',
      column: 'score',
      message:
        'expected a value in score: a dimension of type 打分题 (score) needs a score for dimension "沟通" of assessment 1 (王五), got none once merged with the current record (row 2, column score): fill it in',
    });
  });

  it("replaces a dimension as the file states it when its type changes: the old type's value goes", () => {
    const result = merged([
      patch({ username: '黄敏', dimensions: [{ at, title: '专业能力', set: { option: '优秀', assessment_type: 2 } }] }),
    ]);
    expect(result.kind === 'merged' && result.assessments[0]!.assessment_dimension_list![0]).toEqual({
      option: '优秀',
      assessment_type: 2,
      title: '专业能力',
    });
  });

  it("keeps an assessment's key when the file leaves it blank, and removes it only for <clear>", () => {
    const keyed = [{ ...current[0]!, external_id: 'A1' }, current[1]!];
    const kept = mergeAssessments(keyed, [patch({ username: '黄敏', conclusion: 1 })], keep);
    expect(kept.kind === 'merged' && kept.assessments[0]!.external_id).toBe('A1');
    const cleared = mergeAssessments(keyed, [patch({ username: '黄敏', clearExternalId: true })], keep);
    expect(cleared.kind === 'merged' && 'external_id' in cleared.assessments[0]!).toBe(false);
  });
});
