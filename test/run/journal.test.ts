import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalPathFor, openJournal, readJournal } from '../../src/run/journal.js';
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

  it('refuses to resume without the earlier journal', async () => {
    const dir = await tempDir();
    expect(() => readJournal(join(dir, 'missing.journal.jsonl'))).toThrow(
      expect.objectContaining({ code: 'RESUME_NO_JOURNAL' }),
    );
  });
});
