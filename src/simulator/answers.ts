import type { ServerResponse } from 'node:http';
import { FEISHU_CODE } from '../feishu/codes.js';

/** Feishu's answer envelope: JSON with `code`, an `x-tt-logid` on every answer, the optional added latency. */
export class Answers {
  private logSeq = 0;
  constructor(private readonly latencyMs = 0) {}

  send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const logId = `2026${Date.now()}${String(++this.logSeq).padStart(6, '0')}`;
    const text = JSON.stringify(body);
    const write = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-tt-logid': logId, ...headers });
      res.end(text);
    };
    if (this.latencyMs) setTimeout(write, this.latencyMs);
    else write();
  }

  error(res: ServerResponse, status: number, code: number, msg: string, violations?: unknown[]): void {
    this.send(res, status, {
      code,
      msg,
      ...(violations ? { error: { message: msg, field_violations: violations } } : {}),
    });
  }

  /** A parameter error naming the field, as Feishu's `field_violations` do. */
  refused(res: ServerResponse, msg: string, field: string, value: string | undefined, description: string): void {
    this.error(res, 400, FEISHU_CODE.parameterError, msg, [
      { field, ...(value === undefined ? {} : { value }), description },
    ]);
  }

  rateLimited(res: ServerResponse, limit: number, resetSeconds: number): void {
    this.send(
      res,
      429,
      { code: FEISHU_CODE.rateLimited, msg: 'request trigger frequency limit' },
      { 'x-ogw-ratelimit-limit': String(limit), 'x-ogw-ratelimit-reset': String(resetSeconds) },
    );
  }
}
