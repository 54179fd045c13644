// Regenerates samples/legacy-migration.csv: 24 interviews exported from an old ATS, with no
// Feishu IDs, in the layout legacy exports use: an interview's fields on its first row only; each
// assessment's own fields on its first row, its other rows (one per dimension) repeating nothing
// but the keys (外部系统面试ID, 外部系统面评ID). One to three assessments an interview, two to four
// dimensions each, every dimension type; in every fourth interview one interviewer wrote two
// assessments, told apart by their keys. Eight applications, three interviews each.
// `import --create-missing` creates them; see README "Migrating legacy records".
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
const DIMENSIONS = [
  ['专业能力', '打分题'],
  ['沟通表达', '单选题'],
  ['综合评价', '描述题'],
  ['技能标签', '多选题'],
];

/** The value cells (分数, 单选选项, 多选选项, 维度内容) of dimension d of assessment a of interview i. */
function values(i, a, d) {
  const type = DIMENSIONS[d][1];
  if (type === '打分题') return [String(60 + ((i * 7 + a * 5) % 40)), '', '', ''];
  if (type === '单选题') return ['', (i + a) % 2 ? '良好' : '优秀', '', ''];
  if (type === '描述题') return ['', '', '', `逻辑清晰，项目经验${(i + a) % 2 ? '丰富' : '一般'}`];
  return ['', '', ['沟通', '协作', '编码'].slice(0, 1 + ((i + a) % 3)).join('|'), ''];
}

const rows = [];
for (let i = 1; i <= 24; i++) {
  const key = `ATS-2019-${String(i).padStart(4, '0')}`;
  const app = `69606632409259${String(57000 + (i % 8))}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const hour = 9 + (i % 8);
  let first = true;
  for (let a = 0; a < 1 + (i % 3); a++) {
    // Every fourth interview: its first interviewer also wrote its second assessment.
    const who = INTERVIEWERS[(i + (i % 4 === 0 && a === 1 ? 0 : a)) % INTERVIEWERS.length];
    const assessmentKey = `${key}-A${a + 1}`;
    for (let d = 0; d < 2 + ((i + a) % 3); d++) {
      const head = first
        ? [key, app, '参与', `2019-05-${day} ${hour}:00`, `2019-05-${day} ${hour}:45`]
        : [key, '', '', '', ''];
      const own =
        d === 0
          ? [assessmentKey, who, CONCLUSIONS[(i + a) % CONCLUSIONS.length], '旧系统迁移']
          : [assessmentKey, '', '', ''];
      rows.push([...head, ...own, DIMENSIONS[d][0], DIMENSIONS[d][1], ...values(i, a, d), '']);
      first = false;
    }
  }
}

const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const text = [HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
writeFileSync(new URL('../samples/legacy-migration.csv', import.meta.url), `\uFEFF${text}\r\n`);
console.log(`${rows.length} rows written to samples/legacy-migration.csv`);
