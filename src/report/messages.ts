import { ROW_STATUSES, type RowStatus, reportStatusWord } from '../row-statuses.js';
import { extensionList } from '../report-formats.js';
import { optionName } from '../lang.js';
import type { Pair } from '../messages.js';

// ---------------------------------------------------------------------------------------------
// The summary printed after a run, and the summary sheet of the .xlsx report.

export const SUMMARY = {
  stopped: {
    en: 'stopped before the file was fully checked: nothing was sent and no report was written; check the file again to see every row',
    zh: '文件尚未检查完就已停止：没有发送任何内容，也没有写报告。请重新检查文件以查看每一行',
  },
  input: (p: { file: string; sheet?: string; encoding?: string; delimiter?: string; headerRow: number }): Pair => ({
    en: `input: ${p.file}${p.sheet ? `, sheet ${p.sheet}` : ''}${p.encoding ? `, encoding ${p.encoding}` : ''}${p.delimiter ? `, separator ${p.delimiter}` : ''}, header on row ${p.headerRow}`,
    zh: `输入：${p.file}${p.sheet ? `，工作表 ${p.sheet}` : ''}${p.encoding ? `，编码 ${p.encoding}` : ''}${p.delimiter ? `，分隔符 ${p.delimiter}` : ''}，表头在第 ${p.headerRow} 行`,
  }),
  profile: (p: { name: string; beside: boolean }): Pair => ({
    en: `read through the mapping profile ${p.name}${p.beside ? ' (found beside the file; --profile names another)' : ''}`,
    zh: `按映射方案 ${p.name} 读取${p.beside ? '（在文件旁找到；可用 --profile 指定其他方案）' : ''}`,
  }),
  filled: (p: { column: string; rows: string; count: number }): Pair => ({
    en: `filled ${p.count} blank cell(s) of ${p.column} from the row above (the profile's fill_down), in rows ${p.rows}`,
    zh: `按映射方案的 fill_down，用上一行的值补全了「${p.column}」列的 ${p.count} 个空单元格，所在行：${p.rows}`,
  }),
  andMoreRows: (n: number): Pair => ({ en: ` and ${n} more`, zh: ` 等另外 ${n} 行` }),
  zone: (zone: string): Pair => ({
    en: `times without an offset are read as wall-clock time in ${zone} (change with --tz)`,
    zh: `没有时区偏移的时间按 ${zone} 的当地时间读取（可用 --tz 修改）`,
  }),
  warning: (text: string): Pair => ({ en: `warning: ${text}`, zh: `警告：${text}` }),
  erasedColumn: (p: { zh: string; name: string }): Pair => ({
    en: `column ${p.zh} (${p.name}) is not in the file: a plain import sends every interview without it, erasing what Feishu holds there; add the column, or import with --merge to keep the current values`,
    zh: `文件中没有「${p.zh}」列（${p.name}）：普通导入会不带这一列发送每场面试，飞书中该字段现有的内容会被清空。请补上这一列，或用 --merge 导入以保留现有内容`,
  }),
  longInterview: (p: { interview: Pair; row: number; hours: number; when: string }): Pair => ({
    en: `${p.interview.en} (row ${p.row}): ${p.hours} h, ${p.when}`,
    zh: `${p.interview.zh}（第 ${p.row} 行）：${p.hours} 小时，${p.when}`,
  }),
  longInterviews: (p: { n: number; column: string; list: string; more: number }): Pair => ({
    en: `${p.n} interview(s) last longer than a day (sent as written; if an ${p.column}'s date is wrong, fix it there): ${p.list}${p.more > 0 ? `; and ${p.more} more` : ''}`,
    zh: `${p.n} 场面试时长超过一天（按所写内容发送；如果${p.column}的日期写错了，请在该列改正）：${p.list}${p.more > 0 ? `；另有 ${p.more} 场` : ''}`,
  }),
  noTz: (p: { file: string; zone: string }): Pair => ({
    en: `expected --tz for the times without an offset in ${p.file}, got none, and this machine's time zone is ${p.zone}: 2024-03-01 14:00 would be taken as 14:00 UTC, 22:00 in China. Pass the zone the times were written in (--tz Asia/Shanghai), or write them with an offset (2024-03-01T14:00:00+08:00)`,
    zh: `${p.file} 中有不带时区偏移的时间，但没有指定 --tz，而本机时区是 ${p.zone}：2024-03-01 14:00 会被当作 UTC 14:00，即北京时间 22:00。请用 --tz 指明这些时间所在的时区（--tz Asia/Shanghai），或写成带偏移的时间（2024-03-01T14:00:00+08:00）`,
  }),
  rows: (p: { rows: number; interviews: number; counts: string }): Pair => ({
    en: `rows: ${p.rows} in ${p.interviews} interview(s): ${p.counts || 'none'}`,
    zh: `行数：${p.rows}，共 ${p.interviews} 场面试：${p.counts || '无'}`,
  }),
  commonProblems: { en: 'most common problems:', zh: '最常见的问题：' },
  report: (path: string): Pair => ({ en: `report: ${path}`, zh: `报告：${path}` }),
  fixInXlsx: (path: string): Pair => ({
    en: `to fix rows in Excel or WPS, write the report as .xlsx and fix them there: --report ${path}`,
    zh: `要在 Excel 或 WPS 中改正这些行，请把报告写成 .xlsx 并在其中修改：--report ${path}`,
  }),
  payloads: (n: number, path: string): Pair => ({
    en: `payloads: ${n} request bod${n === 1 ? 'y' : 'ies'} written to ${path}`,
    zh: `请求体：已将 ${n} 个请求体写入 ${path}`,
  }),
} as const;

