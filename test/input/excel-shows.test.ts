import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type Cell, cellText } from '../../src/input/cells.js';
import { parseCsvText } from '../../src/input/csv.js';
import { decodeCsvBytes } from '../../src/input/encoding.js';
import { readInput } from '../../src/input/table.js';
import { openWorkbook } from '../../src/input/xlsx.js';
import { Invalid, parseId, parseText, parseTime } from '../../src/plan/normalise.js';
import { buildPlan } from '../../src/plan/validate.js';
import { APP1, HEADER_EN, ID1, bodyOf, columnNumber, csv, row, tempDir } from '../helpers.js';
import { type Member, type Parts, fileOf, headerRow, text, workbookMembers, zipOf } from './hostile-xlsx.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Each value here is what Excel shows for the cell, in a file the test writes: the reader must
 * read the same, or refuse where Excel shows no value (########).
 */

/** Cells of every row of the one sheet, read whole (merges spread). */
async function cellsOf(members: readonly Member[]): Promise<Cell[][]> {
  const wb = await openWorkbook(await fileOf(zipOf(members)));
  try {
    return (await wb.read(wb.sheets[0]!)).rows.map((r) => r.cells);
  } finally {
    await wb.close();
  }
}

const cells = (parts: Parts) => cellsOf(workbookMembers(parts));

/** Styles: 0 General, 1 built-in 14 (m/d/yyyy), 2 built-in 46 ([h]:mm:ss), 3 built-in 22 (m/d/yyyy h:mm). */
const STYLES =
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="46" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs>';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  millisecond: 0,
});

const problemOf = (parsed: unknown) => (parsed instanceof Invalid ? parsed.problem : parsed);

