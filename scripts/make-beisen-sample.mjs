// Regenerates samples/legacy-export-beisen-style.csv and its profile
// samples/legacy-export-beisen-style.profile.json: 30 interviews as an old ATS (北森-style) exports
// them, untouched: GBK without a BOM, a title row above its own headers, its own words for status
// (已完成, 未到场, 已取消, 中途离开), conclusion (建议录用, 不建议录用, 待定) and question type (文本, 评分),
// the interview's keys only on its first row, an assessment's key only on its first row, one
// column per scored item (专业能力(分), …) and one for the recommendation (推荐意向), and extra
// questions in rows of their own below (题目, 题型, 得分, 回答). Columns the tool does not take
// (候选人, 手机号) are ignored by the profile. See README "Migrating legacy records".
// Run: node scripts/make-beisen-sample.mjs
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const HEADERS = [
  '面试编号',
  '应聘记录ID',
  '候选人',
  '手机号',
  '面试状态',
  '面试开始时间',
  '面试结束时间',
  '评价编号',
  '面试官',
  '面试结果',
  '综合评语',
  '专业能力(分)',
  '沟通表达(分)',
  '逻辑思维(分)',
  '推荐意向',
  '题目',
  '题型',
  '得分',
  '回答',
];
const CANDIDATES = ['孙悦', '周杰', '吴昊', '郑爽', '王磊', '冯婷', '陈晨', '褚红', '卫东', '蒋琳'];
const INTERVIEWERS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆'];
const RESULTS = ['建议录用', '不建议录用', '待定'];
const INTENT = ['强烈推荐', '推荐', '不推荐'];
const QUESTIONS = [
  ['项目经历', '文本', '', '主导过订单系统重构'],
  ['算法题', '评分', '78', ''],
  ['期望薪资', '文本', '', '面议'],
];

const pad = (n) => String(n).padStart(2, '0');
const rows = [['面试记录导出（北森）  导出时间：2024-07-01 09:30'], HEADERS];
for (let i = 1; i <= 30; i++) {
  const key = `BS-IV-2024${String(i).padStart(4, '0')}`;
  const app = String(6300000000000000000n + BigInt(i % 9) * 1000003n);
  const day = 1 + (i % 28);
  const hour = 9 + (i % 8);
  const time = (m) => `2024/06/${pad(day)} ${pad(hour)}:${pad(m)}`;
  // 中途离开 (left midway, assessed): a word no rule guesses, for the user to decide.
  const status = i % 10 === 3 ? '未到场' : i % 10 === 7 ? '已取消' : i === 29 ? '中途离开' : '已完成';
  const head = [key, app, CANDIDATES[i % 10], `1380000${String(1000 + i).padStart(4, '0')}`, status, time(0), time(50)];
  if (status === '未到场' || status === '已取消') {
    rows.push([...head, '', '', '', '', '', '', '', '', '', '', '', '']);
    continue;
  }
  let first = true;
  for (let a = 0; a < 1 + (i % 2); a++) {
    const scores = [60 + ((i * 7 + a) % 40), (i + a) % 4 === 0 ? '' : 55 + ((i * 3 + a) % 45), 70 + ((i + a * 5) % 30)];
    const own = [
      `${key}-E${a + 1}`,
      INTERVIEWERS[(i + a) % INTERVIEWERS.length],
      RESULTS[(i + a) % 3],
      (i + a) % 3 === 1 ? '' : `候选人${CANDIDATES[i % 10]}，第${a + 1}轮`,
      ...scores.map(String),
      INTENT[(i + a) % 3],
    ];
    const extra = QUESTIONS.slice(0, (i + a) % 3);
    const q0 = extra[0] ?? ['', '', '', ''];
    rows.push([...(first ? head : ['', '', '', '', '', '', '']), ...own, ...q0]);
    for (const q of extra.slice(1)) rows.push([...['', '', '', '', '', '', ''], '', '', '', '', '', '', '', '', ...q]);
    first = false;
  }
}

const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const text = `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
writeFileSync(new URL('../samples/legacy-export-beisen-style.csv', import.meta.url), iconv.encode(text, 'gbk'));

const profile = {
  header_row: 2,
  columns: {
    面试编号: 'external_id',
    应聘记录ID: 'external_application_id',
    候选人: null,
    手机号: null,
    面试状态: 'participate_status',
    面试开始时间: 'begin_time',
    面试结束时间: 'end_time',
    评价编号: 'assessment_external_id',
    面试官: 'username',
    面试结果: 'conclusion',
    综合评语: 'assessment_content',
    题目: 'dimension_title',
    题型: 'assessment_type',
    得分: 'score',
    回答: 'dimension_content',
  },
  values: {
    participate_status: { 已完成: '参与', 未到场: '爽约', 已取消: '未参与', 中途离开: '参与' },
    conclusion: { 建议录用: '通过', 不建议录用: '不通过' },
    assessment_type: { 文本: '描述题', 评分: '打分题' },
  },
  fill_down: ['external_id', 'external_application_id', 'assessment_external_id'],
  wide_dimensions: [
    { column: '专业能力(分)', title: '专业能力', assessment_type: '打分题' },
    { column: '沟通表达(分)', title: '沟通表达', assessment_type: '打分题' },
    { column: '逻辑思维(分)', title: '逻辑思维', assessment_type: '打分题' },
    { column: '推荐意向', title: '推荐意向', assessment_type: '单选题' },
  ],
  tz: 'Asia/Shanghai',
};
writeFileSync(
  new URL('../samples/legacy-export-beisen-style.profile.json', import.meta.url),
  `${JSON.stringify(profile, null, 2)}\n`,
);
