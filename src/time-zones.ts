import { OPTION, say } from './catalogue.js';
import { currentLang } from './lang.js';
/**
 * Zone abbreviations people type for --tz, and the IANA zones each may mean. An abbreviation
 * names several zones (CST is China, US Central and Cuba), so it is refused with this list
 * rather than guessed: ICU takes CST as America/Chicago, 14 hours off China.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  CST: ['Asia/Shanghai (China Standard Time)', 'America/Chicago (US Central)', 'America/Havana (Cuba)'],
  CDT: ['America/Chicago (US Central)', 'America/Havana (Cuba)'],
  EST: ['America/New_York (US Eastern)'],
  EDT: ['America/New_York (US Eastern)'],
  MST: ['America/Denver (US Mountain)', 'America/Phoenix (Arizona)'],
  MDT: ['America/Denver (US Mountain)'],
  PST: ['America/Los_Angeles (US Pacific)', 'Asia/Manila (Philippines)'],
  PDT: ['America/Los_Angeles (US Pacific)'],
  IST: ['Asia/Kolkata (India)', 'Europe/Dublin (Ireland)', 'Asia/Jerusalem (Israel)'],
  BST: ['Europe/London (British Summer Time)', 'Asia/Dhaka (Bangladesh)'],
  HKT: ['Asia/Hong_Kong'],
  SGT: ['Asia/Singapore'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  CET: ['Europe/Berlin', 'Europe/Paris'],
  CEST: ['Europe/Berlin', 'Europe/Paris'],
  EET: ['Europe/Helsinki', 'Europe/Athens'],
  MSK: ['Europe/Moscow'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
};

const ABBREVIATION = /^[A-Z]{2,5}$/;
const UNIVERSAL = new Set(['UTC', 'GMT']);

/** Why a --tz value is refused before it is tried, or undefined. */
export function abbreviationProblem(tz: string): string | undefined {
  const upper = tz.toUpperCase();
  if (!ABBREVIATION.test(upper) || UNIVERSAL.has(upper)) return undefined;
  const meanings = ABBREVIATIONS[upper];
  const names = meanings
    ? currentLang() === 'zh'
      ? `，可能指 ${meanings.join('、')}`
      : `, which may mean ${meanings.join(', ')}`
    : '';
  return say(OPTION.zoneAbbreviation({ tz, names, example: meanings?.[0]?.split(' ')[0] ?? 'Asia/Shanghai' }));
}

const UTC_NAMES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/GMT',
  'GMT',
  'Etc/Universal',
  'Universal',
  'Etc/Zulu',
  'Zulu',
  'Etc/UCT',
  'UCT',
  'Etc/GMT0',
  'GMT0',
]);

/** A server's default zone, which is almost never the zone a person wrote the times in. */
export function isUtcZone(zone: string): boolean {
  return UTC_NAMES.has(zone);
}

export const machineZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
