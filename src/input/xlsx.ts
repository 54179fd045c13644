import { open } from 'node:fs/promises';
import { ToolError } from '../errors.js';
import { type Cell, type WallTime, isBlankCell } from './cells.js';

export interface XlsxSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Rows with at least one cell, in sheet order, merges already spread. */
  readonly rows: { row: number; cells: Cell[] }[];
}

/**
 * How a caller looks at a sheet while it streams: after the first few rows it says whether it
 * wants the rest (`keep`) or not (the sheet is then drained without storing rows).
 */
export type SheetFilter = (name: string, hidden: boolean, firstRows: readonly { row: number; cells: Cell[] }[]) => boolean;

/** Rows looked at to find a header row: a title or note above the header is allowed. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Streams a workbook with exceljs's `WorkbookReader`, keeping only sheets the filter wants.
 * The streaming reader skips `<mergeCells>` (they follow the rows in the sheet XML), so the raw
 * XML is watched on its way to the parser and the merges are spread once the sheet has ended.
 */
export async function readXlsx(file: string, keep: SheetFilter): Promise<XlsxSheet[]> {
  await checkZip(file);
  // Loaded on demand: exceljs takes a fifth of a second to load, which a CSV run need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    entries: 'emit',
    worksheets: 'emit',
    // Shared strings must be cached: most text cells are stored there.
    sharedStrings: 'cache',
    // Styles are needed to tell a date cell from a number cell (the number format decides).
    styles: 'cache',
    // A hyperlink cell keeps its shown text as its value; the link target is not ours to import.
    hyperlinks: 'ignore',
  });
  const sheets: XlsxSheet[] = [];
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as WorksheetReaderLike;
      const date1904 = Boolean((reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904);
      const merges: string[] = [];
      ws.iterator = watchMerges(ws.iterator, merges, file);
      const name = ws.name ?? `Sheet${ws.id}`;
      const hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
      const rows: { row: number; cells: Cell[] }[] = [];
      let wanted: boolean | undefined;
      for await (const row of ws) {
        if (wanted === false) continue;
        const cells = toCells(row, date1904);
        if (cells.length > 0) rows.push({ row: row.number, cells });
        if (wanted === undefined && rows.length >= HEADER_SEARCH_ROWS) wanted = keep(name, hidden, rows);
      }
      if (wanted === undefined) wanted = keep(name, hidden, rows);
      if (wanted) sheets.push({ name, hidden, rows: spreadMerges(rows, merges) });
    }
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw unreadable(file, error);
  }
  return sheets;
}

interface WorksheetReaderLike extends AsyncIterable<RowLike> {
  id: number;
  name?: string;
  state?: string;
  iterator: AsyncIterable<Buffer | string>;
}

interface RowLike {
  number: number;
  values: unknown[];
  getCell(col: number): { numFmt?: string };
}

/**
 * A workbook is a zip archive; a hostile one can claim gigabytes of XML in a few kilobytes (a
 * zip bomb). Real workbooks compress 5-20:1, so an entry that inflates more than 500-fold past
 * 50 MB, or a workbook over 1 GiB of XML, is refused before anything is inflated.
 */
const MAX_TOTAL_BYTES = 1024 ** 3;
const BOMB_RATIO = 500;
const BOMB_MIN_BYTES = 50 * 1024 ** 2;

async function checkZip(file: string): Promise<void> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ToolError('INPUT_UNREADABLE', `expected a readable file, got ${error.code ?? 'an error'} for ${file}: check the path`, { file });
  });
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new ToolError('INPUT_EMPTY', `expected an .xlsx workbook, got an empty file: ${file}`, { file });
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    // Every .xlsx is a zip archive, which starts with the local file header "PK\3\4".
    if (size < 4 || head.readUInt32LE(0) !== 0x04034b50) {
      throw new ToolError(
        'XLSX_NOT_A_WORKBOOK',
        `expected an .xlsx workbook (a zip archive), got something else in ${file}: an old .xls or a renamed file? Open it in Excel and save it as .xlsx or CSV UTF-8`,
        { file },
      );
    }
    const entries = await centralDirectory(handle, size);
    if (!entries) throw unreadable(file, new Error('the zip directory at its end is missing'));
    let total = 0;
    for (const e of entries) {
      total += e.uncompressed;
      if (e.uncompressed > BOMB_MIN_BYTES && e.uncompressed > e.compressed * BOMB_RATIO) throw tooLarge(file, `${e.name} inflates ${Math.round(e.uncompressed / Math.max(1, e.compressed))}-fold to ${mb(e.uncompressed)}`);
    }
    if (total > MAX_TOTAL_BYTES) throw tooLarge(file, `it inflates to ${mb(total)}`);
  } finally {
    await handle.close();
  }
}

const mb = (n: number) => `${(n / 1024 ** 2).toFixed(0)} MB`;

