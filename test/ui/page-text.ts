/**
 * The page's text as its user reads it, for the browser tests in both languages: what is shown
 * (a closed details line's code is not), and the words in it its user cannot read.
 */
import type { Page } from 'playwright-core';

/** What the tests read of the browser's globals (this project's types have no DOM). */
export interface Browser {
  document: { body: { innerText: string }; querySelector(selector: string): { textContent: string | null } | null };
}

// biome-ignore lint/performance/useDomNodeTextContent: innerText is the text as shown (a closed details line's is not)
export const visible = (page: Page) => page.evaluate(() => (globalThis as unknown as Browser).document.body.innerText);

/** What a developer would write and the page's person cannot read: a flag, or a code like ROW_MISSING_ID. */
export function developerWords(shown: string): string[] {
  return [...shown.matchAll(/--[a-z][\w-]*|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bHTTP\b|batch_query|ECONN\w+/g)].map(
    (m) => m[0],
  );
}

/**
 * English left in a Chinese page once file names, IDs, zone names and the language switch are
 * taken out: none is allowed.
 */
export function englishIn(shown: string, file: string): string[] {
  const ours = new Set(file.match(/[A-Za-z]{3,}/g));
  const allowed = shown
    .replace(/[\w.-]*\.(csv|xlsx)\b/g, '')
    .replace(/\bAsia\/\w+|\bUTC\b/g, '')
    .replace(/^English$/m, '')
    // Key names as the keyboard prints them (the grid's hint: 按 Enter 保存，Esc 取消).
    .replace(/\b(Enter|Esc)\b/g, '')
    .replace(/<clear>/g, '');
  // The file's own words (its cells, shown in the grid) are the user's.
  return [...allowed.matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0]).filter((w) => !ours.has(w));
}

/** Runs of Chinese: its characters and its punctuation (，。「」（）…). */
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

/**
 * Chinese left in an English page once the language switch (中文) and the file's own words are
 * taken out: none is allowed. The file's words are its runs of Chinese as they stand (its name,
 * headers and cells, which the page repeats), so a page word that is only part of one (面试 of
 * 外部面试ID) still counts.
 */
export function chineseIn(shown: string, file: string): string[] {
  const theirs = new Set(file.match(HAN));
  return [...shown.replace(/^中文$/m, '').matchAll(HAN)].map((m) => m[0]).filter((w) => !theirs.has(w));
}
