import { INPUT } from './messages.js';
import { PART_BYTES, readPart } from './xlsx-part.js';
import { type ZipArchive, type ZipEntry, overLimit } from './zip.js';

/**
 * Cell styles read: Excel keeps at most 64,000 (Excel specifications and limits, "unique cell
 * formats/cell styles"); 140 million `<xf/>` in a 1.7 MB file crashed the process.
 */
const MAX_CELL_STYLES = 65_536;

/**
 * How a cell's number format shows its number: as a date or time of day (`date`), as elapsed
 * time (`duration`: `[h]:mm:ss`, 36:00:00 for a day and a half), or as a number.
 */
export type NumberShape = 'number' | 'date' | 'duration';

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30): 14-22, 45 and 47 show a date or time
 * everywhere, and 27-36 and 50-58 are the ones Chinese, Japanese and Korean Excel and WPS use for
 * `yyyy"年"m"月"d"日"`, `上午/下午h"时"mm"分"` and the like; 46 is `[h]:mm:ss`, elapsed time.
 */
function builtInShape(id: number): NumberShape {
  if (id === 46) return 'duration';
  const date = (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || id === 45 || id === 47 || (id >= 50 && id <= 58);
  return date ? 'date' : 'number';
}

// Parts of a format code that show no date: quoted text, escaped and padding characters, and
// bracketed colours, conditions and locales ([Red], [>100], [$-804]).
const LITERALS = /"[^"]*"|\\.|_.|\*.|\[[^\]]*]/g;
const DATE_LETTERS = /[ymdhs]|上午|下午|AM\/PM|A\/P/i;
// [h]:mm, [mm]:ss: elapsed time, a duration rather than a moment.
const ELAPSED = /\[(h+|m+|s+)]/i;

/** How a custom format code shows a number: by the date or time letters of its first section outside literals. */
export function formatShape(code: string): NumberShape {
  const first = code.replace(LITERALS, (literal) => (ELAPSED.test(literal) ? literal : '')).split(';')[0] ?? '';
  if (ELAPSED.test(first)) return 'duration';
  return DATE_LETTERS.test(first) ? 'date' : 'number';
}

/** A custom format code shows a date or time of day. */
export function isDateFormat(code: string): boolean {
  return formatShape(code) === 'date';
}

/**
 * For each cell style (the `s` of a cell), how its number format shows a number. Only the
 * formats of `<numFmts>` and the styles of `<cellXfs>` decide: `<dxfs>` (conditional and pivot
 * formatting) carry `<numFmt>` elements of their own, with ids that may repeat a built-in one,
 * and Excel never shows a cell's value through them.
 */
export async function readNumberShapes(zip: ZipArchive, part: ZipEntry | undefined): Promise<readonly NumberShape[]> {
  if (!part) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let within: 'numFmts' | 'cellXfs' | undefined;
  const handlers = {
    open(name: string, a: Readonly<Record<string, string>>) {
      if (name === 'numFmts' || name === 'cellXfs') within = name;
      else if (name === 'numFmt' && within === 'numFmts' && a.numFmtId !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'xf' && within === 'cellXfs') {
        if (xfFormats.length === MAX_CELL_STYLES)
          throw overLimit(zip.file, part.name, INPUT.limitStyles, MAX_CELL_STYLES.toLocaleString('en'));
        xfFormats.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name: string) {
      if (name === within) within = undefined;
    },
    text() {},
  };
  await readPart(zip, part, 'the styles', handlers, { maxBytes: PART_BYTES.styles });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? builtInShape(id) : formatShape(code);
  });
}
