import { FEISHU } from './messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';

/** Feishu (China) and Lark (international) serve the same Open API on different domains. */
export const DOMAINS = {
  feishu: 'https://open.feishu.cn',
  lark: 'https://open.larksuite.com',
} as const;

export type Domain = keyof typeof DOMAINS;

export const TOKEN_PATH = '/open-apis/auth/v3/tenant_access_token/internal';
export const INTERVIEW_PATH = '/open-apis/hire/v1/external_interviews/';
/** Create: POST to the collection (docs/feishu-api.md, "Create"). */
export const CREATE_PATH = '/open-apis/hire/v1/external_interviews';
export const BATCH_QUERY_PATH = '/open-apis/hire/v1/external_interviews/batch_query';

export function interviewPath(id: string): string {
  return `${INTERVIEW_PATH}${encodeURIComponent(id)}`;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * This machine's own addresses (a URL's `hostname`): the one test both for plain http and for
 * going around a proxy, so a host allowed plain http is never sent through one in clear text.
 */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK.test(hostname);

/**
 * The origin requests go to. Plain `http://` would send the app secret and every candidate's
 * interview in clear text, so it is allowed only to this machine (the simulator).
 */
export function resolveBaseUrl(domain: Domain, baseUrl: string | undefined): URL {
  const raw = baseUrl ?? DOMAINS[domain];
  // A URL's user name and password are never echoed.
  const shown = raw.replace(/\/\/[^/@]*@/, '//***@');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ToolError('USAGE_BAD_BASE_URL', say(FEISHU.baseUrl(shown)));
  }
  if (url.username || url.password) {
    throw new ToolError('USAGE_BAD_BASE_URL', say(FEISHU.baseUrlUser(url.host)));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ToolError('USAGE_INSECURE_BASE_URL', say(FEISHU.baseUrlHttp(url.host)));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ToolError('USAGE_BAD_BASE_URL', say(FEISHU.baseUrlScheme(shown)));
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ToolError('USAGE_BAD_BASE_URL', say(FEISHU.baseUrlPath(shown)));
  }
  return url;
}
