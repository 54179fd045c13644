import type { Pair } from '../messages.js';

/** Why a file cannot be read as a table, and what reading it noticed. */
/** What a reference in a sheet names, and an example of a good one. */
const REFERENCE_KINDS = {
  cell: ['cell', '单元格', 'B12'],
  row: ['row', '行号', '12'],
  merge: ['merged range', '合并区域', 'A2:A5'],
} as const;

export const INPUT = {
  place: (sheet: string | undefined, row: number): Pair => ({
    en: `${sheet ? `sheet ${sheet}, ` : ''}header row ${row}`,
    zh: `${sheet ? `工作表 ${sheet}，` : ''}表头第 ${row} 行`,
  }),
  unreadable: (p: { code: string; file: string }): Pair => ({
    en: `expected a readable file, got ${p.code} for ${p.file}: check the path`,
    zh: `无法读取文件 ${p.file}（${p.code}）。请检查路径`,
  }),
  directory: (file: string): Pair => ({
    en: `expected a file, got a directory: ${file}`,
    zh: `应为文件，实际是文件夹：${file}`,
  }),
  unsupported: (p: { ext: string; file: string }): Pair => ({
    en: `expected an .xlsx or .csv file, got "${p.ext}" for ${p.file}: save it from Excel as .xlsx or CSV UTF-8`,
    zh: `应为 .xlsx 或 .csv 文件，${p.file} 却是 "${p.ext}"。请在 Excel 中另存为 .xlsx 或 CSV UTF-8`,
  }),
  emptyFile: (file: string): Pair => ({
    en: `expected a header row and data rows, got an empty file: ${file}`,
    zh: `文件是空的：${file}。应有一行表头和若干数据行`,
  }),
  emptySheet: (p: { sheet?: string; file: string }): Pair => ({
    en: `expected a header row and data rows, got ${p.sheet ? `an empty sheet ${p.sheet}` : 'no text'} in ${p.file}`,
    zh: `${p.file} 中${p.sheet ? `的工作表 ${p.sheet} 是空的` : '没有任何文字'}，应有一行表头和若干数据行`,
  }),
  noRows: (p: { row: number; file: string; sheet?: string }): Pair => ({
    en: `expected data rows below the header (row ${p.row}), got none in ${p.file}${p.sheet ? `, sheet ${p.sheet}` : ''}: fill in one row per assessment dimension`,
    zh: `${p.file}${p.sheet ? ` 的工作表 ${p.sheet}` : ''} 中表头（第 ${p.row} 行）下面没有数据行。请每个评价维度填一行`,
  }),
  pasted: (p: { named: string; sheet: string }): Pair => ({
    en: `Sheet ${p.named} holds rows: if the data was pasted there, move it under this header, or pass --sheet ${p.sheet}`,
    zh: `工作表 ${p.named} 中有数据：如果数据粘贴到了那里，请移到这个表头下面，或用 --sheet ${p.sheet} 指定`,
  }),
  noSheets: (file: string): Pair => ({
    en: `expected at least one worksheet, got none in ${file}: open it in Excel and save it again`,
    zh: `${file} 中没有工作表。请用 Excel 打开后重新保存`,
  }),
  noSuchSheet: (p: { wanted: string; sheets: string; file: string }): Pair => ({
    en: `expected a sheet named "${p.wanted}", got sheets ${p.sheets} in ${p.file}: pass one of those to --sheet`,
    zh: `${p.file} 中没有名为 "${p.wanted}" 的工作表，只有 ${p.sheets}。请在 --sheet 中填其中一个`,
  }),
  sheetHidden: (p: { name: string; file: string }): Pair => ({
    en: `expected a visible sheet with the template's columns, got only the hidden sheet ${p.name} in ${p.file}: unhide it in Excel, or pass --sheet ${p.name} to read it anyway`,
    zh: `${p.file} 中只有隐藏的工作表 ${p.name} 带有模板的列。请在 Excel 中取消隐藏，或用 --sheet ${p.name} 直接读取`,
  }),
  encodingDetected: { en: ' (detected)', zh: '（自动识别）' },
  encodingBom: { en: ' (byte-order mark)', zh: '（字节顺序标记）' },
  otherSheets: (list: string): Pair => ({
    en: `sheet ${list} also holds the template's columns and was not read: import it separately with --sheet NAME`,
    zh: `工作表 ${list} 也带有模板的列，但没有读取：请用 --sheet 工作表名 单独导入`,
  }),
  recalc: (n: number): Pair => ({
    en: `the workbook asks to be recalculated when opened, so the saved results of its ${n} formula cell(s) may be stale and their rows are invalid: open it in Excel or WPS, save it, and run again`,
    zh: `这个工作簿要求打开时重新计算，其中 ${n} 个公式单元格保存的结果可能已过时，所在行判为无效：请用 Excel 或 WPS 打开并保存后重新运行`,
  }),
  unknownColumns: (p: { shown: string; more: number }): Pair => ({
    en: `unknown columns kept in the report but not imported: ${p.shown}${p.more > 0 ? ` and ${p.more} more` : ''} (map them with --map if they hold template data)`,
    zh: `无法识别的列会保留在报告中但不导入：${p.shown}${p.more > 0 ? ` 等另外 ${p.more} 列` : ''}（如果其中是模板数据，请用 --map 映射）`,
  }),
  skippedAbove: (n: number): Pair => ({
    en: `${n} row(s) above the header row were ignored`,
    zh: `表头上方的 ${n} 行已忽略`,
  }),
  missingColumns: (p: {
    missing: string;
    many: boolean;
    file: string;
    place: Pair;
    found: string;
    expected: string;
    merge: boolean;
  }): Pair => ({
    en: `expected the column${p.many ? 's' : ''} ${p.missing} in ${p.file} (${p.place.en}), got headers: ${p.found}. Expected names: ${p.expected}. Rename the headers, or map them with --map mapping.json${p.merge ? '; to change only the columns this file carries, import it with --merge.' : '.'}`,
    zh: `${p.file}（${p.place.zh}）缺少列 ${p.missing}，实际表头为：${p.found}。应有的列名：${p.expected}。请改正表头，或用 --map mapping.json 映射${p.merge ? '；如果只想修改文件中有的列，请用 --merge 导入。' : '。'}`,
  }),
  duplicateColumn: (p: { file: string; place: Pair; dup: string; found: string }): Pair => ({
    en: `expected each column once, got a duplicated column in ${p.file} (${p.place.en}): ${p.dup}. Headers found: ${p.found}. Delete or rename one of them.`,
    zh: `${p.file}（${p.place.zh}）中有重复的列：${p.dup}。实际表头为：${p.found}。请删除或重命名其中一列。`,
  }),
  appearsAs: (column: string, headers: string): Pair => ({
    en: `${column} appears as ${headers}`,
    zh: `${column} 出现为 ${headers}`,
  }),
  looksLike: (p: { header: string; at: number; columns: string }): Pair => ({
    en: `${p.header} (column ${p.at}) looks like ${p.columns}`,
    zh: `${p.header}（第 ${p.at} 列）像是 ${p.columns}`,
  }),
  nearMiss: (p: { said: string; file: string; place: Pair; meant: string; example: string }): Pair => ({
    en: `expected the template's column names, got ${p.said} in ${p.file} (${p.place.en}): did you mean ${p.meant}? Rename the column to the template's name, or map it with --map mapping.json, e.g. ${p.example}`,
    zh: `${p.file}（${p.place.zh}）中的列名与模板不一致：${p.said}。是不是想写 ${p.meant}？请把列名改成模板中的名称，或用 --map mapping.json 映射，例如 ${p.example}`,
  }),
  csvNul: (p: { line: number; file: string }): Pair => ({
    en: `expected text, got a NUL byte on line ${p.line} of ${p.file}: the file is binary or damaged; export it again as CSV (or pass --encoding utf-16le if it is UTF-16 without a byte-order mark)`,
    zh: `${p.file} 第 ${p.line} 行有 NUL 字节，不是文本：文件是二进制或已损坏。请重新导出为 CSV（如果是不带 BOM 的 UTF-16，请加 --encoding utf-16le）`,
  }),
  csvParse: (p: { line: number | string; file: string; detail: string }): Pair => ({
    en: `expected well-formed CSV, got a problem near line ${p.line} of ${p.file} (${p.detail}): a quote inside a cell must be doubled ("") and the whole cell quoted; fix that line, or save the sheet again from Excel as CSV`,
    zh: `${p.file} 第 ${p.line} 行附近的 CSV 格式有误（${p.detail}）：单元格中的引号要写成两个（""），并给整个单元格加上引号。请改正这一行，或用 Excel 重新另存为 CSV`,
  }),
  textAfterQuote: (after: string): Pair => ({
    en: `text ${after} after the closing quote of a quoted cell`,
    zh: `带引号的单元格在结束引号之后还有文字 ${after}`,
  }),
  strayQuotes: (p: { lines: string; file: string }): Pair => ({
    en: `a quote inside a cell that does not start with one (as in 12"N) was read as written, as Excel reads it, on line(s) ${p.lines} of ${p.file}: check those cells; to be sure, quote the whole cell and double the quote ("12""N")`,
    zh: `${p.file} 第 ${p.lines} 行的单元格中间有引号（例如 12"N），已按原样读取（与 Excel 相同）：请核对这些单元格；稳妥的写法是给整个单元格加引号，并把其中的引号写成两个（"12""N"）`,
  }),
  separatorNames: {
    ',': { en: 'comma', zh: '逗号' },
    ';': { en: 'semicolon', zh: '分号' },
    '\t': { en: 'tab', zh: '制表符' },
    '|': { en: 'bar (|)', zh: '竖线（|）' },
  },
  unknownEncoding: (forced: string): Pair => ({
    en: `expected an encoding such as utf-8, gb18030, gbk, utf-16le or windows-1252, got --encoding ${forced}: pick one of those`,
    zh: `--encoding ${forced} 不是可用的编码。请从 utf-8、gb18030、gbk、utf-16le、windows-1252 中选一个`,
  }),
  mixedEncoding: (p: { file: string; utf8Line: number; otherLine: number }): Pair => ({
    en: `expected one text encoding in ${p.file}, got UTF-8 on line ${p.utf8Line} and GBK/GB18030 on line ${p.otherLine}: the file was pieced together from differently saved files; open each part, save all as "CSV UTF-8", and join them again (or pass --encoding to force one)`,
    zh: `${p.file} 混用了两种编码：第 ${p.utf8Line} 行是 UTF-8，第 ${p.otherLine} 行是 GBK/GB18030。文件是由不同方式保存的文件拼接而成的：请把每部分都另存为“CSV UTF-8”后重新拼接（或用 --encoding 指定一种）`,
  }),
  invalidUtf8: (file: string): Pair => ({
    en: `expected UTF-8 after the UTF-8 byte-order mark of ${file}, got bytes that are not UTF-8: save the file again as "CSV UTF-8", or pass --encoding gb18030`,
    zh: `${file} 开头标明是 UTF-8，但内容不是 UTF-8。请重新另存为“CSV UTF-8”，或加 --encoding gb18030`,
  }),
  encodingUnsure: (p: { file: string; line: number; gb: string; latin: string }): Pair => ({
    en: `expected text whose encoding can be told, got bytes in ${p.file} that are not UTF-8 and read as GB18030 no more plausibly than as Windows-1252; line ${p.line} reads ${p.gb} as GB18030 and ${p.latin} as Windows-1252: pass --encoding gb18030 or --encoding windows-1252 (whichever reading is right), or save the file as "CSV UTF-8"`,
    zh: `无法确定 ${p.file} 的编码：内容不是 UTF-8，按 GB18030 和按 Windows-1252 读都说得通。第 ${p.line} 行按 GB18030 读是 ${p.gb}，按 Windows-1252 读是 ${p.latin}。请加 --encoding gb18030 或 --encoding windows-1252（选读得对的那个），或把文件另存为“CSV UTF-8”`,
  }),
  csvTooLarge: (p: { file: string; size: string; max: string }): Pair => ({
    en: `expected a CSV file of at most ${p.max} (Excel's 1,048,576 rows of 1 KiB each), got ${p.size} in ${p.file}: split it into smaller files and run each`,
    zh: `${p.file} 有 ${p.size}，超过了 CSV 文件的上限 ${p.max}（Excel 的 1,048,576 行，每行按 1 KiB 计）。请拆成几个较小的文件分别运行`,
  }),
  emptyWorkbook: (file: string): Pair => ({
    en: `expected an .xlsx workbook, got an empty file: ${file}`,
    zh: `文件是空的，不是 .xlsx 工作簿：${file}`,
  }),
  notWorkbook: (file: string): Pair => ({
    en: `expected an .xlsx workbook (a zip archive), got something else in ${file}: an old .xls or a renamed file? Open it in Excel and save it as .xlsx or CSV UTF-8`,
    zh: `${file} 不是 .xlsx 工作簿：是旧的 .xls 还是改过扩展名的文件？请用 Excel 打开并另存为 .xlsx 或 CSV UTF-8`,
  }),
  damaged: (p: { detail: string; file: string }): Pair => ({
    en: `expected a complete .xlsx workbook, got one that cannot be read (${p.detail}) in ${p.file}: the file may be truncated or damaged; open it in Excel and save it again`,
    zh: `无法读取工作簿 ${p.file}（${p.detail}）：文件可能不完整或已损坏。请用 Excel 打开后重新保存`,
  }),
  tooLarge: (p: { why: string; file: string }): Pair => ({
    en: `expected a workbook of ordinary size, got one where ${p.why} (${p.file}): it looks like a zip bomb or a damaged file; export the data again, or split it and save as CSV`,
    zh: `工作簿 ${p.file} 大得不正常（${p.why}）：像是压缩炸弹或损坏的文件。请重新导出数据，或拆分后保存为 CSV`,
  }),
  overLimit: (p: { what: Pair; part: string; file: string }): Pair => ({
    en: `expected ${p.what.en} in ${p.part} of ${p.file}, got more: no spreadsheet program writes that, so the file is damaged or made to break readers; open it in Excel or WPS and save it again, or save the sheet as CSV UTF-8`,
    zh: `${p.file} 的 ${p.part} 超出了上限（应为${p.what.zh}）：正常的表格软件不会写出这样的文件，它可能已损坏或是被故意构造的。请用 Excel 或 WPS 打开后重新保存，或把工作表另存为 CSV UTF-8`,
  }),
  limitDirectory: (limit: string): Pair => ({ en: `at most ${limit} of zip directory`, zh: `zip 目录不超过 ${limit}` }),
  limitMembers: (limit: string): Pair => ({ en: `at most ${limit} members`, zh: `成员不超过 ${limit} 个` }),
  limitDepth: (limit: string): Pair => ({
    en: `elements nested at most ${limit} deep`,
    zh: `元素嵌套不超过 ${limit} 层`,
  }),
  limitText: (limit: string): Pair => ({
    en: `at most ${limit} characters in one text, attribute or name`,
    zh: `单个文本、属性或名称不超过 ${limit} 个字符`,
  }),
  limitAttributes: (limit: string): Pair => ({
    en: `at most ${limit} attributes on one element`,
    zh: `单个元素的属性不超过 ${limit} 个`,
  }),
  limitSheets: (limit: string): Pair => ({ en: `at most ${limit} sheets`, zh: `工作表不超过 ${limit} 个` }),
  limitStyles: (limit: string): Pair => ({
    en: `at most ${limit} cell styles (Excel's own limit is 64,000)`,
    zh: `单元格样式不超过 ${limit} 个（Excel 自身的上限是 64,000 个）`,
  }),
  limitMerges: (limit: string): Pair => ({ en: `at most ${limit} merged ranges`, zh: `合并区域不超过 ${limit} 个` }),
  limitMergeCells: (limit: string): Pair => ({
    en: `merged ranges filling at most ${limit} cells`,
    zh: `合并区域填充的单元格不超过 ${limit} 个`,
  }),
  duplicatePart: (p: { name: string; file: string }): Pair => ({
    en: `expected each part of the workbook once, got two members named ${p.name} in ${p.file}: which one is meant cannot be told, so the archive was edited by hand or damaged; open it in Excel and save it again`,
    zh: `${p.file} 中有两个名为 ${p.name} 的部件，无法判断以哪个为准：压缩包被手工改动过或已损坏。请用 Excel 打开后重新保存`,
  }),
  encrypted: (file: string): Pair => ({
    en: `expected a workbook without a password, got an encrypted one: ${file}; open it in Excel or WPS, remove the password (File › Info › Protect Workbook › Encrypt with Password: clear it), save it, and run again`,
    zh: `工作簿 ${file} 设置了打开密码（已加密），无法读取：请用 Excel 或 WPS 打开，清除密码（文件 › 信息 › 保护工作簿 › 用密码进行加密：清空）后保存，再重新运行`,
  }),
  badReference: (p: {
    ref: string;
    row?: number;
    kind: 'cell' | 'row' | 'merge';
    sheet: string;
    file: string;
  }): Pair => {
    const [en, zh, example] = REFERENCE_KINDS[p.kind] ?? REFERENCE_KINDS.cell;
    return {
      en: `expected a ${en} reference such as ${example} within Excel's limits (columns A to XFD, rows 1 to 1,048,576), got ${p.ref}${p.row === undefined ? '' : ` (row ${p.row})`} in sheet ${p.sheet} of ${p.file}: open it in Excel and save it again`,
      zh: `${p.file} 的工作表 ${p.sheet} 中有无效的${zh}引用 ${p.ref}${p.row === undefined ? '' : `（第 ${p.row} 行）`}：应形如 ${example}，且在 Excel 的范围内（列 A 到 XFD，行 1 到 1,048,576）。请用 Excel 打开后重新保存`,
    };
  },
  repeatedRow: (p: { row: number; after: number; sheet: string; file: string }): Pair => ({
    en: `expected each row once and in order, got row ${p.row} after row ${p.after} in sheet ${p.sheet} of ${p.file}: which copy is meant cannot be told; open it in Excel and save it again`,
    zh: `${p.file} 的工作表 ${p.sheet} 中第 ${p.row} 行出现在第 ${p.after} 行之后（重复或顺序错乱），无法判断以哪一份为准。请用 Excel 打开后重新保存`,
  }),
  repeatedCell: (p: { cell: string; after: string; sheet: string; file: string }): Pair => ({
    en: `expected each cell once and from left to right, got cell ${p.cell} after cell ${p.after} in sheet ${p.sheet} of ${p.file}: which copy is meant cannot be told; open it in Excel and save it again`,
    zh: `${p.file} 的工作表 ${p.sheet} 中单元格 ${p.cell} 出现在 ${p.after} 之后（重复或顺序错乱），无法判断以哪一份为准。请用 Excel 打开后重新保存`,
  }),
  cellNul: (p: { cell: string; sheet: string }): Pair => ({
    en: `text with a NUL character (_x0000_) in cell ${p.cell} of sheet ${p.sheet}; delete the character, or type the text again`,
    zh: `工作表 ${p.sheet} 的单元格 ${p.cell} 中有 NUL 字符（_x0000_）：请删除该字符，或重新输入文本`,
  }),
  dateNegative: (p: { value: string; cell: string; sheet: string }): Pair => ({
    en: `the negative number ${p.value} in the date-formatted cell ${p.cell} of sheet ${p.sheet}, which Excel shows as ######## (no date comes before 1900-01-01)`,
    zh: `工作表 ${p.sheet} 的单元格 ${p.cell} 设置为日期格式，却是负数 ${p.value}，Excel 显示为 ########（1900-01-01 之前没有日期）`,
  }),
  dateFeb29: (p: { cell: string; sheet: string }): Pair => ({
    en: `1900-02-29 in cell ${p.cell} of sheet ${p.sheet}, a day Excel shows (serial 60) but that never was`,
    zh: `工作表 ${p.sheet} 的单元格 ${p.cell} 中是 1900-02-29：Excel 会显示这一天（序号 60），但这一天并不存在`,
  }),
  dateFix: {
    en: 'type the date and time again, e.g. 2024-03-01 14:00',
    zh: '重新填写日期和时刻，例如 2024-03-01 14:00',
  },
  textFormulas: (p: { cells: string; sheet: string }): Pair => ({
    en: `cell(s) ${p.cells} of sheet ${p.sheet} hold a formula as text that was never calculated (="…"), as Gnumeric leaves a formula it cannot read; read as the text between the quotes: check those values`,
    zh: `工作表 ${p.sheet} 的单元格 ${p.cells} 中是未计算的公式文本（="…"，Gnumeric 无法解析公式时会这样保存）；已按引号内的文本读取，请核对这些值`,
  }),
  andMore: (n: number): Pair => ({ en: ` and ${n} more`, zh: ` 等另外 ${n} 个` }),
  or: { en: ' or ', zh: ' 或 ' },
  and: { en: ' and ', zh: ' 和 ' },
  none: { en: '(none)', zh: '（无）' },
} as const;

