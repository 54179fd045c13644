import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';

/**
 * What a part reader does with the XML: elements by local name (a writer may prefix them, as in
 * `<x:c>`), attributes as written, and text already decoded once (`&amp;amp;` is `&amp;`).
 */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

/** A streaming XML reader fed with UTF-8 bytes; it calls the handlers as elements go by. */
export class XmlStream {
  private readonly parser = new SaxesParser({ position: false });
  private readonly decoder = new StringDecoder('utf8');

  constructor(handlers: XmlHandlers) {
    const p = this.parser;
    p.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
    p.on('closetag', (tag) => handlers.close(localName(tag.name)));
    p.on('text', (text) => handlers.text(text));
    p.on('cdata', (text) => handlers.text(text));
  }

  /** Bytes may split a character: the decoder keeps the partial one for the next chunk. */
  write(chunk: Buffer | string): void {
    this.guard(() => this.parser.write(typeof chunk === 'string' ? chunk : this.decoder.write(chunk)));
  }

  end(): void {
    this.guard(() => this.parser.write(this.decoder.end()).close());
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

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Reads a whole, small XML text. */
export function parseXml(text: string, handlers: XmlHandlers): void {
  const stream = new XmlStream(handlers);
  stream.write(text);
  stream.end();
}
