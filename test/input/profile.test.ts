import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, resolveProfile } from '../../src/input/profile.js';
import { readPlan } from '../../src/commands/read-plan.js';
import type { InterviewBody } from '../../src/feishu/body.js';
import { bodyOf, csv, tempDir } from '../helpers.js';

const refusal = (raw: unknown) => {
  try {
    resolveProfile(raw, 'p.json', 'p.json');
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('accepted');
};

describe('a profile is refused whole, naming the key and what is wrong', () => {
  it('an unknown key, with did-you-mean', () => {
    const e = refusal({ fill_dwon: ['external_id'] });
    expect(e.code).toBe('PROFILE_UNKNOWN_KEY');
    expect(e.message).toBe(
      'expected one of header_row, sheet, columns, values, fill_down, wide_dimensions, tz, notes in the profile p.json, got the key "fill_dwon": did you mean "fill_down"?',
    );
  });
  it('an unknown tool column, with did-you-mean', () => {
    const e = refusal({ columns: { 面试记录ID: 'external_idd' } });
    expect(e.code).toBe('PROFILE_UNKNOWN_COLUMN');
    expect(e.message).toContain(
      'at "columns["面试记录ID"]" in the profile p.json, got "external_idd": did you mean "external_id"?',
    );
    expect(refusal({ fill_down: ['面试结果'] }).message).toContain('got "面试结果": did you mean "conclusion"?');
  });
  it('a value map onto a word the tool refuses, and one left blank', () => {
    const e = refusal({ values: { participate_status: { 已完成: '完成' } } });
    expect(e.code).toBe('PROFILE_REFUSED_VALUE');
    expect(e.message).toBe(
      'expected a word the tool accepts at "values["participate_status"]["已完成"]" in the profile p.json, got "完成": use one of 未参与 (not_participated), 参与 (participated), 爽约 (no_show)',
    );
    expect(refusal({ values: { 面试结论: { 推荐: '' } } }).code).toBe('PROFILE_UNDECIDED_VALUE');
    expect(refusal({ values: { username: { a: 'b' } } }).code).toBe('PROFILE_NOT_ENUMERATION');
  });
  it('wrong types, a bad zone, a wide column also mapped', () => {
    expect(refusal({ header_row: 0 }).message).toBe(
      'expected a row number from 1 at "header_row" in the profile p.json, got 0: fix that key',
    );
    expect(refusal({ tz: 'CST' }).code).toBe('PROFILE_BAD_ZONE');
    expect(refusal({ wide_dimensions: [{ column: '沟通', assessment_type: '问答' }] }).code).toBe(
      'PROFILE_REFUSED_VALUE',
    );
    expect(
      refusal({ columns: { 沟通: 'score' }, wide_dimensions: [{ column: '沟通', assessment_type: '打分题' }] }).message,
    ).toContain('got both (it is also mapped to score in "columns")');
    expect(refusal([1]).code).toBe('PROFILE_UNREADABLE');
  });
  it('a profile file that is not JSON', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'p.json'), '{ "columns": ');
    await expect(loadProfile(join(dir, 'p.json'))).rejects.toMatchObject({ code: 'PROFILE_UNREADABLE' });
  });
});

const LEGACY_HEADER = ['面试记录ID', '投递ID', '面试状态', '面试开始', '面试结束', '面试官', '结论', '手机号'];

async function plan(rows: string[][], profile: object, name = 'in.csv') {
  const dir = await tempDir();
  const file = join(dir, name);
  await writeFile(file, csv(rows));
  return readPlan({ file, profile, tz: 'Asia/Shanghai', tzGiven: true });
}

describe('header_row, columns and values', () => {
  const columns = {
    面试记录ID: 'external_id',
    投递ID: '外部投递ID',
    面试状态: 'participate_status',
    面试开始: 'begin_time',
    面试结束: 'end_time',
    面试官: 'username',
    结论: 'conclusion',
    手机号: null,
  };
  it('reads a file with a title row through the profile: its own words, an ignored column', async () => {
    const { plan: p, warnings } = await plan(
      [
        ['面试记录导出（2024年3月）'],
        LEGACY_HEADER,
        ['L-1', '6200000000000000001', '已完成', '2024-03-01 10:00', '2024-03-01 11:00', '张伟', '推荐', '13800000000'],
      ],
      { header_row: 2, columns, values: { participate_status: { 已完成: '参与' }, conclusion: { 推荐: 'pass' } } },
    );
    expect(p.table.headerRow).toBe(2);
    expect(p.outcomes.map((o) => o.status)).toEqual(['ok']);
    expect(bodyOf(p.interviews[0]!)).toEqual({
      external_id: 'L-1',
      external_application_id: '6200000000000000001',
      participate_status: 2,
      begin_time: Date.UTC(2024, 2, 1, 2),
      end_time: Date.UTC(2024, 2, 1, 3),
      interview_assessments: [{ username: '张伟', conclusion: 2 }],
    } satisfies InterviewBody);
    expect(warnings.map((w) => w.message).join('\n')).not.toContain('手机号');
  });
  it('a word neither the profile nor the tool knows stays an error naming the profile', async () => {
    const { plan: p } = await plan([LEGACY_HEADER, ['L-1', '6200000000000000001', '待安排', '', '', '', '', '']], {
      columns,
      values: { participate_status: { 已完成: '参与' } },
    });
    expect(p.outcomes[0]!.message).toContain('or map this word in "values" of the profile (the profile object)');
  });
  it('a header_row past the end is refused', async () => {
    await expect(plan([LEGACY_HEADER, ['L-1']], { header_row: 9, columns })).rejects.toMatchObject({
      code: 'PROFILE_HEADER_ROW',
    });
  });
});

