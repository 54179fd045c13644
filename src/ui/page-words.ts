/**
 * The page's own words for what the library says in the CLI's: keyed by a message's code, never
 * by its text. The library's messages name the CLI's flags (`--merge`, `--resume`, `--map`) and
 * Feishu's raw answers; the page's person has no flags and reads no codes, so a code listed here
 * is said in what the page offers instead (a choice, a button), and the code itself goes to the
 * small details line for support. A code not listed keeps the library's message, which names no
 * flag (test/ui/page-words.test.ts holds the flagged ones here).
 */
import type { Pair } from '../messages.js';
import { FEISHU_CODE } from '../feishu/codes.js';
import {
  ASSESSMENT_TYPE,
  COLUMNS,
  CONCLUSION,
  type Column,
  type EnumSpec,
  FIELD,
  PARTICIPATE_STATUS,
  TIME_SPAN,
} from '../schema.js';
import type { Warning, WarningCode, WarningOf } from '../warnings.js';
import type { ProblemFacts } from '../errors.js';
import { endBeforeBegin, timeConflict } from './time-words.js';

/** Where the message is about: a row of the file and the column as the file names it. */
export interface Where {
  readonly row?: number;
  readonly column?: string;
  /** The cell at fault, as the file holds it. */
  readonly cell?: string;
  /** The workbook's sheet the message is about. */
  readonly sheet?: string;
  /** The interview's key from the old system, where the message is about one the file names by it. */
  readonly key?: string;
  /** The times the problem names (its report row's `error_facts`). */
  readonly facts?: ProblemFacts;
}

/** The enumeration a column holds, when the file names it as the template does (in either language). */
function enumOf(column: string | undefined): EnumSpec | undefined {
  for (const spec of [PARTICIPATE_STATUS, CONCLUSION, ASSESSMENT_TYPE]) {
    const chinese = COLUMNS.find(([name]) => name === spec.name)?.[1];
    if (column === spec.name || column === chinese) return spec;
  }
  return undefined;
}

/** An enumeration's values in one language only: 不通过、通过、待定. */
const valuesIn = (spec: EnumSpec): Pair => ({
  en: Object.values(spec.values)
    .map(([, en]) => en)
    .join(', '),
  zh: Object.values(spec.values)
    .map(([zh]) => zh)
    .join('、'),
});

function badEnum(w: Where): Pair | undefined {
  // Said of no row (a result's list of problems, when its rows are not at hand): what to do, in words.
  if (w.column === undefined)
    return {
      en: "a cell holds a word the column does not take: pick one of the column's values (the check's rows name each)",
      zh: '有单元格填了该列不接受的词：请从该列的可选值中选一个（检查结果中的行逐一列出）',
    };
  const spec = enumOf(w.column);
  if (!spec) return undefined;
  const values = valuesIn(spec);
  // No cell at hand (an import's result without its preview's rows): the values alone, no empty "got".
  if (w.cell === undefined)
    return withPlace(w, {
      en: `expected one of ${values.en}: pick one of those`,
      zh: `应为以下之一：${values.zh}：请从中选一个`,
    });
  return withPlace(w, {
    en: `expected one of ${values.en}, got "${w.cell}": pick one of those`,
    zh: `应为以下之一：${values.zh}，实际是“${w.cell}”：请从中选一个`,
  });
}

const at = (w: Where): Pair => {
  if (w.row === undefined) return { en: '', zh: '' };
  if (w.column) return { en: `row ${w.row}, column ${w.column}: `, zh: `第 ${w.row} 行「${w.column}」列：` };
  return { en: `row ${w.row}: `, zh: `第 ${w.row} 行：` };
};

const withPlace = (w: Where, text: Pair): Pair => {
  const p = at(w);
  return { en: `${p.en}${text.en}`, zh: `${p.zh}${text.zh}` };
};

const placed = (w: Where, text: Pair | undefined): Pair | undefined => text && withPlace(w, text);

/** What to do after a failure that is Feishu's or the network's: the run stops or goes on, then 继续导入. */
const AGAIN: Pair = {
  en: 'this row was not written; once Feishu answers again, press "Resume" (what landed is skipped)',
  zh: '这一行没有写入：等飞书恢复后点「继续导入」（已写入的会跳过）',
};

