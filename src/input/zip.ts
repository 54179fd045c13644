import { INPUT } from './messages.js';
import { type Pair, say } from '../messages.js';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ToolError } from '../errors.js';
import { CFB_MAGIC, isEncryptedPackage } from './cfb.js';
import { quoteName } from './printable.js';

/** One member of a zip archive, as its central directory describes it (PKWARE APPNOTE 4.3.12). */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  /** What the directory claims: a hostile file can lie here, so inflation counts the real bytes. */
  readonly declared: number;
  readonly headerOffset: number;
  /** General purpose bit flag: bit 0 marks an encrypted member (APPNOTE 4.4.4). */
  readonly flags: number;
}

/** How one member may inflate: at most `maxBytes`, and `small` parts get the ratio check from 1 MiB on. */
export interface InflateLimits {
  readonly maxBytes?: number;
  readonly small?: boolean;
}

/**
 * Limits on what a workbook may inflate to. Real sheets compress about 8:1 (the 100,000-row
 * benchmark workbook: 7.9:1; the small ones in test/fixtures/writers: 1.4-3.7:1), so a member
 * that inflates more than 500-fold past 50 MB is a zip bomb; and no workbook this tool reads needs
 * more than 1 GiB of XML in all. The small parts (workbook, relationships, styles, shared
 * strings: 1.7-7.6:1 in the same files) get the ratio check from 1 MiB on.
 *
 * The directory itself is read whole: a workbook of 1,000 sheets has about 3,000 members and a
 * directory of 300 KB, so 100,000 members or 16 MiB of directory is not a workbook.
 */
const ZIP_LIMITS = {
  totalBytes: 1024 ** 3,
  bombRatio: 500,
  bombMinBytes: 50 * 1024 ** 2,
  smallBombMinBytes: 1024 ** 2,
  entries: 100_000,
  directoryBytes: 16 * 1024 ** 2,
} as const;

/** An open archive: its directory, and a running count of the bytes inflated from it. */
export class ZipArchive {
  private inflatedTotal = 0;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(file: string): Promise<ZipArchive> {
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      throw new ToolError('INPUT_UNREADABLE', say(INPUT.unreadable({ code: error.code ?? 'an error', file })), {
        file,
      });
    });
    try {
      const entries = await readDirectory(handle, file);
      checkDeclared(entries, file);
      checkNames(entries, file);
      if (entries.some((e) => (e.flags & 1) === 1)) throw encrypted(file);
      return new ZipArchive(file, handle, new Map(entries.map((e) => [e.name, e])));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** The entry at a part name, ignoring a leading slash and letter case (writers differ in both). */
  find(name: string): ZipEntry | undefined {
    const wanted = name.replace(/^\/+/, '');
    const exact = this.entries.get(wanted);
    if (exact) return exact;
    const lower = wanted.toLowerCase();
    for (const [key, entry] of this.entries) if (key.toLowerCase() === lower) return entry;
    return undefined;
  }

  /**
   * Inflates one member chunk by chunk, counting the bytes that actually come out (the sizes in
   * the directory can lie). `maxBytes` caps this member; the archive's total is capped too.
   * Breaking out of the loop stops reading the file.
   */
  async *chunks(entry: ZipEntry, limits: InflateLimits = {}): AsyncGenerator<Buffer> {
    if (entry.compressed === 0) return;
    const start = await this.dataOffset(entry);
    const raw = Readable.from(this.range(start, entry.compressed), { objectMode: false });
    // Deflate (8) or stored (0) are what every xlsx writer uses (ECMA-376 Part 2, 8.3).
    if (entry.method !== 0 && entry.method !== 8)
      throw this.unreadable(`${entry.name} uses compression method ${entry.method}`);
    const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: 128 * 1024 }));
    raw.on('error', (error) => source.destroy(error));
    let inflated = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        this.inflatedTotal += chunk.length;
        this.check(entry, inflated, limits);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ToolError) throw error;
      throw this.unreadable(`${entry.name}: ${(error as Error).message}`);
    } finally {
      raw.destroy();
      source.destroy();
    }
  }

  /** The raw bytes of a range, in reads of 256 KiB (positional reads: several members may be open at once). */
  private async *range(start: number, length: number): AsyncGenerator<Buffer> {
    for (let at = 0; at < length; ) {
      const size = Math.min(256 * 1024, length - at);
      const { bytesRead, buffer } = await this.handle.read(Buffer.allocUnsafe(size), 0, size, start + at);
      if (bytesRead === 0) throw this.unreadable('it ends in the middle of a member');
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
      at += bytesRead;
    }
  }

  /** A whole member as text: for the small parts (workbook, relationships, styles, strings). */
  private check(entry: ZipEntry, inflated: number, limits: InflateLimits): void {
    const { bombRatio, totalBytes } = ZIP_LIMITS;
    const maxBytes = limits.maxBytes ?? totalBytes;
    const floor = limits.small ? ZIP_LIMITS.smallBombMinBytes : ZIP_LIMITS.bombMinBytes;
    if (inflated > floor && inflated > entry.compressed * bombRatio) {
      throw tooLarge(
        this.file,
        `${entry.name} inflates more than ${bombRatio}-fold, past ${mb(inflated)} (its directory says ${mb(entry.declared)})`,
      );
    }
    if (inflated > maxBytes) throw tooLarge(this.file, `${entry.name} inflates past ${mb(maxBytes)}`);
    if (this.inflatedTotal > totalBytes) throw tooLarge(this.file, `it inflates past ${mb(totalBytes)}`);
  }

  /** The data follows the member's local header, whose name and extra field lengths may differ from the directory's (APPNOTE 4.3.7). */
  private async dataOffset(entry: ZipEntry): Promise<number> {
    const header = Buffer.alloc(30);
    const { bytesRead } = await this.handle.read(header, 0, 30, entry.headerOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50)
      throw this.unreadable(`the local header of ${entry.name} is missing`);
    return entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }

  unreadable(detail: string): ToolError {
    return unreadable(this.file, detail);
  }
}

