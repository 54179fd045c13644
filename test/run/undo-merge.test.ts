import { describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { undoMerge } from '../../src/run/undo-merge.js';
import { APP1 } from '../helpers.js';

/** Before the run: two assessments, one keyed by external_id, dimensions by title. */
const BEFORE: InterviewBody = {
  external_id: 'ATS-1',
  external_application_id: APP1,
  participate_status: 2,
  begin_time: 1709280000000,
  interview_assessments: [
    {
      external_id: 'ATS-A-1',
      username: '张三',
      conclusion: 2,
      assessment_dimension_list: [
        { score: 80, assessment_type: 1, title: '专业' },
        { content: '好', assessment_type: 3, title: '评语' },
      ],
    },
    { username: '李四', conclusion: 3 },
  ],
};

const edit = (f: (b: InterviewBody) => void): InterviewBody => {
  const b = structuredClone(BEFORE);
  f(b);
  return b;
};

describe('undoMerge (before, written, now)', () => {
  it('puts back the fields the run changed and keeps a later change to another field', () => {
    const written = edit((b) => (b.participate_status = 3));
    const now = edit((b) => {
      b.participate_status = 3;
      b.interview_assessments![1]!.conclusion = 1;
      b.interview_assessments![0]!.assessment_dimension_list![0]!.score = 95;
    });
    expect(undoMerge(BEFORE, written, now)).toEqual({
      kind: 'merged',
      body: edit((b) => {
        b.interview_assessments![1]!.conclusion = 1;
        b.interview_assessments![0]!.assessment_dimension_list![0]!.score = 95;
      }),
    });
  });

  it('refuses a field the run changed that changed again, naming it and what it holds now', () => {
    const written = edit((b) => {
      b.begin_time = 1709283600000;
      b.interview_assessments![0]!.assessment_dimension_list![0]!.score = 90;
    });
    const now = edit((b) => {
      b.begin_time = 1709287200000;
      b.interview_assessments![0]!.assessment_dimension_list![0]!.score = 70;
    });
    expect(undoMerge(BEFORE, written, now)).toEqual({
      kind: 'conflict',
      conflicts: [
        { field: 'begin_time', now: '2024-03-01 10:00 (UTC)' },
        { field: 'assessment 1 (张三) dimension "专业" score', now: '70' },
      ],
    });
  });

  it('removes an assessment or dimension the run added, and brings back one it removed', () => {
    const written = edit((b) => {
      b.interview_assessments!.splice(1, 1);
      b.interview_assessments![0]!.assessment_dimension_list!.push({ score: 60, assessment_type: 1, title: '沟通' });
      b.interview_assessments!.push({ username: '王五', conclusion: 1 });
    });
    const now = structuredClone(written);
    now.end_time = 1709290000000;
    expect(undoMerge(BEFORE, written, now)).toEqual({ kind: 'merged', body: { ...BEFORE, end_time: 1709290000000 } });
  });

  it('refuses an added assessment that changed since, and a removed one that came back different', () => {
    const written = edit((b) => {
      b.interview_assessments![1] = { username: '王五', conclusion: 1 };
    });
    const now = edit((b) => {
      b.interview_assessments![1] = { username: '王五', conclusion: 2 };
      b.interview_assessments!.push({ username: '李四', conclusion: 1 });
    });
    expect(undoMerge(BEFORE, written, now)).toEqual({
      kind: 'conflict',
      conflicts: [
        { field: 'assessment 2 (王五)', now: '{"username":"王五","conclusion":2}' },
        { field: 'assessment 3 (李四)', now: '{"username":"李四","conclusion":1}' },
      ],
    });
  });

  it('matches assessments by external_id when their order changed since', () => {
    const written = edit((b) => (b.interview_assessments![0]!.conclusion = 1));
    const now = structuredClone(written);
    now.interview_assessments!.reverse();
    const back = structuredClone(BEFORE);
    back.interview_assessments!.reverse();
    expect(undoMerge(BEFORE, written, now)).toEqual({ kind: 'merged', body: back });
  });

  it('a field already back as it was before is no conflict', () => {
    const written = edit((b) => {
      b.participate_status = 3;
      b.end_time = 1709290000000;
    });
    const now = edit((b) => (b.end_time = 1709290000000));
    expect(undoMerge(BEFORE, written, now)).toEqual({ kind: 'merged', body: BEFORE });
  });
});
