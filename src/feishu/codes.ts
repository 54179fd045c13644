import type { Pair } from '../messages.js';

/**
 * Feishu's answer codes the tool acts on, in one table: what each means for a run and, for the
 * codes that stop it, what to tell the user. Meanings and sources: docs/feishu-api.md, "Codes"
 * and "Limits". No other file writes one of these numbers: they take a name from `FEISHU_CODE`.
 */
type CodeClass = 'token' | 'rate-limited' | 'transient' | 'stops-run' | 'bad-credential' | 'refused';

/** A code that stops the run carries what to tell the user (a type error without it). */
type FeishuCode =
  | { readonly code: number; readonly class: Exclude<CodeClass, 'stops-run'> }
  | { readonly code: number; readonly class: 'stops-run'; readonly message: Pair };

const TABLE = {
  noToken: { code: 99991661, class: 'token' },
  tokenInvalid: { code: 99991663, class: 'token' },
  tenantTokenInvalid: { code: 99991665, class: 'token' },
  tokenMalformed: { code: 99991671, class: 'token' },
  /** Frequency control: HTTP 429 (some older APIs 400) with this code. */
  rateLimited: { code: 99991400, class: 'rate-limited' },
  retryLater1500: { code: 1500, class: 'transient' },
  retryLater1663: { code: 1663, class: 'transient' },
  retryLater2200: { code: 2200, class: 'transient' },
  retryLater5000: { code: 5000, class: 'transient' },
  retryLater10101: { code: 10101, class: 'transient' },
  /** This API's own internal error. */
  internalError: { code: 1002001, class: 'transient' },
  /** This API's parameter error: the same body is refused every time. */
  parameterError: { code: 1002002, class: 'refused' },
  scopeMissing: {
    code: 99991672,
    class: 'stops-run',
    message: {
      en: 'the app lacks the scope hire:external_application (更新外部投递); an admin must add it in the developer console and publish a new version',
      zh: '应用缺少权限 hire:external_application（更新外部投递）：需要管理员在开发者后台添加并发布新版本',
    },
  },
  ipNotAllowed: {
    code: 99991401,
    class: 'stops-run',
    message: {
      en: "this machine's IP address is not on the app's allow-list; add it in the developer console",
      zh: '本机 IP 不在应用的白名单中：请在开发者后台添加',
    },
  },
  quotaUsedUp: {
    code: 99991403,
    class: 'stops-run',
    message: { en: "the tenant's monthly API quota is used up", zh: '租户本月的接口调用额度已用完' },
  },
  noSuchApp: { code: 10003, class: 'bad-credential' },
  wrongSecret: { code: 10014, class: 'bad-credential' },
  wrongSecret10015: { code: 10015, class: 'bad-credential' },
} as const satisfies Record<string, FeishuCode>;

/** Each code by name, for the code that answers or checks one (the simulator among them). */
export const FEISHU_CODE = Object.fromEntries(Object.entries(TABLE).map(([k, v]) => [k, v.code])) as {
  readonly [K in keyof typeof TABLE]: (typeof TABLE)[K]['code'];
};

const ENTRIES: readonly FeishuCode[] = Object.values(TABLE);
const codesOf = (c: CodeClass): ReadonlySet<number> => new Set(ENTRIES.filter((e) => e.class === c).map((e) => e.code));

export const TOKEN_ERROR_CODES = codesOf('token');
export const RATE_LIMITED_CODE = FEISHU_CODE.rateLimited;
/** Feishu's "retry later" codes. */
export const TRANSIENT_CODES = codesOf('transient');
/** Errors that every later request would meet too: stop the run instead of failing each row. */
export const RUN_STOPPING_CODES = codesOf('stops-run');
export const BAD_CREDENTIAL_CODES = codesOf('bad-credential');

/** What to tell the user about a code that stops the run. */
export function stoppingMessage(code: number): Pair {
  for (const e of ENTRIES) if (e.class === 'stops-run' && e.code === code) return e.message;
  throw new Error(`Feishu code ${code} does not stop runs`);
}
