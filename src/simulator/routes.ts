import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InterviewBody } from '../feishu/body.js';
import { FEISHU_CODE } from '../feishu/codes.js';
import { BATCH_QUERY_PATH, CREATE_PATH, INTERVIEW_PATH, TOKEN_PATH } from '../feishu/endpoints.js';
import { Answers } from './answers.js';
import {
  DEFAULT_APP_ID,
  DEFAULT_APP_SECRET,
  type SimulatorOptions,
  type SimulatorStats,
  statsJson,
} from './options.js';
import { prng } from './prng.js';
import { validateInterviewBody } from './schema.js';
import { InterviewStore, type StoredInterview } from './store.js';
import { Tokens } from './tokens.js';
import { Window } from './window.js';

const LOCAL_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;
const NOT_FOUND = 'no such external interview';

/**
 * What the simulator answers: Feishu's token endpoint, the external-interview PUT, create, delete
 * and batch_query, with the same envelopes, headers and error codes, and faults to inject.
 */
export class Routes {
  readonly store = new InterviewStore();
  private readonly answers: Answers;
  private readonly tokens: Tokens;
  private readonly random: () => number;
  private readonly missingApplications: ReadonlySet<string>;
  private readonly putWindow: Window;
  private readonly readWindow: Window;
  private readonly createWindow: Window;
  private readonly deleteWindow: Window;
  private landed = 0;

  constructor(
    private readonly options: SimulatorOptions,
    readonly stats: SimulatorStats,
  ) {
    this.answers = new Answers(options.latencyMs);
    this.tokens = new Tokens((options.tokenTtlSeconds ?? 7200) * 1000, stats, this.answers);
    this.random = prng(options.randomSeed ?? 1);
    for (const [id, body] of options.seed ?? []) this.store.put(id, body);
    this.missingApplications = new Set(options.missingApplications ?? []);
    this.putWindow = new Window(options.rateLimit ?? 10);
    this.readWindow = new Window(options.readRateLimit ?? 10);
    this.createWindow = new Window(options.createRateLimit ?? 10);
    this.deleteWindow = new Window(options.deleteRateLimit ?? options.rateLimit ?? 10);
  }

