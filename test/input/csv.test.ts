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
    // A cell spanning lines, a lone CR or another delimiter: no line ranges.
    expect(parseCsvText('a,b\n1,"x\ny"\n', 'f.csv').lines).toBeUndefined();
    expect(parseCsvText('a,b\r1,2\r', 'f.csv').lines).toBeUndefined();
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
});
