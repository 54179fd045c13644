/**
 * The reports' byte buffer: text, copied bytes and row numbers appended, written out to the file
 * a piece at a time (src/report/report-writer.ts).
 */
import { writeSync } from 'node:fs';

/**
 * Bytes appended to a buffer that doubles when full. `starts`: where the marked places are (each
 * row of a JSON report), as byte offsets from the first byte written (src/report/row-starts.ts).
 */
export class ByteSink {
  #buffer: Buffer;
  #length = 0;
  /** Bytes written out before the buffer's. */
  #written = 0;

  constructor(
    expected: number,
    private readonly starts?: number[],
  ) {
    this.#buffer = Buffer.allocUnsafe(Math.max(expected, 4096));
  }

  mark(skip: number): void {
    this.starts?.push(this.#written + this.#length + skip);
  }

  #room(n: number): void {
    if (this.#length + n <= this.#buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + n));
    this.#buffer.copy(bigger, 0, 0, this.#length);
    this.#buffer = bigger;
  }

  text(s: string): void {
    this.#room(s.length * 3); // a UTF-16 unit is at most 3 bytes of UTF-8
    this.#length += this.#buffer.write(s, this.#length);
  }

  /** Short runs are copied here: Buffer#copy's own checks cost more than a line's bytes. */
  bytes(source: Buffer, from: number, to: number): void {
    this.#room(to - from);
    if (to - from > 256) {
      this.#length += source.copy(this.#buffer, this.#length, from, to);
      return;
    }
    const buffer = this.#buffer;
    let at = this.#length;
    for (let i = from; i < to; i++) buffer[at++] = source[i]!;
    this.#length = at;
  }

  /** A row number (a non-negative integer) in decimal, without making a string of it. */
  integer(n: number): void {
    this.#room(16);
    const buffer = this.#buffer;
    const first = this.#length;
    let at = first;
    do {
      buffer[at++] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    this.#length = at;
    // The digits went in lowest first: swap them into place.
    for (let i = first, j = at - 1; i < j; i++, j--) {
      const d = buffer[i]!;
      buffer[i] = buffer[j]!;
      buffer[j] = d;
    }
  }

  crlf(): void {
    this.#room(2);
    this.#buffer[this.#length++] = 0x0d;
    this.#buffer[this.#length++] = 0x0a;
  }

  get length(): number {
    return this.#length;
  }

  /** Drops what was written after `length`: a line that turned out not to be copyable. */
  truncate(length: number): void {
    this.#length = length;
  }

  /** Writes out what the sink holds, and empties it. */
  flush(fd: number): void {
    for (let at = 0; at < this.#length; ) at += writeSync(fd, this.#buffer, at, this.#length - at);
    this.#written += this.#length;
    this.#length = 0;
  }
}
