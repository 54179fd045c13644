import { INPUT } from './messages.js';
import { say } from '../messages.js';
import { open } from 'node:fs/promises';
import { ToolError } from '../errors.js';

/**
 * The largest CSV file read: Excel's 1,048,576 rows (its specifications and limits) at 1 KiB a
 * row, five times the 200 bytes of a template row with a paragraph of comments. A larger file
 * is no sheet a person edits, and its rows would not fit in memory beside their cells.
 */
export const MAX_CSV_BYTES = 1_048_576 * 1024;

/** Bytes as people read sizes: 3.15 GB, 1 GiB. */
function size(bytes: number): string {
  if (bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30} GiB`;
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * The file's bytes, read a piece at a time into one buffer of its size once that size is
 * checked: `readFile` refuses files past 2 GiB with an error that is no message for a person.
 */
export async function readCsvFile(file: string, bytes: number): Promise<Buffer> {
  if (bytes > MAX_CSV_BYTES) {
    throw new ToolError(
      'INPUT_TOO_LARGE',
      say(INPUT.csvTooLarge({ file, size: size(bytes), max: size(MAX_CSV_BYTES) })),
      { file },
    );
  }
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(bytes);
    let filled = 0;
    // A file that shrank while being read ends where the reads end.
    while (filled < bytes) {
      const { bytesRead } = await handle.read(buffer, filled, Math.min(bytes - filled, 16 * 1024 * 1024), filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes ? buffer : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
