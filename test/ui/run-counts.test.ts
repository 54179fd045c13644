import { describe, expect, it } from 'vitest';
import { countJournal } from '../../src/ui/run-counts.js';

const lines = (...entries: object[]) => entries.map((e) => JSON.stringify(e)).join('\n');

describe('countJournal', () => {
  it('counts each interview once by its last result and the request it answered, and names a correction run', () => {
    const text = lines(
      { t: 'run', command: 'import --correct', run_id: 'r1' },
      { t: 'sending', id: '7001', hash: 'h', op: 'put' },
      { t: 'result', id: '7001', status: 'failed' },
      { t: 'sending', id: '7001', hash: 'h', op: 'put' },
      { t: 'result', id: '7001', status: 'ok' },
      { t: 'sending', id: 'external_id:A-1', hash: 'h', op: 'create' },
      { t: 'result', id: 'external_id:A-1', status: 'ok', feishu_id: '7009' },
      { t: 'result', id: '7002', status: 'ok', skipped: true },
      { t: 'sending', id: '7003', hash: 'h', op: 'put' },
      { t: 'result', id: '7003', status: 'failed', error_code: 'FEISHU_REFUSED' },
    );
    expect(countJournal(`${text}\n{"t":"resu`)).toEqual({
      kind: 'correct',
      created: 1,
      changed: 1,
      unchanged: 1,
      deleted: 0,
      failed: 1,
    });
    expect(countJournal(lines({ t: 'run', command: 'import' })).kind).toBe('import');
  });
});
