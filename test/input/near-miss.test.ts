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
});
