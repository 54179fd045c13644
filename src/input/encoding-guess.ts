import { countLineBreaks, lineEnd, lineStart } from './line-breaks.js';

/** What the bytes of a file that is not UTF-8 say of their encoding. */
export type LegacyGuess =
  | { readonly sure: true }
  /**
   * Where the two readings first differ, for a message that shows both: the line, and its bytes
   * around the first byte past ASCII (`cutBefore`, `cutAfter`: the line goes on either side).
   */
  | {
      readonly sure: false;
      readonly line: { readonly number: number; readonly bytes: Buffer; cutBefore: boolean; cutAfter: boolean };
    };

/** Bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * GB18030 (what Chinese Excel saves) or Windows-1252 (what Western tools and legacy systems
 * save): almost any byte string is valid Windows-1252, so GB18030 is taken only when the bytes
 * read as Chinese, and anything else is refused with both readings for the user to choose.
 *
 * Chinese text in GBK is pairs of bytes, nearly all among GB2312's 3,755 level-1 characters (lead
 * 0xB0–0xD7) and its CJK punctuation (lead 0xA1–0xA9): 99.7% to 100% of the characters of this
 * project's own Chinese README and messages, and every one of the names, conclusions, titles and
 * dates in test/input/encoding.test.ts. Latin text in Windows-1252 is single accented letters
 * between ASCII: read as GB18030, a letter before a space or comma is an invalid sequence, one
 * before a letter an uncommon character; and two lowercase accented letters side by side
 * (`çã` in Acentuação: 0xE7 0xE3) are a level-2 character (玢), since lowercase accented
 * letters are 0xE0–0xFF, past level 1. So the rule: every sequence valid GB18030, at least half
 * the two-byte characters level-1 or punctuation, and fewer than half the non-ASCII bytes
 * standing alone between ASCII bytes. "José Müller", "Françoise Dürr", "Ærøskøbing" and
 * "Acentuação" fail it.
 */
export function guessLegacyEncoding(bytes: Buffer): LegacyGuess {
  const gb = scanGb18030(bytes);
  let high = 0;
  let lone = 0;
  let first = -1;
  let undefined1252 = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (first < 0) first = i;
    high++;
    if ((i === 0 || bytes[i - 1]! < 0x80) && (i + 1 === bytes.length || bytes[i + 1]! < 0x80)) lone++;
    if (UNDEFINED_IN_1252.has(b)) undefined1252 = true;
  }
  const chinese = gb.valid && gb.common * 2 >= gb.pairs && lone * 2 < high;
  // Not Windows-1252 either, but valid GB18030: rare characters, still the only reading there is.
  if (chinese || (gb.valid && undefined1252)) return { sure: true };
  return { sure: false, line: around(bytes, Math.max(first, 0)) };
}

/** Bytes shown before the first byte past ASCII, and after it: enough for a word either side. */
const SHOWN_BEFORE = 24;
const SHOWN_AFTER = 36;

/**
 * The line holding `at`, cut to the bytes around it: the readings agree on the ASCII before, so
 * the quote starts shortly before the first place they differ. The end is moved past any byte
 * beyond ASCII, so that no character is cut in two.
 */
function around(bytes: Buffer, at: number): { number: number; bytes: Buffer; cutBefore: boolean; cutAfter: boolean } {
  const start = lineStart(bytes, at);
  const end = lineEnd(bytes, at);
  const from = Math.max(start, at - SHOWN_BEFORE);
  let to = Math.min(end, at + SHOWN_AFTER);
  while (to < end && bytes[to]! >= 0x80) to++;
  return {
    number: 1 + countLineBreaks(bytes, 0, start),
    bytes: bytes.subarray(from, to),
    cutBefore: from > start,
    cutAfter: to < end,
  };
}

/** Walks the bytes as GB18030: are all sequences valid, and how many two-byte ones are level-1 characters or punctuation. */
function scanGb18030(bytes: Buffer): { valid: boolean; pairs: number; common: number } {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return { valid: false, pairs, common };
    const t = bytes[i + 1] ?? 0;
    if (t >= 0x40 && t <= 0xfe && t !== 0x7f) {
      pairs++;
      // GB2312's level-1 characters (lead 0xB0–0xD7) and punctuation (0xA1–0xA9), trail 0xA1–0xFE.
      if (((b >= 0xb0 && b <= 0xd7) || (b >= 0xa1 && b <= 0xa9)) && t >= 0xa1) common++;
      i += 2;
      continue;
    }
    const t2 = bytes[i + 2] ?? 0;
    const t3 = bytes[i + 3] ?? 0;
    // Four-byte sequences: lead, digit, 0x81–0xFE, digit (GB18030's additions past GBK).
    if (t >= 0x30 && t <= 0x39 && t2 >= 0x81 && t2 <= 0xfe && t3 >= 0x30 && t3 <= 0x39) {
      i += 4;
      continue;
    }
    return { valid: false, pairs, common };
  }
  return { valid: true, pairs, common };
}