/** Feishu's answer codes the page says in words (docs/feishu-api.md, "Codes"). */
const FEISHU_WORDS: Readonly<Record<number, Pair>> = {
  [FEISHU_CODE.parameterError]: {
    en: "Feishu refused this interview as written (a value it does not accept, or an external ID another interview already uses): check the row's IDs and values, correct the file and import it again",
    zh: '飞书拒绝了这场面试的内容（有它不接受的值，或外部系统ID已被另一场面试使用）：请核对这一行的 ID 和各项内容，改正文件后重新导入',
  },
  [FEISHU_CODE.internalError]: {
    en: 'Feishu had an internal error and kept it after several tries',
    zh: '飞书内部出错，重试几次后仍然失败',
  },
  [FEISHU_CODE.rateLimited]: {
    en: 'Feishu asked to slow down and kept refusing after several tries',
    zh: '飞书要求放慢速度，重试几次后仍被拒绝',
  },
  [FEISHU_CODE.scopeMissing]: {
    en: 'the app may not update interviews in Feishu: an admin must grant it the permission "更新外部投递" in the developer console and publish a new version',
    zh: '应用没有在飞书中更新面试的权限：需要管理员在开发者后台为它添加“更新外部投递”权限并发布新版本',
  },
  [FEISHU_CODE.ipNotAllowed]: {
    en: "Feishu does not take calls from this computer's address: an admin must add it to the app's allow-list in the developer console",
    zh: '飞书不接受来自这台电脑地址的调用：需要管理员在开发者后台把它加入应用的白名单',
  },
  [FEISHU_CODE.quotaUsedUp]: {
    en: "the company's Feishu API quota for this month is used up: ask the Feishu admin",
    zh: '公司本月的飞书接口调用额度已用完：请联系飞书管理员',
  },
  [FEISHU_CODE.wrongSecret]: {
    en: "Feishu does not accept the app's credentials: ask whoever started this page to check them",
    zh: '飞书不接受应用的凭证：请让启动这个页面的人核对凭证',
  },
};

/** A code Feishu answered with, in words: a known one as what it means, any other with its number. */
export function feishuAnswer(code: number): Pair {
  const known = FEISHU_WORDS[code === FEISHU_CODE.wrongSecret10015 ? FEISHU_CODE.wrongSecret : code];
  if (known) return known;
  return {
    en: `Feishu answered with an error (code ${code}): try again later; if it keeps happening, send the details below to support`,
    zh: `飞书返回了错误（代码 ${code}）：请稍后重试；如果一直出现，请把下面的技术信息发给支持人员`,
  };
}

/** Feishu's answers that the same call meets again later: the body or the app must change first. */
const LASTING: ReadonlySet<number> = new Set([
  FEISHU_CODE.parameterError,
  FEISHU_CODE.scopeMissing,
  FEISHU_CODE.ipNotAllowed,
  FEISHU_CODE.quotaUsedUp,
  FEISHU_CODE.wrongSecret,
  FEISHU_CODE.wrongSecret10015,
]);

const UNWRITTEN: Pair = { en: 'this interview was not written', zh: '这场面试没有写入' };

const NETWORK: Pair = {
  en: 'could not reach Feishu (the connection failed or timed out) after several tries',
  zh: '连不上飞书（连接失败或超时），重试几次后仍然不行',
};

const UNAVAILABLE: Pair = {
  en: 'Feishu is unavailable for now (its servers answered with an error) after several tries',
  zh: '飞书暂时不可用（服务器出错），重试几次后仍然不行',
};

const READ_AGAIN: Pair = {
  en: 'the current records could not be read, so nothing was written: try again once Feishu answers',
  zh: '没能读取飞书中的现有记录，所以什么也没有写入：请等飞书恢复后重试',
};

const join = (a: Pair, b: Pair): Pair => ({ en: `${a.en}; ${b.en}`, zh: `${a.zh}。${b.zh}` });

type Words = (w: Where) => Pair | undefined;

