import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HEADER_EN, type ZipMember, tempDir, zip } from '../helpers.js';

/**
 * Builders of small hostile workbooks for the reader's tests and its fuzzing: any zip member,
 * flag or directory form (zip64, duplicates, encryption), and a compound file as Excel writes a
 * password-protected workbook or an old .xls.
 */

export const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type Member = ZipMember;

/** A zip archive of these members, deflated at level 1 unless a member says (test data here is large). */
export function zipOf(members: readonly Member[], options: { zip64?: boolean } = {}): Buffer {
  return zip(
    members.map((m) => ({ level: 1, ...m })),
    options,
  );
}

export interface Parts {
  /** The rows, inside `<sheetData>`. */
  readonly rows?: string;
  /** What follows `</sheetData>`: `<mergeCells>`, say. */
  readonly afterRows?: string;
  /** The whole sheet part, in place of the two above. */
  readonly sheetXml?: string;
  readonly strings?: string;
  readonly styles?: string;
  /** The `<sheet>` elements of the workbook part (default: one sheet "数据"). */
  readonly sheets?: string;
  /** What the workbook part holds before `<sheets>` (`<workbookPr date1904="1"/>`), and after it (`<extLst>`). */
  readonly workbookBefore?: string;
  readonly workbookAfter?: string;
}

/** The members of a one-sheet workbook, in the order Excel writes them. */
export function workbookMembers(parts: Parts): Member[] {
  const sheet =
    parts.sheetXml ?? `<worksheet ${NS}><sheetData>${parts.rows ?? ''}</sheetData>${parts.afterRows ?? ''}</worksheet>`;
  return [
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook ${NS}>${parts.workbookBefore ?? ''}<sheets>${parts.sheets ?? '<sheet name="数据" sheetId="1" r:id="rId1"/>'}</sheets>${parts.workbookAfter ?? ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ...(parts.strings === undefined
      ? []
      : [{ name: 'xl/sharedStrings.xml', data: `<sst ${NS}>${parts.strings}</sst>` }]),
    ...(parts.styles === undefined
      ? []
      : [{ name: 'xl/styles.xml', data: `<styleSheet ${NS}>${parts.styles}</styleSheet>` }]),
  ];
}

/** An inline-string cell. */
export function text(ref: string, value: string): string {
  const escaped = value.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escaped}</t></is></c>`;
}

/** The English template's header as row 1, inline strings. */
export function headerRow(): string {
  return `<row r="1">${HEADER_EN.map((h, i) => text(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
}

/** Writes bytes to a fresh temporary .xlsx (or any name). */
export async function fileOf(bytes: Buffer, name = 'hostile.xlsx'): Promise<string> {
  const file = join(await tempDir(), name);
  await writeFile(file, bytes);
  return file;
}

/**
 * A compound file (MS-CFB) of 512-byte sectors: the header, one directory sector naming these
 * streams (empty), and one FAT sector. Excel saves a password-protected workbook as one holding
 * EncryptionInfo and EncryptedPackage; an old .xls holds Workbook.
 */
export function compoundFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(0, 0x30);
  header.writeUInt32LE(0x1000, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 1 : 0xffffffff, 0x4c + i * 4);
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
    directory.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffe, 0);
  fat.writeUInt32LE(0xfffffffd, 4);
  return Buffer.concat([header, directory, fat]);
}

/** The long value of issue 26's workbook: letters and Chinese words, 30,000 characters. */
export const LONG_VALUE = Array.from({ length: 30_000 }, (_, i) => 'abcdefghij面试评价通过'[i % 15]).join('');

/**
 * Issue 26's 23 KB workbook: one 30,000-character shared string referenced by every cell of
 * `rows` rows × the template's columns, 18 in issue 26 (validating it once took minutes and 2.1 GB).
 */
export function longStringWorkbook(rows = 460): Buffer {
  const column = (i: number) => String.fromCharCode(65 + i);
  const body = Array.from(
    { length: rows },
    (_, r) =>
      `<row r="${r + 2}">${HEADER_EN.map((_, i) => `<c r="${column(i)}${r + 2}" t="s"><v>0</v></c>`).join('')}</row>`,
  ).join('');
  return zip(
    workbookMembers({
      rows: `${headerRow()}${body}`,
      strings: `<si><t>${LONG_VALUE}</t></si>`,
    }),
  );
}
