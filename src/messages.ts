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
