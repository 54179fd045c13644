/**
 * Line breaks as a text editor counts them, and so as row numbers are given: CRLF is one break,
 * and so are a lone LF and a lone CR (old Mac files; csv-parse ends a record at each too).
 */
export function countLineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) n++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) n++;
  }
  return n;
}

/** Where the line break at `at` ends (CRLF, LF or CR); `at` itself when there is none. */
export function afterLineBreak(bytes: Uint8Array, at: number): number {
  if (bytes[at] === 0x0d) return bytes[at + 1] === 0x0a ? at + 2 : at + 1;
  return bytes[at] === 0x0a ? at + 1 : at;
}

/** The end of the line holding `at`: the position of its line break, or the end of the bytes. */
export function lineEnd(bytes: Uint8Array, at: number): number {
  for (let i = at; i < bytes.length; i++) if (bytes[i] === 0x0a || bytes[i] === 0x0d) return i;
  return bytes.length;
}

/** The start of the line holding `at`. */
export function lineStart(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i > 0 && bytes[i - 1] !== 0x0a && bytes[i - 1] !== 0x0d) i--;
  return i;
}
