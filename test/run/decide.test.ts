import { describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { bodyHash } from '../../src/plan/canonical.js';
import type { Plan, SendablePlanned } from '../../src/plan/types.js';
import { buildPlan } from '../../src/plan/validate.js';
import { type DecideRules, decideLegacy, decideUpdate } from '../../src/run/decide.js';
import { APP1, ID1, ID2, row, templateTable } from '../helpers.js';

/** What to call for each interview is decided without a server: the current record is an argument. */
function planOf(rows: string[][], merge = false): Plan {
  return buildPlan(templateTable(rows), 'UTC', { merge });
}

const rulesFor = (plan: Plan, more: Partial<DecideRules> = {}): DecideRules => ({
  plan,
  dryRun: false,
  mustExist: true,
  addAssessments: false,
  replaceAssessments: false,
  createMissing: false,
  ...more,
});

const sendable = (plan: Plan, i = 0) => plan.interviews[i] as SendablePlanned;
const ATTENDED = row({ external_interview_id: ID1, external_application_id: APP1, participate_status: '2' });
const BODY: InterviewBody = { external_application_id: APP1, participate_status: 2 };
/** A PUT body says its assessments, `[]` where there are none. */
const sent = (b: InterviewBody): InterviewBody => ({ ...b, interview_assessments: b.interview_assessments ?? [] });
const HELD = { id: ID1, external_application_id: APP1, participate_status: 1, interview_assessments: [] };

describe('decideUpdate', () => {
  it('sends the body when Feishu holds something else, and says what changes in a dry run', () => {
    const plan = planOf([ATTENDED]);
    expect(decideUpdate(sendable(plan), HELD, rulesFor(plan))).toEqual({
      prepared: { send: sent(BODY), hash: bodyHash(BODY) },
    });
    expect(decideUpdate(sendable(plan), HELD, rulesFor(plan, { dryRun: true }))).toEqual({
      prepared: {
        done: {
          status: 'ok',
          kind: 'changed',
          message: 'would change: participate_status: not_participated → participated',
          // The same field by field, as facts: for a caller with words of its own (the page's).
          fields: [{ column: 'participate_status', before: 1, after: 2 }],
        },
      },
      wouldSend: sent(BODY),
    });
  });

  it('skips what Feishu already holds, as resumed when the journal says it landed', () => {
    const plan = planOf([ATTENDED]);
    const held = { ...HELD, participate_status: 2 };
    const hash = bodyHash(BODY);
    expect(decideUpdate(sendable(plan), held, rulesFor(plan)).prepared).toEqual({
      done: { status: 'skipped', kind: 'unchanged', message: 'unchanged: Feishu already holds exactly this' },
      hash,
    });
    expect(decideUpdate(sendable(plan), held, rulesFor(plan, { landedHash: hash })).prepared).toMatchObject({
      done: { status: 'skipped', kind: 'resumed' },
    });
    // A PUT the resumed run sent without an answer, found landed: that run's write, not unchanged.
    expect(decideUpdate(sendable(plan), held, rulesFor(plan, { lostPutHash: hash })).prepared).toMatchObject({
      done: { status: 'skipped', kind: 'resumed' },
    });
    // Not read: the journal alone decides.
    expect(
      decideUpdate(sendable(plan), undefined, rulesFor(plan, { mustExist: false, landedHash: hash })).prepared,
    ).toMatchObject({ done: { kind: 'resumed' } });
  });

  it('reports an interview that was read and is not there as missing, and sends blind only when nothing was read', () => {
    const plan = planOf([ATTENDED]);
    expect(decideUpdate(sendable(plan), undefined, rulesFor(plan)).prepared).toEqual({
      done: {
        status: 'failed',
        kind: 'missing',
        errorCode: 'RUN_NOT_FOUND',
        message: `not sent: interview ${ID1} does not exist in Feishu (batch_query found no such external interview); check the ID, or create it first`,
      },
    });
    expect(decideUpdate(sendable(plan), undefined, rulesFor(plan, { mustExist: false })).prepared).toEqual({
      send: sent(BODY),
      hash: bodyHash(BODY),
    });
  });

  it('merges a correction onto the current record, and refuses a row that names what is not there', () => {
    const plan = planOf([row({ external_interview_id: ID1, username: '张三', conclusion: '通过' })], true);
    const held = { ...HELD, interview_assessments: [{ username: '张三', conclusion: 1, content: '保留' }] };
    const merged: InterviewBody = {
      external_application_id: APP1,
      participate_status: 1,
      interview_assessments: [{ username: '张三', conclusion: 2, content: '保留' }],
    };
    expect(decideUpdate(sendable(plan), held, rulesFor(plan)).prepared).toEqual({
      send: merged,
      hash: bodyHash(merged),
    });
    const other = { ...HELD, interview_assessments: [{ username: '李四', conclusion: 1 }] };
    expect(decideUpdate(sendable(plan), other, rulesFor(plan)).prepared).toMatchObject({
      done: { status: 'invalid', kind: 'refused', errorCode: 'ROW_NO_SUCH_ASSESSMENT', column: 'username', row: 0 },
    });
  });

  it('blocks a plain import that would remove what Feishu holds and the file does not name, naming each part', () => {
    const plan = planOf([row({ external_interview_id: ID1, external_application_id: APP1, participate_status: '2' })]);
    const held = {
      ...HELD,
      begin_time: 1709280000000,
      interview_assessments: [
        {
          external_id: 'A-1',
          username: '张三',
          conclusion: 2,
          assessment_dimension_list: [{ title: '专业', score: 80, assessment_type: 1 }],
        },
      ],
    };
    const message =
      'not sent: the file does not name what Feishu holds for this interview, and a plain import would remove it — values: begin_time; assessments: #1 张三 (A-1); dimensions: #1 张三 (A-1) "专业". To keep it and change only what the file names, import with --merge; to remove it (the file is the whole truth for this interview), import with --replace; to remove the status or a time alone, write <clear> in its cell';
    const blocked = {
      done: { status: 'failed', kind: 'refused', errorCode: 'RUN_WOULD_REMOVE', message },
    };
    expect(decideUpdate(sendable(plan), held, rulesFor(plan)).prepared).toEqual(blocked);
    expect(decideUpdate(sendable(plan), held, rulesFor(plan, { dryRun: true })).prepared).toEqual(blocked);
    // --replace: the file is the whole truth; what goes is counted.
    const replaced = decideUpdate(sendable(plan), held, rulesFor(plan, { replace: true }));
    expect(replaced).toEqual({
      prepared: { send: sent(BODY), hash: bodyHash(BODY) },
      removed: { values: 1, assessments: 1, dimensions: 1 },
    });
  });

  it('names a dimension and an assessment value the file leaves out, and lets <clear> remove a field', () => {
    const plan = planOf([
      row({
        external_interview_id: ID1,
        external_application_id: APP1,
        participate_status: '2',
        begin_time: '<clear>',
        username: '张三',
        conclusion: '通过',
        dimension_title: '专业',
        assessment_type: '1',
        score: '80',
      }),
    ]);
    const held = {
      ...HELD,
      begin_time: 1709280000000,
      interview_assessments: [
        {
          username: '张三',
          conclusion: 2,
          content: '手写的评语',
          assessment_dimension_list: [
            { title: '专业', score: 80, assessment_type: 1 },
            { title: '沟通', score: 70, assessment_type: 1 },
          ],
        },
      ],
    };
    expect(plan.interviews[0]!.kind).toBe('replace');
    expect(decideUpdate(sendable(plan), held, rulesFor(plan)).prepared).toMatchObject({
      done: {
        errorCode: 'RUN_WOULD_REMOVE',
        message: expect.stringContaining('values: #1 张三 content; assessments: none; dimensions: #1 张三 "沟通".'),
      },
    });
    const asked = { ...held, interview_assessments: [{ ...held.interview_assessments[0]!, content: undefined }] };
    asked.interview_assessments[0]!.assessment_dimension_list = [{ title: '专业', score: 80, assessment_type: 1 }];
    expect(decideUpdate(sendable(plan), asked, rulesFor(plan)).removed).toEqual({
      values: 1,
      assessments: 0,
      dimensions: 0,
    });
  });

  it('counts no removal where a merge renames an interviewer of an assessment found by its key', () => {
    const plan = planOf([row({ external_interview_id: ID1, assessment_external_id: 'A-1', username: '李四' })], true);
    const held = {
      ...HELD,
      interview_assessments: [
        {
          external_id: 'A-1',
          username: '张三',
          conclusion: 2,
          assessment_dimension_list: [{ title: '专业', score: 80, assessment_type: 1 }],
        },
      ],
    };
    const decision = decideUpdate(sendable(plan), held, rulesFor(plan));
    expect(decision.prepared).toMatchObject({
      send: { interview_assessments: [{ external_id: 'A-1', username: '李四' }] },
    });
    expect(decision.removed).toBeUndefined();
  });

  it('deletes what an undone run created only while it is unchanged', () => {
    const created = { kind: 'remove', id: ID2, rows: [0], body: BODY } as const;
    const plan = planOf([ATTENDED]);
    expect(decideUpdate(created, { id: ID2, ...BODY }, rulesFor(plan)).prepared).toEqual({
      remove: ID2,
      hash: bodyHash(BODY),
    });
    expect(decideUpdate(created, { id: ID2, ...BODY, participate_status: 3 }, rulesFor(plan)).prepared).toMatchObject({
      done: { status: 'failed', errorCode: 'UNDO_CHANGED_SINCE' },
    });
    expect(decideUpdate(created, undefined, rulesFor(plan)).prepared).toMatchObject({ done: { status: 'skipped' } });
  });

  it('undoes a write: the state before where Feishu holds what was written, field by field where it changed since', () => {
    const plan = planOf([ATTENDED]);
    const before: InterviewBody = { external_application_id: APP1, participate_status: 1, begin_time: 1709280000000 };
    const written: InterviewBody = { ...before, participate_status: 2 };
    const restore = { kind: 'restore', id: ID1, rows: [0], body: before, written } as const;
    expect(decideUpdate(restore, { id: ID1, ...written }, rulesFor(plan)).prepared).toEqual({
      send: sent(before),
      hash: bodyHash(before),
    });
    const later = { ...written, end_time: 1709283600000 };
    expect(decideUpdate(restore, { id: ID1, ...later }, rulesFor(plan)).prepared).toEqual({
      send: sent({ ...before, end_time: 1709283600000 }),
      hash: bodyHash({ ...before, end_time: 1709283600000 }),
    });
    expect(decideUpdate(restore, { id: ID1, ...before }, rulesFor(plan)).prepared).toEqual({
      done: { status: 'skipped', kind: 'unchanged', message: 'skipped: already as it was before the undone run' },
      hash: bodyHash(before),
    });
    expect(decideUpdate(restore, { id: ID1, ...written, participate_status: 3 }, rulesFor(plan)).prepared).toEqual({
      done: {
        status: 'failed',
        kind: 'refused',
        errorCode: 'UNDO_CHANGED_SINCE',
        message: `left alone: expected interview ${ID1} to hold what the undone run wrote, got later changes to fields that run changed too: participate_status (3) (as Feishu holds them now); nothing of it was written: correct those fields in Feishu yourself, or import a correction`,
      },
    });
  });
});

describe('decideUpdate, undo where reads carry no external_id', () => {
  it('compares what was written as the read shows it, and keeps the keys the run wrote', () => {
    const plan = planOf([ATTENDED]);
    const before: InterviewBody = {
      external_application_id: APP1,
      participate_status: 1,
      interview_assessments: [{ username: '张三', conclusion: 1 }],
    };
    const written: InterviewBody = {
      external_id: 'OLD-1',
      external_application_id: APP1,
      participate_status: 2,
      interview_assessments: [{ external_id: 'OLD-A-1', username: '张三', conclusion: 2 }],
    };
    const restore = { kind: 'restore', id: ID1, rows: [0], body: before, written } as const;
    const read = { id: ID1, external_application_id: APP1, participate_status: 2 };
    const back: InterviewBody = {
      external_id: 'OLD-1',
      external_application_id: APP1,
      participate_status: 1,
      interview_assessments: [{ external_id: 'OLD-A-1', username: '张三', conclusion: 1 }],
    };
    expect(
      decideUpdate(
        restore,
        { ...read, interview_assessments: [{ id: '1', username: '张三', conclusion: 2 }] },
        rulesFor(plan),
      ).prepared,
    ).toEqual({ send: back, hash: bodyHash(back) });
    // Changed since in another field: merged, keys kept all the same.
    expect(
      decideUpdate(
        restore,
        { ...read, end_time: 1709283600000, interview_assessments: [{ id: '1', username: '张三', conclusion: 2 }] },
        rulesFor(plan),
      ).prepared,
    ).toEqual({ send: { ...back, end_time: 1709283600000 }, hash: bodyHash({ ...back, end_time: 1709283600000 }) });
  });
});

describe('decideLegacy', () => {
  const plan = planOf([row({ external_id: 'OLD-1', external_application_id: APP1, participate_status: '2' })]);
  const body: InterviewBody = { external_id: 'OLD-1', external_application_id: APP1, participate_status: 2 };

  it('creates what is absent only with --create-missing', () => {
    expect(decideLegacy(sendable(plan), 'OLD-1', { kind: 'absent' }, rulesFor(plan)).prepared).toMatchObject({
      done: { status: 'failed', kind: 'missing', errorCode: 'RUN_NOT_FOUND' },
    });
    expect(decideLegacy(sendable(plan), 'OLD-1', { kind: 'absent' }, rulesFor(plan, { createMissing: true }))).toEqual({
      prepared: { create: body, hash: bodyHash(body) },
    });
  });

  it('--merge --create-missing creates a forgotten interview with its assessments, without --add-assessments', () => {
    const merge = planOf(
      [
        row({
          external_id: 'OLD-9',
          external_application_id: APP1,
          participate_status: '2',
          begin_time: '1709280000000',
          end_time: '1709283600000',
          username: '张伟',
          conclusion: '通过',
          dimension_title: '沟通',
          assessment_type: '打分题',
          score: '88',
        }),
      ],
      true,
    );
    const created: InterviewBody = {
      external_id: 'OLD-9',
      external_application_id: APP1,
      participate_status: 2,
      begin_time: 1709280000000,
      end_time: 1709283600000,
      interview_assessments: [
        {
          username: '张伟',
          conclusion: 2,
          assessment_dimension_list: [{ score: 88, assessment_type: 1, title: '沟通' }],
        },
      ],
    };
    expect(
      decideLegacy(sendable(merge), 'OLD-9', { kind: 'absent' }, rulesFor(merge, { createMissing: true })).prepared,
    ).toEqual({ create: created, hash: bodyHash(created) });
  });

  it('updates what it finds by its Feishu id, and leaves an ambiguous key alone', () => {
    const record = { id: ID2, external_id: 'OLD-1', external_application_id: APP1, participate_status: 1 };
    expect(decideLegacy(sendable(plan), 'OLD-1', { kind: 'found', id: ID2, record }, rulesFor(plan)).prepared).toEqual({
      send: sent(body),
      hash: bodyHash(body),
      to: ID2,
    });
    expect(
      decideLegacy(
        sendable(plan),
        'OLD-1',
        { kind: 'found', id: ID2, record: { ...record, participate_status: 2 } },
        rulesFor(plan),
      ).prepared,
    ).toMatchObject({
      done: { status: 'skipped', kind: 'unchanged', feishuId: ID2 },
    });
    expect(
      decideLegacy(sendable(plan), 'OLD-1', { kind: 'ambiguous', ids: [ID1, ID2] }, rulesFor(plan)).prepared,
    ).toMatchObject({
      done: { status: 'failed', kind: 'ambiguous', errorCode: 'RUN_EXTERNAL_ID_AMBIGUOUS' },
    });
  });

  it("takes the resumed run's lost-answer create, found holding exactly its body, as created by that run", () => {
    const record = { id: ID2, ...body };
    const rules = rulesFor(plan, { createMissing: true, lostCreateHash: bodyHash(body) });
    expect(decideLegacy(sendable(plan), 'OLD-1', { kind: 'found', id: ID2, record }, rules)).toEqual({
      prepared: {
        done: {
          status: 'ok',
          kind: 'created',
          landed: true,
          feishuId: ID2,
          note: 'the run resumed had created it; its answer was lost when that run stopped',
          message: 'ok',
        },
        hash: bodyHash(body),
      },
      adopted: body,
    });
    // A read without the keys: matched by the rest of the body.
    const { external_id: _e, ...keyless } = record;
    expect(decideLegacy(sendable(plan), 'OLD-1', { kind: 'found', id: ID2, record: keyless }, rules).adopted).toEqual(
      body,
    );
    // Another body, or another create than this one: an interview found as any other.
    for (const [held, hash] of [
      [{ ...record, participate_status: 1 }, bodyHash(body)],
      [record, 'another'],
    ] as const) {
      expect(
        decideLegacy(
          sendable(plan),
          'OLD-1',
          { kind: 'found', id: ID2, record: held },
          { ...rules, lostCreateHash: hash },
        ).adopted,
      ).toBeUndefined();
    }
  });

  it("a read without keys: unchanged when equal with the keys left out; sent with the file's keys when not", () => {
    const record = { id: ID2, external_application_id: APP1, participate_status: 2 };
    const found = { kind: 'found', id: ID2, record, keysUnread: true } as const;
    expect(decideLegacy(sendable(plan), 'OLD-1', found, rulesFor(plan)).prepared).toEqual({
      done: {
        status: 'skipped',
        kind: 'unchanged',
        message: 'unchanged: Feishu already holds exactly this',
        feishuId: ID2,
      },
      hash: bodyHash(body),
    });
    const other = { ...found, record: { ...record, participate_status: 1 } };
    expect(decideLegacy(sendable(plan), 'OLD-1', other, rulesFor(plan)).prepared).toEqual({
      send: sent(body),
      hash: bodyHash(body),
      to: ID2,
    });
    // A dry run shows only what the read can show: no key appears as a change.
    expect(decideLegacy(sendable(plan), 'OLD-1', other, rulesFor(plan, { dryRun: true })).prepared).toMatchObject({
      done: {
        message: 'would change: participate_status: not_participated → participated',
        fields: [{ column: 'participate_status', before: 1, after: 2 }],
      },
    });
    // With a note besides (a record gone), the facts no longer say the whole message: none are given.
    const noted = decideLegacy(sendable(plan), 'OLD-1', { ...other, gone: [ID1] }, rulesFor(plan, { dryRun: true }));
    expect(noted.prepared).toMatchObject({ done: { message: expect.stringMatching(/^would change: .* \(.*\)$/) } });
    expect((noted.prepared as { done: { fields?: unknown } }).done.fields).toBeUndefined();
  });

  it('an interview it cannot tell apart is neither created nor changed; a record gone is said so', () => {
    const untold = { kind: 'untold', ids: [ID1] } as const;
    expect(decideLegacy(sendable(plan), 'OLD-1', untold, rulesFor(plan, { createMissing: true })).prepared).toEqual({
      done: {
        status: 'failed',
        kind: 'ambiguous',
        errorCode: 'RUN_CANNOT_TELL_APART',
        message: `not sent: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id "OLD-1", and application ${APP1} holds interviews no record accounts for (${ID1}) whose body differs from the file's: any of them may be this one, so it is neither created nor changed; put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that created it`,
      },
    });
    const gone = { kind: 'absent', gone: [ID2] } as const;
    const note = `an earlier run's records gave it Feishu ID ${ID2}, which application ${APP1} no longer holds`;
    expect(decideLegacy(sendable(plan), 'OLD-1', gone, rulesFor(plan, { createMissing: true })).prepared).toEqual({
      create: body,
      hash: bodyHash(body),
      note,
    });
    expect(decideLegacy(sendable(plan), 'OLD-1', gone, rulesFor(plan)).prepared).toMatchObject({
      done: { errorCode: 'RUN_NOT_FOUND', message: expect.stringMatching(new RegExp(`\\(${note}\\)$`)) },
    });
  });
});
