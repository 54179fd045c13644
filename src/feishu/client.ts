import { type Dispatcher, EnvHttpProxyAgent, Pool, errors } from 'undici';
import { isLoopbackHost } from './endpoints.js';

/** Feishu's answer envelope; `code` 0 is success. Decide on `code`, never on `msg`. */
export interface FeishuEnvelope {
  code?: number;
  msg?: string;
  data?: unknown;
  error?: {
    message?: string;
    logid?: string;
    field_violations?: { field?: string; value?: string; description?: string }[];
  };
  tenant_access_token?: string;
  expire?: number;
  /** Set by us: the body was not JSON (a proxy's or gateway's page, not Feishu's answer). */
  notJson?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: FeishuEnvelope;
  /** `x-tt-logid`: the id Feishu support asks for. */
  readonly logId?: string;
}

/** No response came back: refused, reset, timed out. Retried like a 5xx. */
export class NetworkError extends Error {
  constructor(
    readonly code: 'HTTP_TIMEOUT' | 'HTTP_NETWORK' | 'HTTP_ABORTED' | 'HTTP_ANSWER_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface ClientOptions {
  /** Connections kept open: one per request in flight. */
  readonly connections: number;
  /** Connect, headers and body timeouts, each (`--timeout`). */
  readonly timeoutMs: number;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default: this process's environment). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Loopback is never sent through a proxy: the simulator runs there, and a proxy could not reach it. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The proxies, read as curl and Node's own tools read them: lower case first, `HTTPS_PROXY` for
 * https (else `HTTP_PROXY`), `NO_PROXY` a list of hosts (and their subdomains) to reach directly,
 * `*` for all. An empty string is "none" (undici would fall back to process.env on undefined).
 */
export function proxySettings(env: NodeJS.ProcessEnv): { httpProxy: string; httpsProxy: string; noProxy: string } {
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
  return {
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: noProxy.trim() === '*' ? '*' : [noProxy, ...LOOPBACK].filter((s) => s.trim() !== '').join(','),
  };
}

/**
 * Keep-alive connections to one origin, shared by every request of a run, directly or through
 * the environment's proxy (an https origin through a CONNECT tunnel: certificates are checked
 * end to end, a company CA comes in through NODE_EXTRA_CA_CERTS). Secrets travel only in
 * request bodies and the Authorization header; nothing here logs either.
 */
export class FeishuClient {
  private readonly pool: EnvHttpProxyAgent | Pool;

  constructor(
    readonly origin: URL,
    options: ClientOptions,
  ) {
    const pool = {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connectTimeout: options.timeoutMs,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    };
    const proxies = proxySettings(options.env ?? process.env);
    // Without a proxy in the environment, one pool to the origin: the proxy agent's per-request
    // routing cost 3% of the no-limit import's rate (769 against 791 req/s, three rounds each).
    // Loopback (all of 127.0.0.0/8, which NO_PROXY cannot name) always goes direct.
    this.pool =
      (proxies.httpProxy || proxies.httpsProxy) && !isLoopbackHost(origin.hostname)
        ? new EnvHttpProxyAgent({ ...proxies, ...pool })
        : new Pool(origin.origin, pool);
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: { token?: string; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let res: Dispatcher.ResponseData;
    try {
      res = await this.pool.request({
        origin: this.origin.origin,
        method,
        path,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      throw toNetworkError(error);
    }
    let text: string;
    try {
      // A stated length within the cap is read whole (the fast path); anything else is read with a count.
      const stated = Number(first(res.headers['content-length']) ?? Number.NaN);
      text =
        stated >= 0 && stated <= MAX_ANSWER_BYTES
          ? await res.body.text()
          : await readCapped(res.body, MAX_ANSWER_BYTES);
    } catch (error) {
      throw error instanceof NetworkError ? error : toNetworkError(error);
    }
    const logId = first(res.headers['x-tt-logid']);
    return { status: res.statusCode, headers: res.headers, body: parseEnvelope(text, res.statusCode), logId };
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * Feishu's answers to these calls are a few kilobytes (a batch_query page of 20 interviews with
 * long assessments: well under 1 MB); a body past 4 MiB is not Feishu's answer and is not read
 * on (a 400 MB answer once took 1.3 GB).
 */
const MAX_ANSWER_BYTES = 4 * 1024 ** 2;

async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown },
  max: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      throw new NetworkError(
        'HTTP_ANSWER_TOO_LARGE',
        `an answer larger than ${max / 1024 ** 2} MiB, which is not Feishu's: something between here and Feishu answered`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** A gateway's HTML error page is not JSON: keep its start as the message, with no code. */
function parseEnvelope(text: string, status: number): FeishuEnvelope {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as FeishuEnvelope;
  } catch {
    // fall through
  }
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return { msg: `HTTP ${status} with a body that is not JSON${snippet ? `: ${snippet}` : ''}`, notJson: true };
}

function toNetworkError(error: unknown): NetworkError {
  if (error instanceof errors.RequestAbortedError || (error as Error)?.name === 'AbortError') {
    return new NetworkError('HTTP_ABORTED', 'request aborted');
  }
  if (
    error instanceof errors.ConnectTimeoutError ||
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError
  ) {
    return new NetworkError('HTTP_TIMEOUT', `no answer within the timeout (${(error as Error).message})`);
  }
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  // Node names certificate failures by OpenSSL's codes: CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …
  const certificate = code !== undefined && /CERT|UNABLE_TO_(VERIFY|GET)|SELF_SIGNED/.test(code);
  const hint = certificate ? '; a proxy that inspects HTTPS needs its CA certificate in NODE_EXTRA_CA_CERTS' : '';
  return new NetworkError('HTTP_NETWORK', `connection failed${code ? ` (${code})` : ''}: ${e.message}${hint}`);
}