describe('dates as Excel shows them', () => {
  const X15 = 'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"';

  it('keeps the 1904 date system when Excel 2013 adds its own x15:workbookPr after the real one', async () => {
    const rows = '<row r="1"><c r="A1" s="1"><v>1</v></c></row>';
    // As Excel writes it: inside extLst, the namespace declared on the ext.
    const inExt = await cells({
      rows,
      styles: STYLES,
      workbookBefore: '<workbookPr date1904="1"/>',
      workbookAfter: `<extLst><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" ${X15}><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`,
    });
    // Excel shows 1904-01-02 (serial 1 in the 1904 system), not 1899-12-31.
    expect(inExt).toEqual([[{ kind: 'date', wall: wall(1904, 1, 2) }]]);
    // Right after it, a sibling in the x15 namespace (declared on the root): still not the workbook's own.
    const sibling = await cells({
      rows,
      styles: STYLES,
      workbookBefore: `<workbookPr date1904="1"/><x15:workbookPr ${X15} chartTrackingRefBase="1"/>`,
    });
    expect(sibling).toEqual([[{ kind: 'date', wall: wall(1904, 1, 2) }]]);
  });

  it('reads a prefixed main-namespace workbookPr (x:workbookPr) as the workbook own', async () => {
    const main = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const got = await cells({
      rows: '<row r="1"><c r="A1" s="1"><v>1</v></c></row>',
      styles: STYLES,
      workbookBefore: `<x:workbookPr ${main} date1904="true"/>`,
    });
    expect(got).toEqual([[{ kind: 'date', wall: wall(1904, 1, 2) }]]);
  });

  it('takes number formats from cellXfs only: a dxfs numFmt with id 14 does not make a date cell a number', async () => {
    const styles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>${STYLES}<dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="0"/></dxf><dxf><numFmt numFmtId="1" formatCode="yyyy-mm-dd"/></dxf></dxfs>`;
    const got = await cells({
      rows: '<row r="1"><c r="A1" s="1"><v>42062</v></c><c r="B1"><v>5</v></c></row>',
      styles,
    });
    // Excel shows 2015-02-27 for 42062 in format 14, and 5 in General.
    expect(got).toEqual([
      [
        { kind: 'date', wall: wall(2015, 2, 27) },
        { kind: 'number', value: 5, raw: '5' },
      ],
    ]);
  });

  it('maps serials 1 to 61 as Excel does, with its 1900-02-29 refused as a day that never was', async () => {
    const serials = [1, 2, 59, 60, 61, 45352.5];
    const rows = serials.map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="3"><v>${v}</v></c></row>`).join('');
    const got = (await cells({ rows, styles: STYLES })).map((r) => r[0]);
    expect(got[0]).toEqual({ kind: 'date', wall: wall(1900, 1, 1) });
    expect(got[1]).toEqual({ kind: 'date', wall: wall(1900, 1, 2) });
    expect(got[2]).toEqual({ kind: 'date', wall: wall(1900, 2, 28) });
    expect(got[3]).toMatchObject({ kind: 'error', code: 'ROW_DATE_FEB29' });
    expect(got[3]).toMatchObject({
      error: '60',
      got: { en: '1900-02-29 in cell A4 of sheet "数据", a day Excel shows (serial 60) but that never was' },
    });
    expect(got[4]).toEqual({ kind: 'date', wall: wall(1900, 3, 1) });
    expect(got[5]).toEqual({ kind: 'date', wall: wall(2024, 3, 1, 12) });
  });

  it('refuses a negative number in a date-formatted cell (Excel shows ########), in both languages', async () => {
    const got = (await cells({ rows: '<row r="2"><c r="E2" s="3"><v>-3.5</v></c></row>', styles: STYLES }))[0]![4]!;
    expect(got).toMatchObject({ kind: 'error', code: 'ROW_DATE_NEGATIVE' });
    expect(problemOf(parseTime(got, 'Asia/Shanghai'))).toEqual({
      code: 'ROW_DATE_NEGATIVE',
      expected: expect.any(Object),
      got: {
        en: 'the negative number -3.5 in the date-formatted cell E2 of sheet "数据", which Excel shows as ######## (no date comes before 1900-01-01)',
        zh: '工作表 "数据" 的单元格 E2 设置为日期格式，却是负数 -3.5，Excel 显示为 ########（1900-01-01 之前没有日期）',
      },
      fix: {
        en: 'type the date and time again, e.g. 2024-03-01 14:00',
        zh: '重新填写日期和时刻，例如 2024-03-01 14:00',
      },
    });
  });

  it('reads format 46 [h]:mm:ss as a duration: shown as Excel shows it, refused in a time column', async () => {
    const got = (await cells({ rows: '<row r="1"><c r="A1" s="2"><v>1.5</v></c></row>', styles: STYLES }))[0]![0]!;
    expect(got).toEqual({ kind: 'number', value: 1.5, raw: '1.5', duration: true });
    expect(cellText(got)).toBe('36:00:00');
    expect(cellText({ kind: 'number', value: 1 / 16, duration: true })).toBe('1:30:00');
    expect(problemOf(parseTime(got, 'Asia/Shanghai'))).toMatchObject({
      code: 'ROW_TIME_DURATION',
      got: { en: "36:00:00, a length of time (the cell's format [h]:mm:ss counts elapsed hours), not a moment" },
      fix: {
        en: 'type the start date and time, and format the cell as a date and time (yyyy-mm-dd hh:mm), not [h]:mm:ss',
      },
    });
  });

  it('reads t="d" cells holding only a time as a time of day, refused in a time column for want of a date', async () => {
    const got = await cells({
      rows: '<row r="1"><c r="A1" t="d"><v>T14:30:00</v></c><c r="B1" t="d"><v>09:05</v></c><c r="C1" t="d"><v>2024-03-01T14:30:00</v></c></row>',
    });
    expect(got[0]!.map(cellText)).toEqual(['14:30:00', '09:05:00', '2024-03-01 14:30:00']);
    expect(got[0]![0]).toMatchObject({ kind: 'date', timeOnly: true, wall: { hour: 14, minute: 30 } });
    expect(problemOf(parseTime(got[0]![0], 'Asia/Shanghai'))).toMatchObject({
      code: 'ROW_TIME_NO_DATE',
      got: { en: 'the time of day 14:30:00 with no date' },
      fix: { en: 'type the date before the time, e.g. "2024-03-01 14:30:00"' },
    });
    // A number below 1 in a time format is the same: a time of day (Excel shows 1900-01-00 for its day).
    const serial = await cells({ rows: '<row r="1"><c r="A1" s="3"><v>0.5</v></c></row>', styles: STYLES });
    expect(cellText(serial[0]![0])).toBe('12:00:00');
  });
});

