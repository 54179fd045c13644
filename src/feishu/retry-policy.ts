/**
 * When to retry a Feishu call, as a pure function of what came back, so that every rule can be
 * tested without a server or a clock. Codes and their meanings: docs/feishu-api.md, "Codes" and "Limits".
 */
import { RATE_LIMITED_CODE, RUN_STOPPING_CODES, TOKEN_ERROR_CODES, TRANSIENT_CODES } from './codes.js';

export interface CallOutcome {
  /** 1 for the first try. */
  readonly attempt: number;
  /** HTTP status, or 0 when no response came (connection refused, reset, timed out). */
  readonly status: number;
  /** Feishu's `code` from the body, when there was one. */
  readonly code?: number;
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
  /** True once this call has already fetched a new token after a token error. */
  readonly tokenRefreshed?: boolean;
}

export interface RetryOptions {
  /** Retries after the first try (`--retries`). */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** 0 ≤ random() < 1, injectable for tests. */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 5, baseDelayMs: 500, maxDelayMs: 30_000, random: Math.random };

export type RetryDecision =
  | {
      readonly retry: true;
      readonly delayMs: number;
      readonly reason: 'network' | 'rate-limited' | 'server' | 'token';
      readonly pauseAll: boolean;
    }
  | {
      readonly retry: false;
      readonly reason: 'success' | 'permanent' | 'exhausted' | 'stop-run' | 'token';
      readonly delayMs: 0;
    };

const header = (headers: CallOutcome['headers'], name: string): string | undefined => {
  const v = headers?.[name];
  return Array.isArray(v) ? v[0] : v;
};

/** How long Feishu asked us to wait, in ms: `x-ogw-ratelimit-reset` (seconds) or `Retry-After`. */
export function resetDelayMs(headers: CallOutcome['headers']): number | undefined {
  for (const name of ['x-ogw-ratelimit-reset', 'retry-after']) {
    const v = Number(header(headers, name));
    if (Number.isFinite(v) && v >= 0) return Math.ceil(v * 1000);
  }
  return undefined;
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped. */
export function backoffMs(attempt: number, options: RetryOptions): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + options.random() * (exp / 2));
}

export function decideRetry(call: CallOutcome, options: RetryOptions = DEFAULT_RETRY): RetryDecision {
  const { attempt, status, code } = call;
  // Success is Feishu's JSON with a numeric code 0, nothing else (docs/feishu-api.md, "Envelope"):
  // a captive portal's 200 <html> is not a landed write.
  if (status >= 200 && status < 300 && code === 0) return { retry: false, reason: 'success', delayMs: 0 };
  if (code !== undefined && RUN_STOPPING_CODES.has(code)) return { retry: false, reason: 'stop-run', delayMs: 0 };
  if (code !== undefined && TOKEN_ERROR_CODES.has(code)) {
    // Refresh once and retry once; the same error again means the token is not the problem.
    return !call.tokenRefreshed
      ? { retry: true, delayMs: 0, reason: 'token', pauseAll: false }
      : { retry: false, reason: 'token', delayMs: 0 };
  }
  const exhausted = attempt > options.retries;
  if (status === 429 || code === RATE_LIMITED_CODE) {
    if (exhausted) return { retry: false, reason: 'exhausted', delayMs: 0 };
    return {
      retry: true,
      delayMs: resetDelayMs(call.headers) ?? backoffMs(attempt, options),
      reason: 'rate-limited',
      pauseAll: true,
    };
  }
  // A 2xx without Feishu's envelope came from something in between (a proxy, a gateway): try again.
  const badAnswer = status >= 200 && status < 300;
  const transient = status === 0 || status >= 500 || badAnswer || (code !== undefined && TRANSIENT_CODES.has(code));
  if (!transient) return { retry: false, reason: 'permanent', delayMs: 0 };
  if (exhausted) return { retry: false, reason: 'exhausted', delayMs: 0 };
  return {
    retry: true,
    delayMs: backoffMs(attempt, options),
    reason: status === 0 ? 'network' : 'server',
    pauseAll: false,
  };
}

/** What is wrong with reaching Feishu while calls fail: no answer at all, or its servers erring. */
export type Trouble = 'network' | 'server';

/**
 * Whether a call whose retries are spent on `trouble` waits on instead of failing: only when the
 * run asked to (`wait`), the trouble is one that passes (no connection, a 5xx or a "retry later"
 * code), and no call at all has got through since it began (`unbroken`): one interview that
 * Feishu keeps failing while others land still fails alone; an outage pauses the whole run.
 */
export function waitsOut(p: { wait: boolean; trouble: Trouble | undefined; unbroken: boolean }): boolean {
  return p.wait && p.trouble !== undefined && p.unbroken;
}

/** While a run waits out an outage, it tries again at the pace of its last ordinary retry. */
export const outageDelayMs = (options: RetryOptions): number => backoffMs(Math.max(1, options.retries), options);
