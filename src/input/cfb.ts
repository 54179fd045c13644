import type { FileHandle } from 'node:fs/promises';

/** An OLE compound file starts with these 8 bytes (MS-CFB 2.2): an old .xls, or an encrypted workbook. */
export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Streams an encrypted OOXML package holds beside each other (MS-OFFCRYPTO 2.3.4.1); an .xls holds "Workbook". */
const ENCRYPTION_STREAMS = new Set(['EncryptionInfo', 'EncryptedPackage']);

/**
 * Directory sectors followed at most: 128 of 512 bytes hold 512 entries, and an encrypted
 * workbook has about 10 (Excel 365: Root Entry, \u0006DataSpaces and its 5 children,
 * EncryptionInfo, EncryptedPackage).
 */
const MAX_DIRECTORY_SECTORS = 128;

const END_OF_CHAIN = 0xfffffffe;

/**
 * Whether a compound file is a password-protected workbook: its directory (a chain of sectors
 * through the FAT, MS-CFB 2.6) names an `EncryptionInfo` or `EncryptedPackage` stream. Only the
 * first 109 FAT sectors (those the header lists) are followed: they map the first 6.8 MB of a file
 * with 512-byte sectors, where every writer puts the directory.
 */
export async function isEncryptedPackage(handle: FileHandle, size: number): Promise<boolean> {
  const header = Buffer.alloc(512);
  await handle.read(header, 0, 512, 0);
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return false;
  const sectorSize = 1 << shift;
  const sector = async (n: number): Promise<Buffer | undefined> => {
    const at = (n + 1) * sectorSize;
    if (at + sectorSize > size) return undefined;
    const buffer = Buffer.alloc(sectorSize);
    await handle.read(buffer, 0, sectorSize, at);
    return buffer;
  };
  const next = async (n: number): Promise<number> => {
    const perSector = sectorSize / 4;
    const fatIndex = Math.floor(n / perSector);
    if (fatIndex >= 109) return END_OF_CHAIN;
    const fat = await sector(header.readUInt32LE(0x4c + fatIndex * 4));
    return fat ? fat.readUInt32LE((n % perSector) * 4) : END_OF_CHAIN;
  };
  let at = header.readUInt32LE(0x30);
  for (let seen = 0; seen < MAX_DIRECTORY_SECTORS && at < END_OF_CHAIN; seen++) {
    const directory = await sector(at);
    if (!directory) return false;
    for (let entry = 0; entry + 128 <= directory.length; entry += 128) {
      const nameBytes = Math.min(64, directory.readUInt16LE(entry + 0x40));
      const name = directory.toString('utf16le', entry, entry + Math.max(0, nameBytes - 2));
      if (ENCRYPTION_STREAMS.has(name)) return true;
    }
    at = await next(at);
  }
  return false;
}
