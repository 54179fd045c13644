import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Invalid,
  parseEnum,
  parseId,
  parseOptions,
  parseScore,
  parseText,
  parseTime,
} from '../../src/plan/normalise.js';
import { ASSESSMENT_TYPE, CONCLUSION, PARTICIPATE_STATUS } from '../../src/schema.js';

/** Anything a cell can hold: any text, digit strings, and the shapes the parsers look for. */
const cellText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^[0-9]{1,25}$/),
  fc.stringMatching(/^\d{4}[-/]\d{1,2}[-/]\d{1,2} \d{1,2}:\d{2}(:\d{2})?$/),
  fc.stringMatching(/^\d\.\d{1,14}E\+\d{2}$/),
);

/** Either a value of the documented kind, or Invalid with a complete problem; never a throw. */
function check<T>(parsed: T | undefined | Invalid, valid: (v: T) => boolean): void {
  if (parsed instanceof Invalid) {
    const p = parsed.problem;
    expect(p.code).toMatch(/^ROW_[A-Z_]+$/);
    for (const lang of ['en', 'zh'] as const) {
      expect(p.expected[lang].length).toBeGreaterThan(0);
      expect(p.fix[lang].length).toBeGreaterThan(0);
      expect(typeof p.got[lang]).toBe('string');
    }
  } else if (parsed !== undefined) {
    expect(valid(parsed)).toBe(true);
  }
}

describe('value parsers on any string', () => {
  it('parseId gives a digit string of at most 19 digits, or a problem', () => {
    fc.assert(fc.property(cellText, (s) => check(parseId(s), (v) => /^\d{1,19}$/.test(v))));
  });

  it('parseEnum gives one of the codes, or a problem', () => {
    for (const spec of [PARTICIPATE_STATUS, CONCLUSION, ASSESSMENT_TYPE]) {
      fc.assert(
        fc.property(cellText, (s) => check(parseEnum(s, spec), (v) => Object.keys(spec.values).includes(String(v)))),
      );
    }
  });

  it('parseTime gives 13-digit epoch milliseconds, or a problem, in any zone', () => {
    fc.assert(
      fc.property(
        cellText,
        fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe'),
        (s, zone) => check(parseTime(s, zone), (v) => Number.isInteger(v.ms) && v.ms >= 1e12 && v.ms < 1e13),
      ),
    );
  });

  it('parseScore gives a safe integer, parseOptions a non-empty list of trimmed strings, parseText the text', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        check(parseScore(s), (v) => Number.isSafeInteger(v));
        check(parseOptions(s), (v) => v.length > 0 && v.every((o) => o !== '' && o === o.trim()));
        check(parseText(s, true), (v) => v === s.trim() && v !== '');
      }),
    );
  });

  it('numbers Excel stored are read or refused, never thrown on', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const cell = { kind: 'number' as const, value: n };
        check(parseId(cell), (v) => /^\d+$/.test(v));
        check(parseScore(cell), (v) => Number.isSafeInteger(v));
        check(parseTime(cell, 'UTC'), (v) => v.ms >= 1e12);
      }),
    );
  });
});
