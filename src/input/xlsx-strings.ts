import { XML_LIMITS, XmlLimitError } from './xml.js';
import { PART_BYTES, readPart } from './xlsx-part.js';
import type { ZipArchive, ZipEntry } from './zip.js';

/** The shared strings, and which of them hold a NUL (`_x0000_`), which no cell can send. */
export interface SharedStrings {
  readonly strings: readonly string[];
  readonly withNul: ReadonlySet<number>;
}

/**
 * The workbook's shared strings, in order. A string is the text of its `<t>` elements, plain or
 * in rich-text runs (`<r><t>`), and never of phonetic guides (`<rPh>`), which Excel does not show
 * in the cell. White space between elements is layout, not text.
 */
export async function readSharedStrings(
  zip: ZipArchive,
  part: ZipEntry | undefined,
  maxBytes: number = PART_BYTES.sharedStrings,
): Promise<SharedStrings> {
  const strings: string[] = [];
  const withNul = new Set<number>();
  if (!part) return { strings, withNul };
  const collector = new TextCollector();
  const handlers = {
    open(name: string) {
      if (name === 'si') collector.start();
      else collector.open(name);
    },
    close(name: string) {
      if (name !== 'si') return collector.close(name);
      const text = collector.finish();
      if (text.includes('\0')) withNul.add(strings.length);
      strings.push(text);
    },
    text: (text: string) => collector.text(text),
  };
  await readPart(zip, part, 'the shared strings', handlers, { maxBytes });
  return { strings, withNul };
}

/** Gathers the shown text of a string item (`<si>` or an inline `<is>`). */
export class TextCollector {
  private parts: string[] = [];
  /** The characters gathered: rich-text runs are split by tags, so the XML stream's own cap does not bound them. */
  private length = 0;
  private inText = false;
  private phonetic = 0;

  start(): void {
    this.parts = [];
    this.length = 0;
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
    if (!this.inText) return;
    this.length += text.length;
    if (this.length > XML_LIMITS.textChars) throw new XmlLimitError('text', XML_LIMITS.textChars);
    this.parts.push(text);
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
