import { describe, expect, it } from 'vitest';
import type { Pair } from '../../src/messages.js';
import { UI } from '../../src/ui/messages.js';
import { REPORT } from '../../src/input/messages.js';
import { ROW_STATUSES } from '../../src/plan/types.js';
import { STRINGS } from '../../src/ui/page/words.js';

/** Every entry of the page server's messages, rendered in both languages with sample values. */
describe('the page server messages', () => {
  const sample = {
    url: 'http://127.0.0.1:1/?t=x',
    host: 'a.example',
    own: '127.0.0.1:1',
    name: 'a.txt',
    max: 9,
    what: 'mode',
    message: 'boom',
    why: { kind: 'mode', mode: 0o666 },
  };
  for (const [name, entry] of Object.entries(UI)) {
    it(`${name} reads in Chinese and English`, () => {
      const pair = (typeof entry === 'function' ? (entry as (p: typeof sample) => Pair)(sample) : entry) as Pair;
      expect(pair.en.length).toBeGreaterThan(10);
      expect(pair.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(pair.en).not.toMatch(/[\u4e00-\u9fff]|undefined/);
      expect(pair.zh).not.toMatch(/undefined/);
    });
  }
});

describe("the page's words", () => {
  it('name the row statuses as the .xlsx report does, in both languages', () => {
    for (const status of ROW_STATUSES) {
      const key = `status_${status}` as const;
      expect(STRINGS.zh[key]).toBe(REPORT.status[status].zh);
    }
    expect(STRINGS.en.status_invalid).toBe('invalid');
  });
});
