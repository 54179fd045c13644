import { INPUT } from './messages.js';
import { PART_BYTES, readPart } from './xlsx-part.js';
import { type ZipArchive, type ZipEntry, overLimit } from './zip.js';

/**
 * Cell styles read: Excel keeps at most 64,000 (Excel specifications and limits, "unique cell
 * formats/cell styles"); 140 million `<xf/>` in a 1.7 MB file crashed the process.
 */
const MAX_CELL_STYLES = 65_536;

/**
 * Built-in number formats that show a date or time (ECMA-376 Part 1, 18.8.30): 14-22 and 45-47
 * everywhere, and 27-36 and 50-58, which Chinese, Japanese and Korean Excel and WPS use for
 * `yyyy"年"m"月"d"日"`, `上午/下午h"时"mm"分"` and the like.
 */
function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// Parts of a format code that show no date: quoted text, escaped and padding characters, and
// bracketed colours, conditions and locales ([Red], [>100], [$-804]).
const LITERALS = /"[^"]*"|\\.|_.|\*.|\[[^\]]*]/g;
const DATE_LETTERS = /[ymdhs]|上午|下午|AM\/PM|A\/P/i;
// [h]:mm, [mm]:ss: elapsed time, a duration rather than a moment.
const ELAPSED = /\[(h+|m+|s+)]/i;

/** A custom format code shows a date when its first section has date or time letters outside literals. */
export function isDateFormat(code: string): boolean {
  const first = code.replace(LITERALS, (literal) => (ELAPSED.test(literal) ? literal : '')).split(';')[0] ?? '';
  return !ELAPSED.test(first) && DATE_LETTERS.test(first);
}

/** For each cell style (the `s` of a cell), whether its number format shows a date. */
export async function readDateStyles(zip: ZipArchive, part: ZipEntry | undefined): Promise<readonly boolean[]> {
  if (!part) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const handlers = {
    open(name: string, a: Readonly<Record<string, string>>) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (xfFormats.length === MAX_CELL_STYLES)
          throw overLimit(zip.file, part.name, INPUT.limitStyles, MAX_CELL_STYLES.toLocaleString('en'));
        xfFormats.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name: string) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  };
  await readPart(zip, part, 'the styles', handlers, { maxBytes: PART_BYTES.styles });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? isBuiltInDate(id) : isDateFormat(code);
  });
}
