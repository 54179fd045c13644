import { describe, expect, it } from 'vitest';
import { quoteName } from '../../src/input/printable.js';

describe('quoteName', () => {
  it('escapes control characters and bidirectional overrides, and cuts long names', () => {
    expect(quoteName('面试官')).toBe('"面试官"');
    expect(quoteName('a\u001b[31mred\u202eb')).toBe('"a\\u001b[31mred\\u202eb"');
    expect(quoteName('x'.repeat(100))).toBe(`"${'x'.repeat(59)}…"`);
  });
});
