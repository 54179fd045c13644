/**
 * The month's correction both the library's test (test/commands/correct.test.ts) and the page's
 * (test/ui/flow-correct.test.ts) import: 张三 renamed 王五 on the row with 评价序号 (the next row
 * still says 张三) and a score changed; a conclusion fixed; a start time cleared (a removal); a
 * forgotten interview added in full; a row under a mistyped key that carries only a conclusion.
 */
import type { InterviewBody } from '../../src/feishu/body.js';
import { original, seededIds as ids } from '../helpers.js';

/** The application of the forgotten interview (ATS-NEW-1): Feishu holds none of its interviews. */
export const NEW_APP = '6300000000000000001';

/** The interview the month's file adds (ATS-NEW-1), as Feishu then holds it. */
export const CREATED = {
  external_id: 'ATS-NEW-1',
  external_application_id: NEW_APP,
  participate_status: 2,
  begin_time: Date.UTC(2025, 11, 2, 6),
  end_time: Date.UTC(2025, 11, 2, 7),
  interview_assessments: [
    {
      username: '赵六',
      conclusion: 2,
      assessment_dimension_list: [{ score: 77, assessment_type: 1, title: '专业' }],
    },
  ],
};

export const HEADER = [
  '外部面试ID',
  '外部系统面试ID',
  '外部投递ID',
  '参与状态',
  '开始时间',
  '结束时间',
  '评价序号',
  '面试官',
  '面试结论',
  '评价维度',
  '题目类型',
  '分数',
];

/** The file's rows, header first, over the first three seeded interviews. */
export function correctionRows(): string[][] {
  const [a, b, c] = ids(3);
  return [
    HEADER,
    [a!, '', '', '', '', '', '1', '王五', '不通过', '', '', ''],
    [a!, '', '', '', '', '', '', '张三', '', '专业', '', '95'],
    [b!, '', '', '', '', '', '', '李四', '通过', '', '', ''],
    [c!, '', '', '', '<clear>', '', '', '', '', '', '', ''],
    [
      '',
      'ATS-NEW-1',
      NEW_APP,
      '参与',
      '2025-12-02 14:00',
      '2025-12-02 15:00',
      '',
      '赵六',
      '通过',
      '专业',
      '打分题',
      '77',
    ],
    ['', 'ATS-NEW-2', NEW_APP, '', '', '', '', '', '待定', '', '', ''],
  ];
}

/** What Feishu must hold after the correction, field by field. */
export function corrected(): { a: InterviewBody; b: InterviewBody; created: InterviewBody } {
  const [zhang, li] = original(0).interview_assessments!;
  const b = original(1);
  return {
    a: {
      ...original(0),
      interview_assessments: [
        {
          ...zhang,
          username: '王五',
          conclusion: 1,
          assessment_dimension_list: [{ score: 95, assessment_type: 1, title: '专业' }],
        },
        li!,
      ],
    },
    b: {
      ...b,
      interview_assessments: [b.interview_assessments![0]!, { ...b.interview_assessments![1]!, conclusion: 2 }],
    },
    created: CREATED,
  };
}
