import { XmlStream } from './xml.js';
import type { ZipArchive, ZipEntry } from './zip.js';

/**
 * Shared strings are held in memory for the whole read, so their part is capped by the bytes it
 * really inflates to: 256 MiB of XML holds 100,000 distinct 800-character Chinese texts (3 bytes
 * a character); the 100,000-row benchmark workbook holds 2 MB.
 */
const MAX_SHARED_STRINGS_BYTES = 256 * 1024 ** 2;

/**
 * The workbook's shared strings, in order. A string is the text of its `<t>` elements, plain or
 * in rich-text runs (`<r><t>`), and never of phonetic guides (`<rPh>`), which Excel does not show
 * in the cell. White space between elements is layout, not text.
 */
export async function readSharedStrings(
  zip: ZipArchive,
  part: ZipEntry | undefined,
  maxBytes = MAX_SHARED_STRINGS_BYTES,
): Promise<readonly string[]> {
  if (!part) return [];
  const strings: string[] = [];
  const collector = new TextCollector();
  const xml = new XmlStream({
    open(name) {
      if (name === 'si') collector.start();
      else collector.open(name);
    },
    close(name) {
      if (name === 'si') strings.push(collector.finish());
      else collector.close(name);
    },
    text: (text) => collector.text(text),
  });
  for await (const chunk of zip.chunks(part, maxBytes)) xml.write(chunk);
  xml.end();
  return strings;
}

/** Gathers the shown text of a string item (`<si>` or an inline `<is>`). */
export class TextCollector {
  private parts: string[] = [];
  private inText = false;
  private phonetic = 0;

  start(): void {
    this.parts = [];
    this.inText = false;
    this.phonetic = 0;
  }

  open(name: string): void {
    if (name === 't') this.inText = this.phonetic === 0;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  finish(): string {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    return text.includes('_x') ? unescapeXstring(text) : text;
  }
}

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Characters XML cannot hold are written `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19, ST_Xstring):
 * Excel writes a line break typed on Windows as `_x000D_` followed by a new line, and a literal
 * `_x` as `_x005F_x`.
 */
function unescapeXstring(text: string): string {
  return text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
