import { describe, expect, it } from 'vitest';
import { FieldCache } from '../../src/input/field-cache.js';

/** A field buffer as csv-parse keeps one: the cell's bytes first, stale bytes after them. */
function field(text: string): { bytes: Buffer; length: number } {
  const cell = Buffer.from(text);
  const bytes = Buffer.alloc(cell.length + 8, 0x7a);
  cell.copy(bytes);
  return { bytes, length: cell.length };
}

describe('FieldCache', () => {
  it('gives the text of every cell exactly, cached or not, when thousands of cells share 4,096 slots', () => {
    const cache = new FieldCache();
    const cells = ['', '1', '通过', '张三', ' 张三 ', 'a"b', '7000000000000000001', '1709280000000', 'x'.repeat(48)];
    cells.push('y'.repeat(49), `${'维'.repeat(16)}`, `${'维'.repeat(17)}`, '123456', '1234567');
    // Same length, one byte apart: a slot's bytes are compared, not only its hash and length.
    for (let i = 0; i < 10_000; i++) cells.push(`维度${i}`, `v${String(i).padStart(5, '0')}`);
    for (let round = 0; round < 2; round++)
      for (const text of cells) {
        const { bytes, length } = field(text);
        expect(cache.text(bytes, length)).toBe(text);
      }
  });

  it('never answers a cell with the text of another whose bytes came before in the same buffer', () => {
    const cache = new FieldCache();
    const bytes = Buffer.alloc(16);
    bytes.write('面试官');
    expect(cache.text(bytes, 9)).toBe('面试官');
    bytes.write('面试者');
    expect(cache.text(bytes, 9)).toBe('面试者');
    expect(cache.text(bytes, 6)).toBe('面试');
  });
});
