/**
 * The 北森-style sample (samples/legacy-export-beisen-style.csv) read by its layout, by this
 * helper's own reading, never the tool's: what Feishu must hold after it is imported through its
 * profile, from the CLI or the page.
 */
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import type { AssessmentBody, DimensionBody, InterviewBody } from '../../src/feishu/body.js';

const STATUS: Record<string, number> = { 已完成: 2, 未到场: 3, 已取消: 1, 中途离开: 2 };
const RESULT: Record<string, number> = { 建议录用: 2, 不建议录用: 1, 待定: 3 };
const TYPE: Record<string, number> = { 文本: 3, 评分: 1 };
const SCORED = ['专业能力', '沟通表达', '逻辑思维'];

/** `2024/06/02 10:00` in Shanghai, as epoch ms. */
const shanghai = (text: string) => {
  const [d, t] = text.split(' ');
  const [y, m, day] = d!.split('/').map(Number);
  const [h, min] = t!.split(':').map(Number);
  return Date.UTC(y!, m! - 1, day!, h! - 8, min!);
};

/** The export read as its layout says: an interview starts where 面试编号 is given, an assessment where 评价编号 is. */
export function sampleBodies(bytes: Buffer): Map<string, InterviewBody> {
  const rows = parse(iconv.decode(bytes, 'gbk'), { relax_column_count: true }) as string[][];
  const header = rows[1]!;
  const at = (r: string[], name: string) => (r[header.indexOf(name)] ?? '').trim();
  const out = new Map<string, InterviewBody>();
  let interview: InterviewBody | undefined;
  let assessment: AssessmentBody | undefined;
  for (const r of rows.slice(2)) {
    if (at(r, '面试编号')) {
      interview = {
        external_id: at(r, '面试编号'),
        external_application_id: at(r, '应聘记录ID'),
        participate_status: STATUS[at(r, '面试状态')],
        begin_time: shanghai(at(r, '面试开始时间')),
        end_time: shanghai(at(r, '面试结束时间')),
      };
      out.set(interview.external_id!, interview);
      assessment = undefined;
    }
    if (at(r, '评价编号')) {
      assessment = { external_id: at(r, '评价编号'), username: at(r, '面试官'), conclusion: RESULT[at(r, '面试结果')] };
      if (at(r, '综合评语')) assessment.content = at(r, '综合评语');
      interview!.interview_assessments ??= [];
      interview!.interview_assessments.push(assessment);
    }
    const dims: DimensionBody[] = [];
    for (const title of SCORED) {
      const cell = at(r, `${title}(分)`);
      if (cell) dims.push({ score: Number(cell), assessment_type: 1, title });
    }
    if (at(r, '推荐意向')) dims.push({ option: at(r, '推荐意向'), assessment_type: 2, title: '推荐意向' });
    if (at(r, '题目')) {
      const type = TYPE[at(r, '题型')]!;
      dims.push(
        type === 1
          ? { score: Number(at(r, '得分')), assessment_type: 1, title: at(r, '题目') }
          : { content: at(r, '回答'), assessment_type: 3, title: at(r, '题目') },
      );
    }
    if (dims.length > 0) {
      assessment!.assessment_dimension_list ??= [];
      assessment!.assessment_dimension_list.push(...dims);
    }
  }
  return out;
}
