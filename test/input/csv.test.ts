import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/input/csv.js';

describe('parseCsvText', () => {
  it('keeps the line on which each record starts, across quoted multi-line cells in CRLF files', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n"p\r\n\r\nq",5\r\n6,7';
    expect(parseCsvText(text, 'f.csv').records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', 'x\r\ny'] },
      { row: 5, cells: ['3', '4'] },
      { row: 6, cells: ['p\r\n\r\nq', '5'] },
      { row: 9, cells: ['6', '7'] },
    ]);
  });

  it('reads LF files and a mix of LF and CRLF line ends', () => {
    expect(parseCsvText('a,b\n1,"2\n3"\n4,5\r\n6,7\n', 'f.csv').records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2\n3'] },
      { row: 4, cells: ['4', '5'] },
      { row: 5, cells: ['6', '7'] },
    ]);
  });

  it('never turns cells into numbers: 19-digit IDs stay exact', () => {
    const [, rec] = parseCsvText('id,score\n7000000000000000001,088\n', 'f.csv').records;
    expect(rec!.cells).toEqual(['7000000000000000001', '088']);
  });

  it('skips rows that are entirely blank, including rows of empty cells', () => {
    const text = `a,b\n${'\n'.repeat(1000)},\n  , \n1,2\n`;
    expect(parseCsvText(text, 'f.csv').records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 1004, cells: ['1', '2'] },
    ]);
  });

  it('drops lines of empty cells before parsing, keeping row numbers and blank lines inside quoted cells', () => {
    const text = `a,b\r\n,\r\n\r\n , \r\n1,"x\r\n,\r\n\r\ny"\r\n,,\r\n2,3\r\n,\r\n`;
    expect(parseCsvText(Buffer.from(text), 'f.csv').records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 5, cells: ['1', 'x\r\n,\r\n\r\ny'] },
      { row: 10, cells: ['2', '3'] },
    ]);
  });

  it('says where each record stands in the text when every record is one comma-separated line', () => {
    const { records, lines } = parseCsvText(Buffer.from('a,b\r\n,\r\n\r\n1,"x,y"\n2,3'), 'f.csv');
    expect(records.map((r) => r.row)).toEqual([1, 4, 5]);
    expect(records.map((_, i) => lines!.bytes.toString('utf8', lines!.start[i], lines!.end[i]))).toEqual([
      'a,b',
      '1,"x,y"',
      '2,3',
    ]);
    // Another delimiter: no ranges (the report writes commas).
    expect(parseCsvText('a\tb\n1\t2\n', 'f.csv').lines).toBeUndefined();
  });

  it('reads tab-separated text (Excel "Unicode text")', () => {
    expect(parseCsvText('a\tb\n1\t2\n', 'f.csv').records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
    ]);
  });

  it('refuses a NUL byte, naming the line', () => {
    expect(() => parseCsvText('a,b\n1,2\n3,\u00004\n', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'CSV_NUL_BYTE', context: { file: 'f.csv', row: 3 } }),
    );
  });

  it('refuses a stray quote with the line and how to fix it', () => {
    expect(() => parseCsvText('a,b\n1,2\n3,"4"x\n', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'CSV_INVALID_CLOSING_QUOTE', context: { file: 'f.csv', row: 3 } }),
    );
  });

  const texts = (text: string) => {
    const { records, lines } = parseCsvText(Buffer.from(text), 'f.csv');
    return records.map((r, i) => ({ row: r.row, text: lines!.bytes.toString('utf8', lines!.start[i], lines!.end[i]) }));
  };

  it('keeps rows and texts right after a quoted line break and a last line of bare commas without a newline', () => {
    const text = 'id,score\n1,"a\nb"\n2,x\n3,y\n,';
    expect(texts(text)).toEqual([
      { row: 1, text: 'id,score' },
      { row: 2, text: '1,"a\nb"' },
      { row: 4, text: '2,x' },
      { row: 5, text: '3,y' },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('numbers rows and cuts texts by the parser with %s line ends, quoted breaks and blank lines anywhere', (_, nl) => {
    const text = ['', 'h,i', '', ',', '1,"p', 'q"', '  ', '2,"', '', 'r"', '', ',,', '3,s', '', ''].join(nl);
    expect(texts(text)).toEqual([
      { row: 2, text: 'h,i' },
      { row: 5, text: `1,"p${nl}q"` },
      { row: 8, text: `2,"${nl}${nl}r"` },
      { row: 13, text: '3,s' },
    ]);
  });

  it('keeps the first line when the file does not end with a line break, and a file of one line', () => {
    expect(texts('h,i\r\n1,2')).toEqual([
      { row: 1, text: 'h,i' },
      { row: 2, text: '1,2' },
    ]);
    expect(texts('h,i')).toEqual([{ row: 1, text: 'h,i' }]);
  });

  it('counts a CRLF inside a quoted cell once when naming the line of a quote error', () => {
    expect(() => parseCsvText('a,b\r\n1,"x\r\ny\r\nz"\r\n2,"4"x\r\n', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'CSV_INVALID_CLOSING_QUOTE', context: { file: 'f.csv', row: 5 } }),
    );
  });

  it('names the line where an unclosed quote opens', () => {
    expect(() => parseCsvText('a,b\r\n1,"x\r\ny"\r\n2,"open\r\n3,4\r\n', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'CSV_QUOTE_NOT_CLOSED', context: { file: 'f.csv', row: 4 } }),
    );
  });

  it('gives repeated short cells one string, and leaves every cell as written', () => {
    const { records } = parseCsvText(
      Buffer.from('a,b,c\n张三,通过,7000000000000000001\n张三,通过,7000000000000000002\n'),
      'f.csv',
    );
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['张三', '通过', '7000000000000000001'],
      ['张三', '通过', '7000000000000000002'],
    ]);
  });

  it('tells commas from tabs by the first record outside quoted cells', () => {
    // A quoted header cell holding a tab and a line break, blank lines before it: comma-separated.
    expect(parseCsvText('\r\n"a\t\rb",c\n1,2\n', 'f.csv').records).toEqual([
      { row: 2, cells: ['a\t\rb', 'c'] },
      { row: 4, cells: ['1', '2'] },
    ]);
    expect(parseCsvText('"a,b"\tc\n1\t2\n', 'f.csv').records[0]!.cells).toEqual(['a,b', 'c']);
  });
});
