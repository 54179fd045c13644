import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/input/xlsx.js';
import { readSharedStrings } from '../../src/input/xlsx-strings.js';
import { isDateFormat } from '../../src/input/xlsx-styles.js';
import { ZipArchive } from '../../src/input/zip.js';
import { tempDir, zip } from '../helpers.js';

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  sheet: string;
  strings?: string;
  styles?: string;
  workbookExtra?: string;
  declaredStrings?: number;
}

/** The smallest workbook a reader must accept: one sheet, optional strings and styles parts. */
async function handMade(parts: Parts): Promise<string> {
  const entries = [
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook ${NS}>${parts.workbookExtra ?? ''}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet ${NS}><sheetData>${parts.sheet}</sheetData></worksheet>` },
    ...(parts.strings === undefined
      ? []
      : [{ name: 'xl/sharedStrings.xml', data: `<sst ${NS}>${parts.strings}</sst>`, declared: parts.declaredStrings }]),
    ...(parts.styles === undefined
      ? []
      : [{ name: 'xl/styles.xml', data: `<styleSheet ${NS}>${parts.styles}</styleSheet>` }]),
  ];
  const file = join(await tempDir(), 'hand.xlsx');
  await writeFile(file, zip(entries));
  return file;
}

async function cells(parts: Parts): Promise<unknown[][]> {
  const wb = await openWorkbook(await handMade(parts));
  try {
    return (await wb.read(wb.sheets[0]!)).rows.map((r) => r.cells);
  } finally {
    await wb.close();
  }
}

describe('cell forms', () => {
  it('reads shared strings: rich runs joined, phonetic guides left out, _xHHHH_ escapes decoded, entities decoded once', async () => {
    const strings = [
      '<si><t>plain</t></si>',
      '<si><r><t>面</t></r><r><rPr><b/></rPr><t xml:space="preserve">试 官</t></r></si>',
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>',
      '<si><t>第一行_x000D_\n第二行 _x005F_x0041_</t></si>',
      '<si><t>A&amp;amp;B &lt;b&gt;</t></si>',
    ].join('');
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>';
    expect(await cells({ sheet, strings })).toEqual([
      ['plain', '面试 官', '東京', '第一行\r\n第二行 _x0041_', 'A&amp;B <b>'],
    ]);
  });

  it('reads pretty-printed inline strings without the layout white space, and prefixed element names', async () => {
    const sheet = `<row r="1">
        <c r="A1" t="inlineStr">
          <is>
            <r><t>基础</t></r>
            <r><t xml:space="preserve"> 扎实 </t></r>
          </is>
        </c>
        <x:c r="B1" t="inlineStr" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:is><x:t>x</x:t></x:is></x:c>
      </row>`;
    expect(await cells({ sheet })).toEqual([['基础 扎实 ', 'x']]);
  });

  it('places cells without r attributes after the one before, and rows after the row before', async () => {
    const sheet =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>';
    const wb = await openWorkbook(await handMade({ sheet }));
    const { rows } = await wb.read(wb.sheets[0]!);
    await wb.close();
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['', '', { kind: 'number', value: 3, raw: '3' }, { kind: 'number', value: 4, raw: '4' }] },
    ]);
  });

  it('keeps a formula result of 0 and of text stored as a shared string, and refuses a formula with no result', async () => {
    const sheet =
      '<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="s"><f>"a"&amp;"b"</f><v>0</v></c><c r="C1" t="str"><f>A1&amp;""</f></c></row>';
    expect(await cells({ sheet, strings: '<si><t>ab</t></si>' })).toEqual([
      [
        { kind: 'number', value: 0, raw: '0' },
        'ab',
        {
          kind: 'error',
          error:
            'a formula with no saved result in cell C1 of sheet "数据"; open the file in Excel or WPS and save it again, or paste the values in place of the formula',
        },
      ],
    ]);
  });

  it('does not trust saved formula results of a workbook that asks to be recalculated on open', async () => {
    const wb = await openWorkbook(
      await handMade({
        sheet: '<row r="1"><c r="A1"><f>1+1</f><v>0</v></c><c r="B1"><v>5</v></c></row>',
        workbookExtra: '',
      }),
    );
    await wb.close();
    expect(wb.recalcOnLoad).toBe(false);
    const stale = await cells({
      sheet: '<row r="2"><c r="A2"><f>1+1</f><v>0</v></c><c r="B2"><v>5</v></c></row>',
      workbookExtra: '<calcPr fullCalcOnLoad="1"/>',
    });
    expect(stale[0]![0]).toMatchObject({
      kind: 'error',
      error: expect.stringContaining('a formula whose saved result may be stale in cell A2 of sheet "数据"'),
    });
    expect(stale[0]![1]).toEqual({ kind: 'number', value: 5, raw: '5' });
  });

  it('turns error cells, booleans, ISO date cells and unknown shared strings into what they are', async () => {
    const sheet =
      '<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="d"><v>2024-03-01T14:30:00</v></c><c r="D1" t="s"><v>7</v></c></row>';
    expect(await cells({ sheet, strings: '<si><t>only</t></si>' })).toEqual([
      [
        { kind: 'error', error: '#N/A' },
        'TRUE',
        { kind: 'date', wall: { year: 2024, month: 3, day: 1, hour: 14, minute: 30, second: 0, millisecond: 0 } },
        {
          kind: 'error',
          error:
            'a shared string the workbook does not hold (number 7) in cell D1 of sheet "数据"; open the file in Excel or WPS and save it again',
        },
      ],
    ]);
  });

  it('reads numbers in the built-in Chinese date formats, custom date formats and the 1904 date system as dates', async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-804]yyyy\\年m\\月d&quot;日 &quot;hh:mm"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="58"/><xf numFmtId="176"/><xf numFmtId="49"/></cellXfs>';
    const sheet =
      '<row r="1"><c r="A1" s="1"><v>45352.583333333336</v></c><c r="B1" s="2"><v>45352.5</v></c><c r="C1" s="3"><v>45352.75</v></c><c r="D1" s="4"><v>45352</v></c><c r="E1"><v>45352</v></c></row>';
    const wall = (hour: number) => ({
      kind: 'date',
      wall: { year: 2024, month: 3, day: 1, hour, minute: 0, second: 0, millisecond: 0 },
    });
    expect(await cells({ sheet, styles })).toEqual([
      [
        wall(14),
        wall(12),
        wall(18),
        { kind: 'number', value: 45352, raw: '45352' },
        { kind: 'number', value: 45352, raw: '45352' },
      ],
    ]);
    const in1904 = await cells({
      sheet: '<row r="1"><c r="A1" s="1"><v>43890.5</v></c></row>',
      styles,
      workbookExtra: '<workbookPr date1904="1"/>',
    });
    expect(in1904).toEqual([[wall(12)]]);
  });
});

describe('damaged XML', () => {
  it('makes the workbook unreadable, naming the part, rather than failing inside', async () => {
    const wb = await openWorkbook(await handMade({ sheet: '<row r="1"><c r="A1"><v>1</v></row>' }));
    await expect(wb.read(wb.sheets[0]!)).rejects.toMatchObject({
      code: 'XLSX_UNREADABLE',
      message: expect.stringContaining('sheet "数据" is not well-formed XML'),
    });
    await wb.close();
    await expect(openWorkbook(await handMade({ sheet: '', strings: '<si><t>open' }))).rejects.toMatchObject({
      code: 'XLSX_UNREADABLE',
      message: expect.stringContaining('the shared strings is not well-formed XML'),
    });
  });
});

describe('isDateFormat', () => {
  it.each([
    ['yyyy-mm-dd hh:mm', true],
    ['yyyy"年"m"月"d"日"', true],
    ['上午/下午h"时"mm"分"', true],
    ['[$-804]yyyy\\年m\\月d"日 "hh:mm', true],
    ['General', false],
    ['0.00E+00', false],
    ['"¥"#,##0.00;[Red]-"¥"#,##0.00', false],
    ['@', false],
    ['[h]:mm', false],
    ['#,##0_);(#,##0)', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});

describe('zip guard', () => {
  it('refuses a sheet that inflates far past what the directory says, counting the bytes that come out', async () => {
    const sheet = `<row r="1"><c r="A1" t="inlineStr"><is><t>${' '.repeat(60 * 1024 * 1024)}</t></is></c></row>`;
    const file = join(await tempDir(), 'lying.xlsx');
    const parts = zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        data: `<worksheet ${NS}><sheetData>${sheet}</sheetData></worksheet>`,
        declared: 1000,
      },
    ]);
    await writeFile(file, parts);
    const archive = await ZipArchive.open(file);
    try {
      const consume = async () => {
        for await (const _ of archive.chunks(archive.find('xl/worksheets/sheet1.xml')!));
      };
      await expect(consume()).rejects.toMatchObject({
        code: 'XLSX_TOO_LARGE',
        message: expect.stringContaining(
          'xl/worksheets/sheet1.xml inflates more than 500-fold, past 50 MB (its directory says 1 KB)',
        ),
      });
    } finally {
      await archive.close();
    }
  });

  it('caps the shared strings by the bytes they inflate to, whatever the directory says', async () => {
    const strings = Array.from({ length: 2000 }, (_, i) => `<si><t>面试评价 ${i}</t></si>`).join('');
    const file = await handMade({ sheet: '', strings, declaredStrings: 10 });
    const archive = await ZipArchive.open(file);
    try {
      const part = archive.find('xl/sharedStrings.xml')!;
      await expect(readSharedStrings(archive, part, 16 * 1024)).rejects.toMatchObject({
        code: 'XLSX_TOO_LARGE',
        message: expect.stringContaining('xl/sharedStrings.xml inflates past 16 KB'),
      });
      expect((await readSharedStrings(archive, part)).strings).toHaveLength(2000);
    } finally {
      await archive.close();
    }
  });
});
