import type { Lang } from './words.js';

export { type Key, type Lang, STRINGS, statusWord, t } from './words.js';

/** The language the page opens in: the one chosen before, else the browser's. */
export function initialLang(): Lang {
  const saved = localStorage.getItem('lang');
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
