import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FEISHU_CODE } from '../feishu/codes.js';
import type { Answers } from './answers.js';
import type { SimulatorStats } from './options.js';

/** Tenant access tokens: issued as Feishu issues them, checked on every Open API call. */
export class Tokens {
  private readonly expiry = new Map<string, number>(); // token → expires at
  private current: { token: string; expiresAt: number } | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly stats: SimulatorStats,
    private readonly answers: Answers,
  ) {}

  issue(now: number): { token: string; expire: number } {
    // Feishu returns the same token while 30 minutes or more are left, a new one after.
    const current = this.current;
    if (!current || current.expiresAt - now < Math.min(1_800_000, this.ttlMs / 2) || !this.expiry.has(current.token)) {
      this.current = { token: `t-sim-${randomBytes(12).toString('hex')}`, expiresAt: now + this.ttlMs };
      this.expiry.set(this.current.token, this.current.expiresAt);
      this.stats.tokensIssued++;
    }
    const issued = this.current!;
    return { token: issued.token, expire: Math.floor((issued.expiresAt - now) / 1000) };
  }

  /** Every token stops working, as if all expired at once. */
  revokeAll(): void {
    this.expiry.clear();
    this.current = undefined;
  }

  /** The token check every Open API call makes; answers and returns false when it fails. */
  authorised(req: IncomingMessage, res: ServerResponse, now: number): boolean {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const missing = 'Missing access token for authorization. Please make a request with token attached.';
    if (!token) {
      this.answers.error(res, 400, FEISHU_CODE.noToken, missing);
      return false;
    }
    const expiresAt = this.expiry.get(token);
    if (expiresAt === undefined || expiresAt <= now) {
      const invalid = 'Invalid access token for authorization. Please make a request with token attached.';
      this.answers.error(res, 400, FEISHU_CODE.tokenInvalid, invalid);
      return false;
    }
    return true;
  }
}
