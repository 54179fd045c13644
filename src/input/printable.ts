/** Control characters, line and paragraph separators, and bidirectional overrides: they can forge or hide text in a terminal. */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Bidirectional marks, embeddings, overrides and isolates (Unicode UAX #9) and the line and
 * paragraph separators: a terminal obeys them, so a value echoed from a file (U+202E) could
 * reverse or hide the rest of the line. The tool's own output never holds them.
 */
const REORDERING = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const REORDERING_ALL = new RegExp(REORDERING.source, 'gu');

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text for the terminal: what a file could reorder it with escaped (`\u202e`); new lines, tabs and colours kept. */
export function terminalSafe(text: string): string {
  return REORDERING.test(text) ? text.replace(REORDERING_ALL, escaped) : text;
}

const MAX_SHOWN = 60;

/**
 * A header or sheet name as messages print it, in quotes: unsafe characters escaped (`\u001b`),
 * and a name longer than 60 characters cut, so a hostile file cannot paint the terminal.
 */
export function quoteName(name: string): string {
  const safe = name.replace(UNSAFE, escaped);
  return `"${safe.length > MAX_SHOWN ? `${safe.slice(0, MAX_SHOWN - 1)}…` : safe}"`;
}
