/** Control characters, line and paragraph separators, and bidirectional overrides: they can forge or hide text in a terminal. */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const MAX_SHOWN = 60;

/**
 * A header or sheet name as messages print it, in quotes: unsafe characters escaped (`\u001b`),
 * and a name longer than 60 characters cut, so a hostile file cannot paint the terminal.
 */
export function quoteName(name: string): string {
  const safe = name.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${safe.length > MAX_SHOWN ? `${safe.slice(0, MAX_SHOWN - 1)}…` : safe}"`;
}
