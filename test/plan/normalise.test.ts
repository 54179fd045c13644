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
import { wallToEpoch } from '../../src/time-zones.js';
import { ASSESSMENT_TYPE, CONCLUSION, PARTICIPATE_STATUS } from '../../src/schema.js';

const value = <T>(v: T) => v;

describe('parseId', () => {
  it('accepts digit strings, trimming and folding full-width digits', () => {
    expect(parseId(' 7000000000000000001 ')).toEqual(value('7000000000000000001'));
    const fullWidth = [...'7000000000000000001'].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(parseId(fullWidth)).toEqual(value('7000000000000000001'));
    expect(parseId('')).toEqual(value(undefined));
  });

  it('refuses an ID that Excel stored as a number beyond 2^53, in the words of the guide', () => {
    expect(parseId({ kind: 'number', value: 7e18 })).toEqual(
      new Invalid({
        code: 'ROW_ID_AS_NUMBER',
        expected: { en: 'a 19-digit ID as text', zh: '文本格式的 19 位数字 ID' },
        got: { en: '7.00000000000000E+18', zh: '7.00000000000000E+18' },
        fix: { en: 'format the column as Text and paste the IDs again', zh: '把该列设置为“文本”格式，再重新粘贴 ID' },
      }),
    );
  });

  it('accepts a small exact number cell and refuses E-notation text', () => {
    expect(parseId({ kind: 'number', value: 12345 })).toEqual(value('12345'));
    expect(parseId('6.96066E+18')).toMatchObject({ problem: { code: 'ROW_ID_AS_NUMBER', got: { en: '6.96066E+18' } } });
  });

  it('refuses letters, decimals and more than 19 digits', () => {
    expect(parseId('70000000000000000.0')).toMatchObject({ problem: { code: 'ROW_ID_NOT_DIGITS' } });
    expect(parseId('12345678901234567890')).toMatchObject({ problem: { code: 'ROW_ID_TOO_LONG' } });
  });
});

describe('parseEnum', () => {
  it('accepts the code, the Chinese label and the English word', () => {
    for (const input of ['2', '参与', 'participated', ' Participated ', { kind: 'number' as const, value: 2 }, '2.0']) {
      expect(parseEnum(input, PARTICIPATE_STATUS)).toEqual(value(2));
    }
    expect(parseEnum('no show', PARTICIPATE_STATUS)).toEqual(value(3));
    expect(parseEnum('不通过', CONCLUSION)).toEqual(value(1));
    expect(parseEnum('multi_choice', ASSESSMENT_TYPE)).toEqual(value(4));
    expect(parseEnum('描述题', ASSESSMENT_TYPE)).toEqual(value(3));
  });

  it('refuses anything else, listing the accepted values', () => {
    expect(parseEnum('maybe', CONCLUSION)).toEqual(
      new Invalid({
        code: 'ROW_BAD_ENUM',
        expected: {
          en: 'one of 1 不通过 fail · 2 通过 pass · 3 待定 pending',
          zh: '以下之一：1 不通过 fail · 2 通过 pass · 3 待定 pending',
        },
        got: { en: '"maybe"', zh: '"maybe"' },
        fix: { en: 'pick one of the listed values for conclusion', zh: '请从conclusion的可选值中选一个' },
      }),
    );
  });
});

