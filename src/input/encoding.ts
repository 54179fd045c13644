import { INPUT } from './messages.js';
import { say } from '../messages.js';
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { ToolError } from '../errors.js';
import { guessLegacyEncoding } from './encoding-guess.js';

/** iconv-lite is needed only for files that are not UTF-8: loaded on first use, not at start-up. */
const require = createRequire(import.meta.url);
let iconvModule: typeof import('iconv-lite') | undefined;
export const iconv = () => (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'));

export interface Decoded {
  /**
   * The text as UTF-8 bytes, BOM removed: csv-parse decodes each cell itself, and its record
   * positions are byte offsets into this buffer. Valid UTF-8 input is this buffer as it was read.
   */
  readonly content: Buffer;
  /** The encoding used, as a person would name it in `--encoding`. */
  readonly encoding: string;
  /** How it was chosen: a byte-order mark, `--encoding`, or a guess from the bytes. */
  readonly how: 'bom' | 'option' | 'detected';
}

/**
 * Chinese Excel saves "CSV" as GB18030/GBK unless the user picks "CSV UTF-8"; other tools write
 * UTF-8 with or without a BOM, and "Unicode text" is UTF-16 with a BOM. So: a BOM decides, else
 * strict UTF-8 if every byte sequence is valid, else GB18030 (a superset of GBK and GB2312) when
 * the bytes read as Chinese; bytes that may as well be Windows-1252 are refused (see
 * `guessLegacyEncoding`).
 */
export function decodeCsvBytes(bytes: Buffer, file: string, forced?: string): Decoded {
  if (forced) {
    const name = forced.toLowerCase();
    if (!iconv().encodingExists(name)) {
      throw new ToolError('CSV_UNKNOWN_ENCODING', say(INPUT.unknownEncoding(forced)), { file });
    }
    return { content: toUtf8(bytes, name), encoding: name, how: 'option' };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { content: utf8(bytes.subarray(3), file), encoding: 'utf-8', how: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { content: toUtf8(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', how: 'bom' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { content: toUtf8(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', how: 'bom' };
  }
  if (isUtf8(bytes)) return { content: bytes, encoding: 'utf-8', how: 'detected' };
  const mixed = findMixedEncoding(bytes);
  if (mixed) {
    throw new ToolError(
      'CSV_MIXED_ENCODING',
      say(INPUT.mixedEncoding({ file, utf8Line: mixed.utf8Line, otherLine: mixed.otherLine })),
      { file, row: mixed.otherLine },
    );
  }
  const guess = guessLegacyEncoding(bytes);
  if (!guess.sure) {
    const line = guess.line;
    throw new ToolError(
      'CSV_ENCODING_UNSURE',
      say(
        INPUT.encodingUnsure({
          file,
          line: line.number,
          gb: shown(toUtf8(line.bytes, 'gb18030').toString(), line),
          latin: shown(toUtf8(line.bytes, 'windows-1252').toString(), line),
        }),
      ),
      { file, row: line.number },
    );
  }
  return { content: toUtf8(bytes, 'gb18030'), encoding: 'gb18030', how: 'detected' };
}

/** Part of a line as a message shows it: quoted, control characters escaped, `...` where the line goes on. */
function shown(text: string, cut: { cutBefore: boolean; cutAfter: boolean }): string {
  const inner = JSON.stringify(text.replace(/\r?\n$/, '')).slice(1, -1);
  return `"${cut.cutBefore ? '...' : ''}${inner}${cut.cutAfter ? '...' : ''}"`;
}

/**
 * Decodes in pieces and re-encodes as UTF-8: a UTF-16 file of 1 GiB would be a string of 512
 * million characters, past the longest string V8 holds (2^29 - 24), and one piece at a time
 * never is. A piece boundary inside a character is the decoder's to carry over.
 */
const PIECE = 4 * 1024 * 1024;

function toUtf8(bytes: Buffer, encoding: string): Buffer {
  const decoder = iconv().getDecoder(encoding, { stripBOM: true });
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += PIECE) {
    const text = decoder.write(bytes.subarray(at, at + PIECE));
    if (text) parts.push(Buffer.from(text));
  }
  const rest = decoder.end();
  if (rest) parts.push(Buffer.from(rest));
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function utf8(bytes: Buffer, file: string): Buffer {
  if (isUtf8(bytes)) return bytes;
  throw new ToolError('CSV_INVALID_UTF8', say(INPUT.invalidUtf8(file)), { file });
}

/**
 * A file with some lines that are valid UTF-8 with non-ASCII text and some that are not UTF-8 at
 * all was pieced together; decoding it either way garbles half of it, so it is refused.
 * Three or more multi-byte characters on a line make an accidental UTF-8 match in GBK unlikely.
 */
function findMixedEncoding(bytes: Buffer): { utf8Line: number; otherLine: number } | undefined {
  let utf8Line = 0;
  let otherLine = 0;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const kind = classifyLine(bytes, start, i);
      if (kind === 'utf8' && !utf8Line) utf8Line = line;
      if (kind === 'other' && !otherLine) otherLine = line;
      if (utf8Line && otherLine) return { utf8Line, otherLine };
      line++;
      start = i + 1;
    }
  }
  return undefined;
}

function classifyLine(bytes: Buffer, start: number, end: number): 'ascii' | 'utf8' | 'other' {
  let multi = 0;
  for (let i = start; i < end; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (len === 0 || len > 4 || i + len > end) return 'other';
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return 'other';
    }
    multi++;
    i += len;
  }
  if (multi === 0) return 'ascii';
  return multi >= 3 ? 'utf8' : 'ascii';
}