/** A bomb that states its sizes honestly is refused before anything is inflated. */
function checkDeclared(entries: readonly ZipEntry[], file: string): void {
  const { bombRatio, bombMinBytes, totalBytes } = ZIP_LIMITS;
  let total = 0;
  for (const e of entries) {
    total += e.declared;
    if (e.declared > bombMinBytes && e.declared > e.compressed * bombRatio) {
      throw tooLarge(
        file,
        `${e.name} inflates ${Math.round(e.declared / Math.max(1, e.compressed))}-fold to ${mb(e.declared)}`,
      );
    }
  }
  if (total > totalBytes) throw tooLarge(file, `it inflates to ${mb(total)}`);
}

const mb = (n: number) => (n < 1024 ** 2 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 ** 2).toFixed(0)} MB`);

function tooLarge(file: string, why: string): ToolError {
  return new ToolError('XLSX_TOO_LARGE', say(INPUT.tooLarge({ why, file })), { file });
}

export function unreadable(file: string, detail: string): ToolError {
  return new ToolError('XLSX_UNREADABLE', say(INPUT.damaged({ detail, file })), { file });
}

/** What the end of the archive says about its directory (APPNOTE 4.3.16, and 4.3.14 for zip64). */
interface DirectoryPlace {
  readonly size: number;
  readonly offset: number;
}

async function readDirectory(handle: FileHandle, file: string): Promise<ZipEntry[]> {
  const { size } = await handle.stat();
  if (size === 0) throw new ToolError('INPUT_EMPTY', say(INPUT.emptyWorkbook(file)), { file });
  const head = Buffer.alloc(8);
  await handle.read(head, 0, 8, 0);
  if (size >= 8 && head.equals(CFB_MAGIC)) {
    // An OLE compound file: an old .xls, or a workbook saved with a password (MS-OFFCRYPTO 2.3.4.1).
    if (await isEncryptedPackage(handle, size)) throw encrypted(file);
    throw new ToolError('XLSX_NOT_A_WORKBOOK', say(INPUT.notWorkbook(file)), { file });
  }
  // Every .xlsx is a zip archive, which starts with the local file header "PK\3\4".
  if (size < 4 || head.readUInt32LE(0) !== 0x04034b50) {
    throw new ToolError('XLSX_NOT_A_WORKBOOK', say(INPUT.notWorkbook(file)), { file });
  }
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) throw unreadable(file, 'the zip directory at its end is missing');
  let place: DirectoryPlace = { size: tail.readUInt32LE(eocd + 12), offset: tail.readUInt32LE(eocd + 16) };
  // 0xFFFFFFFF marks zip64: the real values are in the zip64 end record, which a locator just before points to.
  if (place.offset === 0xffffffff || place.size === 0xffffffff)
    place = await zip64Directory(handle, file, size - tailLength + eocd);
  if (place.size > ZIP_LIMITS.directoryBytes)
    throw overLimit(file, 'the zip directory', INPUT.limitDirectory, mb(ZIP_LIMITS.directoryBytes));
  if (place.offset + place.size > size) throw unreadable(file, 'the zip directory points past the end of the file');
  const cd = Buffer.alloc(place.size);
  await handle.read(cd, 0, place.size, place.offset);
  return parseDirectory(cd, file);
}

async function zip64Directory(handle: FileHandle, file: string, eocdAt: number): Promise<DirectoryPlace> {
  const locator = Buffer.alloc(20);
  if (eocdAt < 20) throw unreadable(file, 'its zip64 directory locator is missing');
  await handle.read(locator, 0, 20, eocdAt - 20);
  if (locator.readUInt32LE(0) !== 0x07064b50) throw unreadable(file, 'its zip64 directory locator is missing');
  const recordAt = safeNumber(locator.readBigUInt64LE(8), file);
  const record = Buffer.alloc(56);
  const { bytesRead } = await handle.read(record, 0, 56, recordAt);
  if (bytesRead < 56 || record.readUInt32LE(0) !== 0x06064b50)
    throw unreadable(file, 'its zip64 directory record is missing');
  return { size: safeNumber(record.readBigUInt64LE(40), file), offset: safeNumber(record.readBigUInt64LE(48), file) };
}

/** A zip64 size or offset: anything past 2^53 is past the file too. */
function safeNumber(value: bigint, file: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable(file, 'a zip64 size or offset is past any file');
  return Number(value);
}

function parseDirectory(cd: Buffer, file: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= cd.length && cd.readUInt32LE(at) === 0x02014b50; ) {
    if (entries.length >= ZIP_LIMITS.entries)
      throw overLimit(file, 'the zip directory', INPUT.limitMembers, ZIP_LIMITS.entries.toLocaleString('en'));
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const wide = zip64Fields(extra, file, {
      declared: cd.readUInt32LE(at + 24),
      compressed: cd.readUInt32LE(at + 20),
      headerOffset: cd.readUInt32LE(at + 42),
    });
    entries.push({
      method: cd.readUInt16LE(at + 10),
      flags: cd.readUInt16LE(at + 8),
      ...wide,
      name: partName(cd.toString('utf8', at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + cd.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * A member's name with forward slashes. APPNOTE 4.4.17.1 asks for them, but some generators write
 * `xl\worksheets\sheet1.xml` and Excel opens those files; the names are checked as any other.
 */
function partName(name: string): string {
  return name.includes('\\') ? name.replaceAll('\\', '/') : name;
}

interface MemberSizes {
  readonly declared: number;
  readonly compressed: number;
  readonly headerOffset: number;
}

/**
 * A member's sizes and offset: a field of 0xFFFFFFFF is in the zip64 extra field (id 1), in the
 * order uncompressed size, compressed size, header offset (APPNOTE 4.5.3).
 */
function zip64Fields(extra: Buffer, file: string, sizes: MemberSizes): MemberSizes {
  const wide = (v: number) => v === 0xffffffff;
  if (!wide(sizes.declared) && !wide(sizes.compressed) && !wide(sizes.headerOffset)) return sizes;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = (v: number) => {
        if (!wide(v)) return v;
        if (field + 8 > at + 4 + length || field + 8 > extra.length)
          throw unreadable(file, 'a zip64 field is cut short');
        const n = safeNumber(extra.readBigUInt64LE(field), file);
        field += 8;
        return n;
      };
      const declared = next(sizes.declared);
      const compressed = next(sizes.compressed);
      return { declared, compressed, headerOffset: next(sizes.headerOffset) };
    }
    at += 4 + length;
  }
  throw unreadable(file, 'a member marked zip64 has no zip64 field');
}

/**
 * Part names are compared without letter case (OPC, ECMA-376 Part 2, 9.1.1.1) and `find` falls
 * back to that: two members under one name would leave the choice to the order in the archive.
 */
function checkNames(entries: readonly ZipEntry[], file: string): void {
  const seen = new Set<string>();
  for (const e of entries) {
    const key = e.name.replace(/^\/+/, '').toLowerCase();
    if (seen.has(key))
      throw new ToolError('XLSX_DUPLICATE_PART', say(INPUT.duplicatePart({ name: quoteName(e.name), file })), { file });
    seen.add(key);
  }
}

function encrypted(file: string): ToolError {
  return new ToolError('XLSX_ENCRYPTED', say(INPUT.encrypted(file)), { file });
}

/** A limit of the format or the reader, named with the part it was found in. */
export function overLimit(file: string, part: string, what: (limit: string) => Pair, limit: string): ToolError {
  return new ToolError('XLSX_OVER_LIMIT', say(INPUT.overLimit({ what: what(limit), part, file })), { file });
}
