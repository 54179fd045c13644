import { describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { keepKeys } from '../../src/plan/keep-keys.js';
import { APP1 } from '../helpers.js';

const current: InterviewBody = {
  external_id: 'ATS-1',
  external_application_id: APP1,
  interview_assessments: [
    { external_id: 'A1', username: '张伟', conclusion: 2 },
    { external_id: 'A2', username: '李娜', conclusion: 1 },
  ],
};

describe('keepKeys', () => {
  it('carries the keys Feishu holds into a body whose key cells were blank, in the API page order', () => {
    const body: InterviewBody = {
      external_application_id: APP1,
      interview_assessments: [
        { username: '李娜', conclusion: 2 },
        { username: '张伟', conclusion: 2 },
      ],
    };
    expect(JSON.stringify(keepKeys(body, current, undefined))).toBe(
      JSON.stringify({
        external_id: 'ATS-1',
        external_application_id: APP1,
        interview_assessments: [
          { external_id: 'A2', username: '李娜', conclusion: 2 },
          { external_id: 'A1', username: '张伟', conclusion: 2 },
        ],
      }),
    );
  });

  it('removes only the keys the file clears with <clear>', () => {
    const body: InterviewBody = {
      external_application_id: APP1,
      interview_assessments: [{ username: '张伟' }, { username: '李娜' }],
    };
    const out = keepKeys(body, current, { interview: true, assessments: [false, true] });
    expect(out.external_id).toBeUndefined();
    expect(out.interview_assessments!.map((a) => a.external_id)).toEqual(['A1', undefined]);
  });

  it('guesses nothing: a key two assessments of the file could take goes to neither', () => {
    const twice: InterviewBody = {
      external_application_id: APP1,
      interview_assessments: [{ external_id: 'A1', username: '张伟' }, { username: '张伟' }],
    };
    const body: InterviewBody = {
      external_application_id: APP1,
      interview_assessments: [
        { username: '张伟', conclusion: 1 },
        { username: '张伟', conclusion: 2 },
      ],
    };
    expect(
      keepKeys(body, { ...twice, interview_assessments: [{ external_id: 'A1', username: '张伟' }] }, undefined),
    ).toEqual(body);
    const other: InterviewBody = { external_application_id: APP1, interview_assessments: [{ username: '王芳' }] };
    expect(keepKeys(other, current, undefined).interview_assessments).toEqual([{ username: '王芳' }]);
  });

  it('gives the only assessment the only key when neither side names an interviewer', () => {
    const body: InterviewBody = { external_application_id: APP1, interview_assessments: [{ conclusion: 1 }] };
    const one: InterviewBody = { external_application_id: APP1, interview_assessments: [{ external_id: 'A9' }] };
    expect(keepKeys(body, one, undefined).interview_assessments).toEqual([{ external_id: 'A9', conclusion: 1 }]);
  });
});
