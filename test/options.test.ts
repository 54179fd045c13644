import { describe, expect, it } from 'vitest';
import { speaking } from '../src/lang.js';
import {
  importSchema,
  checkOptions,
  simulateSchema,
  templateSchema,
  undoSchema,
  validateSchema,
  verifySchema,
} from '../src/options.js';

const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected a usage error');
};

const credentials = { appId: 'cli_a', appSecret: 'not-a-real-secret' };

describe('checkOptions', () => {
  it('takes --delimiter by name or as the character, and refuses anything else saying what it takes', () => {
    const sep = (delimiter: string) => checkOptions(validateSchema, { file: 'x.csv', tz: 'UTC', delimiter }).delimiter;
    expect([sep('tab'), sep('\t'), sep('semicolon'), sep(';'), sep(' Comma '), sep('|')]).toEqual([
      '\t',
      '\t',
      ';',
      ';',
      ',',
      '|',
    ]);
    expect(checkOptions(validateSchema, { file: 'x.csv', tz: 'UTC' }).delimiter).toBeUndefined();
    expect(usage(() => checkOptions(validateSchema, { file: 'x.csv', tz: 'UTC', delimiter: ':' }))).toEqual({
      code: 'USAGE_BAD_OPTION',
      message:
        '--delimiter: expected a CSV separator: comma, semicolon, tab or pipe (or , ; |), got ":": pass one of those, or leave --delimiter out to take the one the header line shows',
    });
  });

  it('fills defaults, derives the report path and freezes the result', () => {
    const o = checkOptions(validateSchema, { file: 'in/x.csv', tz: 'Asia/Shanghai' });
    expect(o).toEqual({
      file: 'in/x.csv',
      tz: 'Asia/Shanghai',
      tzGiven: true,
      merge: false,
      json: false,
      report: 'in/x.report.csv',
      reportFile: true,
      sheet: undefined,
      encoding: undefined,
      map: undefined,
      payloads: undefined,
    });
    expect(Object.isFrozen(o)).toBe(true);
  });

  it('takes --records once, repeated or not at all, for import and verify', () => {
    const base = { file: 'x.csv', tz: 'UTC', ...credentials };
    expect(checkOptions(importSchema, base).records).toEqual([]);
    expect(checkOptions(importSchema, { ...base, records: ' old ' }).records).toEqual(['old']);
    expect(checkOptions(verifySchema, { ...base, records: ['a', '', 'b'] }).records).toEqual(['a', 'b']);
  });

  it('gives import its pacing defaults and keeps the secret inside credentials only', () => {
    const o = checkOptions(importSchema, { file: 'x.csv', tz: 'UTC', ...credentials });
    expect(o).toMatchObject({
      concurrency: 5,
      retries: 5,
      timeout: 30,
      timeoutMs: 30_000,
      backup: true,
      domain: 'feishu',
      dryRun: false,
      merge: false,
    });
    expect(o.credentials).toEqual({ kind: 'app', appId: 'cli_a', appSecret: 'not-a-real-secret' });
    expect(o.limit).toBeUndefined();
    // No --rate: each API is paced by Feishu's limit, 10/s until an answer states another.
    expect(o.rate).toBeUndefined();
    expect(Object.keys(o)).not.toContain('appSecret');
  });

  it('names the flag as typed, the range and the value for a bad number', () => {
    expect(usage(() => checkOptions(importSchema, { file: 'x.csv', ...credentials, concurrency: 0 }))).toEqual({
      code: 'USAGE_BAD_OPTION',
      message: '--concurrency: expected a whole number from 1 to 100, got 0',
    });
    expect(
      usage(() => checkOptions(importSchema, { file: 'x.csv', ...credentials, limit: 1.5, timeout: 0 })).message,
    ).toBe(
      '--timeout: expected a number above 0 and at most 600, got 0; --limit: expected a whole number above 0, got 1.5',
    );
    expect(usage(() => checkOptions(simulateSchema, { failRate: 2, tokenTtl: Number.NaN })).message).toBe(
      '--fail-rate: expected a number from 0 to 1, got 2; --token-ttl: expected a number above 0, got NaN',
    );
    expect(checkOptions(simulateSchema, {})).toMatchObject({
      port: 0,
      rateLimit: 10,
      failRate: 0,
      dropRate: 0,
      latency: 0,
      tokenTtl: 7200,
    });
  });

  it('refuses a bad time zone, report extension or template path', () => {
    expect(usage(() => checkOptions(validateSchema, { file: 'x.csv', tz: 'Mars/Olympus' })).message).toBe(
      '--tz: expected an IANA time zone such as Asia/Shanghai, got "Mars/Olympus"',
    );
    expect(usage(() => checkOptions(validateSchema, { file: 'x.csv', tz: 'UTC', report: 'r.txt' })).message).toBe(
      '--report: expected a report path ending in .csv, .xlsx or .json',
    );
    expect(usage(() => checkOptions(templateSchema, { out: 't.txt' })).message).toBe(
      '--out: expected --out to end in .xlsx or .csv',
    );
    expect(checkOptions(templateSchema, { out: 't.xlsx' })).toEqual({ out: 't.xlsx', lang: 'zh' });
  });

  it('needs credentials to send, but not for a plain dry run', () => {
    // The CLI names its environment and flags; a program calling the library, its options.
    expect(
      speaking({ cli: true }, () => usage(() => checkOptions(importSchema, { file: 'x.csv', tz: 'UTC' })).message),
    ).toMatch(/^expected credentials, got none: set FEISHU_APP_ID .* or pass --dry-run/);
    expect(usage(() => checkOptions(importSchema, { file: 'x.csv', tz: 'UTC' })).message).toMatch(
      /^expected credentials, got none: pass appId and appSecret \(or tenantToken\), or pass dryRun/,
    );
    expect(checkOptions(importSchema, { file: 'x.csv', tz: 'UTC', dryRun: true }).credentials).toBeUndefined();
    expect(
      usage(() => checkOptions(importSchema, { file: 'x.csv', tz: 'UTC', dryRun: true, merge: true })).message,
    ).toMatch(/^expected credentials, got none: --merge --dry-run reads/);
    expect(checkOptions(undoSchema, { file: 'r.csv.backup.jsonl', ...credentials }).report).toBe(
      'r.csv.backup.undo.report.csv',
    );
  });
});