/** The page's words for each code whose library message names a flag or is Feishu's raw answer. */
const BY_CODE: Readonly<Record<string, Words>> = {
  ROW_BAD_ENUM: badEnum,
  ROW_MISSING_ID: (w) =>
    withPlace(w, {
      en: "expected the interview's Feishu ID, got a blank cell: fill it in (for an interview to create, fill in its ID from the old system instead)",
      zh: '应填这场面试在飞书中的 ID，实际为空：请填上（要新建的面试，请改填它在旧系统中的 ID）',
    }),
  ROW_MISSING_APPLICATION_ID: (w) =>
    withPlace(w, {
      en: "expected the application's ID on at least one row of this interview, got none: fill it in on this row",
      zh: '这场面试至少要有一行填写外部投递ID，实际一行也没有：请在这一行填上',
    }),
  ROW_BAD_ASSESSMENT_NO: (w) =>
    withPlace(w, {
      en: "expected an assessment's number (1 for the first, 2 for the second, …), got something else: number the assessments 1, 2, …",
      zh: '评价序号应为从 1 开始的整数（第一个评价为 1）：请按 1、2、…… 编号',
    }),
  ROW_NO_SUCH_ASSESSMENT: (w) =>
    withPlace(w, {
      en: "expected an assessment this interview has in Feishu, got one it does not have: fix the interviewer's name or the assessment's number; to rename an interviewer, give the assessment's number and the new name",
      zh: '这场面试在飞书中没有这条评价：请改正面试官姓名或评价序号；要给面试官改名，请填该评价的序号和新名字',
    }),
  ROW_NO_SUCH_DIMENSION: (w) =>
    withPlace(w, {
      en: "expected an item this assessment has in Feishu, got one it does not have: fix the item's title",
      zh: '这条评价在飞书中没有这个评分项：请改正评分项名称',
    }),
  // Times with the zone in words (the library's name it by its IANA name); without them, its words.
  ROW_END_BEFORE_BEGIN: (w) => placed(w, endBeforeBegin(w.facts, w.row)),
  ROW_CONFLICT: (w) => placed(w, timeConflict(w.facts)),
  ROW_NEW_INTERVIEW_INCOMPLETE: (w) =>
    withPlace(w, {
      en: `Feishu has no interview with ${w.key === undefined ? 'this ID' : `the ID ${w.key}`} from the old system, and the row lacks what a new interview needs: correct the ID if the interview exists, or fill in the blank columns to create it`,
      zh: `飞书中没有${w.key === undefined ? '这个旧系统 ID' : `旧系统 ID 为 ${w.key}`} 的面试，而新建面试所需的列是空的：如果面试已存在，请改正 ID；否则请填上这些列再新建`,
    }),
  RUN_NOT_FOUND: (w) =>
    withPlace(w, {
      en: 'not sent: Feishu has no such interview under this application: check its ID, or fill in what a new interview needs (application, status, begin and end time, interviewer) to create it',
      zh: '未发送：飞书中这个投递下没有这场面试：请检查 ID；要新建它，请填上新面试所需的外部投递ID、参与状态、开始时间、结束时间和面试官',
    }),
  RUN_WOULD_REMOVE: (w) =>
    withPlace(w, {
      en: 'not sent: this import would remove values Feishu holds for this interview; to remove them, tick it under "Remove" in the preview; to clear one cell, write <clear> in it',
      zh: '未发送：这样导入会删掉飞书中这场面试已有的内容。要删掉，请在预览的「删除」中勾选它；只清空某一格，请在该格填 <clear>',
    }),
  RUN_EXTERNAL_ID_AMBIGUOUS: (w) =>
    withPlace(w, {
      en: "not sent: several interviews in Feishu may be this one, so none is changed: put its Feishu ID in the file (the migration's report has it)",
      zh: '未发送：飞书中有几场面试都可能是它，所以都不修改：请在文件中填上它在飞书中的 ID（迁移时的报告里有）',
    }),
  RUN_CANNOT_TELL_APART: (w) =>
    withPlace(w, {
      en: "not sent: which interview in Feishu this is cannot be told, so none is changed: put its Feishu ID in the file (the migration's report has it)",
      zh: '未发送：无法判断它是飞书中的哪一场面试，所以都不修改：请在文件中填上它在飞书中的 ID（迁移时的报告里有）',
    }),
  HTTP_NETWORK: (w) => withPlace(w, join(NETWORK, AGAIN)),
  HTTP_TIMEOUT: (w) => withPlace(w, join(NETWORK, AGAIN)),
  HTTP_ABORTED: (w) =>
    withPlace(w, {
      en: 'stopped before Feishu answered (it may have landed): press "Resume" to check it and finish',
      zh: '停止时还没有收到飞书的应答（可能已写入）：点「继续导入」会核对并补上',
    }),
  INPUT_MISSING_COLUMN: (w) => ({
    en: `the file${w.sheet ? ` (sheet "${w.sheet}")` : ''} lacks columns the template has: rename its headers to the template's names, or choose the sheet that holds the data, then check again`,
    zh: `文件${w.sheet ? `（工作表“${w.sheet}”）` : ''}缺少模板中的列：请把表头改成模板中的列名，或选择放数据的工作表，再重新检查`,
  }),
  AUTH_TOKEN_UNAVAILABLE: () => ({
    en: 'could not reach Feishu to sign in (the network is down, or Feishu is unavailable): nothing was read or written; check the network and try again',
    zh: '连不上飞书，无法登录（网络中断，或飞书暂时不可用）：什么也没有读取或写入；请检查网络后重试',
  }),
  AUTH_BAD_CREDENTIALS: () => feishuAnswer(FEISHU_CODE.wrongSecret),
  USAGE_BAD_OPTION: () => ({
    en: 'the time zone or sheet chosen is not one the file can be read in: pick the time zone from the list (such as Asia/Shanghai) and the sheet from the list',
    zh: '所选的时区或工作表无法用来读取文件：请从列表中选择时区（例如 Asia/Shanghai）和工作表',
  }),
  XLSX_NO_SUCH_SHEET: () => ({
    en: 'the workbook has no such sheet: choose one from the "Sheet" list',
    zh: '工作簿中没有这个工作表：请从「工作表」列表中选择',
  }),
};