describe('fill_down', () => {
  const header = ['面试记录ID', '投递ID', '开始时间', '结束时间', '面试官', '面试结论'];
  const columns = { 面试记录ID: 'external_id', 投递ID: 'external_application_id' };
  const t = (h: number) => `2024-03-0${h} 10:00`;
  it('fills the key first, other columns only from the same interview, never across a blank row', async () => {
    const dir = await tempDir();
    const file = join(dir, 'in.csv');
    await writeFile(
      file,
      csv([
        header,
        ['L-1', '6200000000000000001', t(1), t(2), '张伟', '通过'],
        ['', '', '', '', '王芳', '不通过'],
        ['L-2', '6200000000000000002', '', '', '李娜', '待定'],
        ['', '', '', '', '刘洋', '通过'],
        [],
        ['', '6200000000000000003', '', '', '陈静', '通过'],
      ]),
    );
    const profile = { columns, fill_down: ['external_id', '外部投递ID', 'begin_time', 'end_time'] };
    const { plan: p } = await readPlan({ file, profile, tz: 'Asia/Shanghai', tzGiven: true });
    expect(p.table.filled).toEqual([
      { column: 'external_id', rows: [3, 5] },
      { column: 'external_application_id', rows: [3, 5] },
      { column: 'begin_time', rows: [3] },
      { column: 'end_time', rows: [3] },
    ]);
    const bodies = p.interviews.map(bodyOf);
    expect(bodies[0]).toMatchObject({ external_id: 'L-1', begin_time: Date.UTC(2024, 2, 1, 2) });
    expect(bodies[0]!.interview_assessments).toHaveLength(2);
    // L-2 gives no times of its own: it takes none from L-1.
    expect(p.table.rows.slice(2, 4).map((r) => r.cells.slice(0, 4))).toEqual([
      ['L-2', '6200000000000000002', '', ''],
      ['L-2', '6200000000000000002', '', ''],
    ]);
    expect(p.table.rows[4]!.cells[0]).toBe('');
    // Below the blank row, the key is not taken from above: the row names no interview.
    expect(p.outcomes[4]).toMatchObject({ status: 'invalid', errorCode: 'ROW_MISSING_ID' });
    expect(p.outcomes.slice(0, 2).map((o) => o.status)).toEqual(['ok', 'ok']);
  });
  it('refuses a fill_down column no header maps to, before any row is read', async () => {
    await expect(
      plan([header, ['L-1', '6200000000000000001']], { columns, fill_down: ['participate_status'] }),
    ).rejects.toMatchObject({
      code: 'PROFILE_FILL_DOWN_UNMAPPED',
      message: expect.stringContaining(
        'got participate_status (参与状态), which no header of the file maps to: map a header onto it in "columns", or remove it from "fill_down"',
      ),
    });
  });
});

describe('wide_dimensions', () => {
  const header = ['面试记录ID', '投递ID', '面试官', '专业能力(分)', '沟通(分)', '评语', '推荐岗位'];
  const profile = {
    columns: { 面试记录ID: 'external_id', 投递ID: 'external_application_id' },
    wide_dimensions: [
      { column: '专业能力(分)', title: '专业能力', assessment_type: '打分题' },
      { column: '沟通(分)', title: '沟通', assessment_type: 'score' },
      { column: '评语', assessment_type: '描述题' },
      { column: '推荐岗位', assessment_type: '单选题', description: '最合适的岗位' },
    ],
  };
  it('makes each filled wide cell a dimension of the row assessment; a blank cell adds none', async () => {
    const { plan: p } = await plan(
      [header, ['L-1', '6200000000000000001', '张伟', '85', '', '基础扎实', '后端']],
      profile,
    );
    expect(bodyOf(p.interviews[0]!)).toEqual({
      external_id: 'L-1',
      external_application_id: '6200000000000000001',
      interview_assessments: [
        {
          username: '张伟',
          assessment_dimension_list: [
            { score: 85, assessment_type: 1, title: '专业能力' },
            { content: '基础扎实', assessment_type: 3, title: '评语' },
            { option: '后端', assessment_type: 2, title: '推荐岗位', description: '最合适的岗位' },
          ],
        },
      ],
    });
  });
  it('names the file column of a bad wide cell', async () => {
    const { plan: p } = await plan([header, ['L-1', '6200000000000000001', '张伟', '八十', '', '', '']], profile);
    expect(p.outcomes[0]).toMatchObject({ status: 'invalid', errorColumn: '专业能力(分)' });
    expect(p.outcomes[0]!.message).toContain('专业能力(分)');
  });
  it('refuses a wide column the file lacks', async () => {
    await expect(plan([header.slice(0, 3), ['L-1', '6200000000000000001', '张伟']], profile)).rejects.toMatchObject({
      code: 'PROFILE_WIDE_COLUMN_MISSING',
    });
  });
});