/** Why a run's own files (report, journal, backup, lock, payloads, template) cannot be used. */
export const FILES = {
  recordsUnreadable: (p: { path: string; code: string }): Pair => ({
    en: `expected --records ${p.path} to be a folder (or a file) of earlier runs' reports, journals and backups, got ${p.code}: check the path`,
    zh: `--records ${p.path} 应当是存放之前运行的报告、日志和备份的文件夹（或其中一个文件），但读取时出错（${p.code}）：请检查路径`,
  }),
  lockUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to create the lock ${p.path}, got ${p.code}: check the report folder is writable`,
    zh: `无法创建锁文件 ${p.path}（${p.code}）：请检查报告所在文件夹是否可写`,
  }),
  locked: (p: { report: string; pid: string; path: string }): Pair => ({
    en: `expected no other run on ${p.report}, got one: process ${p.pid} holds ${p.path}; wait for it to end, or pass --report elsewhere (a lock left by a crashed run is taken over by itself)`,
    zh: `${p.report} 上已有另一个运行：进程 ${p.pid} 持有 ${p.path}。请等它结束，或用 --report 换个位置（崩溃的运行留下的锁会被自动接管）`,
  }),
  lockRace: (p: { path: string; report: string }): Pair => ({
    en: `expected to take the lock ${p.path}, got it taken again at once: another run is starting on ${p.report}`,
    zh: `锁文件 ${p.path} 刚接管就又被占用：${p.report} 上另一个运行正在启动`,
  }),
  symlink: (p: { what: string; path: string }): Pair => ({
    en: `expected the ${p.what} ${p.path} to be a plain file, got a symbolic link: interview data is never written through a link; remove it, or pass --report elsewhere`,
    zh: `${p.what} ${p.path} 是符号链接而不是普通文件：面试数据绝不会通过链接写入。请删除它，或用 --report 换个位置`,
  }),
  unwritable: (p: { what: string; path: string; code: string }): Pair => ({
    en: `expected to write the ${p.what} ${p.path}, got ${p.code}: check the report folder is writable, or pass --report elsewhere`,
    zh: `无法写入${p.what} ${p.path}（${p.code}）：请检查报告所在文件夹是否可写，或用 --report 换个位置`,
  }),
  appendFailed: (p: { what: string; path: string; code: string }): Pair => ({
    en: `expected to append to the ${p.what} ${p.path}, got ${p.code}: the run stopped so that nothing is sent unrecorded; free the disk or make it writable, then run again with ${optionName('resume')}`,
    zh: `无法追加写入${p.what} ${p.path}（${p.code}）：为了不发送任何未记录的内容，运行已停止。请腾出磁盘空间或使其可写，然后加 ${optionName('resume')} 重新运行`,
  }),
  noJournal: (path: string): Pair => ({
    en: `expected the journal ${path} of the earlier run, got no such file: pass the ${optionName('report')} path of that run to ${optionName('resume')}`,
    zh: `找不到之前那次运行的日志 ${path}：请在 ${optionName('resume')} 中填那次运行的 ${optionName('report')} 路径`,
  }),
  outputIsInput: (p: { what: string; path: string; input: string; suggestion: string }): Pair => ({
    en: `expected the ${p.what} to go to another file than the input, got ${p.path}, which is ${p.input} itself: pass --report elsewhere (e.g. ${p.suggestion})`,
    zh: `${p.what}不能写到输入文件本身（${p.path} 就是 ${p.input}）：请用 --report 换个位置（例如 ${p.suggestion}）`,
  }),
  backupUnreadable: (p: { code: string; file: string }): Pair => ({
    en: `expected a backup file written by import, got ${p.code} for ${p.file}: check the path`,
    zh: `无法读取备份文件 ${p.file}（${p.code}）：请检查路径`,
  }),
  noSuchRun: (p: { file: string; run: string; runs: string }): Pair => ({
    en: `expected a run of the backup ${p.file} in --run, got "${p.run}": the backup holds ${p.runs}`,
    zh: `备份 ${p.file} 中没有运行 "${p.run}"：其中只有 ${p.runs}`,
  }),
  emptyBackup: (file: string): Pair => ({
    en: `expected lines of interviews a run wrote in the backup ${file}, got none: nothing was overwritten by that run`,
    zh: `备份 ${file} 中没有覆盖前的记录：那次运行没有覆盖任何内容`,
  }),
  damagedBackup: (p: { file: string; line: number }): Pair => ({
    en: `expected one JSON object per line in the backup ${p.file}, got a damaged line ${p.line}: restore the file from a copy`,
    zh: `备份 ${p.file} 第 ${p.line} 行已损坏（每行应是一个 JSON 对象）：请从副本恢复这个文件`,
  }),
  notABackup: (p: { file: string; line: number }): Pair => ({
    en: `expected a backup entry with external_interview_id and body on line ${p.line} of ${p.file}, got something else: is this a backup file?`,
    zh: `${p.file} 第 ${p.line} 行不是带 external_interview_id 和 body 的备份记录：这是备份文件吗？`,
  }),
  reportFormat: (path: string): Pair => ({
    en: `expected a report path ending in ${extensionList('en')}, got "${path}": pick one of those`,
    zh: `报告路径应以 ${extensionList('zh')} 结尾，实际是 "${path}"：请选其中一种`,
  }),
  reportUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to write the report to ${p.path}, got ${p.code}: check the folder exists and is writable, or pass --report elsewhere`,
    zh: `无法写入报告 ${p.path}（${p.code}）：请检查文件夹是否存在且可写，或用 --report 换个位置`,
  }),
  reportLocked: (p: { path: string; code: string }): Pair => ({
    en: `expected to be able to write the report ${p.path}, got ${p.code}: nothing was sent. The file may be open in Excel or WPS (close it), read-only, or a folder; close or move it, or pass --report elsewhere, then run again`,
    zh: `无法写入报告 ${p.path}（${p.code}），没有发送任何内容。该文件可能正在 Excel 或 WPS 中打开（请关闭它）、是只读文件或是一个文件夹；请关闭或移走它，或用 --report 换个位置，然后重新运行`,
  }),
  reportBeside: (p: { mine: string; path: string }): Pair => ({
    en: `${p.mine} was changed since the tool wrote it, or is another command's report or an earlier undo's: it was left as it is, and this run's report is ${p.path}`,
    zh: `${p.mine} 在工具写出之后被修改过，或是另一个命令的报告、之前一次撤销的报告：已原样保留，这次运行的报告是 ${p.path}`,
  }),
  payloadsUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to write the payloads to ${p.path}, got ${p.code}: check the folder is writable`,
    zh: `无法写入请求体文件 ${p.path}（${p.code}）：请检查文件夹是否可写`,
  }),
  templateUnwritable: (p: { path: string; code: string }): Pair => ({
    en: `expected to write the template to ${p.path}, got ${p.code}: check the folder is writable`,
    zh: `无法写入模板 ${p.path}（${p.code}）：请检查文件夹是否可写`,
  }),
  resumeMismatch: (p: { report: string; differs: string }): Pair => ({
    en: `expected ${optionName('resume')} ${p.report} to continue the same run, got a journal where ${p.differs}: run without ${optionName('resume')} (the current records are read and compared), or resume with the original file and settings`,
    zh: `${optionName('resume')} ${p.report} 应继续同一次运行，但日志显示${p.differs}：请去掉 ${optionName('resume')} 运行（会读取并比较现有记录），或用原来的文件和设置继续`,
  }),
  sentTo: (p: { before: string; now: string }): Pair => ({
    en: `it sent to ${p.before}, this run to ${p.now}`,
    zh: `之前发送到 ${p.before}，这次发送到 ${p.now}`,
  }),
  usedApp: (p: { before: string; now: string }): Pair => ({
    en: `it used app ${p.before}, this run ${p.now}`,
    zh: `之前用的应用是 ${p.before}，这次是 ${p.now}`,
  }),
  inputChanged: { en: 'its input file was different (it has changed since)', zh: '输入文件不同（之后被改过）' },
  journalWord: { en: 'journal', zh: '日志' },
  backupWord: { en: 'backup', zh: '备份' },
  lockWord: { en: 'lock', zh: '锁文件' },
  claimWord: { en: "report's record", zh: '报告记录' },
  untrusted: (p: { what: Pair; path: string; why: Pair }): Pair => ({
    en: `expected the ${p.what.en} ${p.path} to be a plain file of yours that no one else can write, got ${p.why.en}: another account may have planted or changed it, so nothing is sent on its word; look at what it holds, move it away, and run again (or pass --report in a folder only you can write)`,
    zh: `${p.what.zh} ${p.path} 应是只属于你、其他人不能写的普通文件，实际是${p.why.zh}：它可能是其他账户放置或改动的，所以不会据此发送任何内容。请先查看其内容，把它移走后重新运行（或用 --report 指定只有你能写的文件夹）`,
  }),
  untrustedLink: { en: 'a symbolic link', zh: '符号链接' },
  untrustedNotFile: { en: 'something other than a plain file', zh: '不是普通文件' },
  untrustedOwner: (uid: number): Pair => ({
    en: `a file owned by another user (uid ${uid})`,
    zh: `其他用户（uid ${uid}）的文件`,
  }),
  untrustedMode: (mode: string): Pair => ({
    en: `a file others can write (mode ${mode}; yours are 0600)`,
    zh: `其他人可写的文件（权限 ${mode}；本工具写的文件是 0600）`,
  }),
} as const;

/** Labels of the .xlsx report's summary sheet. */
export const SHEET = {
  report: { en: 'Report', zh: '报告' },
  summary: { en: 'Summary', zh: '汇总' },
  values: { en: 'Values', zh: '取值' },
  valueColumn: { en: 'column', zh: '列' },
  valueWord: { en: 'word in the file', zh: '文件中的词' },
  valueReadAs: { en: 'read as', zh: '读作' },
  valueFrom: { en: 'from', zh: '来源' },
  valueRows: { en: 'rows', zh: '行数' },
  fromTool: { en: "the tool's own words", zh: '本工具自带的词' },
  fromProfile: { en: 'the profile', zh: '映射方案' },
  notUnderstood: { en: 'not understood: the rows are refused', zh: '无法识别：这些行被拒绝' },
  command: { en: 'command', zh: '命令' },
  input: { en: 'input', zh: '输入文件' },
  sheet: { en: 'sheet', zh: '工作表' },
  zone: { en: 'time zone', zh: '时区' },
  origin: { en: 'Feishu origin', zh: '飞书地址' },
  rows: { en: 'rows', zh: '行数' },
  interviews: { en: 'interviews', zh: '面试数' },
  problem: { en: 'problem', zh: '常见问题' },
  rate: { en: 'rate (requests/s)', zh: '速率（次/秒）' },
  elapsed: { en: 'elapsed (s)', zh: '用时（秒）' },
  backup: { en: 'backup', zh: '备份文件' },
  journal: { en: 'journal', zh: '日志文件' },
  profile: { en: 'mapping profile', zh: '映射方案' },
  edits: { en: 'changed in the page', zh: '在页面中修改' },
} as const;

/** Lines the commands print outside a report: a Chinese run prints them in Chinese. */
export const PRINTED = {
  templateWritten: (path: string): Pair => ({ en: `template: ${path}`, zh: `模板：${path}` }),
  /** A row status in the counts line: the word of the Chinese `.xlsx` report, and the CSV report's key. */
  status: Object.fromEntries(
    ROW_STATUSES.map((key) => [key, { en: key, zh: `${reportStatusWord(key, 'zh')}（${key}）` }]),
  ) as Readonly<Record<RowStatus, Pair>>,
  undoHead: (p: { n: number; run: string; file: string }): Pair => ({
    en: `undo: ${p.n} interview(s) of run ${p.run} from ${p.file}`,
    zh: `撤销：${p.file} 中运行 ${p.run} 的 ${p.n} 场面试`,
  }),
  undoOthers: (runs: string): Pair => ({
    en: `the backup also holds run(s) ${runs}, left as they are (undo one with --run ID, newest first)`,
    zh: `备份中还有运行 ${runs}，保持不变（要撤销其中一次，请用 --run ID，从最新的开始）`,
  }),
  portBusy: (p: { port: number; code: string }): Pair => ({
    en: `expected to listen on port ${p.port}, got ${p.code} (another program holds it): stop that program, or pass another --port (0 picks a free one)`,
    zh: `无法监听端口 ${p.port}（${p.code}，已被其他程序占用）：请关闭该程序，或用 --port 换一个端口（0 表示自动选择空闲端口）`,
  }),
  simulatorListening: (p: { url: string; seeded: number; createOnPut: boolean }): Pair => ({
    en: `simulator: ${p.url} (Feishu Open API stand-in: token, external_interviews PUT and batch_query)\n  ${p.seeded} interview(s) exist${p.createOnPut ? '; a PUT to any other id creates it' : '; a PUT to any other id is refused, as in Feishu'}\n  import into it: FEISHU_BASE_URL=${p.url} feishu-interview-import import FILE\npress Ctrl-C to stop`,
    zh: `模拟器：${p.url}（飞书开放平台的本地替身：token、external_interviews 的 PUT 和 batch_query）\n  已有 ${p.seeded} 场面试${p.createOnPut ? '；PUT 其他 ID 会新建面试' : '；PUT 其他 ID 会被拒绝，与飞书相同'}\n  导入到模拟器：FEISHU_BASE_URL=${p.url} feishu-interview-import import 文件名\n按 Ctrl-C 停止`,
  }),
} as const;