/**
 * The page's words for a message of `code` at `where`, or undefined where the library's own words
 * serve. `feishuCode`: the code Feishu answered with, when the failure is its answer.
 */
export function pageWords(code: string | undefined, where: Where = {}, feishuCode?: number): Pair | undefined {
  if (code === undefined) return undefined;
  const byCode = BY_CODE[code];
  if (byCode) return byCode(where);
  if (code === 'HTTP_READ_FAILED')
    return join(feishuCode === undefined ? NETWORK : feishuAnswer(feishuCode), READ_AGAIN);
  const feishu = feishuCode ?? (/^\d+$/.test(code) ? Number(code) : undefined);
  // A refusal that waiting does not cure: what to fix is in its words; no 继续导入 to wait for.
  if (feishu !== undefined)
    return withPlace(where, join(feishuAnswer(feishu), LASTING.has(feishu) ? UNWRITTEN : AGAIN));
  if (/^HTTP_\d+$/.test(code)) return withPlace(where, join(UNAVAILABLE, AGAIN));
  return undefined;
}

/** A grid row's message in the page's words, its column as the file names it. */
export function rowInPageWords<
  R extends {
    row: number;
    code?: string;
    fault?: number;
    message?: string;
    cells: readonly string[];
    facts?: ProblemFacts;
  },
>(r: R, columns: readonly string[], lang: 'zh' | 'en'): R {
  const at = r.fault === undefined ? {} : { column: columns[r.fault], cell: r.cells[r.fault] };
  const words = pageWords(r.code, { row: r.row, ...at, facts: r.facts });
  return words ? { ...r, message: words[lang] } : r;
}

/** The first few of a list, then (a longer one) how many in all: `after` follows the items (` 行`). */
function listed(items: readonly (string | number)[], count: number, unit: Pair & { after?: string }, shown = 10): Pair {
  const head = items.slice(0, shown);
  const all = count > head.length;
  return {
    en: `${head.join(', ')}${all ? ` (${count} ${unit.en} in all)` : ''}`,
    zh: `${head.join('、')}${unit.after ?? ''}${all ? `（共 ${count} ${unit.zh}）` : ''}`,
  };
}

const quoted = (names: readonly string[]): Pair => ({
  en: names.map((n) => `"${n}"`).join(', '),
  zh: names.map((n) => `“${n}”`).join('、'),
});

const LINES = { en: 'lines', zh: '行', after: ' 行' };
const CELLS = { en: 'cells', zh: '个' };

/** Sheets that hold the template's columns too: a visible one is chosen in the 工作表 box, a hidden one shown in Excel first. */
function otherSheets(w: WarningOf<'INPUT_OTHER_SHEETS'>): Pair {
  const shown = quoted(w.sheets.filter((s) => !s.hidden).map((s) => s.name));
  const hidden = quoted(w.sheets.filter((s) => s.hidden).map((s) => s.name));
  const parts: Pair[] = [];
  if (shown.zh)
    parts.push({
      en: `sheet ${shown.en} also holds the template's columns and was not read: to import it, choose it in the "Sheet" box and check it on its own`,
      zh: `工作表${shown.zh}也带有模板的列，这次没有读取：要导入它，请在「工作表」框中选择它，单独检查和导入`,
    });
  if (hidden.zh)
    parts.push({
      en: `the hidden sheet ${hidden.en} also holds the template's columns and was not read: to import it, unhide it in Excel or WPS and upload the file again`,
      zh: `隐藏的工作表${hidden.zh}也带有模板的列，没有读取：要导入它，请先在 Excel 或 WPS 中取消隐藏，再重新上传文件`,
    });
  return parts.reduce(join);
}

