import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { BATCH_QUERY_PATH, CREATE_PATH, INTERVIEW_PATH, TOKEN_PATH } from '../feishu/endpoints.js';
import type { InterviewBody } from '../feishu/body.js';
import { prng } from './prng.js';
import { validateInterviewBody } from './schema.js';
import { InterviewStore, type StoredInterview } from './store.js';

export interface SimulatorOptions {
  readonly port?: number;
  /** Always loopback unless a test says otherwise. */
  readonly host?: string;
  readonly appId?: string;
  readonly appSecret?: string;
  /** PUTs per second per app (a sliding one-second window); 0 for none. Feishu: 10. */
  readonly rateLimit?: number;
  /** batch_query calls per second; 0 for none. Feishu: 10. */
  readonly readRateLimit?: number;
  /** Share of PUTs answered HTTP 500 / 1002001. */
  readonly failRate?: number;
  /** Share of PUTs whose connection is dropped without an answer (half of them after landing). */
  readonly dropRate?: number;
  /** Share of PUTs answered only after `stallMs` (they land first). */
  readonly stallRate?: number;
  readonly stallMs?: number;
  /** Added to every answer. */
  readonly latencyMs?: number;
  /** Lifetime of a tenant token; Feishu: 7200 s. */
  readonly tokenTtlSeconds?: number;
  /** Revoke every token after this many PUTs have landed, as if it expired mid-run. */
  readonly expireTokenAfterPuts?: number;
  /** Answer 99991672 (scope missing) to every PUT. */
  readonly missingScope?: boolean;
  /** Application ids the tenant does not have: a PUT naming one is refused (1002002). */
  readonly missingApplications?: Iterable<string>;
  /**
   * Like Feishu, a PUT to an interview that does not exist is refused (1002002); with this set,
   * the first PUT creates it instead (handy for trying the tool against an empty simulator).
   */
  readonly createOnPut?: boolean;
  /** Interviews present before the run (bodies as sent). */
  readonly seed?: Iterable<[string, InterviewBody]>;
  /** Creates per second (the create API's own limit); 0 for none. Feishu: 10. */
  readonly createRateLimit?: number;
  /**
   * Reads leave out `external_id` (on the interview and its assessments): Feishu's documentation
   * page may not list it in batch_query's answer, while the SDKs' types do (docs/feishu-api.md).
   */
  readonly readsWithoutExternalId?: boolean;
  /** PRNG seed for the injected faults, so a failing test can be replayed. */
  readonly randomSeed?: number;
  /** Serve HTTPS with this key and certificate (PEM), as Feishu does; the proxy tests use it. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** One more host name it answers to besides loopback: the name a `tls` certificate is for. */
  readonly hostName?: string;
}

export interface SimulatorStats {
  /** Every request that reached the simulator, by kind. */
  requests: { token: number; put: number; batchQuery: number; create: number; delete: number; other: number };
  /** Interviews created, by new id. */
  created: Map<string, InterviewBody>;
  deleted: string[];
  /** Arrival times (ms) of creates that were not rate-limited. */
  createTimes: number[];
  /** PUTs that changed the store, by interview id. */
  accepted: Map<string, number>;
  /** PUTs received, by interview id (whatever their answer). */
  received: Map<string, number>;
  rateLimited: number;
  failed: number;
  dropped: number;
  stalled: number;
  tokensIssued: number;
  /** Arrival times (ms) of PUTs that were not rate-limited, for pace measurements. */
  putTimes: number[];
}

export interface RunningSimulator {
  readonly url: string;
  readonly port: number;
  readonly store: InterviewStore;
  readonly stats: SimulatorStats;
  readonly options: SimulatorOptions;
  /** Drops every connection, stays down for `downMs`, and listens again on the same port (the store survives). */
  restart(downMs: number): Promise<void>;
  close(): Promise<void>;
}

const LOCAL_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

export const DEFAULT_APP_ID = 'cli_simulator';
/** Not a secret: the simulator's own demo credential, documented in the README. */
export const DEFAULT_APP_SECRET = 'simulator-secret';

/** A sliding one-second window: at most `limit` calls in any 1000 ms. */
class Window {
  private readonly times: number[] = [];
  constructor(private readonly limit: number) {}

