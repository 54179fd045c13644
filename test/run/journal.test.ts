import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, readJournal } from '../../src/run/journal.js';
import { journalPathFor } from '../../src/run-paths.js';
import { tempDir } from '../helpers.js';

describe('journal', () => {
  it('sits beside the report', () => {
    expect(journalPathFor('/r/a.report.csv')).toBe('/r/a.report.csv.journal.jsonl');
    expect(journalPathFor('/r/a.report.csv.journal.jsonl')).toBe('/r/a.report.csv.journal.jsonl');
  });

  it('tells what landed and what was sent without a result, ignoring a torn last line', async () => {
    const path = join(await tempDir(), 'r.csv.journal.jsonl');
    const j = openJournal(path);
    j.write({ t: 'sending', id: 'a', hash: 'h1' });
    j.write({ t: 'result', id: 'a', hash: 'h1', status: 'ok' });
    j.write({ t: 'sending', id: 'b', hash: 'h2' });
    j.write({ t: 'sending', id: 'c', hash: 'h3' });
    j.write({ t: 'result', id: 'c', hash: 'h3', status: 'failed', error_code: '1002002' });
    j.close();
    appendFileSync(path, '{"t":"result","id":"b","ha');
    const state = readJournal(path);
    expect([...state.landed]).toEqual([['a', 'h1']]);
    expect([...state.inDoubt]).toEqual([['b', 'h2']]);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('{"t":"sending","id":"a","hash":"h1"}');
  });

  it('tells the creates among the requests without a result', async () => {
    const path = join(await tempDir(), 'c.csv.journal.jsonl');
    const j = openJournal(path);
    j.write({ t: 'sending', id: 'external_id:A', hash: 'h1', op: 'create' });
    j.write({ t: 'sending', id: 'external_id:B', hash: 'h2', op: 'create' });
    j.write({ t: 'result', id: 'external_id:B', hash: 'h2', status: 'ok', feishu_id: '7100000000000000001' });
    j.write({ t: 'sending', id: '7000000000000000001', hash: 'h3', op: 'put' });
    j.close();
    const state = readJournal(path);
    expect([...state.inDoubtCreates]).toEqual([['external_id:A', 'h1']]);
    expect([...state.inDoubt]).toEqual([
      ['external_id:A', 'h1'],
      ['7000000000000000001', 'h3'],
    ]);
    expect([...state.feishuIds]).toEqual([['external_id:B', '7100000000000000001']]);
  });

  it('refuses to resume without the earlier journal', async () => {
    const dir = await tempDir();
    expect(() => readJournal(join(dir, 'missing.journal.jsonl'))).toThrow(
      expect.objectContaining({ code: 'RESUME_NO_JOURNAL' }),
    );
  });
});
