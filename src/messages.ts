import { COLUMNS } from './schema.js';
import { currentLang, namedColumn } from './lang.js';

/**
 * Every message a user reads about their rows and their run is a pair, English and Chinese, kept
 * beside its domain (input/messages.ts, plan/messages.ts, feishu/messages.ts, report/messages.ts,
 * run/messages.ts, cli/messages.ts, option-messages.ts). An entry is a pair, or a function of what
 * it names giving a pair: a missing language is a type error, and test/catalogue.test.ts renders
 * every entry of the roll-up (src/catalogue.ts) in both.
 *
 * The house form holds in both languages: what was expected, what was found, where (row,
 * column as the file names it), how to fix it.
 */
export interface Pair {
  readonly en: string;
  readonly zh: string;
}

/** The pair in the run's language. */
export function say(pair: Pair): string {
  return pair[currentLang()];
}

/** A template column as the input names it (分数, or a `--map`ped legacy header). */
export function col(column: string): string {
  return namedColumn(column, COLUMNS.find(([name]) => name === column)?.[1]);
}

/**
 * A name holding an ID or key (面试 7000000000000000001) set among Chinese words: a space where
 * its digits or quotes meet a Chinese character, as between Chinese and numbers elsewhere.
 */
export function spaced(text: string, before: boolean, after: boolean): string {
  const edge = /[0-9A-Za-z"]/;
  const shown = String(text);
  return `${before && edge.test(shown.slice(0, 1)) ? ' ' : ''}${shown}${after && edge.test(shown.slice(-1)) ? ' ' : ''}`;
}

/** Text that reads the same in both languages: a value quoted from the file, a number, a code. */
export const same = (text: string): Pair => ({ en: text, zh: text });

/** The most of a value from the file a message shows, in UTF-16 units: a message stays short however long the cell. */
const SHOWN = 60;

/** Characters as people count them (code points), without an array of them. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/** The start of a long value, not splitting a character written as two UTF-16 units (an emoji). */
function start(text: string): string {
  const end = SHOWN - 3;
  const high = text.charCodeAt(end - 1);
  return `${text.slice(0, high >= 0xd800 && high <= 0xdbff ? end - 1 : end)}…`;
}

const cutIn = (lang: 'en' | 'zh', head: string, count: number): string => {
  const n = count.toLocaleString('en-US');
  return lang === 'zh' ? `${head}（共 ${n} 个字符）` : `${head} (${n} characters)`;
};

const quoted = (text: string, bare: boolean) => (bare ? text : JSON.stringify(text));

/**
 * A value from the file as a message shows it, in `lang`: whole up to 60 characters; longer, its
 * start, an ellipsis and its length, so a 30,000-character cell costs each message 60 of them
 * however many messages name it. Quoted as JSON unless `bare`.
 */
export function shown(text: string, lang: 'en' | 'zh', bare = false): string {
  if (text.length <= SHOWN) return quoted(text, bare);
  return cutIn(lang, quoted(start(text), bare), codePoints(text));
}

/** `shown` in both languages: a pair for a value that is cut, else the value as it is. */
export function shownPair(text: string, bare = false): Pair | string {
  if (text.length <= SHOWN) return quoted(text, bare);
  const head = quoted(start(text), bare);
  const count = codePoints(text);
  return { en: cutIn('en', head, count), zh: cutIn('zh', head, count) };
}
