// Regenerates samples/interviews.csv and samples/interviews.xlsx: 30 interviews from an old ATS,
// one row per assessment dimension, rows of an interview spread through the file. Two deliberate
// mistakes show what the report says: a score written in words (row invalid, its interview's
// other rows blocked) and an application id the demo simulator does not know (Feishu refuses it).
// Run: node scripts/make-samples.mjs
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const HEADERS = [
  '外部面试ID',
  '外部投递ID',
  '外部系统面试ID',
  '参与状态',
  '开始时间',
  '结束时间',
  '评价序号',
  '外部系统面评ID',
  '面试官',
  '面试结论',
  '评价内容',
  '评价维度',
  '题目类型',
  '分数',
  '单选选项',
  '多选选项',
  '维度内容',
  '维度描述',
];
const INTERVIEWERS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'];
const CONCLUSIONS = ['通过', '通过', '待定', '不通过'];
const LEVELS = ['优秀', '良好', '一般'];
const HIGHLIGHTS = ['学习能力强', '沟通清晰', '有团队意识', '主动性高', '基础扎实'];
const UNKNOWN_APPLICATION = '6960663240925999999';

let seed = 20240301;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(rand() * list.length)];

const rows = [];
for (let i = 1; i <= 30; i++) {
  const id = `71234567890123${String(45000 + i)}`;
  const app = i === 17 ? UNKNOWN_APPLICATION : `69606632409259${String(56000 + i)}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const hour = 9 + (i % 8);
  const noShow = i === 9;
  const head = [
    id,
    app,
    `ATS-${i}`,
    noShow ? '爽约' : '参与',
    `2024-03-${day} ${hour}:00`,
    `2024-03-${day} ${hour}:45`,
  ];
  if (noShow) {
    rows.push([...head, '', '', '', '', '', '', '', '', '', '', '', '']);
    continue;
  }
  const assessments = 1 + (i % 2);
  let first = true;
  for (let a = 1; a <= assessments; a++) {
    const who = INTERVIEWERS[(i + a) % INTERVIEWERS.length];
    const dims = [
      ['专业能力', '打分题', String(60 + Math.floor(rand() * 40)), '', '', '', '考察岗位所需的专业知识'],
      ['沟通表达', '单选题', '', pick(LEVELS), '', '', ''],
      ['亮点', '多选题', '', '', `${pick(HIGHLIGHTS)}|${pick(HIGHLIGHTS.slice(0, 2))}`, '', ''],
      ['综合评价', '描述题', '', '', '', a === 1 ? '项目经历扎实，\n建议进入下一轮' : '表达清楚，细节需再确认', ''],
    ];
    dims.forEach((d, k) => {
      const lead = first ? head : [id, '', '', '', '', ''];
      first = false;
      const assessmentCells =
        k === 0
          ? [String(a), `ATS-${i}-A${a}`, who, pick(CONCLUSIONS), a === 1 ? '整体表现符合预期' : '']
          : [String(a), '', '', '', ''];
      const score = i === 23 && a === 1 && k === 0 ? '八十五' : d[2];
      rows.push([...lead, ...assessmentCells, d[0], d[1], score, d[3], d[4], d[5], d[6]]);
    });
  }
}
// Spread each interview's rows through the file, as an export sorted by interviewer would.
for (let k = rows.length - 1; k > 0; k--) {
  const j = Math.floor(rand() * (k + 1));
  [rows[k], rows[j]] = [rows[j], rows[k]];
}

const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const text = [HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
writeFileSync(new URL('../samples/interviews.csv', import.meta.url), `\uFEFF${text}\r\n`);

const wb = new ExcelJS.Workbook();
const help = wb.addWorksheet('说明');
help.addRow(['示例：30 场面试，每行一个评价维度。第 23 场的分数写成了汉字，第 17 场的投递在飞书中不存在。']);
const ws = wb.addWorksheet('面试记录', { views: [{ state: 'frozen', ySplit: 1 }] });
ws.columns = HEADERS.map((h, i) => ({ header: h, width: i < 3 ? 22 : 14, style: i < 3 ? { numFmt: '@' } : {} }));
for (const r of rows) ws.addRow(r);
await wb.xlsx.writeFile(new URL('../samples/interviews.xlsx', import.meta.url).pathname);
console.log(`${rows.length} rows written to samples/interviews.csv and samples/interviews.xlsx`);
