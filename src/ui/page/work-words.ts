/** How long work takes and how far a check has read, in the page's words (run-lines.tsx shows them). */
import type { RunView } from '../views.js';
import { type Lang, t } from './words.js';

export const duration = (lang: Lang, s: number) =>
  s < 90 ? t(lang, 'seconds', { n: Math.ceil(s) }) : t(lang, 'minutes', { n: Math.ceil(s / 60) });

/** The share read below which no time left is said: the first moments of a read say little of its pace. */
const LEFT_FROM = 0.02;

/**
 * A check's rows read, with the share of the file, and the time left to read it, where the file
 * tells them (`validateFile`'s `onProgress`); once all are read, their number.
 */
export function readingWords(lang: Lang, reading: NonNullable<RunView['reading']>): { read: string; left?: string } {
  const rows = reading.rows.toLocaleString('en');
  if (reading.stage === 'checking') return { read: t(lang, 'readAll', { rows }) };
  const f = reading.fraction;
  if (f === undefined) return { read: t(lang, 'readRows', { rows }) };
  const read = `${t(lang, 'readRows', { rows })}${t(lang, 'readShare', { percent: Math.floor(f * 100) })}`;
  if (f < LEFT_FROM || f >= 1) return { read };
  const seconds = (reading.elapsedMs / 1000) * ((1 - f) / f);
  return { read, left: t(lang, 'readLeft', { left: duration(lang, seconds) }) };
}