describe('numbers as Excel shows them in General format', () => {
  const number = (raw: string): Cell => ({ kind: 'number', value: Number(raw), raw });

  it('reads a typed 10.2, stored as 10.199999999999999, as 10.2 in a text column', () => {
    expect(parseText(number('10.199999999999999'), false)).toBe('10.2');
    expect(parseText(number('0.30000000000000004'), true)).toBe('0.3');
    expect(parseText(number('1.0000000000000001E-7'), true)).toBe('1E-07');
    // Whole numbers keep the digits the file holds.
    expect(parseText(number('7000000000000000001'), true)).toBe('7000000000000000001');
    expect(parseText(number('88'), true)).toBe('88');
  });

  it('still refuses an ID typed as a number', () => {
    expect(problemOf(parseId(number('7000000000000000001')))).toMatchObject({ code: 'ROW_ID_AS_NUMBER' });
  });

  it('sends 10.2 from a workbook whose dimension content cell holds 10.199999999999999', async () => {
    const at = (h: (typeof HEADER_EN)[number]) => `${String.fromCharCode(65 + HEADER_EN.indexOf(h))}2`;
    const rows = `${headerRow()}<row r="2">${text(at('external_interview_id'), ID1)}${text(at('external_application_id'), APP1)}${text(at('username'), 'u1')}${text(at('conclusion'), '通过')}${text(at('dimension_title'), '评分')}${text(at('assessment_type'), '3')}<c r="${at('dimension_content')}"><v>10.199999999999999</v></c></row>`;
    const file = await fileOf(zipOf(workbookMembers({ rows })));
    const plan = buildPlan(await readInput(file), 'Asia/Shanghai');
    const body = bodyOf(plan.interviews[0]!);
    expect(body?.interview_assessments?.[0]?.assessment_dimension_list?.[0]?.content).toBe('10.2');
  });
});

describe('workbooks Excel opens', () => {
  const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1"><v>3</v></c></row>';

  it('reads zip entries named with backslashes as the forward-slash names', async () => {
    const members = workbookMembers({ rows }).map((m) => ({ ...m, name: m.name.replaceAll('/', '\\') }));
    expect(await cellsOf(members)).toEqual([['甲', { kind: 'number', value: 3, raw: '3' }]]);
  });

  it('checks a backslash name as any other: the same part twice is refused', async () => {
    const members = workbookMembers({ rows });
    const twice = [...members, { name: 'xl\\worksheets\\sheet1.xml', data: members[3]!.data }];
    await expect(openWorkbook(await fileOf(zipOf(twice)))).rejects.toMatchObject({ code: 'XLSX_DUPLICATE_PART' });
  });

  it.each([
    [
      'UTF-16LE with a byte-order mark',
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')]),
    ],
    [
      'UTF-16BE with a byte-order mark',
      (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')]),
    ],
    ['UTF-16LE without one', (t: string) => iconv.encode(t, 'utf-16le')],
  ])('reads XML parts in %s', async (_, encode) => {
    const members = workbookMembers({
      rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>专业能力</t></is></c></row>',
      strings: '<si><t>面试官</t></si>',
    }).map((m) =>
      m.name.endsWith('sheet1.xml') || m.name.endsWith('sharedStrings.xml') || m.name === 'xl/workbook.xml'
        ? { ...m, data: encode(`<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${m.data}`) }
        : m,
    );
    expect(await cellsOf(members)).toEqual([['面试官', '专业能力']]);
  });

  it('reads whole-column and whole-row merges within the used range', async () => {
    const got = await cells({
      rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c><c r="B1" t="inlineStr"><is><t>k</t></is></c><c r="C1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>y</t></is></c></row>',
      afterRows: '<mergeCells count="2"><mergeCell ref="B:B"/><mergeCell ref="$3:$3"/></mergeCells>',
    });
    // B:B shows B1's value down the column, 3:3 shows A3's across the row, as far as the sheet holds cells.
    expect(got).toEqual([
      ['h', 'k', { kind: 'number', value: 1, raw: '1' }],
      ['x', 'k'],
      ['y', 'y', 'y'],
    ]);
  });
});

describe('CSV as Excel reads it', () => {
  it('reads a stray quote inside an unquoted cell as written, naming its line in a warning', async () => {
    const text = csv([
      [...HEADER_EN],
      row({ external_interview_id: ID1, external_application_id: APP1, dimension_content: 'ok' }),
    ]).concat(`${ID1},${APP1},,,,,,,u,通过,,纬度,3,,,,12"N 45"E,\r\n`);
    const parsed = parseCsvText(text, 'f.csv');
    expect(parsed.records[2]!.cells[16]).toBe('12"N 45"E');
    expect(parsed.strayQuotes).toEqual({ lines: [3], count: 1 });
    const file = join(await tempDir(), 'quotes.csv');
    await writeFile(file, text);
    const table = await readInput(file);
    expect(table.warnings).toContainEqual({
      code: 'INPUT_STRAY_QUOTES',
      message: `a quote inside a cell that does not start with one (as in 12"N) was read as written, as Excel reads it, on line(s) 3 of ${file}: check those cells; to be sure, quote the whole cell and double the quote ("12""N")`,
      lines: [3],
      count: 1,
    });
  });

  it('still refuses text after a closing quote, which Excel and csv-parse read differently', () => {
    expect(() => parseCsvText('a,b\n1,"4"x\n', 'f.csv')).toThrow(
      expect.objectContaining({
        code: 'CSV_INVALID_CLOSING_QUOTE',
        message: expect.stringContaining('line 2 of f.csv (text "x" after the closing quote of a quoted cell)'),
      }),
    );
  });

  it.each([
    ['semicolon', ';', 'semicolon (detected)'],
    ['tab', '\t', 'tab (detected)'],
  ])('detects a %s-separated file from its header line and says so', async (_, sep, said) => {
    const lines = [
      [...HEADER_EN],
      row({ external_interview_id: ID1, external_application_id: APP1, assessment_content: 'gut, sehr gut' }),
    ];
    const file = join(await tempDir(), 'sep.csv');
    await writeFile(file, lines.map((l) => l.join(sep)).join('\r\n'));
    const table = await readInput(file);
    expect(table.delimiter).toBe(said);
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual([ID1, APP1]);
    expect(table.rows[0]!.cells[columnNumber('assessment_content') - 1]).toBe('gut, sehr gut');
  });

  it('takes the separator the header line holds most of: a header cell may hold a comma', () => {
    const parsed = parseCsvText('Name;Bewertung, gesamt;Datum\nA;1,5;x\n', 'f.csv');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.records[1]!.cells).toEqual(['A', '1,5', 'x']);
  });

  it('takes --delimiter over the header line', async () => {
    const file = join(await tempDir(), 'forced.csv');
    await writeFile(file, `${HEADER_EN.join('|')}\n${ID1}|${APP1}\n`);
    const table = await readInput(file, { delimiter: '|' });
    expect(table.delimiter).toBe('bar (|)');
    expect(table.rows[0]!.cells).toEqual([ID1, APP1]);
  });
});