/** `--map` and JSON reports read back. */
export const MAPPING = {
  unreadable: (p: { detail: string; path: string }): Pair => ({
    en: `expected --map to name a JSON file like {"Legacy header": "external_interview_id"}, got ${p.detail} for ${p.path}`,
    zh: `--map 应指向形如 {"旧表头": "external_interview_id"} 的 JSON 文件，${p.path} 却是：${p.detail}`,
  }),
  notPairs: (path: string): Pair => ({
    en: `expected --map to hold one object of "legacy header": "template column" pairs, got something else in ${path}`,
    zh: `--map 文件 ${path} 应是一个由 "旧表头": "模板列" 组成的对象，实际不是`,
  }),
  unknownTarget: (p: { target: string; legacy: string; names: string }): Pair => ({
    en: `expected a template column name in the mapping, got "${p.target}" for "${p.legacy}": use one of ${p.names}`,
    zh: `映射中 "${p.legacy}" 对应的 "${p.target}" 不是模板列名：请用 ${p.names} 之一`,
  }),
  notJson: (p: { file: string; detail: string }): Pair => ({
    en: `expected a JSON report written by this tool, got text that is not JSON in ${p.file} (${p.detail})`,
    zh: `${p.file} 不是 JSON（${p.detail}），应为本工具写出的 JSON 报告`,
  }),
  notReport: (file: string): Pair => ({
    en: `expected a JSON report written by this tool (an object with "rows"), got something else in ${file}: use .csv or .xlsx input`,
    zh: `${file} 不是本工具写出的 JSON 报告（带 "rows" 的对象）：请改用 .csv 或 .xlsx 输入`,
  }),
} as const;

