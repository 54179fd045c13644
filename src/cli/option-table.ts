import type { Pair } from '../messages.js';

/**
 * Every CLI option once, its help a language pair. A command's options are the groups it lists in
 * src/cli/command-table.ts; yargs gets them in the run's language (src/cli/parser.ts).
 */
export interface OptionSpec {
  readonly type?: 'string' | 'number' | 'boolean';
  readonly choices?: readonly string[];
  readonly default?: string | number | boolean;
  readonly demandOption?: boolean;
  readonly help: Pair;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

const LANG: OptionSpec = {
  choices: ['zh', 'en'],
  help: {
    en: 'language of messages and reports (default: zh for a file with Chinese headers or a Chinese locale, else en)',
    zh: '提示和报告的语言（默认：中文表头的文件或中文系统环境为 zh，否则为 en）',
  },
};
const JSON_SUMMARY: OptionSpec = {
  type: 'boolean',
  help: {
    en: 'print the summary as one JSON object on stdout (the text goes to stderr)',
    zh: '在标准输出上以一个 JSON 对象输出汇总（文字输出到标准错误）',
  },
};
// Repeated, it gives a list (yargs' default); `array: true` would swallow the input file after it.
const RECORDS: OptionSpec = {
  type: 'string',
  help: {
    en: "a folder of earlier runs' reports, journals and backups, read besides the report's own folder (repeatable)",
    zh: '之前运行的报告、日志和备份所在的文件夹，报告所在文件夹之外再读它（可多次给出）',
  },
};

/** Where and how to read the input file: validate, import, verify. */
export const INPUT_OPTIONS: OptionTable = {
  sheet: {
    type: 'string',
    help: {
      en: 'sheet to read (default: the first sheet with the template columns)',
      zh: '要读取的工作表（默认：第一个带模板列的工作表）',
    },
  },
  encoding: {
    type: 'string',
    help: {
      en: 'CSV encoding: utf-8, gb18030, gbk, utf-16le, windows-1252 (default: detected)',
      zh: 'CSV 编码：utf-8、gb18030、gbk、utf-16le、windows-1252（默认自动识别）',
    },
  },
  delimiter: {
    type: 'string',
    help: {
      en: 'CSV separator: comma, semicolon, tab or pipe (default: the one the header line holds most of)',
      zh: 'CSV 分隔符：comma、semicolon、tab 或 pipe（默认：表头行中最多的那种）',
    },
  },
  map: {
    type: 'string',
    help: { en: 'JSON file mapping legacy headers to template columns', zh: '把旧系统表头映射到模板列的 JSON 文件' },
  },
  profile: {
    type: 'string',
    help: {
      en: 'mapping profile (JSON): header row, columns, value words, fill_down, wide_dimensions, tz (default: feishu-interview-import.profile.json beside the file)',
      zh: '映射方案（JSON）：表头行、列、取值对应、fill_down、wide_dimensions、时区（默认：文件旁的 feishu-interview-import.profile.json）',
    },
  },
  tz: {
    type: 'string',
    help: {
      en: "IANA time zone for times without an offset (default: this machine's)",
      zh: '不带时区偏移的时间所用的 IANA 时区（默认本机时区）',
    },
  },
  report: {
    type: 'string',
    help: {
      en: 'report path: .csv, .xlsx or .json (default: <input>.report.xlsx for an .xlsx input, else <input>.report.csv)',
      zh: '报告路径：.csv、.xlsx 或 .json（默认：.xlsx 输入为 <输入>.report.xlsx，否则为 <输入>.report.csv）',
    },
  },
  lang: LANG,
};

/** Credentials, where to send, how fast: import, undo, verify. */
export const SEND_OPTIONS: OptionTable = {
  concurrency: { type: 'number', help: { en: 'requests in flight (default 5)', zh: '同时进行的请求数（默认 5）' } },
  rate: {
    type: 'number',
    help: {
      en: "requests per second to each API, at most; 0 for no client-side pace (default: Feishu's limit, 10 until Feishu states another)",
      zh: '每个接口每秒最多的请求数；0 表示客户端不限速（默认按飞书的上限：10，飞书告知其他上限时按飞书的）',
    },
  },
  retries: { type: 'number', help: { en: 'retries of a failed call (default 5)', zh: '失败调用的重试次数（默认 5）' } },
  timeout: {
    type: 'number',
    help: {
      en: 'seconds to wait for a connection, headers or body (default 30)',
      zh: '等待连接、响应头或响应体的秒数（默认 30）',
    },
  },
  limit: {
    type: 'number',
    help: { en: 'send only the first N interviews (a pilot run)', zh: '只发送前 N 场面试（试运行）' },
  },
  resume: {
    type: 'string',
    help: {
      en: 'the --report path of an earlier run: skip what already landed',
      zh: '之前某次运行的 --report 路径：跳过已写入的内容',
    },
  },
  backup: {
    type: 'boolean',
    default: true,
    help: {
      en: 'read and save each interview before overwriting it (--no-backup: off)',
      zh: '覆盖前先读取并保存每场面试（--no-backup：关闭）',
    },
  },
  quiet: { type: 'boolean', help: { en: 'no progress output', zh: '不显示进度' } },
  json: JSON_SUMMARY,
  domain: {
    choices: ['feishu', 'lark'],
    help: {
      en: 'open.feishu.cn or open.larksuite.com (default feishu)',
      zh: 'open.feishu.cn 或 open.larksuite.com（默认 feishu）',
    },
  },
  'base-url': {
    type: 'string',
    help: {
      en: 'override the API origin (also FEISHU_BASE_URL); http only for loopback',
      zh: '改用其他接口地址（也可用 FEISHU_BASE_URL）；只有本机地址可用 http',
    },
  },
  'app-id': { type: 'string', help: { en: 'app id (default FEISHU_APP_ID)', zh: '应用 ID（默认取 FEISHU_APP_ID）' } },
  'app-secret': {
    type: 'string',
    help: {
      en: 'app secret (default FEISHU_APP_SECRET; prefer the variable or --app-secret-file: flags show in ps)',
      zh: '应用密钥（默认取 FEISHU_APP_SECRET；请优先用环境变量或 --app-secret-file：命令行参数会出现在 ps 中）',
    },
  },
  'app-secret-file': {
    type: 'string',
    help: { en: 'a file holding the app secret (keep it 0600)', zh: '存放应用密钥的文件（权限请设为 0600）' },
  },
};

/** `profile FILE`: where the draft goes, and the language it is explained in. */
export const PROFILE_OPTIONS: OptionTable = {
  out: {
    type: 'string',
    help: {
      en: 'file to write the draft profile to (default: <input>.profile.json beside the file)',
      zh: '草稿映射方案的写出路径（默认：文件旁的 <输入>.profile.json）',
    },
  },
  lang: LANG,
};

export const TEMPLATE_OPTIONS: OptionTable = {
  out: {
    type: 'string',
    demandOption: true,
    help: { en: 'file to write: .xlsx or .csv', zh: '要写出的文件：.xlsx 或 .csv' },
  },
  lang: {
    choices: ['zh', 'en'],
    default: 'zh',
    help: { en: 'language of the headers and the instructions', zh: '表头和说明所用的语言' },
  },
};

export const VALIDATE_OPTIONS: OptionTable = {
  payloads: {
    type: 'string',
    help: { en: 'write the request bodies as JSON lines to this path', zh: '把请求体以 JSON lines 写到这个路径' },
  },
  merge: {
    type: 'boolean',
    help: {
      en: 'check a correction file as import --merge will read it (offline: the current records are not read)',
      zh: '按 import --merge 的方式检查更正文件（离线：不读取飞书中的现有记录）',
    },
  },
  json: JSON_SUMMARY,
};

export const IMPORT_OPTIONS: OptionTable = {
  'dry-run': {
    type: 'boolean',
    help: {
      en: 'send nothing, report what the run would do. Without credentials: check the file offline, as validate does. With credentials: read each interview from Feishu (by its Feishu ID; a row without one, by external_id in its application) and report per interview would change (the fields), unchanged, missing or would create (--create-missing); with --merge, what the merge would change. --merge and --create-missing need credentials',
      zh: '不发送，报告这次运行会做什么。没有凭证：离线检查文件，同 validate。有凭证：从飞书读取每场面试（按飞书 ID；没有飞书 ID 的行按其投递下的外部系统面试ID查找），逐场报告将修改（哪些字段）、无变化、不存在或将创建（--create-missing）；加 --merge 时报告合并将修改的内容。--merge 和 --create-missing 需要凭证',
    },
  },
  merge: {
    type: 'boolean',
    help: {
      en: 'change only what the file names: blank or absent fields, assessments and dimensions keep their current values',
      zh: '只修改文件中写明的内容：空白或缺少的字段、评价和维度保留现有值',
    },
  },
  replace: {
    type: 'boolean',
    help: {
      en: 'the file is the whole truth for the interviews it names: remove values, assessments and dimensions Feishu holds that it does not name',
      zh: '以文件为其中各场面试的全部内容：删除飞书中有、文件里没有写的字段值、评价和维度',
    },
  },
  'create-missing': {
    type: 'boolean',
    help: {
      en: 'rows without a Feishu ID: create the interview when its application has none with that external_id',
      zh: '没有飞书 ID 的行：若该投递下没有这个外部系统面试ID的面试，就创建它',
    },
  },
  correct: {
    type: 'boolean',
    help: {
      en: 'one correction run: change what the file names (as --merge), add the assessments and dimensions an interview lacks (as --add-assessments), and create each interview Feishu lacks whose rows carry what a new one needs (as --create-missing); with --dry-run, the preview grouped: create, change, remove, unchanged',
      zh: '一次更正：修改文件中写明的内容（同 --merge），新增面试中还没有的评价和维度（同 --add-assessments），并创建飞书中还没有、且各行写全了新面试所需内容的面试（同 --create-missing）；配合 --dry-run 即分组预览：新建、修改、删除、无变化',
    },
  },
  'add-assessments': {
    type: 'boolean',
    help: {
      en: 'with --merge: add assessments and dimensions the interview does not have yet',
      zh: '配合 --merge：新增面试中还没有的评价和维度',
    },
  },
  'replace-assessments': {
    type: 'boolean',
    help: {
      en: "with --merge: the file's assessments replace all current ones (removes what the file lacks)",
      zh: '配合 --merge：用文件中的评价替换现有的全部评价（文件中没有的会被删除）',
    },
  },
  payloads: {
    type: 'string',
    help: {
      en: 'with --dry-run: write the request bodies as JSON lines',
      zh: '配合 --dry-run：把请求体写成 JSON lines',
    },
  },
  records: RECORDS,
};

export const UNDO_OPTIONS: OptionTable = {
  report: {
    type: 'string',
    help: { en: 'report path (default: <backup>.undo.report.csv)', zh: '报告路径（默认 <备份>.undo.report.csv）' },
  },
  run: {
    type: 'string',
    help: {
      en: 'the run to undo, as the import printed it (default: the last run in the backup)',
      zh: '要撤销的那次运行，即 import 显示的运行号（默认：备份中最后一次运行）',
    },
  },
  'dry-run': {
    type: 'boolean',
    help: {
      en: 'write nothing: read each interview the run wrote or created and report, per interview, whether undo would restore it (and what), delete it, or leave it alone (and why)',
      zh: '不写入：读取那次运行写过或创建的每场面试，逐场报告撤销会恢复它（恢复什么）、删除它，还是不处理（以及原因）',
    },
  },
  lang: LANG,
};

export const VERIFY_OPTIONS: OptionTable = {
  records: RECORDS,
  merge: {
    type: 'boolean',
    help: {
      en: 'verify a correction file: only what it names must match what Feishu holds',
      zh: '核对更正文件：只要求文件写明的内容与飞书中的一致',
    },
  },
};

export const SIMULATE_OPTIONS: OptionTable = {
  port: { type: 'number', help: { en: 'port (default: any free one)', zh: '端口（默认任选一个空闲端口）' } },
  'rate-limit': {
    type: 'number',
    help: {
      en: 'PUTs per second before 429 (default 10, 0 for none)',
      zh: '每秒超过多少次 PUT 就回 429（默认 10，0 为不限）',
    },
  },
  'fail-rate': {
    type: 'number',
    help: { en: 'share of PUTs answered 500 / 1002001 (0-1)', zh: '回 500 / 1002001 的 PUT 比例（0-1）' },
  },
  'drop-rate': {
    type: 'number',
    help: { en: 'share of PUTs whose connection is dropped (0-1)', zh: '连接被断开的 PUT 比例（0-1）' },
  },
  latency: { type: 'number', help: { en: 'milliseconds added to every answer', zh: '每个应答额外延迟的毫秒数' } },
  'token-ttl': {
    type: 'number',
    help: { en: 'seconds a tenant token lives (default 7200)', zh: '租户令牌的有效秒数（默认 7200）' },
  },
  seed: {
    type: 'string',
    help: {
      en: 'a template file whose interviews exist from the start (the update API needs them)',
      zh: '一个模板文件，其中的面试一开始就存在（更新接口要求面试已存在）',
    },
  },
  'create-on-put': {
    type: 'boolean',
    help: {
      en: 'let a PUT create an interview that does not exist (Feishu refuses it)',
      zh: '允许 PUT 创建不存在的面试（飞书会拒绝）',
    },
  },
  'app-id': {
    type: 'string',
    help: { en: 'the app id it accepts (default cli_simulator)', zh: '接受的应用 ID（默认 cli_simulator）' },
  },
  'app-secret': {
    type: 'string',
    help: { en: 'the app secret it accepts (default: see the README)', zh: '接受的应用密钥（默认值见 README）' },
  },
  lang: LANG,
};

export const DEMO_OPTIONS: OptionTable = { lang: LANG };

/** The page's server (`ui`), which sends as `import` does: credentials, origin and pace. */
export const UI_OPTIONS: OptionTable = {
  port: SIMULATE_OPTIONS.port!,
  open: {
    type: 'boolean',
    default: true,
    help: { en: 'open the browser (--no-open: print the URL only)', zh: '打开浏览器（--no-open：只打印网址）' },
  },
  dir: {
    type: 'string',
    help: {
      en: "folder for the imports' reports, journals and backups (default: the current folder)",
      zh: '导入的报告、日志和备份所在的文件夹（默认：当前文件夹）',
    },
  },
  demo: {
    type: 'boolean',
    help: {
      en: 'serve against a local simulator holding the sample interviews',
      zh: '连接到装有示例面试的本地模拟器（无需凭据）',
    },
  },
  ...Object.fromEntries(
    Object.entries(SEND_OPTIONS).filter(([name]) => !['limit', 'resume', 'quiet', 'json'].includes(name)),
  ),
  lang: LANG,
};
