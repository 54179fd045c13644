import { describe, expect, it } from 'vitest';
import { duration, readingWords } from '../../src/ui/page/work-words.js';

/** The check's line (src/ui/page/run-lines.tsx): the rows read, the share of the file, the time left to read it. */
describe("a check's rows read in the page's words", () => {
  it('says the rows read, the share of the file and the time left to read it at its pace', () => {
    // A quarter read in 3 s: three quarters left, 9 s.
    const reading = { stage: 'reading', rows: 25_000, fraction: 0.25, elapsedMs: 3000 } as const;
    expect(readingWords('zh', reading)).toEqual({ read: '已读取 25,000 行（25%）', left: '读完还需约 9 秒' });
    expect(readingWords('en', reading)).toEqual({ read: '25,000 rows read (25%)', left: 'about 9 s more to read' });
  });

  it('says no time left before 2% is read, nor a share where the file tells none', () => {
    expect(readingWords('zh', { stage: 'reading', rows: 1023, fraction: 0.011, elapsedMs: 200 })).toEqual({
      read: '已读取 1,023 行（1%）',
    });
    expect(readingWords('en', { stage: 'reading', rows: 4096, elapsedMs: 400 })).toEqual({ read: '4,096 rows read' });
  });

  it('once every row is read, says how many as their check goes on', () => {
    const done = { stage: 'checking', rows: 100_000, fraction: 1, elapsedMs: 2500 } as const;
    expect(readingWords('zh', done)).toEqual({ read: '已读取全部 100,000 行' });
    expect(readingWords('en', done)).toEqual({ read: 'all 100,000 rows read' });
  });

  it('says minutes past 90 s', () => {
    expect(duration('zh', 89.2)).toBe('90 秒');
    expect(duration('en', 150)).toBe('3 min');
  });
});
