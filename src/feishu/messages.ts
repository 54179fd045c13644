import { cliSpeaking, optionName } from '../lang.js';
import type { Pair } from '../messages.js';

/** The credentials as the caller gives them: the CLI's environment, or the library's options. */
const appCredentials = () => (cliSpeaking() ? 'FEISHU_APP_ID 和 FEISHU_APP_SECRET' : 'appId 和 appSecret');
const appCredentialsEn = () => (cliSpeaking() ? 'FEISHU_APP_ID and FEISHU_APP_SECRET' : 'appId and appSecret');
const givenToken = () => (cliSpeaking() ? 'FEISHU_TENANT_ACCESS_TOKEN' : 'tenantToken');

/** What Feishu (or what answered in its place) said that stops a run or an interview. */
export const FEISHU = {
  badCredentials: (p: { app: string; code: number; msg: string; logId: string }): Pair => ({
    en: `expected a tenant access token for app ${p.app}, got code ${p.code} (${p.msg}, log id ${p.logId}): check ${appCredentialsEn()} in the developer console (凭证与基础信息)`,
    zh: `应用 ${p.app} 没有拿到租户访问令牌，飞书返回 ${p.code}（${p.msg}，log id ${p.logId}）：请在开发者后台“凭证与基础信息”中核对 ${appCredentials()}`,
  }),
  noToken: (p: { origin: string; problem: string }): Pair => ({
    en: `expected a tenant access token from ${p.origin}, got ${p.problem}: check the network and ${optionName('domain')}/${optionName('baseUrl')}, then run again`,
    zh: `没有从 ${p.origin} 拿到租户访问令牌（${p.problem}）：请检查网络和 ${optionName('domain')}/${optionName('baseUrl')}，然后重新运行`,
  }),
  readFailed: (p: { n: number; code: string; message: string; logId: string; attempts: number }): Pair => ({
    en: `expected the current records of ${p.n} interview(s) from batch_query, got ${p.code}: ${p.message} (log id ${p.logId}, attempt ${p.attempts})`,
    zh: `batch_query 没有返回 ${p.n} 场面试的现有记录，而是 ${p.code}：${p.message}（log id ${p.logId}，第 ${p.attempts} 次尝试）`,
  }),
  noItems: (p: { got: string; logId: string }): Pair => ({
    en: `expected batch_query's answer to hold an items array, got ${p.got} (log id ${p.logId}): nothing is written on a read that cannot be trusted`,
    zh: `batch_query 的应答中没有 items 数组（实际是 ${p.got}，log id ${p.logId}）：读取结果不可信，因此什么也不写`,
  }),
  listingFailed: (p: { application: string; code: string; message: string; logId: string }): Pair => ({
    en: `expected the interviews of application ${p.application} from batch_query, got ${p.code}: ${p.message} (log id ${p.logId})`,
    zh: `batch_query 没有返回投递 ${p.application} 的面试，而是 ${p.code}：${p.message}（log id ${p.logId}）`,
  }),
  baseUrl: (shown: string): Pair => ({
    en: `expected ${optionName('baseUrl')} to be a URL such as https://open.feishu.cn, got "${shown}"`,
    zh: `${optionName('baseUrl')} 应是网址，例如 https://open.feishu.cn，实际是 "${shown}"`,
  }),
  baseUrlUser: (host: string): Pair => ({
    en: `expected ${optionName('baseUrl')} without a user name or password, got one for ${host}: credentials come from ${appCredentialsEn()}`,
    zh: `${optionName('baseUrl')} 中不能带用户名或密码（${host}）：凭证请用 ${appCredentials()}`,
  }),
  baseUrlHttp: (host: string): Pair => ({
    en: `expected https:// for ${host}, got plain http://: only loopback hosts (127.0.0.1, localhost) may use http; use https://${host}`,
    zh: `${host} 应使用 https://，而不是 http://：只有本机地址（127.0.0.1、localhost）可以用 http；请用 https://${host}`,
  }),
  baseUrlScheme: (shown: string): Pair => ({
    en: `expected an https:// URL, got "${shown}"`,
    zh: `应为 https:// 网址，实际是 "${shown}"`,
  }),
  baseUrlPath: (shown: string): Pair => ({
    en: `expected ${optionName('baseUrl')} to be an origin only (like https://open.feishu.cn), got "${shown}": drop the path`,
    zh: `${optionName('baseUrl')} 只能是站点地址（例如 https://open.feishu.cn），实际是 "${shown}"：请去掉路径`,
  }),
} as const;

/** What a call's result says when Feishu's answer is not a success, or none came. */
export const ANSWER = {
  interruptedBeforeAnswer: (): Pair => ({
    en: `interrupted before an answer came (it may or may not have landed; import again with ${optionName('resume')})`,
    zh: `在收到应答前被中断（可能已写入，也可能没有；请加 ${optionName('resume')} 重新导入）`,
  }),
  notFeishu: (p: { status: number; contentType: string; detail: string }): Pair => ({
    en: `expected Feishu's JSON answer with code 0, got HTTP ${p.status} (content type ${p.contentType}) without it: something between here and Feishu answered (a proxy or captive portal?); ${p.detail}`,
    zh: `应收到飞书带 code 0 的 JSON 应答，实际是 HTTP ${p.status}（内容类型 ${p.contentType}），其中没有 code：本机与飞书之间有别的程序作了应答（代理或网络认证页面？）；${p.detail}`,
  }),
  stopping: (p: { message: string; why: string }): Pair => ({
    en: `${p.message}: ${p.why}`,
    zh: `${p.message}：${p.why}（运行已停止）`,
  }),
  freshTokenRejected: (message: string): Pair => ({
    en: `${message}: a freshly fetched token was rejected too; check the app is enabled for this tenant`,
    zh: `${message}：新取得的令牌也被拒绝；请检查应用是否已在该租户启用`,
  }),
  givenTokenRejected: (message: string): Pair => ({
    en: `${message}: ${givenToken()} was rejected; fetch a new one, or ${cliSpeaking() ? 'set' : 'pass'} ${appCredentialsEn()} so the tool can refresh it`,
    zh: `${message}：${givenToken()} 被拒绝；请重新获取，或${cliSpeaking() ? '设置' : '传入'} ${appCredentials()} 让工具自动刷新`,
  }),
  gaveUp: (p: { message: string; attempts: number }): Pair => ({
    en: `${p.message} (gave up after ${p.attempts} attempts)`,
    zh: `${p.message}（尝试 ${p.attempts} 次后放弃）`,
  }),
} as const;
