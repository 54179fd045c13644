import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../src/report/byte-sink.js';
import { tempDir } from '../helpers.js';

describe('ByteSink', () => {
  it('writes text, bytes and numbers as given, and notes each marked place as a byte offset across flushes', async () => {
    const path = join(await tempDir(), 'out');
    const fd = openSync(path, 'w');
    const starts: number[] = [];
    const out = new ByteSink(4096, starts);
    out.mark(1);
    out.text(',张三');
    out.flush(fd);
    out.mark(0);
    out.bytes(Buffer.from('abc'), 1, 3);
    out.integer(1002);
    out.crlf();
    out.mark(2);
    out.text('\n [王五]');
    out.flush(fd);
    closeSync(fd);
    const bytes = readFileSync(path);
    expect(bytes.toString()).toBe(',张三bc1002\r\n\n [王五]');
    // ',' then 张三 (6 bytes); the third mark skips the line break and the space.
    expect(starts).toEqual([1, 7, 17]);
    expect(bytes.subarray(starts[0], starts[0]! + 6).toString()).toBe('张三');
    expect(bytes.subarray(starts[1], starts[1]! + 2).toString()).toBe('bc');
    expect(bytes.subarray(starts[2]).toString()).toBe('[王五]');
  });
});
