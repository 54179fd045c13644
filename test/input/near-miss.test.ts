import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/schema.js';
import { editDistance } from '../../src/edit-distance.js';
import { nearMissColumns } from '../../src/input/near-miss.js';

const none = new Set<Column>();

describe('nearMissColumns', () => {
  it.each([
    ['面试官姓名', ['username']],
    ['面试官（姓名）', ['username']],
    ['结论', ['conclusion']],
    ['維度', ['dimension_title', 'dimension_content', 'dimension_description']],
    ['面試官', ['username']],
    ['不通過', []],
    ['面试管', ['username']],
    ['usernme', ['username']],
    ['socre', ['score']],
    ['Score_1', ['score']],
    ['interviewer username', ['username']],
    ['时间', ['begin_time', 'end_time']],
    ['面试ID', ['external_interview_id', 'external_id']],
  ] as const)('%s looks like %j', (header, columns) => {
    expect(nearMissColumns(header, none)).toEqual(columns);
  });

  it.each(['备注', '候选人姓名', 'Legacy note', 'Old note', 'id', 'name', '岗位', '面试轮次', 'Interview Ref'])(
    '%s looks like no template column',
    (header) => {
      expect(nearMissColumns(header, none)).toEqual([]);
    },
  );

  it('leaves out columns the file already has', () => {
    expect(nearMissColumns('面试官姓名', new Set<Column>(['username']))).toEqual([]);
    expect(nearMissColumns('时间', new Set<Column>(['begin_time']))).toEqual(['end_time']);
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('socre', 'score')).toBe(1);
    expect(editDistance('面试管', '面试官')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('with a limit, answers limit + 1 for anything farther, and the distance itself within it', () => {
    expect(editDistance('socre', 'score', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('通导', '通过', 1)).toBe(1);
    // Lengths apart by more than the limit: answered without comparing (a 30,000-character cell).
    expect(editDistance('x'.repeat(30_000), '通过', 1)).toBe(2);
    expect(editDistance('😀😀😀', 'abc', 1)).toBe(2);
    // Same length, far apart: the comparison stops at the first row past the limit.
    expect(editDistance('a'.repeat(20_000), 'b'.repeat(20_000), 2)).toBe(3);
  });

  it('a 30,000-character header looks like no column, answered at once', () => {
    expect(nearMissColumns('面试'.repeat(15_000), none)).toEqual([]);
  });

  it('with a limit, agrees with the whole table on every pair of short strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.nat(4), (a, b, limit) => {
        const whole = editDistance(a, b);
        expect(editDistance(a, b, limit)).toBe(Math.min(whole, limit + 1));
      }),
    );
  });
});