describe('forgiving where it is unambiguous', () => {
  it('reads traditional labels, spaces inside a label, and common synonyms', () => {
    expect(parseEnum('不通過', CONCLUSION)).toBe(1);
    expect(parseEnum('參與', PARTICIPATE_STATUS)).toBe(2);
    expect(parseEnum('未參與', PARTICIPATE_STATUS)).toBe(1);
    expect(parseEnum('通 过', CONCLUSION)).toBe(2);
    expect(parseEnum(' 不　通 过 ', CONCLUSION)).toBe(1);
    expect(parseEnum('未通过', CONCLUSION)).toBe(1);
    expect(parseEnum('已参与', PARTICIPATE_STATUS)).toBe(2);
    expect(parseEnum('打分', ASSESSMENT_TYPE)).toBe(1);
    expect(parseEnum('單選題', ASSESSMENT_TYPE)).toBe(2);
    expect(parseEnum('Single Choice', ASSESSMENT_TYPE)).toBe(2);
  });

  it('says "did you mean" for a near miss, and nothing it cannot be sure of', () => {
    expect(parseEnum('通导', CONCLUSION)).toMatchObject({
      problem: {
        code: 'ROW_BAD_ENUM',
        fix: { en: 'did you mean "通过"? pick one of the listed values for conclusion' },
      },
    });
    expect(parseEnum('pas', CONCLUSION)).toMatchObject({
      problem: { fix: { en: 'did you mean "pass"? pick one of the listed values for conclusion' } },
    });
    expect(parseEnum('缺席', PARTICIPATE_STATUS)).toMatchObject({
      problem: { code: 'ROW_BAD_ENUM', fix: { en: 'pick one of the listed values for participate_status' } },
    });
  });

  it('quotes a long cell cut, with its length, and searches no label for it', () => {
    const long = `${'通过'.repeat(29)}😀${'x'.repeat(29_941)}`;
    const got = {
      en: `"${'通过'.repeat(28)}通…" (30,000 characters)`,
      zh: `"${'通过'.repeat(28)}通…"（共 30,000 个字符）`,
    };
    expect(parseEnum(long, CONCLUSION)).toMatchObject({
      problem: { code: 'ROW_BAD_ENUM', got, fix: { en: 'pick one of the listed values for conclusion' } },
    });
    expect(parseTime(long, 'UTC')).toMatchObject({ problem: { code: 'ROW_BAD_TIME', got } });
    expect(parseId(long)).toMatchObject({ problem: { code: 'ROW_ID_NOT_DIGITS', got } });
    expect(parseScore(long)).toMatchObject({ problem: { code: 'ROW_BAD_SCORE', got } });
    // An emoji is one character, and never cut in half.
    const emoji = `${'x'.repeat(56)}😀${'y'.repeat(100)}`;
    expect(parseEnum(emoji, CONCLUSION)).toMatchObject({
      problem: { got: { en: `"${'x'.repeat(56)}…" (157 characters)` } },
    });
    // Up to 60 characters a value is quoted whole, as before.
    expect(parseEnum('z'.repeat(60), CONCLUSION)).toMatchObject({ problem: { got: { en: `"${'z'.repeat(60)}"` } } });
  });

  it('reads 88分 as 88', () => {
    expect(parseScore('88分')).toBe(88);
    expect(parseScore('88 分')).toBe(88);
    expect(parseScore('八十八分')).toMatchObject({ problem: { code: 'ROW_BAD_SCORE' } });
  });
});

