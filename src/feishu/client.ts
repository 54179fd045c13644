import { Pool, errors } from 'undici';

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
    readonly code: 'HTTP_TIMEOUT' | 'HTTP_NETWORK' | 'HTTP_ABORTED',
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
}

/**
 * One keep-alive connection pool to one origin, shared by every request of a run. Secrets travel
 * only in request bodies and the Authorization header; nothing here logs either.
 */
export class FeishuClient {
  private readonly pool: Pool;

  constructor(
    readonly origin: URL,
    options: ClientOptions,
  ) {
    this.pool = new Pool(origin.origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connectTimeout: options.timeoutMs,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: { token?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let res;
    try {
      res = await this.pool.request({
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
      text = await res.body.text();
    } catch (error) {
      throw toNetworkError(error);
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
  return { msg: `HTTP ${status} with a body that is not JSON${snippet ? `: ${snippet}` : ''}` };
}

function toNetworkError(error: unknown): NetworkError {
  if (error instanceof errors.RequestAbortedError || (error as Error)?.name === 'AbortError') {
    return new NetworkError('HTTP_ABORTED', 'request aborted');
  }
  if (error instanceof errors.ConnectTimeoutError || error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
    return new NetworkError('HTTP_TIMEOUT', `no answer within the timeout (${(error as Error).message})`);
  }
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  return new NetworkError('HTTP_NETWORK', `connection failed${code ? ` (${code})` : ''}: ${e.message}`);
}