/**
 * The `.xlsx` report's own column titles, in the run's language (the CSV and JSON reports keep
 * the keys: scripts read them). src/input/headers.ts reads both languages back. Its row statuses'
 * words are in src/row-statuses.ts.
 */
export const REPORT = {
  column: {
    row: { en: 'row', zh: '行号' },
    status: { en: 'status', zh: '状态' },
    error_code: { en: 'error_code', zh: '错误代码' },
    error_column: { en: 'error_column', zh: '出错的列' },
    message: { en: 'message', zh: '说明' },
    http_status: { en: 'http_status', zh: 'HTTP 状态码' },
    log_id: { en: 'log_id', zh: '日志 ID' },
    attempts: { en: 'attempts', zh: '尝试次数' },
  },
} as const;

/** How a list of sheets marks one: hidden, or holding rows without the template's header. */
export const SHEETS = {
  hidden: (name: string): Pair => ({ en: `${name} (hidden)`, zh: `${name}（隐藏）` }),
  withRows: (p: { name: string; rows: string }): Pair => ({
    en: `${p.name} (${p.rows} row(s))`,
    zh: `${p.name}（${p.rows} 行）`,
  }),
} as const;

/** A mapping profile (`--profile FILE`, src/input/profile.ts): refused before any row is read. */
export const PROFILE = {
  unreadable: (p: { name: string; detail: string }): Pair => ({
    en: `expected the profile ${p.name} to be a JSON object like {"columns": {"Legacy header": "external_id"}}, got ${p.detail}: fix the file, or make a draft with "feishu-interview-import profile FILE"`,
    zh: `映射方案 ${p.name} 应是形如 {"columns": {"旧表头": "external_id"}} 的 JSON 对象，实际是：${p.detail}。请改正该文件，或用 "feishu-interview-import profile 文件" 生成草稿`,
  }),
  unknownKey: (p: { name: string; key: string; near?: string; known: string }): Pair => ({
    en: `expected one of ${p.known} in the profile ${p.name}, got the key "${p.key}"${p.near ? `: did you mean "${p.near}"?` : ': remove it'}`,
    zh: `映射方案 ${p.name} 中的键 "${p.key}" 无法识别${p.near ? `，是不是想写 "${p.near}"？` : '，请删除它'}。可用的键：${p.known}`,
  }),
  wrongType: (p: { name: string; key: string; expected: Pair; got: string }): Pair => ({
    en: `expected ${p.expected.en} at "${p.key}" in the profile ${p.name}, got ${p.got}: fix that key`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 应为${p.expected.zh}，实际是 ${p.got}。请改正这个键`,
  }),
  unknownColumn: (p: { name: string; key: string; got: string; near?: string; names: string }): Pair => ({
    en: `expected a tool column at "${p.key}" in the profile ${p.name}, got "${p.got}"${p.near ? `: did you mean "${p.near}"?` : ''} The tool's columns: ${p.names}`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 应是本工具的列名，实际是 "${p.got}"${p.near ? `，是不是想写 "${p.near}"？` : '。'}可用的列：${p.names}`,
  }),
  notEnumeration: (p: { name: string; key: string; got: string; names: string }): Pair => ({
    en: `expected a column with listed words (${p.names}) at "${p.key}" in the profile ${p.name}, got "${p.got}", whose cells are read as written: remove it from "values"`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 应是有固定取值的列（${p.names}），实际是 "${p.got}"，它的内容按原样读取：请把它从 "values" 中删除`,
  }),
  refusedWord: (p: { name: string; key: string; got: string; words: string }): Pair => ({
    en: `expected a word the tool accepts at "${p.key}" in the profile ${p.name}, got "${p.got}": use one of ${p.words}`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 应是本工具接受的取值，实际是 "${p.got}"：请用 ${p.words} 之一`,
  }),
  blankWord: (p: { name: string; key: string; words: string }): Pair => ({
    en: `expected a word the tool accepts at "${p.key}" in the profile ${p.name}, got a blank (left for you to decide): write one of ${p.words}`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 还是空的（待你决定）：请填 ${p.words} 之一`,
  }),
  badZone: (p: { name: string; got: string; detail?: string }): Pair => ({
    en: `expected an IANA zone such as Asia/Shanghai at "tz" in the profile ${p.name}, got "${p.got}"${p.detail ? ` (${p.detail})` : ''}: fix "tz"`,
    zh: `映射方案 ${p.name} 的 "tz" 应是 Asia/Shanghai 这样的 IANA 时区名，实际是 "${p.got}"${p.detail ? `（${p.detail}）` : ''}。请改正 "tz"`,
  }),
  fillDownUnmapped: (p: { name: string; key: string; column: string; file: string }): Pair => ({
    en: `expected "${p.key}" in the profile ${p.name} to name a column ${p.file} has, got ${p.column}, which no header of the file maps to: map a header onto it in "columns", or remove it from "fill_down"`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 应是 ${p.file} 中有的列，实际是 ${p.column}，文件中没有表头映射到它：请在 "columns" 中把某个表头映射到它，或把它从 "fill_down" 中删除`,
  }),
  wideMissing: (p: { name: string; key: string; column: string; file: string; found: string }): Pair => ({
    en: `expected the column "${p.column}" (at "${p.key}" in the profile ${p.name}) in ${p.file}, got headers: ${p.found}: write the header as the file has it, or remove that entry`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 指定的列 "${p.column}" 在 ${p.file} 中不存在，实际表头为：${p.found}。请按文件中的写法填写表头，或删除这一项`,
  }),
  wideMapped: (p: { name: string; key: string; column: string; to: string }): Pair => ({
    en: `expected the column "${p.column}" (at "${p.key}" in the profile ${p.name}) to be read either as a dimension or as a tool column, got both (it is also mapped to ${p.to} in "columns"): keep one`,
    zh: `映射方案 ${p.name} 的 "${p.key}" 中的列 "${p.column}" 同时在 "columns" 中映射到 ${p.to}：一列只能作为维度或作为本工具的列读取，请保留一种`,
  }),
  headerRow: (p: { name: string; row: number; file: string; last: number }): Pair => ({
    en: `expected a header at row ${p.row} of ${p.file} ("header_row" in the profile ${p.name}), got a blank row or none (the file's last row is ${p.last}): set "header_row" to the row holding the headers`,
    zh: `${p.file} 的第 ${p.row} 行（映射方案 ${p.name} 的 "header_row"）是空行或不存在（文件最后一行是第 ${p.last} 行）：请把 "header_row" 设为表头所在的行`,
  }),
  libraryObject: { en: '(the profile object)', zh: '（传入的映射方案对象）' },
} as const;

/** What `feishu-interview-import profile FILE` says of its draft: what it guessed, what is left. */
export const DRAFT = {
  header: (p: { row: number; sheet?: string; count: number }): Pair => ({
    en: `header found on row ${p.row}${p.sheet ? ` of sheet ${p.sheet}` : ''}: ${p.count} column(s)`,
    zh: `表头在${p.sheet ? `工作表 ${p.sheet} 的` : ''}第 ${p.row} 行，共 ${p.count} 列`,
  }),
  column: (p: { header: string; column: string; sure: boolean }): Pair => ({
    en: `"${p.header}" → ${p.column}${p.sure ? '' : ' (a guess: check it)'}`,
    zh: `"${p.header}" 对应 ${p.column}${p.sure ? '' : '（猜测，请核对）'}`,
  }),
  ignored: (header: string): Pair => ({ en: `"${header}": ignored`, zh: `"${header}"：忽略` }),
  wide: (p: { header: string; type: string }): Pair => ({
    en: `"${p.header}": one dimension (${p.type}) of the row's assessment (a guess: check it)`,
    zh: `"${p.header}"：作为该行评价的一个维度（${p.type}）（猜测，请核对）`,
  }),
  value: (p: { column: string; word: string; count: number; to: string }): Pair => ({
    en: `${p.column} "${p.word}" (${p.count} row(s)) → ${p.to} (a guess: check it)`,
    zh: `${p.column} 的 "${p.word}"（${p.count} 行）→ ${p.to}（猜测，请核对）`,
  }),
  fillDown: (p: { column: string; blanks: number }): Pair => ({
    en: `${p.column} is blank on ${p.blanks} row(s) below its first: filled from the row above within one interview (fill_down)`,
    zh: `${p.column} 在首行以下有 ${p.blanks} 行为空：在同一场面试内用上一行的值补全（fill_down）`,
  }),
  zone: (zone: string): Pair => ({
    en: `times have no offset: read in ${zone} (a guess: change "tz" if they were written elsewhere)`,
    zh: `时间不带时区偏移：按 ${zone} 读取（猜测；若不是该时区写的，请修改 "tz"）`,
  }),
  leftTitle: (n: number): Pair => ({
    en: n === 0 ? 'nothing is left to decide' : `left to decide (${n}):`,
    zh: n === 0 ? '没有待决定的项' : `待你决定（${n} 项）：`,
  }),
  leftValue: (p: { column: string; word: string; count: number; words: string }): Pair => ({
    en: `${p.column} "${p.word}" (${p.count} row(s)): write one of ${p.words} in "values"`,
    zh: `${p.column} 的 "${p.word}"（${p.count} 行）：请在 "values" 中填 ${p.words} 之一`,
  }),
  leftHeader: (header: string): Pair => ({
    en: `"${header}": not recognised; map it in "columns" to a tool column, or to null to ignore it`,
    zh: `"${header}"：无法识别；请在 "columns" 中映射到本工具的列，或设为 null 忽略它`,
  }),
  written: (p: { out: string; file: string }): Pair => ({
    en: `draft written to ${p.out}; check the guesses, fill in what is left, then: feishu-interview-import validate ${p.file} --profile ${p.out}`,
    zh: `草稿已写入 ${p.out}；请核对猜测、填写待决定的项，然后运行：feishu-interview-import validate ${p.file} --profile ${p.out}`,
  }),
} as const;

/** The changes made to a file's cells in the page: refused when they do not fit the file, listed in the summary. */
export const EDITS = {
  what: { en: "the page's changes to the file", zh: '页面中对文件的修改记录' },
  bad: (p: { file: string; n: number }): Pair => ({
    en: `expected a list of cell changes in ${p.file}, got ${p.n > 0 ? `something else at change ${p.n}` : 'no list'}: make the changes again in the page`,
    zh: `${p.file} 应是单元格修改的列表，${p.n > 0 ? `第 ${p.n} 项却不是修改` : '却没有列表'}。请在页面中重新修改`,
  }),
  noColumn: (p: { column: string; file: string }): Pair => ({
    en: `a change names the column "${p.column}", which ${p.file} does not have: the changes were made to another file or sheet; make them again on this one`,
    zh: `有一处修改针对「${p.column}」列，但 ${p.file} 没有这一列：这些修改是在另一个文件或工作表上做的，请在本文件上重新修改`,
  }),
  noRow: (p: { row: number; file: string }): Pair => ({
    en: `a change names row ${p.row}, which ${p.file} has no data on: the changes were made to another file or sheet; make them again on this one`,
    zh: `有一处修改针对第 ${p.row} 行，但 ${p.file} 的这一行没有数据：这些修改是在另一个文件或工作表上做的，请在本文件上重新修改`,
  }),
  cell: (p: { column: string; row: number; value: string }): Pair => ({
    en: `changed in the page: ${p.column}, row ${p.row}, to "${p.value}"`,
    zh: `在页面中修改：第 ${p.row} 行「${p.column}」改为「${p.value}」`,
  }),
  replace: (p: { column: string; from: string; to: string; count: number; rows: string }): Pair => ({
    en: `changed in the page: "${p.from}" replaced by "${p.to}" in ${p.column}, ${p.count} cell(s), in rows ${p.rows}`,
    zh: `在页面中修改：「${p.column}」列的「${p.from}」替换为「${p.to}」，共 ${p.count} 个单元格，所在行：${p.rows}`,
  }),
  fill: (p: { column: string; count: number; rows: string }): Pair => ({
    en: `changed in the page: ${p.count} blank cell(s) of ${p.column} filled from the row above, in rows ${p.rows}`,
    zh: `在页面中修改：用上一行的值补全了「${p.column}」列的 ${p.count} 个空单元格，所在行：${p.rows}`,
  }),
} as const;