describe('parseTime', () => {
  it('takes epoch milliseconds as they are', () => {
    expect(parseTime('1618500278638', 'Asia/Shanghai')).toEqual(value({ ms: 1618500278638, usedZone: false }));
  });

  it('refuses 10 digits as seconds, not milliseconds', () => {
    expect(parseTime('1618500278', 'UTC')).toMatchObject({
      problem: { code: 'ROW_TIME_IN_SECONDS', got: { en: '1618500278, which is seconds, not milliseconds' } },
    });
  });

  it('reads ISO 8601 with an offset without the zone', () => {
    expect(parseTime('2024-03-01T14:00:00+08:00', 'America/New_York')).toEqual(
      value({ ms: Date.UTC(2024, 2, 1, 6), usedZone: false }),
    );
    expect(parseTime('2024-03-01T06:00:00.5Z', 'Asia/Shanghai')).toEqual(
      value({ ms: Date.UTC(2024, 2, 1, 6, 0, 0, 500), usedZone: false }),
    );
  });

  it('reads wall-clock text and Excel date cells in --tz', () => {
    const expected = value({ ms: Date.UTC(2024, 2, 1, 6), usedZone: true });
    expect(parseTime('2024-03-01 14:00', 'Asia/Shanghai')).toEqual(expected);
    expect(parseTime('2024/3/1 14:00:00', 'Asia/Shanghai')).toEqual(expected);
    const wall = { year: 2024, month: 3, day: 1, hour: 14, minute: 0, second: 0, millisecond: 0 };
    expect(parseTime({ kind: 'date', wall }, 'Asia/Shanghai')).toEqual(expected);
  });

  it('reads times as Chinese users type them, in --tz', () => {
    const at = (h: number, m = 0, s = 0) => value({ ms: Date.UTC(2024, 2, 1, h - 8, m, s), usedZone: true });
    expect(parseTime('2024年3月1日 14:00', 'Asia/Shanghai')).toEqual(at(14));
    expect(parseTime('2024年3月1日14时30分', 'Asia/Shanghai')).toEqual(at(14, 30));
    expect(parseTime('2024年3月1日 14:00:30', 'Asia/Shanghai')).toEqual(at(14, 0, 30));
    expect(parseTime('2024年3月1日14点30分15秒', 'Asia/Shanghai')).toEqual(at(14, 30, 15));
    expect(parseTime('2024/3/1 下午2:05', 'Asia/Shanghai')).toEqual(at(14, 5));
    expect(parseTime('2024-03-01 上午9:00', 'Asia/Shanghai')).toEqual(at(9));
    expect(parseTime('2024-03-01 下午12:30', 'Asia/Shanghai')).toEqual(at(12, 30));
    expect(parseTime('2024-03-01 上午12:30', 'Asia/Shanghai')).toEqual(at(0, 30));
    expect(parseTime('２０２４年３月１日　１４：００', 'Asia/Shanghai')).toEqual(at(14));
  });

  it('reads the clock as people say it: 下午2点半, 14点30, 两点, 下午两点, 十点一刻', () => {
    const at = (h: number, m = 0) => value({ ms: Date.UTC(2024, 2, 1, h - 8, m), usedZone: true });
    expect(parseTime('2024年3月1日 下午2点半', 'Asia/Shanghai')).toEqual(at(14, 30));
    expect(parseTime('2024年3月1日14点30', 'Asia/Shanghai')).toEqual(at(14, 30));
    expect(parseTime('2024-03-01 两点', 'Asia/Shanghai')).toEqual(at(2));
    expect(parseTime('2024-03-01 下午两点', 'Asia/Shanghai')).toEqual(at(14));
    expect(parseTime('2024/3/1 上午十点一刻', 'Asia/Shanghai')).toEqual(at(10, 15));
    expect(parseTime('2024年3月1日 十二点三刻', 'Asia/Shanghai')).toEqual(at(12, 45));
    expect(parseTime('2024年3月1日 二十三点五十九分', 'Asia/Shanghai')).toEqual(at(23, 59));
    expect(parseTime('2024年3月1日 下午三点十分', 'Asia/Shanghai')).toEqual(at(15, 10));
    expect(parseTime('2024年3月1日 下午十三点', 'Asia/Shanghai')).toMatchObject({
      problem: { code: 'ROW_BAD_TIME', fix: { en: '上午 and 下午 take hours 1 to 12: write 下午2:05 or 14:05' } },
    });
    expect(parseTime('2024年3月1日 十十点', 'Asia/Shanghai')).toMatchObject({ problem: { code: 'ROW_BAD_TIME' } });
    expect(parseTime('2024年3月1日 下午', 'Asia/Shanghai')).toMatchObject({ problem: { code: 'ROW_BAD_TIME' } });
  });

  it('refuses Chinese times that are not a moment: no clock, 下午 past 12, a day that does not exist', () => {
    expect(parseTime('2024年3月1日', 'Asia/Shanghai')).toMatchObject({
      problem: { code: 'ROW_TIME_NO_CLOCK', fix: { en: 'add the time, e.g. "2024年3月1日 14:00"' } },
    });
    expect(parseTime('2024-03-01 下午14:30', 'Asia/Shanghai')).toMatchObject({
      problem: { code: 'ROW_BAD_TIME', fix: { en: '上午 and 下午 take hours 1 to 12: write 下午2:05 or 14:05' } },
    });
    expect(parseTime('2024年2月30日 10:00', 'Asia/Shanghai')).toMatchObject({
      problem: { code: 'ROW_BAD_TIME', fix: { en: 'check the date and time exist' } },
    });
    expect(parseTime('2024年3月1日 25:00', 'Asia/Shanghai')).toMatchObject({ problem: { code: 'ROW_BAD_TIME' } });
  });

  it('handles daylight saving: a skipped time is refused, an ordinary one is exact', () => {
    expect(parseTime('2024-03-10 02:30', 'America/New_York')).toMatchObject({ problem: { code: 'ROW_TIME_SKIPPED' } });
    expect(
      wallToEpoch({ year: 2024, month: 7, day: 1, hour: 12, minute: 0, second: 0, millisecond: 0 }, 'America/New_York'),
    ).toBe(Date.UTC(2024, 6, 1, 16));
  });

  it('refuses times outside what 13-digit epoch milliseconds cover (found by the property test)', () => {
    expect(parseTime('0000-1-3 0:00', 'UTC')).toMatchObject({
      problem: {
        code: 'ROW_BAD_TIME',
        expected: { en: 'a date between 2001 and 2286' },
        got: { en: '"0000-1-3 0:00"' },
      },
    });
    expect(parseTime('1999-12-31T23:00:00Z', 'UTC')).toMatchObject({
      problem: { code: 'ROW_BAD_TIME', expected: { en: 'a date between 2001 and 2286' } },
    });
  });

  it('refuses impossible dates, dates without a time, and date serials', () => {
    expect(parseTime('2024-02-30 10:00', 'UTC')).toMatchObject({ problem: { code: 'ROW_BAD_TIME' } });
    expect(parseTime('2024-03-01', 'UTC')).toMatchObject({
      problem: { code: 'ROW_TIME_NO_CLOCK', fix: { en: 'add the time, e.g. "2024-03-01 14:00"' } },
    });
    expect(parseTime({ kind: 'number', value: 45352.5 }, 'UTC')).toMatchObject({
      problem: { got: { en: '45352.5, which looks like an Excel date serial' } },
    });
  });
});

