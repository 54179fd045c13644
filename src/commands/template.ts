import { FILES } from '../report/messages.js';
import { say } from '../messages.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { ToolError } from '../errors.js';
import {
  COLUMNS,
  type Column,
  type EnumSpec,
  FIELDS,
  type FieldSpec,
  INTERVIEW_VALUES,
  REQUIRED_COLUMNS,
} from '../schema.js';
import { HEADER_FILL, solid } from '../report/xlsx-report.js';
import { EXAMPLE_INTERVIEW_ID, EXAMPLE_SHEET_NAMES, INSTRUCTIONS_SHEET_NAMES } from '../input/template-example.js';
import { COLUMN_HELP, INSTRUCTIONS_HEADER, INSTRUCTIONS_TEXT } from './template-help.js';
import { csvLine } from '../report/report-writer.js';

export interface TemplateOptions {
  readonly out: string;
  readonly lang: 'zh' | 'en';
}

const ENUMS: Partial<Record<Column, EnumSpec>> = Object.fromEntries(
  (FIELDS as readonly FieldSpec[]).flatMap((f) => (f.enum ? [[f.column, f.enum]] : [])),
);

/** IDs and legacy keys: Text, so Excel keeps a pasted 19-digit ID or a key with leading zeros as typed. */
const TEXT_COLUMNS: readonly Column[] = (FIELDS as readonly FieldSpec[])
  .filter((f) => f.isKey)
  .map((f) => f.column as Column);

/** Example rows: one interview, two interviewers, four dimensions. */
const EXAMPLE: readonly Partial<Record<Column, string>>[] = [
  {
    external_interview_id: EXAMPLE_INTERVIEW_ID,
    external_application_id: '6960663240925956437',
    // The interview's values as their help's examples.
    ...Object.fromEntries(INTERVIEW_VALUES.map((f) => [f.column, f.help.example])),
    assessment_no: '1',
    username: '张三',
    conclusion: '通过',
    assessment_content: '基础扎实',
    dimension_title: '专业能力',
    assessment_type: '打分题',
    score: '88',
  },
  {
    external_interview_id: EXAMPLE_INTERVIEW_ID,
    assessment_no: '1',
    dimension_title: '沟通',
    assessment_type: '单选题',
    option: '良好',
  },
  {
    external_interview_id: EXAMPLE_INTERVIEW_ID,
    assessment_no: '2',
    username: '李四',
    conclusion: '待定',
    dimension_title: '亮点',
    assessment_type: '多选题',
    options: '学习快|主动',
  },
  {
    external_interview_id: EXAMPLE_INTERVIEW_ID,
    assessment_no: '2',
    dimension_title: '总结',
    assessment_type: '描述题',
    dimension_content: '需要二面确认',
  },
];

const ENGLISH: Readonly<Record<string, string>> = {
  参与: 'participated',
  通过: 'pass',
  待定: 'pending',
  打分题: 'score',
  单选题: 'single_choice',
  多选题: 'multi_choice',
  描述题: 'description',
};

/** exceljs supports range validations but its typings do not declare them. */
interface DataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * The last row a sheet can hold (Excel's limit, 2^20): drop-downs cover every data row, as one
 * range per column (`D2:D1048576`), which costs one element, not a million.
 */
const LAST_ROW = 1_048_576;

/** Writes the blank template; resolves to its full path. */
export async function writeTemplate(options: TemplateOptions): Promise<string> {
  const headers = COLUMNS.map(([name, zh]) => (options.lang === 'zh' ? zh : name));
  const exampleValue = (row: Partial<Record<Column, string>>, c: Column) => {
    const v = row[c] ?? '';
    return options.lang === 'en' ? (ENGLISH[v] ?? v) : v;
  };
  try {
    await mkdir(dirname(resolve(options.out)), { recursive: true });
    if (/\.csv$/i.test(options.out)) {
      // UTF-8 with a BOM: without it, Excel opens the Chinese headers as mojibake.
      await writeFile(options.out, `\uFEFF${csvLine(headers)}`);
    } else {
      await writeWorkbook(options, headers, exampleValue);
    }
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(
      'TEMPLATE_UNWRITABLE',
      say(
        FILES.templateUnwritable({ path: options.out, code: (error as NodeJS.ErrnoException).code ?? String(error) }),
      ),
      { file: options.out },
    );
  }
  return resolve(options.out);
}

async function writeWorkbook(
  options: TemplateOptions,
  headers: string[],
  exampleValue: (row: Partial<Record<Column, string>>, c: Column) => string,
): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const lang = options.lang;
  addInstructions(wb.addWorksheet(INSTRUCTIONS_SHEET_NAMES[lang === 'zh' ? 0 : 1]!), lang);
  const addDataSheet = (title: string, rows: readonly Partial<Record<Column, string>>[]) => {
    const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map(([name], i) => ({
      header: headers[i],
      key: name,
      width: TEXT_COLUMNS.includes(name) ? 22 : 14,
      // Text format keeps Excel from turning a pasted 19-digit ID into 7.00000000000000E+18.
      style: TEXT_COLUMNS.includes(name) ? { numFmt: '@' } : {},
    }));
    // The report's header look; required columns in red, with a note saying so.
    ws.getRow(1).eachCell((cell, c) => {
      const required = (REQUIRED_COLUMNS as readonly string[]).includes(COLUMNS[c - 1]![0]);
      cell.font = required ? { bold: true, color: { argb: 'FF9C0006' } } : { bold: true };
      cell.fill = solid(HEADER_FILL);
      if (required) cell.note = lang === 'zh' ? '必填' : 'required';
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    for (const row of rows) ws.addRow(COLUMNS.map(([name]) => exampleValue(row, name)));
    COLUMNS.forEach(([name], i) => {
      const spec = ENUMS[name];
      if (!spec) return;
      const col = ws.getColumn(i + 1).letter;
      const labels = Object.values(spec.values).map(([zhLabel, en]) => (lang === 'zh' ? zhLabel : en));
      (ws as unknown as DataValidations).dataValidations.add(`${col}2:${col}${LAST_ROW}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${labels.join(',')}"`],
        showErrorMessage: true,
        errorTitle: headers[i]!,
        error:
          lang === 'zh' ? `请从下拉列表中选择：${labels.join('、')}` : `Pick one from the list: ${labels.join(', ')}`,
      });
    });
  };
  addDataSheet(lang === 'zh' ? '面试记录' : 'Interviews', []);
  addDataSheet(EXAMPLE_SHEET_NAMES[lang === 'zh' ? 0 : 1]!, EXAMPLE);
  await wb.xlsx.writeFile(options.out);
}

/** The instructions sheet: what the template is for, the identity rule, then one row per column. */
function addInstructions(help: ExcelJS.Worksheet, lang: 'zh' | 'en'): void {
  help.columns = [{ width: 18 }, { width: 26 }, { width: 22 }, { width: 90 }, { width: 22 }];
  for (const line of INSTRUCTIONS_TEXT[lang]) help.addRow([line]);
  help.addRow([]);
  help.addRow([...INSTRUCTIONS_HEADER[lang]]).font = { bold: true };
  for (const [name, zhName] of COLUMNS) {
    const h = COLUMN_HELP[name];
    const row = help.addRow([
      lang === 'zh' ? zhName : name,
      lang === 'zh' ? name : zhName,
      h.required[lang],
      h.what[lang],
      h.example,
    ]);
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    if (TEXT_COLUMNS.includes(name)) row.getCell(5).numFmt = '@';
  }
}
