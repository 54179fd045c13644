/**
 * The page's doors, as pure functions of a request's method, path and headers: what the server
 * lets in, and the headers every answer carries. No I/O here, so each door has a plain test.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE_NAME = 'fii_ui';
/** The query parameter carrying the one-time token in the printed URL. */
export const TOKEN_PARAM = 't';
/**
 * The header every `/api/` call carries the page key in. A custom header: another origin's script
 * cannot send it without a CORS preflight, which the doors refuse (its Origin is not ours).
 */
export const PAGE_KEY_HEADER = 'x-fii-page';
/** The fragment name the exchange hands the page key over in (`/#k=…`): never sent to a server. */
export const PAGE_KEY_FRAGMENT = 'k';
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

/**
 * The server's three secrets: the token printed once; the cookie it is exchanged for, which opens
 * the page's files; and the page key, which opens its calls. Cookies are scoped by host, not port,
 * so any program listening on another port of 127.0.0.1 receives the cookie from a browser that
 * visits it: the cookie alone must not be enough to act. The page key travels only in the
 * exchange's redirect fragment (to whoever holds the token) and then in a header from the page's
 * own origin, which keeps it in its localStorage, out of reach of every other port's pages.
 */
export interface DoorKeys {
  readonly token: string;
  readonly session: string;
  readonly page: string;
  /** True once the token has been exchanged: it opens no second browser. */
  tokenUsed: boolean;
  /** The one link the page last made for a second browser, until used or expired (see `invite`). */
  invite?: Invite;
}

export interface Invite {
  readonly token: string;
  /** Epoch ms after which the link opens nothing. */
  readonly expiresAt: number;
}

/**
 * How long a link made for a second browser opens the page: long enough to copy it into the other
 * browser on this computer, short enough that one left in a chat or a clipboard soon opens nothing.
 */
export const INVITE_TTL_MS = 10 * 60 * 1000;

/**
 * A new one-time link's token for a second browser, asked for by a page already let in: it
 * replaces any earlier one not yet used, so at most one such link opens the page at a time.
 */
export function invite(keys: DoorKeys, now: number): Invite {
  keys.invite = { token: randomBytes(24).toString('base64url'), expiresAt: now + INVITE_TTL_MS };
  return keys.invite;
}

/** Spends the invite `token` names, if it is the current one and still fresh. */
function takeInvite(keys: DoorKeys, token: string, now: number): boolean {
  const current = keys.invite;
  if (!current || !same(token, current.token)) return false;
  keys.invite = undefined;
  return now <= current.expiresAt;
}

export function newKeys(): DoorKeys {
  return {
    token: randomBytes(24).toString('base64url'),
    session: randomBytes(32).toString('base64url'),
    page: randomBytes(32).toString('base64url'),
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
  /** The page key header's value. */
  readonly pageKey: string | undefined;
}

export type DoorVerdict =
  | { readonly kind: 'pass' }
  /** A valid token: set the cookie and send the browser to `/`, the page key in the fragment. */
  | { readonly kind: 'exchange'; readonly location: string; readonly setCookie: string }
  | { readonly kind: 'refuse'; readonly status: 403 | 421; readonly reason: DoorRefusal };

export type DoorRefusal = 'host' | 'origin' | 'token' | 'key';

/** Equal strings, compared in constant time so a guess learns nothing from the answer's timing. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every value the request carries under our cookie's name: a page on another port can plant one
 * more (`Path=/api`, sent first), and that must not hide ours.
 */
export function cookieValues(header: string | undefined): string[] {
  const values: string[] = [];
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE_NAME) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export function sessionCookie(session: string): string {
  return `${COOKIE_NAME}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}`;
}

/** The one Host a browser that reached us by the printed URL sends: a rebinding name is refused. */
export const ownHost = (port: number) => `127.0.0.1:${port}`;
export const ownOrigin = (port: number) => `http://${ownHost(port)}`;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The page's calls: each needs the page key besides the cookie. */
export const isApiPath = (path: string) => path.startsWith('/api/');

/**
 * Host first (DNS rebinding: a page on another name that resolves to 127.0.0.1), then Origin for
 * anything that changes state (another site posting into ours), then the token or cookie, then
 * for a call the page key.
 */
export function door(req: DoorRequest, port: number, keys: DoorKeys, now = Date.now()): DoorVerdict {
  if (req.host !== ownHost(port)) return { kind: 'refuse', status: 421, reason: 'host' };
  if (!SAFE_METHODS.has(req.method) && req.origin !== ownOrigin(port))
    return { kind: 'refuse', status: 403, reason: 'origin' };
  const url = new URL(req.url, ownOrigin(port));
  const token = url.searchParams.get(TOKEN_PARAM);
  const hasSession = cookieValues(req.cookie).some((value) => same(value, keys.session));
  if (token !== null && req.method === 'GET') {
    // Always to `/`, whatever path came with the token: never to another site (`//host/…`).
    const exchange = {
      kind: 'exchange',
      location: `/#${PAGE_KEY_FRAGMENT}=${keys.page}`,
      setCookie: sessionCookie(keys.session),
    } as const;
    // A link the page made for a second browser: once, before it expires.
    if (takeInvite(keys, token, now)) return exchange;
    if (!same(token, keys.token)) return { kind: 'refuse', status: 403, reason: 'token' };
    // A second browser with the same link gets nothing; the same browser (its cookie) a new tab.
    if (keys.tokenUsed && !hasSession) return { kind: 'refuse', status: 403, reason: 'token' };
    keys.tokenUsed = true;
    return exchange;
  }
  if (!hasSession) return { kind: 'refuse', status: 403, reason: 'token' };
  if (isApiPath(url.pathname) && !(req.pageKey !== undefined && same(req.pageKey, keys.page)))
    return { kind: 'refuse', status: 403, reason: 'key' };
  return { kind: 'pass' };
}