function tooLarge(file: string, why: string): ToolError {
  return new ToolError('XLSX_TOO_LARGE', `expected a workbook of ordinary size, got one where ${why} (${file}): it looks like a zip bomb or a damaged file; export the data again, or split it and save as CSV`, { file });
}

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The declared sizes of every entry, from the zip's central directory (PKWARE APPNOTE 4.3.12, 4.3.16). */
async function centralDirectory(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<ZipEntry[] | undefined> {
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return undefined;
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  // 0xFFFFFFFF means zip64: over 4 GB, which no workbook we read should be.
  if (cdOffset === 0xffffffff || cdSize === 0xffffffff) return [{ name: '(zip64)', compressed: 1, uncompressed: Number.MAX_SAFE_INTEGER }];
  if (cdOffset + cdSize > size) return undefined;
  const cd = Buffer.alloc(cdSize);
  await handle.read(cd, 0, cdSize, cdOffset);
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= cd.length && cd.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = cd.readUInt16LE(at + 28);
    entries.push({
      compressed: cd.readUInt32LE(at + 20),
      uncompressed: cd.readUInt32LE(at + 24),
      name: cd.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
  return entries;
}

function unreadable(file: string, error: unknown): ToolError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ToolError(
    'XLSX_UNREADABLE',
    `expected a complete .xlsx workbook, got one that cannot be read (${detail}) in ${file}: the file may be truncated or damaged; open it in Excel and save it again`,
    { file },
  );
}

/** Passes the sheet XML through untouched, collecting every `<mergeCell ref="A2:A5"/>` and counting bytes. */
async function* watchMerges(source: AsyncIterable<Buffer | string>, merges: string[], file: string): AsyncIterable<Buffer | string> {
  const marker = '<mergeCells';
  let inflated = 0;
  let pending: string | undefined; // text from the merge container on, not yet matched
  let tail = ''; // the end of the previous chunk, in case the marker is split across chunks
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    // The directory's sizes can lie; the bytes that actually come out cannot.
    inflated += buf.length;
    if (inflated > MAX_TOTAL_BYTES) throw tooLarge(file, `a sheet inflates past ${mb(MAX_TOTAL_BYTES)}`);
    yield chunk;
    if (pending === undefined) {
      // Merges only follow the rows: look cheaply until the container shows up.
      const at = buf.indexOf(marker);
      const joined = tail + buf.subarray(0, marker.length).toString('latin1');
      if (at >= 0) pending = buf.subarray(at).toString('latin1');
      else if (joined.includes(marker)) pending = joined.slice(joined.indexOf(marker)) + buf.subarray(marker.length).toString('latin1');
      else {
        tail = buf.subarray(Math.max(0, buf.length - marker.length)).toString('latin1');
        continue;
      }
    } else {
      pending += buf.toString('latin1');
    }
    pending = collect(pending, merges);
  }
}

function collect(text: string, merges: string[]): string {
  const re = /<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    merges.push(m[1]!);
    last = re.lastIndex;
  }
  return text.slice(last);
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function spreadMerges(rows: { row: number; cells: Cell[] }[], merges: readonly string[]): { row: number; cells: Cell[] }[] {
  if (merges.length === 0) return rows;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  for (const ref of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const [c1, r1, c2, r2] = [colNumber(m[1]!), Number(m[2]), colNumber(m[3]!), Number(m[4])];
    const value = byNumber.get(r1)?.cells[c1 - 1];
    if (value === undefined || value === '') continue;
    for (let r = r1; r <= r2; r++) {
      const row = byNumber.get(r);
      if (!row) continue;
      for (let c = c1; c <= c2; c++) {
        while (row.cells.length < c) row.cells.push('');
        row.cells[c - 1] = value;
      }
    }
  }
  return rows;
}

/** exceljs row values are 1-based; we keep 0-based cells and drop trailing blanks. */
function toCells(row: RowLike, date1904: boolean): Cell[] {
  const values = row.values;
  const cells: Cell[] = [];
  let lastNonBlank = -1;
  for (let col = 1; col < values.length; col++) {
    const cell = toCell(values[col], () => row.getCell(col).numFmt, date1904);
    cells.push(cell);
    if (!isBlankCell(cell)) lastNonBlank = col - 1;
  }
  cells.length = lastNonBlank + 1;
  return cells;
}

function toCell(value: unknown, numFmt: () => string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return { kind: 'date', wall: wallFromUtc(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.error === 'string') return { kind: 'error', error: v.error };
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return formulaResult(v.result, numFmt, date1904);
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

function formulaResult(result: unknown, numFmt: () => string | undefined, date1904: boolean): Cell {
  if (result === undefined || result === null) {
    return { kind: 'error', error: 'a formula with no saved result (open the file in Excel and save it again)' };
  }
  if (typeof result === 'number') {
    // The streaming reader turns an error result (#N/A) into NaN.
    if (Number.isNaN(result)) return { kind: 'error', error: 'a formula that evaluates to an error' };
    return isDateFormat(numFmt()) ? { kind: 'date', wall: serialToWall(result, date1904) } : { kind: 'number', value: result };
  }
  if (typeof result === 'object' && result && 'error' in result) return { kind: 'error', error: String((result as { error: unknown }).error) };
  return toCell(result, numFmt, date1904);
}

/** A number format shows a date when it has date or time letters outside quotes and brackets. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhs]/i.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial day numbers count from 1899-12-30 (or 1904-01-01); 25569 is 1970-01-01. */
function serialToWall(serial: number, date1904: boolean): WallTime {
  return wallFromUtc(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}

/** exceljs builds a date cell's Date so that its UTC fields are the wall clock Excel shows. */
function wallFromUtc(d: Date): WallTime {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}
