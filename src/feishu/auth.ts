import { FEISHU } from './messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';
import { type FeishuClient, type HttpResponse, NetworkError } from './client.js';
import { BAD_CREDENTIAL_CODES } from './codes.js';
import { TOKEN_PATH } from './endpoints.js';
import { type Clock, realClock } from './rate-gate.js';

export type Credentials =
  | { readonly kind: 'app'; readonly appId: string; readonly appSecret: string }
  | { readonly kind: 'token'; readonly token: string };

/** A tenant token lives 7,200 s (docs/feishu-api.md, "Token"). */
const DEFAULT_LIFETIME_S = 7200;

/** Tries of the token call itself before the run stops. */
const TOKEN_TRIES = 3;

/**
 * The tenant access token, shared by every request: fetched once, refreshed before it expires,
 * and refreshed at most once at a time however many workers ask (single flight).
 */
export class TokenProvider {
  private token?: string;
  private expiresAt = 0;
  private lifetimeMs = 0;
  private inflight?: Promise<string>;
  /** Tokens fetched so far (for the summary and the tests); never the token itself. */
  fetches = 0;

  constructor(
    private readonly credentials: Credentials,
    private readonly client: FeishuClient,
    private readonly clock: Clock = realClock,
  ) {
    if (credentials.kind === 'token') {
      this.token = credentials.token;
      this.expiresAt = Number.POSITIVE_INFINITY;
    }
  }

  get canRefresh(): boolean {
    return this.credentials.kind === 'app';
  }

  /** A token good for the next request. */
  async get(): Promise<string> {
    // Refresh ahead: five minutes before expiry, or a quarter of a short lifetime.
    const ahead = Math.min(300_000, this.lifetimeMs / 4);
    if (this.token && this.clock.now() < this.expiresAt - ahead) return this.token;
    return this.refresh();
  }

  /** Called when Feishu rejected `used`: the next `get` fetches a new one, once. */
  invalidate(used: string): void {
    if (this.token === used && this.canRefresh) {
      this.token = undefined;
      this.expiresAt = 0;
    }
  }

  private refresh(): Promise<string> {
    if (this.credentials.kind === 'token') return Promise.resolve(this.credentials.token);
    this.inflight ??= this.fetchToken(this.credentials).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchToken(credentials: { appId: string; appSecret: string }): Promise<string> {
    let lastProblem = '';
    for (let attempt = 1; attempt <= TOKEN_TRIES; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.client.request('POST', TOKEN_PATH, {
          body: { app_id: credentials.appId, app_secret: credentials.appSecret },
        });
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        lastProblem = error.message;
        await this.clock.sleep(500 * attempt);
        continue;
      }
      const { code, msg, tenant_access_token: token, expire } = res.body;
      if (code === 0 && typeof token === 'string' && token !== '') {
        this.fetches++;
        this.token = token;
        // An answer without `expire` gets the documented lifetime of 2 hours (docs/feishu-api.md,
        // "Token"), not zero: zero would fetch a new token before nearly every request.
        const seconds = Number(expire);
        this.lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_LIFETIME_S) * 1000;
        this.expiresAt = this.clock.now() + this.lifetimeMs;
        return token;
      }
      if (code !== undefined && BAD_CREDENTIAL_CODES.has(code)) {
        throw new ToolError(
          'AUTH_BAD_CREDENTIALS',
          say(
            FEISHU.badCredentials({
              app: credentials.appId,
              code,
              msg: msg ?? 'no message',
              logId: res.logId ?? 'none',
            }),
          ),
          { status: res.status, code, logId: res.logId },
        );
      }
      lastProblem = `HTTP ${res.status}, code ${code ?? 'none'}: ${msg ?? ''}`;
      if (res.status < 500) break;
      await this.clock.sleep(500 * attempt);
    }
    throw new ToolError(
      'AUTH_TOKEN_UNAVAILABLE',
      say(FEISHU.noToken({ origin: this.client.origin.origin, problem: lastProblem })),
    );
  }
}
