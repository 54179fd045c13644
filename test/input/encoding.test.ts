import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../src/input/encoding.js';

const text = '外部面试ID,面试官\n7000000000000000001,张三\n';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM as detected UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from(text), 'a.csv')).toEqual({
      content: Buffer.from(text),
      encoding: 'utf-8',
      how: 'detected',
    });
  });

  it('strips a UTF-8 BOM', () => {
    const d = decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.csv');
    expect(d).toEqual({ content: Buffer.from(text), encoding: 'utf-8', how: 'bom' });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect(decodeCsvBytes(le, 'a.csv')).toEqual({ content: text, encoding: 'utf-16le', how: 'bom' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    expect(decodeCsvBytes(be, 'a.csv')).toEqual({ content: text, encoding: 'utf-16be', how: 'bom' });
  });

  it('falls back to GB18030 for GBK bytes from Chinese Excel', () => {
    const d = decodeCsvBytes(iconv.encode(text, 'gbk'), 'a.csv');
    expect(d).toEqual({ content: text, encoding: 'gb18030', how: 'detected' });
  });

  it('takes --encoding over detection', () => {
    const d = decodeCsvBytes(iconv.encode(text, 'gbk'), 'a.csv', 'GBK');
    expect(d).toEqual({ content: text, encoding: 'gbk', how: 'option' });
  });

  it('refuses an unknown --encoding with the names to use', () => {
    expect(() => decodeCsvBytes(Buffer.from(text), 'a.csv', 'klingon')).toThrow(
      expect.objectContaining({
        code: 'CSV_UNKNOWN_ENCODING',
        message:
          'expected an encoding such as utf-8, gb18030, gbk or utf-16le, got --encoding klingon: pick one of those',
      }),
    );
  });

  it('refuses a file pieced together from UTF-8 and GBK lines, naming both lines', () => {
    const bytes = Buffer.concat([Buffer.from('面试官,评价内容\n'), iconv.encode('张三丰,很好的候选人\n', 'gbk')]);
    expect(() => decodeCsvBytes(bytes, 'mixed.csv')).toThrow(
      expect.objectContaining({ code: 'CSV_MIXED_ENCODING', context: { file: 'mixed.csv', row: 2 } }),
    );
  });

  it('refuses bytes that are not UTF-8 after a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'gbk')]);
    expect(() => decodeCsvBytes(bytes, 'a.csv')).toThrow(expect.objectContaining({ code: 'CSV_INVALID_UTF8' }));
  });
});
