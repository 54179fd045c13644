import { OPTION } from './option-messages.js';
import { say } from './messages.js';
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

/** A time as written on a wall clock: a date and time without a zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, f);
  }
  return f;
}

/** Throws a RangeError for a name that is not an IANA zone. */
export function assertZone(zone: string): void {
  formatter(zone);
}

/**
 * Offsets are cached per zone and quarter hour: every zone's transitions since 1970 fall on a
 * quarter hour (tzdata), and asking Intl is the costliest step of reading a time.
 */
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(zone: string, utcMs: number): number {
  let cache = offsets.get(zone);
  if (!cache) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const bucket = Math.floor(utcMs / QUARTER_HOUR);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = askOffset(zone, bucket * QUARTER_HOUR);
    if (cache.size > 100_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

function askOffset(zone: string, utcMs: number): number {
  const seconds = Math.floor(utcMs / 1000) * 1000;
  const parts = formatter(zone).formatToParts(seconds);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - seconds;
}

/**
 * An instant as wall-clock time in a zone, as a person in that zone wrote it:
 * `2024-03-01 14:00 (Asia/Shanghai)`; seconds and milliseconds only when there are any.
 */
export const showTime = (ms: number, zone: string): string => `${wallText(ms, zone)} (${zone})`;

/** The zone's canonical name: an alias such as PRC is Asia/Shanghai. */
export const canonicalZone = (zone: string): string => formatter(zone).resolvedOptions().timeZone;

/** `showTime` without the zone (`2024-03-01 14:00`), for a front end that names the zone in its own words. */
export function wallText(ms: number, zone: string): string {
  const d = new Date(ms + offsetAt(zone, ms));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (d.getUTCSeconds() || d.getUTCMilliseconds()) text += `:${pad(d.getUTCSeconds())}`;
  if (d.getUTCMilliseconds()) text += `.${pad(d.getUTCMilliseconds(), 3)}`;
  return text;
}

/** Wall-clock time in a zone to an instant; undefined when the clocks skipped that time. */
export function wallToEpoch(w: WallTime, zone: string): number | undefined {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const first = offsetAt(zone, asUtc);
  let ms = asUtc - first;
  const second = offsetAt(zone, ms);
  if (second !== first) ms = asUtc - second;
  return ms + offsetAt(zone, ms) === asUtc ? ms : undefined;
}
