/**
 * What the page's server says, in both languages, in the catalogue's form (src/catalogue.ts):
 * what was expected, what was found, how to fix it. Answers carry both; the page shows its own.
 */
import type { Pair } from '../messages.js';
import type { Untrusted } from '../report/private-file.js';

export const UI = {
  // The link stands between spaces in both languages: a terminal takes a glued `（` into the link.
  listening: (p: { url: string }): Pair => ({
    en: `the page: ${p.url}  (open it in this computer's browser; it works until Ctrl-C)`,
    zh: `页面地址： ${p.url} （在本机浏览器中打开；按 Ctrl-C 前一直可用）`,
  }),
  stopping: {
    en: 'stopping: the run in progress finishes its requests in flight and writes its journal…',
    zh: '正在停止：进行中的导入会完成已发出的请求并写好日志……',
  },
  doorHost: (p: { host: string; own: string }): Pair => ({
    en: `expected the address ${p.own}, got "${p.host}": open the page by the URL the command printed`,
    zh: `地址应为 ${p.own}，实际是“${p.host}”：请使用命令打印出的网址打开页面`,
  }),
  doorOrigin: {
    en: 'expected a request from this page itself, got one from another site or none named: use the page, not another site',
    zh: '请求应来自本页面，实际来自其他网站或未注明来源：请在本页面中操作',
  },
  doorToken: {
    en: 'expected a one-time link not yet used (or this browser already opened with it), got neither: in a browser that has the page open, press "Let another browser in" for a new link, or ask whoever started the page',
    zh: '应使用尚未用过的一次性链接（或已用它打开过页面的同一浏览器），但两者都不是：请在已打开页面的浏览器中点「让另一个浏览器打开」取得新链接，或请启动页面的人帮忙',
  },
  /** An entry of the folder the list of earlier imports leaves out. */
  skippedRun: (p: { name: string; why: Untrusted | { kind: 'gone' } }): Pair => {
    const why: Pair =
      p.why.kind === 'gone'
        ? {
            en: 'it is a name without a file (a dangling link, or removed meanwhile)',
            zh: '只有名字、没有文件（失效的链接，或已被删除）',
          }
        : p.why.kind === 'link'
          ? { en: 'it is a symbolic link', zh: '它是符号链接' }
          : p.why.kind === 'not-file'
            ? { en: 'it is not a plain file', zh: '它不是普通文件' }
            : p.why.kind === 'owner'
              ? { en: `it belongs to another user (uid ${p.why.uid})`, zh: `它属于其他用户（uid ${p.why.uid}）` }
              : {
                  en: `others can write it (mode 0${p.why.mode.toString(8)})`,
                  zh: `其他人可以写它（权限 0${p.why.mode.toString(8)}）`,
                };
    return {
      en: `${p.name} is not listed: ${why.en}, so this page did not write it and will not undo from it`,
      zh: `${p.name} 未列出：${why.zh}，不是本页面写的文件，不会据此撤销`,
    };
  },
  doorKey: {
    en: "expected a call from the page the one-time link opened, got one without that page's key (another program, or a tab opened by hand): open the link the command printed again in this browser",
    zh: '请求应来自用一次性链接打开的页面，实际缺少该页面的密钥（来自其他程序，或手动打开的标签页）：请在本浏览器中重新打开命令打印的链接',
  },
  busy: {
    en: 'expected no run in progress, got one still going: wait for it to finish, or stop it, then start again',
    zh: '已有一个任务正在进行，不能同时开始第二个：请等它结束或先停止它，再重新开始',
  },
  uploadExtension: (p: { name: string }): Pair => ({
    en: `expected an .xlsx or .csv file, got "${p.name}": save it from Excel or WPS as .xlsx (or CSV) and choose it again`,
    zh: `应为 .xlsx 或 .csv 文件，实际是“${p.name}”：请在 Excel 或 WPS 中另存为 .xlsx（或 CSV）后重新选择`,
  }),
  uploadSize: (p: { max: string }): Pair => ({
    en: `expected a file of at most ${p.max}, got a larger one: split it into several files and import them one by one`,
    zh: `文件应不超过 ${p.max}，实际更大：请拆分成几个文件逐个导入`,
  }),
  bodySize: (p: { max: number }): Pair => ({
    en: `expected a request of at most ${p.max} bytes, got more: reload the page and try again`,
    zh: `请求应不超过 ${p.max} 字节，实际更大：请刷新页面后重试`,
  }),
  badRequest: (p: { what: string }): Pair => ({
    en: `expected ${p.what} in the request, got none or another: reload the page and try again`,
    zh: `请求中应有 ${p.what}，实际缺失或不对：请刷新页面后重试`,
  }),
  uploadGone: {
    en: 'expected a file chosen in this page, got one the page no longer holds (it keeps the last 5 files chosen, and none after a restart): choose the file again',
    zh: '找不到之前选择的文件（页面只保留最近选择的 5 个文件，重启后全部清除）：请重新选择文件',
  },
  uploadTotal: (p: { max: string }): Pair => ({
    en: `expected room for this file among the files the page keeps (at most ${p.max} together), got too little while a run reads an earlier file: wait for the run to finish or stop it, then choose the file again`,
    zh: `页面保存的文件合计不能超过 ${p.max}，而正在进行的任务还在读取之前的文件，放不下这个文件：请等任务结束或先停止它，再重新选择文件`,
  }),
  reportGone: {
    en: 'expected the report of this run, got none: the page no longer keeps its file (it keeps the last 5 files chosen); run the step again to get a new report',
    zh: '找不到这次任务的报告：页面已不再保存它的文件（只保留最近选择的 5 个文件）；请重新执行这一步以得到新的报告',
  },
  badProfile: {
    en: "expected a mapping the tool can read with (each column a tool column or ignored, each word one of the tool's), got another: choose again in the mapping step",
    zh: '映射应能被本工具使用（每列对应本工具的一列或忽略，每个词对应本工具的一个词），实际不是：请在映射步骤中重新选择',
  },
  notFound: {
    en: 'expected a page, file or call this server has, got none by that name: reload the page',
    zh: '找不到该页面、文件或操作：请刷新页面',
  },
  internal: (p: { message: string }): Pair => ({
    en: `unexpected error: ${p.message}; nothing more was sent. Run the same file with the CLI for details, or report it`,
    zh: `意外错误：${p.message}；之后没有再发送任何内容。可用命令行处理同一文件查看详情，或报告此问题`,
  }),
} as const;
