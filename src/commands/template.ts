import { FILES, say } from '../catalogue.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { ToolError } from '../errors.js';
import { COLUMNS, type Column, REQUIRED_COLUMNS } from '../input/headers.js';
import { HEADER_FILL, solid } from '../report/xlsx-report.js';
import { EXAMPLE_INTERVIEW_ID, EXAMPLE_SHEET_NAMES } from '../input/template-example.js';
import { csvLine } from '../report/report-writer.js';
import { ASSESSMENT_TYPE, CONCLUSION, type EnumSpec, PARTICIPATE_STATUS, describeEnum } from '../plan/normalise.js';
import type { CommandIo, CommandResult } from './io.js';

export interface TemplateOptions {
  readonly out: string;
  readonly lang: 'zh' | 'en';
}

const HELP: Readonly<Record<Column, string>> = {
  external_interview_id:
    "Required. The interview's 19-digit ID, as text (format the column as Text before pasting). 外部面试ID，必须是文本格式",
  external_application_id: 'Required on at least one row of each interview. 19-digit ID as text. 外部投递ID',
  external_id:
    "The interview's key in the system it comes from (a legacy ATS), as text, unique across applications. With --create-missing, rows without a Feishu ID are keyed by it. Blank keeps the key Feishu holds; <clear> removes it. 外部系统面试ID",
  participate_status: describeEnum(PARTICIPATE_STATUS),
  begin_time: 'Epoch milliseconds, ISO 8601 with offset, or YYYY-MM-DD HH:mm[:ss] (read in --tz). 开始时间',
  end_time: 'Same formats as begin_time; not before begin_time. 结束时间',
  assessment_no:
    'Tells assessments apart where rows have no 外部系统面评ID (1, 2, ...); rows sharing it are one assessment. 评价序号',
  assessment_external_id:
    "The assessment's key in the system it comes from: rows sharing it are one assessment, whatever else they leave blank; without keys, 评价序号, else 面试官, decides; one interviewer may write several assessments with different keys. Blank keeps the key Feishu holds; <clear> removes it. 外部系统面评ID",
  username: 'Interviewer name. 面试官',
  conclusion: describeEnum(CONCLUSION),
  assessment_content: "The assessment's overall comment, kept exactly as written. 评价内容",
  dimension_title: 'One row per dimension: its title. 评价维度',
  assessment_type: describeEnum(ASSESSMENT_TYPE),
  score: 'Whole number; required for 打分题. 分数',
  option: 'Required for 单选题. 单选选项',
  options: 'Required for 多选题; separate with | or new lines. 多选选项',
  dimension_content: 'Required for 描述题. 维度内容',
  dimension_description: 'Optional. 维度描述',
};

const ENUMS: Partial<Record<Column, EnumSpec>> = {
  participate_status: PARTICIPATE_STATUS,
  conclusion: CONCLUSION,
  assessment_type: ASSESSMENT_TYPE,
};

const ID_COLUMNS: readonly Column[] = ['external_interview_id', 'external_application_id'];

/** Example rows: one interview, two interviewers, four dimensions. */
const EXAMPLE: readonly Partial<Record<Column, string>>[] = [
  {
    external_interview_id: EXAMPLE_INTERVIEW_ID,
    external_application_id: '6960663240925956437',
    participate_status: '参与',
    begin_time: '2024-03-01 14:00',
    end_time: '2024-03-01 15:00',
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

/** Rows of the data sheet that get Text format and drop-down lists. */
const PREPARED_ROWS = 2000;

export async function templateCommand(options: TemplateOptions, io: CommandIo): Promise<CommandResult> {
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
  io.stdout.write(`template: ${resolve(options.out)}\n`);
  return { exitCode: 0 };
}

async function writeWorkbook(
  options: TemplateOptions,
  headers: string[],
  exampleValue: (row: Partial<Record<Column, string>>, c: Column) => string,
): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const zh = options.lang === 'zh';
  const help = wb.addWorksheet(zh ? '说明' : 'Instructions');
  help.columns = [{ width: 28 }, { width: 16 }, { width: 110 }];
  help.addRow([
    zh
      ? '飞书招聘外部面试导入模板：每行一个评价维度；同一面试的多行按外部面试ID合并。'
      : 'Feishu Hire external interview import: one row per assessment dimension; rows of one interview group by external_interview_id.',
  ]);
  help.addRow([
    zh
      ? '填写“面试记录”表，然后运行 feishu-interview-import validate 文件名 检查。'
      : 'Fill in the "Interviews" sheet, then run: feishu-interview-import validate FILE',
  ]);
  help.addRow([]);
  help.addRow(['column', '表头', 'accepted values']).font = { bold: true };
  for (const [name, zhName] of COLUMNS) help.addRow([name, zhName, HELP[name]]);

  const addDataSheet = (title: string, rows: readonly Partial<Record<Column, string>>[], prepared: number) => {
    const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map(([name], i) => ({
      header: headers[i],
      key: name,
      width: ID_COLUMNS.includes(name) ? 22 : 14,
      // Text format keeps Excel from turning a pasted 19-digit ID into 7.00000000000000E+18.
      style: ID_COLUMNS.includes(name) ? { numFmt: '@' } : {},
    }));
    // The report's header look; required columns in red, with a note saying so.
    ws.getRow(1).eachCell((cell, c) => {
      const required = (REQUIRED_COLUMNS as readonly string[]).includes(COLUMNS[c - 1]![0]);
      cell.font = required ? { bold: true, color: { argb: 'FF9C0006' } } : { bold: true };
      cell.fill = solid(HEADER_FILL);
      if (required) cell.note = zh ? '必填' : 'required';
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    for (const row of rows) ws.addRow(COLUMNS.map(([name]) => exampleValue(row, name)));
    COLUMNS.forEach(([name], i) => {
      const spec = ENUMS[name];
      const col = ws.getColumn(i + 1).letter;
      if (spec) {
        const values = Object.values(spec.values).map(([zhLabel, en]) => (zh ? zhLabel : en));
        (ws as unknown as DataValidations).dataValidations.add(`${col}2:${col}${prepared + 1}`, {
          type: 'list',
          allowBlank: true,
          formulae: [`"${values.join(',')}"`],
          showErrorMessage: true,
          errorTitle: name,
          error: describeEnum(spec),
        });
      }
      if (ID_COLUMNS.includes(name)) for (let r = 2; r <= prepared + 1; r++) ws.getCell(`${col}${r}`).numFmt = '@';
    });
  };
  addDataSheet(zh ? '面试记录' : 'Interviews', [], PREPARED_ROWS);
  addDataSheet(EXAMPLE_SHEET_NAMES[zh ? 0 : 1]!, EXAMPLE, EXAMPLE.length);
  await wb.xlsx.writeFile(options.out);
}
