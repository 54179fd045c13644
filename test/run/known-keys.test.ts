import { describe, expect, it } from 'vitest';
import { keysOfBody, withKnownKeys } from '../../src/run/known-keys.js';
import { APP1, ID1 } from '../helpers.js';

const written = {
  external_id: 'ATS-1',
  external_application_id: APP1,
  interview_assessments: [
    { external_id: 'A1', username: '张伟', conclusion: 2 },
    { external_id: 'A2', username: '张伟', conclusion: 1 },
    { external_id: 'A3', username: '李娜' },
  ],
};
const known = keysOfBody(written, '2026-11-01T00:00:00.000Z');

describe('withKnownKeys', () => {
  it('gives a read without keys the keys the tool wrote, by position when the interviewers line up', () => {
    const read = {
      id: ID1,
      external_application_id: APP1,
      interview_assessments: [
        { id: '1', username: '张伟', conclusion: 2 },
        { id: '2', username: '张伟', conclusion: 3 },
        { id: '3', username: '李娜' },
      ],
    };
    expect(withKnownKeys(read, known)).toEqual({
      id: ID1,
      external_id: 'ATS-1',
      external_application_id: APP1,
      interview_assessments: [
        { id: '1', username: '张伟', conclusion: 2, external_id: 'A1' },
        { id: '2', username: '张伟', conclusion: 3, external_id: 'A2' },
        { id: '3', username: '李娜', external_id: 'A3' },
      ],
    });
  });

  it('where they do not line up, only an interviewer with one assessment on both sides gets its key', () => {
    const read = {
      id: ID1,
      interview_assessments: [{ username: '李娜' }, { username: '张伟' }],
    };
    expect(withKnownKeys(read, known).interview_assessments).toEqual([
      { username: '李娜', external_id: 'A3' },
      { username: '张伟' },
    ]);
  });

  it('leaves a read that shows keys, or one no record knows, as it is', () => {
    const keyed = { id: ID1, external_id: 'OTHER' };
    expect(withKnownKeys(keyed, known)).toBe(keyed);
    const unknown = { id: ID1 };
    expect(withKnownKeys(unknown, undefined)).toBe(unknown);
  });
});
