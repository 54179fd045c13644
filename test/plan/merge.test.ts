import { describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { speaking } from '../../src/lang.js';
import { diffBodies } from '../../src/plan/merge.js';

const BEFORE: InterviewBody = {
  external_application_id: '6960663240925956437',
  participate_status: 2,
  begin_time: 1709272800000,
  interview_assessments: [
    {
      username: '张伟',
      conclusion: 2,
      assessment_dimension_list: [{ title: '沟通', assessment_type: 1, score: 80 }],
    },
  ],
};
const AFTER: InterviewBody = {
  external_application_id: '6960663240925956437',
  participate_status: 3,
  begin_time: 1709274600000,
  interview_assessments: [
    {
      username: '张伟',
      conclusion: 1,
      assessment_dimension_list: [{ title: '沟通', assessment_type: 2, option: '优秀' }],
    },
  ],
};

describe('diffBodies', () => {
  it('shows codes as the words the file takes, in a Chinese run: 通过 → 不通过, 参与 → 爽约, 打分题 → 单选题', () => {
    expect(speaking({ lang: 'zh' }, () => diffBodies(BEFORE, AFTER, 'Asia/Shanghai'))).toEqual([
      '参与状态：参与 → 爽约',
      '开始时间：2024-03-01 14:00 (Asia/Shanghai) → 2024-03-01 14:30 (Asia/Shanghai)',
      '第 1 条面评（张伟）面试结论：通过 → 不通过',
      '第 1 条面评（张伟）维度 "沟通" 分数：80 → （空）',
      '第 1 条面评（张伟）维度 "沟通" 单选选项：（空） → "优秀"',
      '第 1 条面评（张伟）维度 "沟通" 题目类型：打分题 → 单选题',
    ]);
  });

  it('shows the English words in an English run: pass → fail', () => {
    expect(speaking({ lang: 'en' }, () => diffBodies(BEFORE, AFTER, 'UTC'))).toEqual([
      'participate_status: participated → no_show',
      'begin_time: 2024-03-01 06:00 (UTC) → 2024-03-01 06:30 (UTC)',
      'assessment 1 (张伟) conclusion: pass → fail',
      'assessment 1 (张伟) dimension "沟通" score: 80 → (none)',
      'assessment 1 (张伟) dimension "沟通" option: (none) → "优秀"',
      'assessment 1 (张伟) dimension "沟通" assessment_type: score → single_choice',
    ]);
  });

  it('shows a code no label names as the code', () => {
    const odd = { ...AFTER, participate_status: 9 } as InterviewBody;
    expect(speaking({ lang: 'zh' }, () => diffBodies(BEFORE, odd, 'UTC'))[0]).toBe('参与状态：参与 → 9');
  });
});
