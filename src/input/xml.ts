import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';

/**
 * What a part reader does with the XML: elements by local name (a writer may prefix them, as in
 * `<x:c>`), attributes as written, and text already decoded once (`&amp;amp;` is `&amp;`).
 */
export interface XmlHandlers {
  /** `qualified`: the name as written (`x15:workbookPr`), for a reader that must tell namespaces apart. */
  open(name: string, attributes: Readonly<Record<string, string>>, qualified: string): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Limits on the XML of one part, checked as its text arrives, so that no part can make the
 * parser hold more than a few MB whatever its size.
 *
 * - depth: the deepest part a real writer produces is a worksheet's conditional formatting
 *   extension (worksheet/extLst/ext/x14:conditionalFormattings/…/xm:f: 9 levels); saxes keeps
 *   every open element, so 4 million nested tags took 2.4–4.4 GB.
 * - textChars: one text node, attribute value, name or run of text between two tags. Excel holds
 *   at most 32,767 characters in a cell and 8,192 in a formula (Excel specifications and limits);
 *   128 times the cell limit leaves a longer cell to be refused by its row check (ROW_CELL_TOO_LONG)
 *   rather than here, and stays far below V8's 512 MiB string limit.
 * - attributes: on one element; Excel's richest elements (`<row>`, `<xf>`) carry fewer than 20.
 */
export const XML_LIMITS = { depth: 64, textChars: 4 * 1024 ** 2, attributes: 1024 } as const;

/** The text is fed to saxes in slices of this many characters, so the limits bind within one slice. */
const SLICE_CHARS = 128 * 1024;

/** saxes' own buffers, which grow while a text, attribute or name is still open (saxes 6). */
interface SaxesBuffers {
  readonly text?: string;
  readonly name?: string;
  readonly entity?: string;
  readonly attribList?: readonly unknown[];
}

/** Decodes a part's bytes as they come, a character split between chunks carried over. */
interface PartDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * The decoder for a part, from its first bytes (XML 1.0, Appendix F): UTF-16 with a byte-order
 * mark, or without one when `<?` is two bytes a character; otherwise UTF-8, as every writer but a
 * few saves its parts (the format allows UTF-16, and LibreOffice reads it).
 */
function decoderFor(first: Buffer): PartDecoder {
  const [a, b] = first;
  const little = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00);
  const big = (a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c);
  if (!little && !big) return new StringDecoder('utf8');
  const decoder = new TextDecoder(little ? 'utf-16le' : 'utf-16be');
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

/** A streaming XML reader fed with a part's bytes; it calls the handlers as elements go by. */
export class XmlStream {
  private readonly parser = new SaxesParser({ position: false });
  private decoder: PartDecoder | undefined;
  private depth = 0;
  /** Characters of text since the last tag: what a handler may be gathering into one value. */
  private run = 0;

  constructor(handlers: XmlHandlers) {
    const p = this.parser;
    const text = (t: string) => {
      this.run += t.length;
      if (this.run > XML_LIMITS.textChars) throw new XmlLimitError('text', XML_LIMITS.textChars);
      handlers.text(t);
    };
    p.on('opentag', (tag) => {
      this.run = 0;
      if (++this.depth > XML_LIMITS.depth) throw new XmlLimitError('depth', XML_LIMITS.depth);
      handlers.open(localName(tag.name), tag.attributes as Record<string, string>, tag.name);
    });
    p.on('closetag', (tag) => {
      this.run = 0;
      this.depth--;
      handlers.close(localName(tag.name));
    });
    p.on('text', text);
    p.on('cdata', text);
  }

  /** Bytes may split a character: the decoder keeps the partial one for the next chunk. */
  write(chunk: Buffer | string): void {
    if (typeof chunk !== 'string' && this.decoder === undefined) this.decoder = decoderFor(chunk);
    const text = typeof chunk === 'string' ? chunk : this.decoder!.write(chunk);
    for (let at = 0; at < text.length; at += SLICE_CHARS) {
      const slice = text.length <= SLICE_CHARS ? text : text.slice(at, at + SLICE_CHARS);
      this.guard(() => this.parser.write(slice));
      this.checkBuffers();
    }
  }

  end(): void {
    this.guard(() => this.parser.write(this.decoder?.end() ?? '').close());
  }

  /** What saxes is still gathering (an unclosed text, attribute value, name or comment) stays under the limits. */
  private checkBuffers(): void {
    const b = this.parser as unknown as SaxesBuffers;
    const longest = Math.max(b.text?.length ?? 0, b.name?.length ?? 0, b.entity?.length ?? 0);
    if (longest > XML_LIMITS.textChars) throw new XmlLimitError('text', XML_LIMITS.textChars);
    if ((b.attribList?.length ?? 0) > XML_LIMITS.attributes)
      throw new XmlLimitError('attributes', XML_LIMITS.attributes);
  }

  /** saxes throws its own Error at the first fault; a handler's ToolError passes through as it is. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof Error && error.constructor === Error) throw new XmlError(error.message);
      throw error;
    }
  }
}

/** XML that is not well formed; the caller names the part and the file. */
export class XmlError extends Error {}

/** Which of XML_LIMITS a part went past; the caller names the part and the file. */
export type XmlLimit = 'depth' | 'text' | 'attributes';

/** Well-formed XML past one of XML_LIMITS. */
export class XmlLimitError extends Error {
  constructor(
    readonly limit: XmlLimit,
    readonly max: number,
  ) {
    super(`${limit} past ${max}`);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
