import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A zip archive written front to back (PKWARE APPNOTE 4.3): each member deflated as it comes,
 * its CRC and sizes in a data descriptor after it (flag bit 3), so a member of any size streams
 * without seeking back. Names are UTF-8 (bit 11). No ZIP64: a report past 4 GiB is refused.
 */
export class ZipWriter {
  private offset = 0;
  private readonly directory: Buffer[] = [];

  constructor(private readonly handle: FileHandle) {}

  /** A small member, deflated at once. */
  async add(name: string, content: string | Buffer): Promise<void> {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const deflated = deflateRawSync(data);
    await this.member(name, async (write) => {
      await write(deflated);
      return { crc: crc32(data), size: data.length, compressed: deflated.length };
    });
  }

  /** A large member, deflated chunk by chunk as `source` yields it. */
  async addStream(name: string, source: AsyncIterable<string> | Iterable<string>): Promise<void> {
    await this.member(name, async (write) => {
      let crc = 0;
      let size = 0;
      let compressed = 0;
      const counted = async function* () {
        for await (const text of source) {
          const chunk = Buffer.from(text, 'utf8');
          crc = crc32(chunk, crc);
          size += chunk.length;
          yield chunk;
        }
      };
      await pipeline(Readable.from(counted()), createDeflateRaw(), async (deflated: AsyncIterable<Buffer>) => {
        for await (const chunk of deflated) {
          compressed += chunk.length;
          await write(chunk);
        }
      });
      return { crc, size, compressed };
    });
  }

  private async member(
    name: string,
    body: (write: (b: Buffer) => Promise<void>) => Promise<{ crc: number; size: number; compressed: number }>,
  ): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    // CRC and sizes (14-25) stay 0: they follow the data, in the descriptor.
    local.writeUInt16LE(nameBytes.length, 26);
    await this.write(Buffer.concat([local, nameBytes]));
    const { crc, size, compressed } = await body((b) => this.write(b));
    if (size > MAX_32 || this.offset > MAX_32)
      throw new Error(`the report's ${name} is past 4 GiB, more than a zip without ZIP64 holds`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(FLAGS, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(start, 42);
    this.directory.push(central, nameBytes);
  }

  /** The central directory and its end record; the caller closes the file. */
  async finish(): Promise<void> {
    const at = this.offset;
    const directory = Buffer.concat(this.directory);
    await this.write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    const members = this.directory.length / 2;
    end.writeUInt16LE(members, 8);
    end.writeUInt16LE(members, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(at, 16);
    await this.write(end);
  }

  private async write(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) done += (await this.handle.write(bytes, done, bytes.length - done)).bytesWritten;
    this.offset += bytes.length;
  }
}

/** Bit 3: sizes in a data descriptor; bit 11: UTF-8 names. */
const FLAGS = 0x0808;
/** 1980-01-01 00:00, the earliest DOS date: a report's members carry no meaningful time. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_32 = 0xffffffff;
