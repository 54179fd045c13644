import { INPUT } from './messages.js';
import { type XmlHandlers, XmlError, type XmlLimit, XmlLimitError, XmlStream } from './xml.js';
import { type ZipArchive, type ZipEntry, overLimit } from './zip.js';

/**
 * What each small part may inflate to. Measured: workbook.xml 556 B–1.5 KB and its relationships
 * 556 B–1 KB in test/fixtures/writers, the templates and the 100,000-row benchmark workbook;
 * styles 1.3–5.8 KB. With margin: 1,000 sheets with long names and defined names stay under 1 MB
 * of workbook XML, and Excel's 64,000 cell styles at about 150 bytes each are under 10 MB.
 * Shared strings are held in memory for the whole read: 256 MiB of XML holds 100,000 distinct
 * 800-character Chinese texts (3 bytes a character); the benchmark workbook holds 2 MB.
 */
export const PART_BYTES = {
  workbook: 8 * 1024 ** 2,
  relationships: 8 * 1024 ** 2,
  styles: 32 * 1024 ** 2,
  sharedStrings: 256 * 1024 ** 2,
} as const;

export interface PartRead {
  /** A small part: capped at this many bytes, and ratio-checked from 1 MiB on. */
  readonly maxBytes?: number;
  /** Checked after each chunk: true stops reading (a look at a sheet's first rows). */
  readonly stop?: () => boolean;
  /** Told after each chunk: the part's XML bytes read so far (a sheet's read tells its progress by it). */
  readonly onChunk?: (bytes: number) => void;
}

const LIMIT_WORDS = {
  depth: INPUT.limitDepth,
  text: INPUT.limitText,
  attributes: INPUT.limitAttributes,
} as const satisfies Record<XmlLimit, unknown>;

/**
 * Streams one part through the XML reader. XML that is not well formed makes the workbook
 * unreadable (XLSX_UNREADABLE), and XML past a limit is refused (XLSX_OVER_LIMIT), each naming
 * the part as `label` says it and as the archive names it. Returns false when `stop` ended it.
 */
export async function readPart(
  zip: ZipArchive,
  entry: ZipEntry,
  label: string,
  handlers: XmlHandlers,
  options: PartRead = {},
): Promise<boolean> {
  const xml = new XmlStream(handlers);
  const limits = options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes, small: true };
  try {
    let bytes = 0;
    for await (const chunk of zip.chunks(entry, limits)) {
      xml.write(chunk);
      bytes += chunk.length;
      options.onChunk?.(bytes);
      if (options.stop?.()) return false;
    }
    xml.end();
    return true;
  } catch (error) {
    if (error instanceof XmlError) throw zip.unreadable(`${label} is not well-formed XML: ${error.message}`);
    if (error instanceof XmlLimitError)
      throw overLimit(zip.file, entry.name, LIMIT_WORDS[error.limit], error.max.toLocaleString('en'));
    throw error;
  }
}
