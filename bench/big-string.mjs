// The workbook of issue 26: one 30,000-character shared string referenced by every cell of
// 460 rows × 18 columns (23 KB on disk), and a CSV of the same shape (1.9 MB). Every cell is
// invalid or long text, so each one exercises the near-miss search and the message that
// quotes it. `node bench/big-string.mjs <out-dir>` writes both (needs `npm run build`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const HEADER = [
  'external_interview_id',
  'external_application_id',
  'external_id',
  'participate_status',
  'begin_time',
  'end_time',
  'assessment_no',
  'assessment_external_id',
  'username',
  'conclusion',
  'assessment_content',
  'dimension_title',
  'assessment_type',
  'score',
  'option',
  'options',
  'dimension_content',
  'dimension_description',
];
export const ROWS = Number(process.env.BIG_ROWS ?? 460);
/** Letters and Chinese words, so the value is neither ASCII-only nor one repeated character. */
export const LONG = Array.from({ length: 30_000 }, (_, i) => 'abcdefghij面试评价通过'[i % 15]).join('');

const column = (i) => String.fromCharCode(65 + i);

/** A zip archive of these members, deflated (APPNOTE 4.3: local headers, central directory, end record). */
function zipOf(members) {
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const [file, text] of members) {
    const name = Buffer.from(file);
    const data = Buffer.from(text);
    const packed = deflateRawSync(data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    directory.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export function writeBigStringXlsx(file) {
  const header = HEADER.map((h, i) => `<c r="${column(i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
  const rows = Array.from(
    { length: ROWS },
    (_, r) =>
      `<row r="${r + 2}">${HEADER.map((_, i) => `<c r="${column(i)}${r + 2}" t="s"><v>0</v></c>`).join('')}</row>`,
  ).join('');
  const bytes = zipOf([
    [
      '_rels/.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ['xl/workbook.xml', `<workbook ${NS}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    [
      'xl/worksheets/sheet1.xml',
      `<worksheet ${NS}><sheetData><row r="1">${header}</row>${rows}</sheetData></worksheet>`,
    ],
    [
      'xl/sharedStrings.xml',
      `<sst ${NS} count="${ROWS * HEADER.length}" uniqueCount="1"><si><t>${LONG}</t></si></sst>`,
    ],
  ]);
  writeFileSync(file, bytes);
}

/**
 * A 1.9 MB CSV of the same kind: 21 rows whose three enumeration cells (participate_status,
 * conclusion, assessment_type: the cells whose near-miss search compared every label against
 * the whole value) hold a 30,000-character value, the other cells a valid row's.
 */
export function writeBigStringCsv(file, rows = 21) {
  const long = 'x'.repeat(30_000);
  const enums = new Set(['participate_status', 'conclusion', 'assessment_type']);
  const valid = {
    external_interview_id: '7000000000000000001',
    external_application_id: '6960663240925956437',
    begin_time: '2024-03-01 14:00',
    end_time: '2024-03-01 15:00',
    username: '张三',
    dimension_title: '沟通',
    score: '88',
  };
  const lines = [HEADER.join(',')];
  for (let r = 0; r < rows; r++) lines.push(HEADER.map((h) => (enums.has(h) ? long : (valid[h] ?? ''))).join(','));
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? '.';
  writeBigStringXlsx(join(out, 'big-string.xlsx'));
  writeBigStringCsv(join(out, 'big-string.csv'));
}
