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
    expect(decodeCsvBytes(le, 'a.csv')).toEqual({ content: Buffer.from(text), encoding: 'utf-16le', how: 'bom' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    expect(decodeCsvBytes(be, 'a.csv')).toEqual({ content: Buffer.from(text), encoding: 'utf-16be', how: 'bom' });
  });

  it('falls back to GB18030 for GBK bytes from Chinese Excel', () => {
    const d = decodeCsvBytes(iconv.encode(text, 'gbk'), 'a.csv');
    expect(d).toEqual({ content: Buffer.from(text), encoding: 'gb18030', how: 'detected' });
  });

  it('takes --encoding over detection', () => {
    const d = decodeCsvBytes(iconv.encode(text, 'gbk'), 'a.csv', 'GBK');
    expect(d).toEqual({ content: Buffer.from(text), encoding: 'gbk', how: 'option' });
  });

  it('refuses an unknown --encoding with the names to use', () => {
    expect(() => decodeCsvBytes(Buffer.from(text), 'a.csv', 'klingon')).toThrow(
      expect.objectContaining({
        code: 'CSV_UNKNOWN_ENCODING',
        message:
          'expected an encoding such as utf-8, gb18030, gbk, utf-16le or windows-1252, got --encoding klingon: pick one of those',
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

  // Realistic rows of a Chinese HR sheet: names (common and rarer characters), conclusions,
  // dimension titles, comments with full-width punctuation, dates.
  const chinese = [
    '外部面试ID,面试官,面试结论,维度名称,评价内容,开始时间',
    '7000000000000000001,张三,通过,专业能力,"基础扎实，沟通清楚。",2024年3月1日 14:00',
    '7000000000000000002,欧阳娜娜,不通过,沟通表达,需要二面确认（技术深度不足）,2024-03-02 上午9:30',
    '7000000000000000003,王淑珍,待定,学习能力,学习快、主动,2024/3/5 下午2:05',
    '7000000000000000004,李堃,通过,团队协作,"与同事配合良好；推荐录用",2024-03-06 10:00',
  ].join('\r\n');

  it('reads realistic Chinese GBK and GB18030 files without a question', () => {
    for (const encoding of ['gbk', 'gb18030']) {
      const d = decodeCsvBytes(iconv.encode(chinese, encoding), 'a.csv');
      expect(d).toEqual({ content: Buffer.from(chinese), encoding: 'gb18030', how: 'detected' });
    }
    // One short row: a name and a conclusion are enough.
    const short = '面试官,面试结论\n王五,通过\n';
    expect(decodeCsvBytes(iconv.encode(short, 'gbk'), 'a.csv').content.toString()).toBe(short);
  });

  it.each([
    ['José Müller', '外部面试ID,面试官\n7000000000000000001,José Müller\n', 2, '7000000000000000001,José Müller'],
    ['letters before letters', 'id,name\n1,Dürrenmatt\n', 2, '1,Dürrenmatt'],
    ['a Danish place name', 'id,name\r\n\r\n1,Ærøskøbing\r\n', 3, '1,Ærøskøbing'],
  ])('refuses Windows-1252 text no more plausible as GB18030 (%s), showing both readings', (_, text, line, written) => {
    const bytes = iconv.encode(text, 'windows-1252');
    let thrown: unknown;
    try {
      decodeCsvBytes(bytes, 'w.csv');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'CSV_ENCODING_UNSURE', context: { file: 'w.csv', row: line } });
    const reading = (encoding: string) => JSON.stringify(iconv.decode(bytes, encoding).split(/\r?\n/)[line - 1]);
    expect(reading('windows-1252')).toBe(JSON.stringify(written));
    expect((thrown as Error).message).toBe(
      `expected text whose encoding can be told, got bytes in w.csv that are not UTF-8 and read as GB18030 no more plausibly than as Windows-1252; line ${line} reads ${reading('gb18030')} as GB18030 and ${reading('windows-1252')} as Windows-1252: pass --encoding gb18030 or --encoding windows-1252 (whichever reading is right), or save the file as "CSV UTF-8"`,
    );
  });

  it('reads Windows-1252 when told to', () => {
    const text = 'id,name\n1,José Müller\n';
    const d = decodeCsvBytes(iconv.encode(text, 'windows-1252'), 'w.csv', 'windows-1252');
    expect(d.content.toString()).toBe(text);
  });

  it('decodes a UTF-16 file in pieces, a character split between pieces included', () => {
    // Past the 4 MiB piece: characters straddle a boundary at an odd offset.
    const big = `a,b\n${'张三,通过\n'.repeat(700_000)}`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0]), iconv.encode(big, 'utf-16le')]);
    const d = decodeCsvBytes(bytes, 'u.csv');
    expect(d.content.equals(Buffer.from(`A${big}`))).toBe(true);
  });
});
