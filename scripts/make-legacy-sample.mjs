// Regenerates samples/legacy-migration.csv: 24 interviews exported from an old ATS, with no
// Feishu IDs. Each interview carries the old system's key (外部系统面试ID) and its application's
// Feishu ID; each assessment its own key (外部系统面评ID). Eight applications, up to three
// interviews each. `import --create-missing` creates them; see README "Migrating legacy records".
// Run: node scripts/make-legacy-sample.mjs
import { writeFileSync } from 'node:fs';

const HEADERS = [
  '外部系统面试ID',
  '外部投递ID',
  '参与状态',
  '开始时间',
  '结束时间',
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

const rows = [];
for (let i = 1; i <= 24; i++) {
  const key = `ATS-2019-${String(i).padStart(4, '0')}`;
  const app = `69606632409259${String(57000 + (i % 8))}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const hour = 9 + (i % 8);
  const who = INTERVIEWERS[i % INTERVIEWERS.length];
  const head = [key, app, '参与', `2019-05-${day} ${hour}:00`, `2019-05-${day} ${hour}:45`];
  const assessment = [`${key}-A1`, who, CONCLUSIONS[i % CONCLUSIONS.length], '旧系统迁移'];
  rows.push([...head, ...assessment, '专业能力', '打分题', String(60 + ((i * 7) % 40)), '', '', '', '']);
  rows.push([
    key,
    '',
    '',
    '',
    '',
    `${key}-A1`,
    '',
    '',
    '',
    '沟通表达',
    '单选题',
    '',
    i % 2 ? '良好' : '优秀',
    '',
    '',
    '',
  ]);
}

const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const text = [HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
writeFileSync(new URL('../samples/legacy-migration.csv', import.meta.url), `\uFEFF${text}\r\n`);
console.log(`${rows.length} rows written to samples/legacy-migration.csv`);
