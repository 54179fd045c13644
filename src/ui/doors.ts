/**
 * The page's doors, as pure functions of a request's method, path and headers: what the server
 * lets in, and the headers every answer carries. No I/O here, so each door has a plain test.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE_NAME = 'fii_ui';
/** The query parameter carrying the one-time token in the printed URL. */
export const TOKEN_PARAM = 't';
/** A cookie lives for a working day; the server's secrets die with the server anyway. */
const COOKIE_MAX_AGE_S = 12 * 3600;

/**
 * No inline script or style, nothing from another origin, no framing, no form posting
 * elsewhere: the page is our one script and one stylesheet, and talks to its own server only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every answer, refusals included. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

/** The server's two secrets: the token printed once, and the cookie it is exchanged for. */
export interface DoorKeys {
  readonly token: string;
  readonly session: string;
  /** True once the token has been exchanged: it opens no second browser. */
  tokenUsed: boolean;
}

export function newKeys(): DoorKeys {
  return {
    token: randomBytes(24).toString('base64url'),
    session: randomBytes(32).toString('base64url'),
    tokenUsed: false,
  };
}

export interface DoorRequest {
  readonly method: string;
  /** The request target as sent: path and query. */
  readonly url: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly cookie: string | undefined;
}

export type DoorVerdict =
  | { readonly kind: 'pass' }
  /** A valid token: set the cookie and send the browser to the same path without the token. */
  | { readonly kind: 'exchange'; readonly location: string; readonly setCookie: string }
  | { readonly kind: 'refuse'; readonly status: 403 | 421; readonly reason: DoorRefusal };

export type DoorRefusal = 'host' | 'origin' | 'token';

/** Equal strings, compared in constant time so a guess learns nothing from the answer's timing. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The cookie's value, if the request carries ours. */
export function cookieValue(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE_NAME) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookie(session: string): string {
  return `${COOKIE_NAME}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}`;
}

/** The one Host a browser that reached us by the printed URL sends: a rebinding name is refused. */
export const ownHost = (port: number) => `127.0.0.1:${port}`;
export const ownOrigin = (port: number) => `http://${ownHost(port)}`;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Host first (DNS rebinding: a page on another name that resolves to 127.0.0.1), then Origin for
 * anything that changes state (another site posting into ours), then the token or cookie.
 */
export function door(req: DoorRequest, port: number, keys: DoorKeys): DoorVerdict {
  if (req.host !== ownHost(port)) return { kind: 'refuse', status: 421, reason: 'host' };
  if (!SAFE_METHODS.has(req.method) && req.origin !== ownOrigin(port))
    return { kind: 'refuse', status: 403, reason: 'origin' };
  const url = new URL(req.url, ownOrigin(port));
  const token = url.searchParams.get(TOKEN_PARAM);
  const cookie = cookieValue(req.cookie);
  const hasSession = cookie !== undefined && same(cookie, keys.session);
  if (token !== null && req.method === 'GET') {
    url.searchParams.delete(TOKEN_PARAM);
    const location = `${url.pathname}${url.search}`;
    if (!keys.tokenUsed && same(token, keys.token)) {
      keys.tokenUsed = true;
      return { kind: 'exchange', location, setCookie: sessionCookie(keys.session) };
    }
    // The same browser loading the printed URL again: clean it, the cookie already opens the page.
    if (hasSession) return { kind: 'exchange', location, setCookie: sessionCookie(keys.session) };
    return { kind: 'refuse', status: 403, reason: 'token' };
  }
  return hasSession ? { kind: 'pass' } : { kind: 'refuse', status: 403, reason: 'token' };
}