describe('parseScore, parseOptions, parseText', () => {
  it('accepts whole numbers written as 88 or 88.0 and refuses fractions', () => {
    expect(parseScore('88')).toEqual(value(88));
    expect(parseScore('88.0')).toEqual(value(88));
    expect(parseScore({ kind: 'number', value: 88 })).toEqual(value(88));
    expect(parseScore('88.5')).toMatchObject({
      problem: { code: 'ROW_BAD_SCORE', fix: { en: 'round it to a whole number' } },
    });
    expect(parseScore('good')).toMatchObject({ problem: { code: 'ROW_BAD_SCORE', fix: { en: 'type digits only' } } });
  });

  it('splits options on | and new lines, trimming and dropping empties', () => {
    expect(parseOptions(' a | b ||\nc\r\n')).toEqual(value(['a', 'b', 'c']));
    expect(parseOptions(' | ')).toEqual(value(undefined));
  });

  it('keeps free text exactly and trims names', () => {
    expect(parseText('  line one\n line two ', false)).toEqual(value('  line one\n line two '));
    expect(parseText('  张三 ', true)).toEqual(value('张三'));
    expect(parseText('   ', false)).toEqual(value(undefined));
  });

  it('turns an Excel error cell into a problem', () => {
    expect(parseText({ kind: 'error', error: '#N/A' }, true)).toMatchObject({
      problem: { code: 'ROW_CELL_ERROR', got: { en: '#N/A' } },
    });
  });
});
