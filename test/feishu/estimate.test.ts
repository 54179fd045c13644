import { describe, expect, it } from 'vitest';
import { durationWords, estimateSeconds, paceLine } from '../../src/feishu/estimate.js';

describe('estimateSeconds', () => {
  it('is the busiest API at its pace: the APIs are paced apart and run side by side', () => {
    expect(estimateSeconds({ creates: 791, reads: 399 }, 10)).toBe(79.1);
    expect(estimateSeconds({ puts: 2000, reads: 100 }, 10)).toBe(200);
    expect(estimateSeconds({ reads: 50, deletes: 20 }, 5)).toBe(10);
  });

  it('counts a create-or-PUT on whichever of the two it makes the busier, so it is never short', () => {
    expect(estimateSeconds({ createsOrPuts: 500, puts: 300, reads: 100 }, 10)).toBe(80);
    expect(estimateSeconds({ createsOrPuts: 500, creates: 400 }, 10)).toBe(90);
  });

  it('has no figure without a pace', () => {
    expect(estimateSeconds({ puts: 10 }, 0)).toBeUndefined();
  });
});

describe('durationWords', () => {
  it('says seconds under a minute, tens of seconds under an hour, then minutes, in both languages', () => {
    expect(durationWords(0.1)).toEqual({ en: 'about 1 s', zh: '约 1 秒' });
    expect(durationWords(44.6)).toEqual({ en: 'about 45 s', zh: '约 45 秒' });
    expect(durationWords(79.1)).toEqual({ en: 'about 1 min 20 s', zh: '约 1 分 20 秒' });
    expect(durationWords(140)).toEqual({ en: 'about 2 min 20 s', zh: '约 2 分 20 秒' });
    expect(durationWords(598)).toEqual({ en: 'about 10 min', zh: '约 10 分钟' });
    expect(durationWords(3600)).toEqual({ en: 'about 1 h', zh: '约 1 小时' });
    expect(durationWords(5037 * 1.05)).toEqual({ en: 'about 1 h 28 min', zh: '约 1 小时 28 分' });
  });
});

describe('paceLine', () => {
  it("says a dry run's real run: its calls, the pace and the time", () => {
    expect(paceLine({ creates: 791, reads: 399 }, 10, 'dryRun')).toEqual({
      en: 'a real run: 791 creates and 399 reads at 10/s: about 1 min 20 s',
      zh: '正式运行：791 次创建和 399 次读取，每个接口每秒 10 次：约 1 分 20 秒',
    });
    expect(paceLine({ creates: 1, puts: 2, deletes: 1, reads: 1 }, 10, 'dryRun').en).toBe(
      'a real run: 1 create, 2 PUTs, 1 delete and 1 read at 10/s: about 1 s',
    );
  });

  it('says at the start the most a run may send and the most it takes', () => {
    expect(paceLine({ createsOrPuts: 791, reads: 399 }, 10, 'upTo')).toEqual({
      en: 'up to 791 creates or PUTs and 399 reads at 10/s: about 1 min 20 s at most',
      zh: '最多 791 次创建或 PUT 和 399 次读取，每个接口每秒 10 次：最多约 1 分 20 秒',
    });
  });

  it('says there is no pace with --rate 0, and a run with nothing to call', () => {
    expect(paceLine({ puts: 3 }, 0, 'upTo')).toEqual({
      en: 'up to 3 PUTs with no client-side pace (--rate 0)',
      zh: '最多 3 次 PUT，客户端不限速（--rate 0）',
    });
    expect(paceLine({}, 10, 'dryRun').en).toBe('a real run: no calls at 10/s: about 1 s');
  });
});
