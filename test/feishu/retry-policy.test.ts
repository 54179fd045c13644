import { describe, expect, it } from 'vitest';
import { backoffMs, decideRetry, outageDelayMs, resetDelayMs, waitsOut } from '../../src/feishu/retry-policy.js';

const options = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 };

describe('decideRetry', () => {
  it('stops on success', () => {
    expect(decideRetry({ attempt: 1, status: 200, code: 0 }, options)).toEqual({
      retry: false,
      reason: 'success',
      delayMs: 0,
    });
  });

  it('never retries a parameter error (1002002 / HTTP 400)', () => {
    expect(decideRetry({ attempt: 1, status: 400, code: 1002002 }, options)).toEqual({
      retry: false,
      reason: 'permanent',
      delayMs: 0,
    });
    expect(decideRetry({ attempt: 1, status: 404 }, options)).toEqual({
      retry: false,
      reason: 'permanent',
      delayMs: 0,
    });
  });

  it('retries 1002001, 5xx and network errors with capped exponential backoff and jitter', () => {
    expect(decideRetry({ attempt: 1, status: 500, code: 1002001 }, options)).toEqual({
      retry: true,
      delayMs: 75,
      reason: 'server',
      pauseAll: false,
    });
    expect(decideRetry({ attempt: 2, status: 503 }, options)).toEqual({
      retry: true,
      delayMs: 150,
      reason: 'server',
      pauseAll: false,
    });
    expect(decideRetry({ attempt: 3, status: 0 }, options)).toEqual({
      retry: true,
      delayMs: 300,
      reason: 'network',
      pauseAll: false,
    });
    expect(decideRetry({ attempt: 1, status: 200, code: 1663 }, options)).toMatchObject({
      retry: true,
      reason: 'server',
    });
    expect(backoffMs(10, options)).toBe(750);
  });

  it('gives up after --retries retries', () => {
    expect(decideRetry({ attempt: 4, status: 500, code: 1002001 }, options)).toEqual({
      retry: false,
      reason: 'exhausted',
      delayMs: 0,
    });
  });

  it('pauses everyone on 429 / 99991400 until x-ogw-ratelimit-reset or Retry-After', () => {
    expect(
      decideRetry({ attempt: 1, status: 429, code: 99991400, headers: { 'x-ogw-ratelimit-reset': '2' } }, options),
    ).toEqual({
      retry: true,
      delayMs: 2000,
      reason: 'rate-limited',
      pauseAll: true,
    });
    expect(
      decideRetry({ attempt: 1, status: 400, code: 99991400, headers: { 'retry-after': '0.5' } }, options),
    ).toMatchObject({ delayMs: 500, pauseAll: true });
    expect(decideRetry({ attempt: 2, status: 429 }, options)).toMatchObject({ delayMs: 150, pauseAll: true });
    expect(resetDelayMs({})).toBeUndefined();
  });

  it('refreshes the token once on a token error, and stops the run on the second', () => {
    for (const code of [99991661, 99991663, 99991665, 99991671]) {
      expect(decideRetry({ attempt: 3, status: 400, code }, options)).toEqual({
        retry: true,
        delayMs: 0,
        reason: 'token',
        pauseAll: false,
      });
      expect(decideRetry({ attempt: 4, status: 400, code, tokenRefreshed: true }, options)).toEqual({
        retry: false,
        reason: 'token',
        delayMs: 0,
      });
    }
  });

  it('stops the run on a missing scope, a blocked IP or a used-up quota', () => {
    for (const code of [99991672, 99991401, 99991403]) {
      expect(decideRetry({ attempt: 1, status: 400, code }, options)).toEqual({
        retry: false,
        reason: 'stop-run',
        delayMs: 0,
      });
    }
  });
});

describe('waitsOut', () => {
  it('waits out an outage only when asked, while no call has got through since the call met it', () => {
    expect(waitsOut({ wait: true, trouble: 'network', unbroken: true })).toBe(true);
    expect(waitsOut({ wait: true, trouble: 'server', unbroken: true })).toBe(true);
    // The CLI fails fast; a call that fails while others land fails alone; a refusal is no outage.
    expect(waitsOut({ wait: false, trouble: 'network', unbroken: true })).toBe(false);
    expect(waitsOut({ wait: true, trouble: 'network', unbroken: false })).toBe(false);
    expect(waitsOut({ wait: true, trouble: undefined, unbroken: true })).toBe(false);
  });

  it('tries again at the pace of the last ordinary retry', () => {
    expect(outageDelayMs(options)).toBe(backoffMs(3, options));
    expect(outageDelayMs(options)).toBe(300);
  });
});
