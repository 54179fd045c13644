import type { EnumSpec } from '../schema.js';
import { toSimplified } from './traditional.js';

/**
 * The words an enumeration cell may hold, and how a cell's text is folded before it is looked up:
 * shared by the cell parser (src/plan/normalise.ts) and a profile's value maps (./profile.ts), so a
 * word a profile maps is matched exactly as the tool's own labels are.
 */

const ASCII = /^[\x20-\x7e]*$/;
const ENUM_SEPARATORS = /[\s-]+/g;
const WHITE_SPACE = /\s+/g;
const CJK = /\p{Script=Han}/u;

/** Full-width digits, letters and punctuation to their half-width forms; outer spaces removed. */
export function foldWidth(text: string): string {
  return (ASCII.test(text) ? text : text.normalize('NFKC')).trim();
}

/** Folded, in simplified characters, without the spaces typed inside a Chinese label (通 过). */
export function enumKey(raw: string): string {
  const folded = toSimplified(foldWidth(raw).toLowerCase());
  return CJK.test(folded) ? folded.replace(WHITE_SPACE, '') : folded.replace(ENUM_SEPARATORS, '_');
}

const lookups = new WeakMap<EnumSpec, Map<string, number>>();

/** Every word of `spec` → its code: codes, both labels, synonyms, and a profile's words (folded too). */
export function enumLookup(spec: EnumSpec): Map<string, number> {
  let map = lookups.get(spec);
  if (!map) {
    map = new Map();
    for (const [code, [zh, en]] of Object.entries(spec.values)) {
      map.set(code, Number(code));
      map.set(`${code}.0`, Number(code));
      map.set(zh, Number(code));
      map.set(en, Number(code));
    }
    for (const [word, code] of Object.entries(spec.synonyms ?? {})) map.set(word, code);
    for (const [word, code] of Object.entries(spec.profileWords ?? {})) {
      map.set(word, code);
      map.set(enumKey(word), code);
    }
    lookups.set(spec, map);
  }
  return map;
}

/** The code a word says in `spec`, folded as a cell is; undefined when the tool does not know it. */
export function enumCode(word: string, spec: EnumSpec): number | undefined {
  const lookup = enumLookup(spec);
  return lookup.get(word) ?? lookup.get(enumKey(word));
}