  /** Answers one request; an exception inside is Feishu's internal error. */
  listen(req: IncomingMessage, res: ServerResponse): void {
    this.handle(req, res).catch(() => {
      if (!res.headersSent) this.answers.error(res, 500, FEISHU_CODE.internalError, 'simulator error');
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Its state endpoint holds interview records: only this machine's own names may ask (no DNS rebinding).
    const host = req.headers.host ?? '';
    if (!LOCAL_HOST.test(host) && !(this.options.hostName && host.replace(/:\d+$/, '') === this.options.hostName)) {
      const msg = `forbidden host ${JSON.stringify(host.slice(0, 64))}: the simulator answers only 127.0.0.1 and localhost`;
      return this.answers.error(res, 403, 403, msg);
    }
    // A call counts against its API's limit when it arrives, as at Feishu's gateway, not once its body is read.
    const now = Date.now();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const raw = await readBody(req);
    const { stats } = this;
    if (req.method === 'POST' && url.pathname === TOKEN_PATH) return this.token(res, raw, now);
    if (req.method === 'GET' && url.pathname === '/__simulator/state') {
      stats.requests.other++;
      return this.answers.send(res, 200, { stats: statsJson(stats), interviews: [...this.store.interviews.values()] });
    }
    if (req.method === 'POST' && url.pathname === BATCH_QUERY_PATH) {
      stats.requests.batchQuery++;
      if (this.admitted(req, res, now, this.readWindow, this.options.readRateLimit))
        this.batchQuery(res, url, parseJson(raw));
      return;
    }
    if (req.method === 'POST' && url.pathname === CREATE_PATH) {
      stats.requests.create++;
      if (!this.admitted(req, res, now, this.createWindow, this.options.createRateLimit)) return;
      stats.createTimes.push(now);
      return this.create(req, res, raw, now);
    }
    const id = decodeURIComponent(url.pathname.slice(INTERVIEW_PATH.length));
    if (req.method === 'DELETE' && url.pathname.startsWith(INTERVIEW_PATH)) {
      stats.requests.delete++;
      if (this.admitted(req, res, now, this.deleteWindow, this.options.deleteRateLimit ?? this.options.rateLimit))
        this.delete(res, id);
      return;
    }
    if (req.method === 'PUT' && url.pathname.startsWith(INTERVIEW_PATH)) return this.receivePut(req, res, id, raw, now);
    stats.requests.other++;
    return this.answers.error(res, 404, 404, `404 page not found: ${req.method} ${url.pathname}`);
  }

  /** The token check, then the call's own per-second window; answers and returns false when either refuses. */
  private admitted(req: IncomingMessage, res: ServerResponse, now: number, window: Window, limit = 10): boolean {
    if (!this.tokens.authorised(req, res, now)) return false;
    const wait = window.check(now);
    if (wait === undefined) return true;
    this.stats.rateLimited++;
    this.answers.rateLimited(res, limit, wait);
    return false;
  }

  private token(res: ServerResponse, raw: string, now: number) {
    this.stats.requests.token++;
    const body = parseJson(raw) as { app_id?: string; app_secret?: string } | undefined;
    if (!body || body.app_id !== (this.options.appId ?? DEFAULT_APP_ID))
      return this.answers.error(res, 400, FEISHU_CODE.noSuchApp, 'invalid param: app_id');
    if (body.app_secret !== (this.options.appSecret ?? DEFAULT_APP_SECRET))
      return this.answers.error(res, 400, FEISHU_CODE.wrongSecret, 'app secret invalid');
    const { token, expire } = this.tokens.issue(now);
    this.answers.send(res, 200, { code: 0, msg: 'ok', tenant_access_token: token, expire });
  }

  private delete(res: ServerResponse, id: string) {
    if (!this.store.interviews.delete(id))
      return this.answers.refused(res, '参数错误 external interview not found', 'external_interview_id', id, NOT_FOUND);
    this.stats.deleted.push(id);
    this.answers.send(res, 200, { code: 0, msg: 'success', data: {} });
  }

  private receivePut(req: IncomingMessage, res: ServerResponse, id: string, raw: string, now: number) {
    this.stats.requests.put++;
    this.stats.received.set(id, (this.stats.received.get(id) ?? 0) + 1);
    if (!this.tokens.authorised(req, res, now)) return;
    if (this.options.missingScope) {
      const msg = 'Access denied. One of the following scopes is required: [hire:external_application].';
      return this.answers.error(res, 400, FEISHU_CODE.scopeMissing, msg);
    }
    const wait = this.putWindow.check(now);
    if (wait !== undefined) {
      this.stats.rateLimited++;
      return this.answers.rateLimited(res, this.options.rateLimit ?? 10, wait);
    }
    this.stats.putTimes.push(now);
    this.put(req, res, id, raw);
  }

  private put(req: IncomingMessage, res: ServerResponse, id: string, raw: string) {
    const r = this.random();
    const { failRate = 0, dropRate = 0, stallRate = 0 } = this.options;
    if (r < failRate) {
      this.stats.failed++;
      return this.answers.error(res, 500, FEISHU_CODE.internalError, '系统异常 internal error');
    }
    const dropBefore = r < failRate + dropRate / 2;
    const dropAfter = !dropBefore && r < failRate + dropRate;
    if (dropBefore) return this.drop(req);
    if (!/^\d{1,19}$/.test(id)) {
      const msg = '参数错误 invalid external_interview_id';
      return this.answers.refused(res, msg, 'external_interview_id', id, 'must be an id of digits');
    }
    const b = this.acceptedBody(res, raw);
    if (!b) return;
    if (!this.options.createOnPut && !this.store.get(id))
      return this.answers.refused(res, '参数错误 external interview not found', 'external_interview_id', id, NOT_FOUND);
    const held = this.store.get(id)?.interview_assessments;
    const kept = b.interview_assessments === undefined && this.options.keepsOmittedAssessments && held;
    const stored = this.store.put(
      id,
      kept ? { ...b, interview_assessments: InterviewStore.bodyOf(this.store.get(id)!).interview_assessments } : b,
    );
    this.stats.accepted.set(id, (this.stats.accepted.get(id) ?? 0) + 1);
    this.landed++;
    if (this.options.expireTokenAfterPuts && this.landed % this.options.expireTokenAfterPuts === 0)
      this.tokens.revokeAll();
    if (dropAfter) return this.drop(req);
    const answer = () => this.answers.send(res, 200, { code: 0, msg: 'success', data: { external_interview: stored } });
    if (r < failRate + dropRate + stallRate) {
      this.stats.stalled++;
      setTimeout(answer, this.options.stallMs ?? 30_000).unref();
      return;
    }
    answer();
  }

  private drop(req: IncomingMessage): void {
    this.stats.dropped++;
    req.socket.destroy();
  }

  /** The body of a PUT or create, checked as Feishu checks it; undefined once refused (and answered). */
  private acceptedBody(res: ServerResponse, raw: string): InterviewBody | undefined {
    const body = parseJson(raw);
    if (body === undefined)
      return void this.answers.error(res, 400, FEISHU_CODE.parameterError, '参数错误 body is not JSON');
    const violations = validateInterviewBody(body);
    if (violations.length > 0)
      return void this.answers.error(res, 400, FEISHU_CODE.parameterError, '参数错误', violations);
    const b = body as InterviewBody;
    if (this.missingApplications.has(b.external_application_id)) {
      const msg = '参数错误 external application not found';
      const what = 'no such external application';
      return void this.answers.refused(res, msg, 'external_application_id', b.external_application_id, what);
    }
    return b;
  }

  /** The create call: the fault mix of a PUT, and a used external_id refused for 24 hours. */
  private create(req: IncomingMessage, res: ServerResponse, raw: string, now: number) {
    const r = this.random();
    const { failRate = 0, dropRate = 0 } = this.options;
    if (r < failRate) {
      this.stats.failed++;
      return this.answers.error(res, 500, FEISHU_CODE.internalError, '系统异常 internal error');
    }
    if (r < failRate + dropRate / 2) return this.drop(req);
    const b = this.acceptedBody(res, raw);
    if (!b) return;
    if (this.store.recentlyCreated(b.external_id, now)) {
      const what = 'an interview with this external_id was created within 24 hours';
      return this.answers.refused(res, '参数错误 external_id already used', 'external_id', b.external_id, what);
    }
    const stored = this.store.create(b, now);
    this.stats.created.set(stored.id, b);
    if (r < failRate + dropRate) return this.drop(req);
    this.answers.send(res, 200, { code: 0, msg: 'success', data: { external_interview: this.read(stored) } });
  }

  /** An interview as batch_query returns it: with its read-only ids, and `external_id` unless the option drops it. */
  private read(stored: StoredInterview): StoredInterview {
    if (!this.options.readsWithoutExternalId) return stored;
    const { external_id: _e, interview_assessments, ...rest } = stored;
    const out: StoredInterview = { ...rest };
    if (interview_assessments) out.interview_assessments = interview_assessments.map(({ external_id: _a, ...a }) => a);
    return out;
  }

  private batchQuery(res: ServerResponse, url: URL, body: unknown) {
    const ids = (body as { external_interview_id_list?: unknown } | undefined)?.external_interview_id_list;
    const application = url.searchParams.get('external_application_id');
    // The id list, when given, is the only condition; without one, the application's interviews.
    const byApplication = (ids === undefined || (Array.isArray(ids) && ids.length === 0)) && application !== null;
    if (!byApplication && (!Array.isArray(ids) || ids.length > 20 || ids.some((i) => typeof i !== 'string'))) {
      const what = 'must be an array of at most 20 ids';
      return this.answers.refused(res, '参数错误', 'external_interview_id_list', undefined, what);
    }
    const pageSize = Math.min(20, Math.max(1, Number(url.searchParams.get('page_size') ?? 10) || 10));
    const start = Number(Buffer.from(url.searchParams.get('page_token') ?? '', 'base64url').toString() || 0);
    const found = byApplication
      ? this.store.ofApplication(application)
      : (ids as string[]).map((id) => this.store.get(id)).filter((x): x is StoredInterview => x !== undefined);
    const items = found.slice(start, start + pageSize).map((s) => this.read(s));
    const hasMore = start + pageSize < found.length;
    const data: Record<string, unknown> = { items, has_more: hasMore };
    if (hasMore) data.page_token = Buffer.from(String(start + pageSize)).toString('base64url');
    this.answers.send(res, 200, { code: 0, msg: 'success', data });
  }
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