  /** undefined when allowed; else the seconds until a call would be. */
  check(now: number): number | undefined {
    if (this.limit <= 0) return undefined;
    while (this.times.length > 0 && now - this.times[0]! >= 1000) this.times.shift();
    if (this.times.length >= this.limit) return Math.max(1, Math.ceil((this.times[0]! + 1000 - now) / 1000));
    this.times.push(now);
    return undefined;
  }
}

/**
 * A local stand-in for Feishu's token endpoint, the external-interview PUT and batch_query:
 * the same envelopes, headers and error codes, with faults to inject. Serves 127.0.0.1 only.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const appSecret = options.appSecret ?? DEFAULT_APP_SECRET;
  const random = prng(options.randomSeed ?? 1);
  const store = new InterviewStore();
  for (const [id, body] of options.seed ?? []) store.put(id, body);
  const missingApplications = new Set(options.missingApplications ?? []);
  const stats: SimulatorStats = {
    requests: { token: 0, put: 0, batchQuery: 0, create: 0, delete: 0, other: 0 },
    created: new Map(),
    deleted: [],
    createTimes: [],
    accepted: new Map(),
    received: new Map(),
    rateLimited: 0,
    failed: 0,
    dropped: 0,
    stalled: 0,
    tokensIssued: 0,
    putTimes: [],
  };
  const putWindow = new Window(options.rateLimit ?? 10);
  const readWindow = new Window(options.readRateLimit ?? 10);
  const createWindow = new Window(options.createRateLimit ?? 10);
  const deleteWindow = new Window(options.rateLimit ?? 10);
  const ttl = (options.tokenTtlSeconds ?? 7200) * 1000;
  const tokens = new Map<string, number>(); // token → expires at
  let current: { token: string; expiresAt: number } | undefined;
  let landed = 0;
  let logSeq = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const logId = `2026${Date.now()}${String(++logSeq).padStart(6, '0')}`;
    const text = JSON.stringify(body);
    const write = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-tt-logid': logId, ...headers });
      res.end(text);
    };
    if (options.latencyMs) setTimeout(write, options.latencyMs);
    else write();
  };
  const error = (res: ServerResponse, status: number, code: number, msg: string, violations?: unknown[]) =>
    send(res, status, { code, msg, ...(violations ? { error: { message: msg, field_violations: violations } } : {}) });

  const issueToken = (now: number): { token: string; expire: number } => {
    // Feishu returns the same token while 30 minutes or more are left, a new one after.
    if (!current || current.expiresAt - now < Math.min(1_800_000, ttl / 2) || !tokens.has(current.token)) {
      current = { token: `t-sim-${randomBytes(12).toString('hex')}`, expiresAt: now + ttl };
      tokens.set(current.token, current.expiresAt);
      stats.tokensIssued++;
    }
    return { token: current.token, expire: Math.floor((current.expiresAt - now) / 1000) };
  };

  /** The token check every Open API call makes; answers and returns false when it fails. */
  const authorised = (req: IncomingMessage, res: ServerResponse, now: number): boolean => {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!token) {
      error(res, 400, 99991661, 'Missing access token for authorization. Please make a request with token attached.');
      return false;
    }
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined || expiresAt <= now) {
      error(res, 400, 99991663, 'Invalid access token for authorization. Please make a request with token attached.');
      return false;
    }
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Its state endpoint holds interview records: only this machine's own names may ask (no DNS rebinding).
    if (
      !LOCAL_HOST.test(req.headers.host ?? '') &&
      !(options.hostName && (req.headers.host ?? '').replace(/:\d+$/, '') === options.hostName)
    )
      return error(
        res,
        403,
        403,
        `forbidden host ${JSON.stringify((req.headers.host ?? '').slice(0, 64))}: the simulator answers only 127.0.0.1 and localhost`,
      );
    const url = new URL(req.url ?? '/', 'http://simulator');
    const raw = await readBody(req);
    const now = Date.now();
    if (req.method === 'POST' && url.pathname === TOKEN_PATH) {
      stats.requests.token++;
      const body = parseJson(raw) as { app_id?: string; app_secret?: string } | undefined;
      if (!body || body.app_id !== appId) return error(res, 400, 10003, 'invalid param: app_id');
      if (body.app_secret !== appSecret) return error(res, 400, 10014, 'app secret invalid');
      const { token, expire } = issueToken(now);
      return send(res, 200, { code: 0, msg: 'ok', tenant_access_token: token, expire });
    }
    if (req.method === 'GET' && url.pathname === '/__simulator/state') {
      stats.requests.other++;
      return send(res, 200, { stats: statsJson(stats), interviews: [...store.interviews.values()] });
    }
    if (req.method === 'POST' && url.pathname === BATCH_QUERY_PATH) {
      stats.requests.batchQuery++;
      if (!authorised(req, res, now)) return;
      const wait = readWindow.check(now);
      if (wait !== undefined) return rateLimited(res, options.readRateLimit ?? 10, wait);
      return batchQuery(res, url, parseJson(raw));
    }
    if (req.method === 'POST' && url.pathname === CREATE_PATH) {
      stats.requests.create++;
      if (!authorised(req, res, now)) return;
      const wait = createWindow.check(now);
      if (wait !== undefined) return rateLimited(res, options.createRateLimit ?? 10, wait);
      stats.createTimes.push(now);
      return create(req, res, raw, now);
    }
    if (req.method === 'DELETE' && url.pathname.startsWith(INTERVIEW_PATH)) {
      stats.requests.delete++;
      if (!authorised(req, res, now)) return;
      const wait = deleteWindow.check(now);
      if (wait !== undefined) return rateLimited(res, options.rateLimit ?? 10, wait);
      const id = decodeURIComponent(url.pathname.slice(INTERVIEW_PATH.length));
      if (!store.interviews.delete(id))
        return error(res, 400, 1002002, '参数错误 external interview not found', [
          { field: 'external_interview_id', value: id, description: 'no such external interview' },
        ]);
      stats.deleted.push(id);
      return send(res, 200, { code: 0, msg: 'success', data: {} });
    }
    if (req.method === 'PUT' && url.pathname.startsWith(INTERVIEW_PATH)) {
      stats.requests.put++;
      const id = decodeURIComponent(url.pathname.slice(INTERVIEW_PATH.length));
      stats.received.set(id, (stats.received.get(id) ?? 0) + 1);
      if (!authorised(req, res, now)) return;
      if (options.missingScope) {
        return error(
          res,
          400,
          99991672,
          'Access denied. One of the following scopes is required: [hire:external_application].',
        );
      }
      const wait = putWindow.check(now);
      if (wait !== undefined) return rateLimited(res, options.rateLimit ?? 10, wait);
      stats.putTimes.push(now);
      return put(req, res, id, raw);
    }
    stats.requests.other++;
    return error(res, 404, 404, `404 page not found: ${req.method} ${url.pathname}`);
  };

  const rateLimited = (res: ServerResponse, limit: number, resetSeconds: number) => {
    stats.rateLimited++;
    send(
      res,
      429,
      { code: 99991400, msg: 'request trigger frequency limit' },
      { 'x-ogw-ratelimit-limit': String(limit), 'x-ogw-ratelimit-reset': String(resetSeconds) },
    );
  };

  const put = (req: IncomingMessage, res: ServerResponse, id: string, raw: string) => {
    const r = random();
    const { failRate = 0, dropRate = 0, stallRate = 0 } = options;
    if (r < failRate) {
      stats.failed++;
      return error(res, 500, 1002001, '系统异常 internal error');
    }
    const dropBefore = r < failRate + dropRate / 2;
    const dropAfter = !dropBefore && r < failRate + dropRate;
    if (dropBefore) {
      stats.dropped++;
      return req.socket.destroy();
    }
    if (!/^\d{1,19}$/.test(id))
      return error(res, 400, 1002002, '参数错误 invalid external_interview_id', [
        { field: 'external_interview_id', value: id, description: 'must be an id of digits' },
      ]);
    const b = acceptedBody(res, raw);
    if (!b) return;
    if (!options.createOnPut && !store.get(id)) {
      return error(res, 400, 1002002, '参数错误 external interview not found', [
        { field: 'external_interview_id', value: id, description: 'no such external interview' },
      ]);
    }
    const stored = store.put(id, b);
    stats.accepted.set(id, (stats.accepted.get(id) ?? 0) + 1);
    landed++;
    if (options.expireTokenAfterPuts && landed % options.expireTokenAfterPuts === 0) {
      tokens.clear();
      current = undefined;
    }
    if (dropAfter) {
      stats.dropped++;
      return req.socket.destroy();
    }
    if (r < failRate + dropRate + stallRate) {
      stats.stalled++;
      setTimeout(
        () => send(res, 200, { code: 0, msg: 'success', data: { external_interview: stored } }),
        options.stallMs ?? 30_000,
      ).unref();
      return;
    }
    send(res, 200, { code: 0, msg: 'success', data: { external_interview: stored } });
  };

  /** The body of a PUT or create, checked as Feishu checks it; undefined once refused (and answered). */
  const acceptedBody = (res: ServerResponse, raw: string): InterviewBody | undefined => {
    const body = parseJson(raw);
    if (body === undefined) return void error(res, 400, 1002002, '参数错误 body is not JSON');
    const violations = validateInterviewBody(body);
    if (violations.length > 0) return void error(res, 400, 1002002, '参数错误', violations);
    const b = body as InterviewBody;
    if (missingApplications.has(b.external_application_id)) {
      return void error(res, 400, 1002002, '参数错误 external application not found', [
        {
          field: 'external_application_id',
          value: b.external_application_id,
          description: 'no such external application',
        },
      ]);
    }
    return b;
  };

  /** The create call: the fault mix of a PUT, and a used external_id refused for 24 hours. */
  const create = (req: IncomingMessage, res: ServerResponse, raw: string, now: number) => {
    const r = random();
    const { failRate = 0, dropRate = 0 } = options;
    if (r < failRate) {
      stats.failed++;
      return error(res, 500, 1002001, '系统异常 internal error');
    }
    if (r < failRate + dropRate / 2) {
      stats.dropped++;
      return req.socket.destroy();
    }
    const b = acceptedBody(res, raw);
    if (!b) return;
    if (store.recentlyCreated(b.external_id, now)) {
      return error(res, 400, 1002002, '参数错误 external_id already used', [
        {
          field: 'external_id',
          value: b.external_id,
          description: 'an interview with this external_id was created within 24 hours',
        },
      ]);
    }
    const stored = store.create(b, now);
    stats.created.set(stored.id, b);
    if (r < failRate + dropRate) {
      stats.dropped++;
      return req.socket.destroy();
    }
    send(res, 200, { code: 0, msg: 'success', data: { external_interview: read(stored) } });
  };

  /** An interview as batch_query returns it: with its read-only ids, and `external_id` unless the option drops it. */
  const read = (stored: StoredInterview): StoredInterview => {
    if (!options.readsWithoutExternalId) return stored;
    const { external_id: _e, interview_assessments, ...rest } = stored;
    const out: StoredInterview = { ...rest };
    if (interview_assessments) out.interview_assessments = interview_assessments.map(({ external_id: _a, ...a }) => a);
    return out;
  };

  const batchQuery = (res: ServerResponse, url: URL, body: unknown) => {
    const ids = (body as { external_interview_id_list?: unknown } | undefined)?.external_interview_id_list;
    const application = url.searchParams.get('external_application_id');
    // The id list, when given, is the only condition; without one, the application's interviews.
    const byApplication = (ids === undefined || (Array.isArray(ids) && ids.length === 0)) && application !== null;
    if (!byApplication && (!Array.isArray(ids) || ids.length > 20 || ids.some((i) => typeof i !== 'string'))) {
      return error(res, 400, 1002002, '参数错误', [
        { field: 'external_interview_id_list', description: 'must be an array of at most 20 ids' },
      ]);
    }
    const pageSize = Math.min(20, Math.max(1, Number(url.searchParams.get('page_size') ?? 10) || 10));
    const start = Number(Buffer.from(url.searchParams.get('page_token') ?? '', 'base64url').toString() || 0);
    const found = byApplication
      ? store.ofApplication(application)
      : (ids as string[]).map((id) => store.get(id)).filter((x): x is StoredInterview => x !== undefined);
    const items = found.slice(start, start + pageSize).map(read);
    const hasMore = start + pageSize < found.length;
    const data: Record<string, unknown> = { items, has_more: hasMore };
    if (hasMore) data.page_token = Buffer.from(String(start + pageSize)).toString('base64url');
    send(res, 200, { code: 0, msg: 'success', data });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) error(res, 500, 1002001, 'simulator error');
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createServer(listener);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    store,
    stats,
    options,
    async restart(downMs: number) {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, options.host ?? '127.0.0.1', () => resolve());
      });
    },
    close: stop,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function statsJson(stats: SimulatorStats): Record<string, unknown> {
  return {
    ...stats,
    accepted: Object.fromEntries(stats.accepted),
    received: Object.fromEntries(stats.received),
    putTimes: undefined,
  };
}
