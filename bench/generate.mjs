// Writes a realistic template CSV of N rows: 5 dimension rows per interview, rows scattered
// (each interview's rows are spread through the file, as in an export sorted by interviewer).
import { writeFileSync } from 'node:fs';
// The simulator's seedable PRNG, so every run writes the same file (needs `npm run build`).
import { prng } from '../dist/simulator/prng.js';

const HEADER =
  'external_interview_id,external_application_id,participate_status,begin_time,end_time,assessment_no,username,conclusion,assessment_content,dimension_title,assessment_type,score,option,options,dimension_content,dimension_description';

export function interviewId(i) {
  return `7${String(i).padStart(18, '0')}`;
}

export function generateRows(rows, perInterview = 5, seed = 42) {
  const interviews = Math.ceil(rows / perInterview);
  const random = prng(seed);
  const order = Array.from({ length: rows }, (_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const lines = [HEADER];
  for (const k of order) {
    const i = Math.floor(k / perInterview);
    const d = k % perInterview;
    const id = interviewId(i);
    const app = `6${String(i).padStart(18, '0')}`;
    const begin = 1709280000000 + i * 3_600_000;
    const first = d === 0;
    const type = (d % 4) + 1;
    const cells = [
      id,
      first ? app : '',
      first ? '参与' : '',
      first ? '2024-03-01 14:00' : '',
      first ? String(begin + 3_600_000 * 24 * 400) : '',
      String(d < 3 ? 1 : 2),
      d < 3 ? '张三' : '李四',
      d === 0 || d === 3 ? '通过' : '',
      d === 0 ? '"基础扎实, 沟通清楚"' : '',
      `维度${d}`,
      String(type),
      type === 1 ? String(60 + (i % 40)) : '',
      type === 2 ? '良好' : '',
      type === 4 ? '学习快|主动' : '',
      type === 3 ? '需要二面确认' : '',
      d === 1 ? '描述' : '',
    ];
    lines.push(cells.join(','));
  }
  return { text: `${lines.join('\r\n')}\r\n`, interviews };
}

export function writeCsv(file, rows, perInterview) {
  const { text, interviews } = generateRows(rows, perInterview);
  writeFileSync(file, text);
  return interviews;
}

/** The same rows as an .xlsx (IDs as text), written with exceljs's streaming writer. */
export async function writeXlsx(file, rows, perInterview) {
  const { default: ExcelJS } = await import('exceljs');
  const { text, interviews } = generateRows(rows, perInterview);
  const { parse } = await import('csv-parse/sync');
  const records = parse(text);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('面试记录');
  for (const r of records) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return interviews;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [file = 'bench/out/rows.csv', n = '100000'] = process.argv.slice(2);
  console.log(`${writeCsv(file, Number(n))} interviews written to ${file}`);
}
