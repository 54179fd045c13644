import { INPUT, say } from '../catalogue.js';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ToolError } from '../errors.js';

/** One member of a zip archive, as its central directory describes it (PKWARE APPNOTE 4.3.12). */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  /** What the directory claims: a hostile file can lie here, so inflation counts the real bytes. */
  readonly declared: number;
  readonly headerOffset: number;
}

/**
 * Limits on what a workbook may inflate to. Real sheets compress about 8:1 (the 100,000-row
 * benchmark workbook: 7.9:1; the small ones in test/fixtures/writers: 1.4-3.7:1), so a member
 * that inflates more than 500-fold past 50 MB is a zip bomb; and no workbook this tool reads needs
 * more than 1 GiB of XML in all.
 */
const ZIP_LIMITS = { totalBytes: 1024 ** 3, bombRatio: 500, bombMinBytes: 50 * 1024 ** 2 } as const;

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
  async *chunks(entry: ZipEntry, maxBytes: number = ZIP_LIMITS.totalBytes): AsyncGenerator<Buffer> {
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
        this.check(entry, inflated, maxBytes);
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
  async text(entry: ZipEntry, maxBytes?: number): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(entry, maxBytes)) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  }

  private check(entry: ZipEntry, inflated: number, maxBytes: number): void {
    const { bombRatio, bombMinBytes, totalBytes } = ZIP_LIMITS;
    if (inflated > bombMinBytes && inflated > entry.compressed * bombRatio) {
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

async function readDirectory(handle: FileHandle, file: string): Promise<ZipEntry[]> {
  const { size } = await handle.stat();
  if (size === 0) throw new ToolError('INPUT_EMPTY', say(INPUT.emptyWorkbook(file)), { file });
  const head = Buffer.alloc(4);
  await handle.read(head, 0, 4, 0);
  // Every .xlsx is a zip archive, which starts with the local file header "PK\3\4".
  if (size < 4 || head.readUInt32LE(0) !== 0x04034b50) {
    throw new ToolError('XLSX_NOT_A_WORKBOOK', say(INPUT.notWorkbook(file)), { file });
  }
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) throw unreadable(file, 'the zip directory at its end is missing');
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  // 0xFFFFFFFF marks zip64: an archive over 4 GB, which no workbook this tool reads is.
  if (cdOffset === 0xffffffff || cdSize === 0xffffffff) throw tooLarge(file, 'it is a zip64 archive (over 4 GB)');
  if (cdOffset + cdSize > size) throw unreadable(file, 'the zip directory points past the end of the file');
  const cd = Buffer.alloc(cdSize);
  await handle.read(cd, 0, cdSize, cdOffset);
  return parseDirectory(cd);
}

function parseDirectory(cd: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= cd.length && cd.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = cd.readUInt16LE(at + 28);
    entries.push({
      method: cd.readUInt16LE(at + 10),
      compressed: cd.readUInt32LE(at + 20),
      declared: cd.readUInt32LE(at + 24),
      headerOffset: cd.readUInt32LE(at + 42),
      name: cd.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
  return entries;
}
