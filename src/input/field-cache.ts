/**
 * The text of a short cell, found by its bytes: a cell whose bytes were seen just before gets the
 * string made then, without decoding it again. csv-parse decodes every cell into a new string,
 * and most short cells repeat (an interviewer, 通过, a dimension title, a type, a score): on the
 * 1,000,000-row benchmark six of a row's eight filled cells. Each slot holds the last cell whose
 * bytes hash to it, so the cache never grows; a miss decodes as csv-parse would have.
 */
const SLOTS = 4096;
/** Longer cells are decoded as they come: 16 Chinese characters, or 48 ASCII ones. */
const MAX_BYTES = 48;
/** Long digit runs (IDs, epoch times) are nearly all distinct: caching them would only evict the rest. */
const MAX_DIGITS = 6;

export class FieldCache {
  readonly #texts: (string | undefined)[] = new Array(SLOTS).fill(undefined);
  readonly #lengths = new Uint8Array(SLOTS);
  readonly #bytes = Buffer.alloc(SLOTS * MAX_BYTES);

  /** `bytes[0..length)` as UTF-8 text, the same string as `bytes.toString('utf8', 0, length)`. */
  text(bytes: Buffer, length: number): string {
    if (length === 0) return '';
    const first = bytes[0]!;
    if (length > MAX_BYTES || (length > MAX_DIGITS && first >= 0x30 && first <= 0x39))
      return bytes.toString('utf8', 0, length);
    // FNV-1a over the bytes.
    let hash = 0x811c9dc5;
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const slot = (hash >>> 0) % SLOTS;
    const at = slot * MAX_BYTES;
    const seen = this.#texts[slot];
    if (seen !== undefined && this.#lengths[slot] === length && this.#same(bytes, length, at)) return seen;
    const text = bytes.toString('utf8', 0, length);
    this.#texts[slot] = text;
    this.#lengths[slot] = length;
    bytes.copy(this.#bytes, at, 0, length);
    return text;
  }

  #same(bytes: Buffer, length: number, at: number): boolean {
    const kept = this.#bytes;
    for (let i = 0; i < length; i++) if (kept[at + i] !== bytes[i]) return false;
    return true;
  }
}
