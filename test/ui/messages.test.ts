import { describe, expect, it } from 'vitest';
import type { Pair } from '../../src/messages.js';
import { UI } from '../../src/ui/messages.js';
import { ROW_STATUSES, reportStatusWord } from '../../src/row-statuses.js';
import { statusWord } from '../../src/ui/page/words.js';

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
  it('name the row statuses as the Chinese .xlsx report does, and in English in words', () => {
    for (const status of ROW_STATUSES) expect(statusWord('zh', status)).toBe(reportStatusWord(status, 'zh'));
    expect(ROW_STATUSES.map((s) => statusWord('zh', s))).toEqual(['成功', '失败', '有误', '已拦截', '跳过', '未发送']);
    expect(statusWord('en', 'invalid')).toBe('invalid');
    expect(statusWord('en', 'not_sent')).toBe('not sent');
  });
});