/** A template column in the page's language. */
const columnWords = (column: string): Pair => {
  const field = FIELD[column as Column];
  return field ? { en: field.column, zh: field.zh } : { en: column, zh: column };
};

/**
 * The page's words for each warning (src/warnings.ts), from its facts, never its message (which
 * names the CLI's flags): what the page offers instead. A warning code without words here is a type error.
 */
const WARNING_WORDS: { readonly [C in WarningCode]: (w: WarningOf<C>) => Pair } = {
  INPUT_STRAY_QUOTES: (w) => {
    const lines = listed(w.lines, w.count, LINES);
    return {
      en: `a cell on line(s) ${lines.en} has a quote inside it (as in 12"N), read as written, as Excel reads it: check those cells`,
      zh: `第 ${lines.zh}的单元格中间有引号（例如 12"N），已按原样读取（与 Excel 相同）：请核对这些单元格`,
    };
  },
  INPUT_OTHER_SHEETS: otherSheets,
  INPUT_RECALC: (w) => ({
    en: `the workbook asks to be recalculated when opened, so the saved results of its ${w.formulas} formula cell(s) may be stale and their rows are not imported: open it in Excel or WPS, save it, and upload it again`,
    zh: `这个工作簿要求打开时重新计算，其中 ${w.formulas} 个公式单元格保存的结果可能已过时，所在行不会导入：请用 Excel 或 WPS 打开并保存后重新上传`,
  }),
  INPUT_TEXT_FORMULAS: (w) => {
    const cells = listed(w.cells, w.count, CELLS);
    return {
      en: `cell(s) ${cells.en} of sheet "${w.sheet}" hold a formula saved as text, never calculated (="…"): read as the text between the quotes; check those values`,
      zh: `工作表“${w.sheet}”的单元格 ${cells.zh} 中是没有计算过的公式文本（="…"）：已按引号内的文本读取，请核对这些值`,
    };
  },
  INPUT_UNKNOWN_COLUMNS: (w) => {
    const names = quoted(w.columns.slice(0, 10));
    const more =
      w.columns.length > 10
        ? { en: ` and ${w.columns.length - 10} more`, zh: ` 等另外 ${w.columns.length - 10} 列` }
        : { en: '', zh: '' };
    return {
      en: `columns the tool does not know are kept in the report but not imported: ${names.en}${more.en}; if one holds what the template has, press "Map the file's columns" and choose its column`,
      zh: `无法识别的列会保留在报告中，但不会导入：${names.zh}${more.zh}。如果其中有模板中的内容，请点「映射文件的列」为它选择对应的列`,
    };
  },
  INPUT_SKIPPED_ABOVE: (w) => ({
    en: `${w.rows} row(s) above the header row were not read`,
    zh: `表头上方的 ${w.rows} 行没有读取`,
  }),
  INPUT_ERASED_COLUMN: (w) => {
    const c = columnWords(w.column);
    return {
      en: `the file has no column ${c.en}: importing it clears what Feishu holds there for every interview; to keep it, add the column to the file`,
      zh: `文件中没有「${c.zh}」列：导入会清空飞书中每场面试这一项现有的内容；要保留，请在文件中补上这一列`,
    };
  },
  INPUT_LONG_INTERVIEWS: (w) => {
    const end = columnWords(TIME_SPAN.end);
    const rows = w.rows.join('、');
    const some = w.count > w.rows.length;
    return {
      en: `${w.count} interview(s) last longer than a day (${some ? `${w.rows.length} of them ` : ''}on row(s) ${w.rows.join(', ')}), imported as written: if an ${end.en}'s date is wrong, fix it in the table`,
      zh: `${w.count} 场面试时长超过一天（${some ? `其中 ${w.rows.length} 场` : ''}在第 ${rows} 行），会按所写内容导入：如果${end.zh}的日期写错了，请在表格中改正`,
    };
  },
  RUN_NO_BACKUP: () => ({
    en: 'what this import overwrote was not saved, so it cannot be undone',
    zh: '这次导入没有备份被覆盖的内容，所以无法撤销',
  }),
};

/** A warning in the page's words. */
export const warningWords = (w: Warning): Pair => (WARNING_WORDS[w.code] as (w: Warning) => Pair)(w);
