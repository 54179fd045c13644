import { describe, expect, it } from 'vitest';
import { quoteName, terminalSafe } from '../../src/input/printable.js';

describe('quoteName', () => {
  it('escapes control characters and bidirectional overrides, and cuts long names', () => {
    expect(quoteName('面试官')).toBe('"面试官"');
    expect(quoteName('a\u001b[31mred\u202eb')).toBe('"a\\u001b[31mred\\u202eb"');
    expect(quoteName('x'.repeat(100))).toBe(`"${'x'.repeat(59)}…"`);
  });
});

describe('terminalSafe', () => {
  it('escapes what reorders a terminal line (bidi controls, line and paragraph separators), keeping new lines, tabs and colours', () => {
    expect(terminalSafe('got "\u202eevil" (row 2)\n\tnext \u001b[1mbold\u001b[0m')).toBe(
      'got "\\u202eevil" (row 2)\n\tnext \u001b[1mbold\u001b[0m',
    );
    expect(terminalSafe('\u2066a\u2069\u200f\u061c\u2028\u2029')).toBe('\\u2066a\\u2069\\u200f\\u061c\\u2028\\u2029');
    expect(terminalSafe('面试官')).toBe('面试官');
  });
});
