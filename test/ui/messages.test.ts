import { describe, expect, it } from 'vitest';
import type { Pair } from '../../src/messages.js';
import { UI } from '../../src/ui/messages.js';

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
