import type { Pair } from './messages.js';
import { extensionList } from './report-formats.js';
import { cliSpeaking, optionName } from './lang.js';

/** Where credentials come from: the CLI's environment (or flags), the library's options (it reads no environment). */
function giveCredentials(): Pair {
  return cliSpeaking()
    ? {
        en: 'set FEISHU_APP_ID and FEISHU_APP_SECRET (or FEISHU_TENANT_ACCESS_TOKEN)',
        zh: '请设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET（或 FEISHU_TENANT_ACCESS_TOKEN）',
      }
    : { en: 'pass appId and appSecret (or tenantToken)', zh: '请传入 appId 和 appSecret（或 tenantToken）' };
}

/** What is wrong with an option, said after the flag (`--concurrency: …`). */
export const OPTION = {
  zoneName: (tz: string | undefined): Pair => ({
    en: `expected an IANA time zone such as Asia/Shanghai, got "${tz}"`,
    zh: `应为 IANA 时区名，例如 Asia/Shanghai，实际是 "${tz}"`,
  }),
  zoneAbbreviation: (p: { tz: string; names: string; example: string }): Pair => ({
    en: `expected an IANA time zone name such as Asia/Shanghai, got the abbreviation "${p.tz}"${p.names}: pass the name, e.g. --tz ${p.example}`,
    zh: `应为 IANA 时区名，例如 Asia/Shanghai，实际是缩写 "${p.tz}"${p.names}：请写全名，例如 --tz ${p.example}`,
  }),
  reportPath: {
    en: `expected a report path ending in ${extensionList('en')}`,
    zh: `报告路径应以 ${extensionList('zh')} 结尾`,
  },
  inputFile: { en: 'expected an input file', zh: '缺少输入文件' },
  delimiter: (got: string): Pair => ({
    en: `expected a CSV separator: comma, semicolon, tab or pipe (or , ; |), got ${JSON.stringify(got)}: pass one of those, or leave --delimiter out to take the one the header line shows`,
    zh: `应为 CSV 分隔符：comma、semicolon、tab 或 pipe（也可写 , ; |），实际是 ${JSON.stringify(got)}：请从中选一个，或不加 --delimiter，按表头行中的分隔符读取`,
  }),
  unknown: (p: { fn: string; key: string; nearest?: string; known: string }): Pair => ({
    en: `${p.fn}: expected one of its options (${p.known}), got ${JSON.stringify(p.key)}${p.nearest ? `: did you mean ${p.nearest}?` : ''} Nothing was read or sent`,
    zh: `${p.fn}：应为它的选项之一（${p.known}），实际是 ${JSON.stringify(p.key)}${p.nearest ? `。是不是想写 ${p.nearest}？` : '。'}没有读取或发送任何内容`,
  }),
  backupFile: { en: 'expected a backup file', zh: '缺少备份文件' },
  outFile: { en: 'expected --out FILE', zh: '缺少 --out 文件名' },
  outExt: { en: 'expected --out to end in .xlsx or .csv', zh: '--out 应以 .xlsx 或 .csv 结尾' },
  number: (p: { whole: boolean; min: number; max: number; above: boolean; got: string }): Pair => {
    const bounded = p.max < Number.POSITIVE_INFINITY;
    return {
      en: `expected ${p.whole ? 'a whole number' : 'a number'} ${p.above ? `above ${p.min}` : `from ${p.min}`}${bounded ? `${p.above ? ' and at most' : ' to'} ${p.max}` : p.above ? '' : ' up'}, got ${p.got}`,
      zh: `应为 ${p.above ? `大于 ${p.min}` : `${p.min}`}${bounded ? `${p.above ? ' 且不超过 ' : ' 到 '}${p.max}` : p.above ? '' : ' 或以上'} 的${p.whole ? '整数' : '数'}，实际是 ${p.got}`,
    };
  },
  secretFile: (p: { code: string; file: string }): Pair => ({
    en: `expected --app-secret-file to name a readable file, got ${p.code} for ${p.file}`,
    zh: `--app-secret-file 应指向可读的文件，${p.file} 却无法读取（${p.code}）`,
  }),
  noCredentials: (): Pair => ({
    en: `expected credentials, got none: ${giveCredentials().en}, or pass ${optionName('dryRun')} to check the file without sending`,
    zh: `缺少凭证：${giveCredentials().zh}，或加 ${optionName('dryRun')} 只检查文件、不发送`,
  }),
  noCredentialsToRead: (what: string): Pair => ({
    en: `expected credentials, got none: ${what} reads the current records from Feishu; ${giveCredentials().en}`,
    zh: `缺少凭证：${what} 要从飞书读取现有记录；${giveCredentials().zh}`,
  }),
  noCredentialsToVerify: (): Pair => ({
    en: `expected credentials, got none: verify reads every interview from Feishu; ${giveCredentials().en}`,
    zh: `缺少凭证：verify 要从飞书读取每场面试；${giveCredentials().zh}`,
  }),
  badToken: {
    en: 'expected FEISHU_TENANT_ACCESS_TOKEN to be a token, got one with spaces or control characters: copy it again without line breaks',
    zh: 'FEISHU_TENANT_ACCESS_TOKEN 中有空格或控制字符，不像令牌：请重新复制，不要带换行',
  },
  needsMerge: (which: string): Pair => ({
    en: `expected --merge with --${which}-assessments, got none: they say how a correction treats the current assessments`,
    zh: `--${which}-assessments 要配合 --merge 使用：它说明更正时如何处理现有的评价`,
  }),
  addOrReplace: {
    en: "expected one of --add-assessments and --replace-assessments, got both: replacing already takes the file's assessments as they are",
    zh: '--add-assessments 和 --replace-assessments 只能选一个：替换本身就会按文件中的评价原样采用',
  },
  leaveOutNeedsCorrect: {
    en: 'expected leaveOut with correct, got it alone: it names interviews of a correction run to leave as they are',
    zh: 'leaveOut 要配合 correct 使用：它列出一次更正中不导入的面试',
  },
  mergeOrReplace: {
    en: 'expected one of --merge and --replace, got both: --merge keeps what the file does not name, --replace removes it',
    zh: '--merge 和 --replace 只能选一个：--merge 保留文件没有写的内容，--replace 删除它',
  },
  profileOut: {
    en: '--out: expected a .json path for the draft profile',
    zh: '--out：草稿映射方案应写到 .json 文件',
  },
  mapAndProfile: {
    en: '--profile: expected --map or --profile, got both: put the --map pairs into the profile\'s "columns"',
    zh: '--profile：--map 与 --profile 只能用一个：请把 --map 中的对应关系写进映射方案的 "columns"',
  },
  profileShape: {
    en: '--profile: expected the path of a profile JSON file, or (from a program) a profile object',
    zh: '--profile：应是映射方案 JSON 文件的路径，或（在程序中）映射方案对象',
  },
  mergePayloads: {
    en: '--payloads: expected no --payloads with validate --merge, got one: merged bodies need the current records; use import --merge --dry-run --payloads',
    zh: '--payloads：validate --merge 不能用 --payloads，因为合并后的请求体需要飞书中的现有记录；请用 import --merge --dry-run --payloads',
  },
  usage: (message: string): Pair => ({
    en: `${message}; run with --help for the commands and options`,
    zh: `${message}；加 --help 查看命令和选项`,
  }),
} as const;