describe('encodings', () => {
  it('refuses a Windows-1252 file with two adjacent accented letters, quoting where the readings differ', () => {
    const header = 'external_interview_id,external_application_id,dimension_content';
    const line = `${ID1},${APP1},"Avaliação de comunicação: Acentuação1"`;
    const bytes = iconv.encode(`${header}\r\n${line}\r\n`, 'windows-1252');
    expect(() => decodeCsvBytes(bytes, 'pt.csv')).toThrow(
      expect.objectContaining({
        code: 'CSV_ENCODING_UNSURE',
        context: { file: 'pt.csv', row: 2 },
        message: expect.stringContaining(
          'line 2 reads "...0663240925956437,\\"Avalia玢o de comunica玢o: Acentua玢o1\\"" as GB18030 and "...0663240925956437,\\"Avaliação de comunicação: Acentuação1\\"" as Windows-1252',
        ),
      }),
    );
    // With --encoding the choice is the user's.
    expect(decodeCsvBytes(bytes, 'pt.csv', 'windows-1252').content.toString()).toContain('Acentuação1');
  });

  it('still reads a real GBK file as GBK', () => {
    const chinese = [
      '外部面试ID,外部投递ID,面试官,面试结论,维度名称,评价内容',
      `${ID1},${APP1},张伟,通过,专业能力,"基础扎实，表达清楚；建议二面（技术深度）。"`,
      `${ID1},${APP1},欧阳娜娜,待定,沟通表达,思路清晰、反应快`,
    ].join('\r\n');
    const d = decodeCsvBytes(iconv.encode(chinese, 'gbk'), 'zh.csv');
    expect(d).toEqual({ content: Buffer.from(chinese), encoding: 'gb18030', how: 'detected' });
  });
});
