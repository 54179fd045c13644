import type { Pair } from '../messages.js';

/** What the CLI itself says: progress, Ctrl-C, fatal errors. */
export const CLI = {
  progressBar: {
    en: 'importing {bar} {value}/{total} interviews | ok {ok} | skipped {skipped} | failed {failed} | {rps} req/s | ETA {eta_formatted}',
    zh: '导入中 {bar} {value}/{total} 场面试 | 成功 {ok} | 跳过 {skipped} | 失败 {failed} | {rps} 次/秒 | 剩余 {eta_formatted}',
  },
  progressLine: (p: {
    done: number;
    total: number;
    ok: number;
    failed: number;
    notSent: number;
    skipped: number;
    rate: string;
  }): Pair => ({
    en: `progress: ${p.done}/${p.total} interviews, ok ${p.ok}${p.skipped ? `, skipped ${p.skipped}` : ''}, failed ${p.failed}${p.notSent ? `, not sent ${p.notSent}` : ''}, ${p.rate} req/s`,
    zh: `进度：${p.done}/${p.total} 场面试，成功 ${p.ok}${p.skipped ? `，跳过 ${p.skipped}` : ''}，失败 ${p.failed}${p.notSent ? `，未发送 ${p.notSent}` : ''}，每秒 ${p.rate} 次`,
  }),
  signal: (signal: string): Pair => ({
    en: `${signal}: finishing the requests in flight, then writing the report (press Ctrl-C again to quit at once; the journal keeps every result)`,
    zh: `${signal}：正在等待已发出的请求完成，然后写报告（再按一次 Ctrl-C 立即退出；日志会保留每个结果）`,
  }),
  signalAgain: (signal: string): Pair => ({
    en: `${signal} again: quitting now; import again with --resume to finish`,
    zh: `再次收到 ${signal}：立即退出；请加 --resume 重新导入以完成`,
  }),
  secretFlag: {
    en: 'warning: --app-secret on the command line shows in ps and in shell history: use FEISHU_APP_SECRET or --app-secret-file',
    zh: '警告：命令行中的 --app-secret 会出现在 ps 和 shell 历史中：请改用 FEISHU_APP_SECRET 或 --app-secret-file',
  },
  error: (p: { code: string; message: string }): Pair => ({
    en: `error [${p.code}]: ${p.message}`,
    zh: `错误 [${p.code}]：${p.message}`,
  }),
  internal: (message: string): Pair => ({
    en: `error [INTERNAL]: ${message}\nthis is a bug in feishu-interview-import; set DEBUG=1 for details`,
    zh: `错误 [INTERNAL]：${message}\n这是 feishu-interview-import 的缺陷；设置 DEBUG=1 可查看详情`,
  }),
} as const;

/** What the CLI's own help says around the commands. */
export const CLI_TEXT = {
  usage: {
    en: 'Import interview records from Excel or CSV into Feishu Hire.',
    zh: '把 Excel 或 CSV 中的面试记录导入飞书招聘。',
  },
  /** The command names, listed with a comma and with 、. */
  nameACommand: (p: { names: string; namesZh: string }): Pair => ({
    en: `name a command: ${p.names}`,
    zh: `请指定命令：${p.namesZh}`,
  }),
} as const;

/** yargs' own words in `--help`, as its zh_CN locale has them (its locale files are not in the bundle). */
export const YARGS_ZH: Readonly<Record<string, string | { one: string; other: string }>> = {
  'Unknown argument: %s': { one: '无法识别的选项：%s', other: '无法识别这些选项：%s' },
  'Missing required argument: %s': { one: '缺少必须的选项：%s', other: '缺少这些必须的选项：%s' },
  'Not enough non-option arguments: got %s, need at least %s': {
    one: '缺少参数：传入了 %s 个，至少需要 %s 个',
    other: '缺少参数：传入了 %s 个，至少需要 %s 个',
  },
  'Invalid values:': '无效的选项值：',
  'Argument: %s, Given: %s, Choices: %s': '选项：%s，传入的值：%s，可选的值：%s',
  'Commands:': '命令：',
  'Options:': '选项：',
  'Positionals:': '位置参数：',
  boolean: '布尔',
  string: '字符串',
  number: '数字',
  required: '必需',
  'default:': '默认值:',
  'choices:': '可选值:',
  'Show help': '显示帮助信息',
};

/** What `demo` prints around its run, in the run's language. */
export const DEMO = {
  listening: (url: string): Pair => ({
    en: `demo: a local Feishu simulator is listening on ${url}`,
    zh: `演示：本地飞书模拟器正在监听 ${url}`,
  }),
  importing: (file: string): Pair => ({ en: `demo: importing ${file}`, zh: `演示：正在导入 ${file}` }),
  done: (report: string): Pair => ({
    en: [
      `demo: done. Open the report: ${report}`,
      'demo: the sample holds two deliberate mistakes, so the report shows an invalid row (with the fix),',
      'demo: the rows it blocks, and a call Feishu refused (with its code and log id). Fix them in the report',
      'demo: and import the report itself again; see README.md for a real import.',
    ].join('\n'),
    zh: [
      `演示：完成。请打开报告：${report}`,
      '演示：示例文件里有两处故意写错的地方，所以报告中有一行有误（附改法）、被它拦截的行，',
      '演示：以及一次被飞书拒绝的调用（附错误代码和日志 ID）。在报告中改正后，直接导入报告本身即可；',
      '演示：正式导入的步骤见 README.md。',
    ].join('\n'),
  }),
} as const;
