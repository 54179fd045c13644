#!/bin/sh
# Makes docs/report.png, the README's picture of an .xlsx report: a small Chinese workbook with
# one bad score, validated, printed to PDF by LibreOffice (the report prints landscape, one page
# wide) and the top of its first page cut out by pdftoppm (poppler-utils). Run from the repo root
# after `npm run build`; needs soffice and pdftoppm.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node --input-type=module -e "
import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('面试记录');
ws.addRow(['外部面试ID', '外部投递ID', '参与状态', '面试官', '面试结论', '评价维度', '题目类型', '分数']);
ws.addRow(['7123456789012345010', '6960663240925956437', '参与', '张三', '通过', '专业能力', '打分题', '88']);
ws.addRow(['7123456789012345010', '', '', '张三', '', '沟通', '打分题', '90']);
ws.addRow(['7123456789012345023', '6960663240925956437', '参与', '李四', '通过', '专业能力', '打分题', '八十五']);
ws.addRow(['7123456789012345023', '', '', '李四', '', '沟通', '打分题', '80']);
ws.addRow(['7123456789012345031', '6960663240925956437', '爽约', '王五', '待定', '总结', '打分题', '75']);
ws.eachRow((r) => { r.getCell(1).numFmt = '@'; r.getCell(2).numFmt = '@'; });
await wb.xlsx.writeFile('$dir/面试.xlsx');
"
node dist/cli.js validate "$dir/面试.xlsx" --tz Asia/Shanghai --report "$dir/report.xlsx" > /dev/null || true
soffice --headless --convert-to pdf --outdir "$dir" "$dir/report.xlsx" > /dev/null 2>&1
pdftoppm -png -r 150 -f 1 -l 1 -x 40 -y 60 -W 1700 -H 170 "$dir/report.pdf" "$dir/page"
cp "$dir/page-1.png" docs/report.png
echo "docs/report.png"
