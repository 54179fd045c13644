/**
 * Time zones as the page shows them: the zone in words (北京时间 for China's), an instant as the
 * wall clock of a zone (`2025-12-02 14:00 北京时间`), and the zones offered in the zone box.
 */
import { type Lang, t } from './strings.js';

/** China's zone, named in words; any other zone by its IANA name, which is how people look it up. */
const SHANGHAI = 'Asia/Shanghai';

/** Offered in the zone box (any IANA name may be typed): where Feishu and Lark tenants mostly are. */
export const ZONES = [
  SHANGHAI,
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
] as const;

let browser: string | undefined;

/** This browser's zone, asked once (see `canonical` below on what asking costs). */
export function browserZone(): string {
  browser ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return browser;
}

/**
 * Remembered: a new Intl.DateTimeFormat costs a millisecond or more, and the page renders on
 * every progress event of a run (uncached, a run's events kept the page busy for seconds).
 */
const canonical = new Map<string, string | undefined>();

/** The zone's canonical name (aliases such as PRC resolve to theirs); undefined for no zone. */
export function canonicalZone(zone: string): string | undefined {
  if (canonical.has(zone)) return canonical.get(zone);
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() }).resolvedOptions().timeZone;
  } catch {
    name = undefined;
  }
  if (canonical.size > 1000) canonical.clear();
  canonical.set(zone, name);
  return name;
}

/** The zone a run's times are shown in: the one it read them in, else the one chosen (an undo's names none). */
export const runZone = (result: { readonly zone?: string }, chosen: string | undefined): string =>
  result.zone ?? chosen ?? browserZone();

/** A zone as typed in the zone box: the page's own words for China's (北京时间, Beijing time) name it too. */
export function zoneTyped(text: string): string {
  const typed = text.trim().toLowerCase();
  const ours = (['zh', 'en'] as const).some((lang) => t(lang, 'zoneShanghai').toLowerCase() === typed);
  return ours ? SHANGHAI : text;
}

export function zoneWords(zone: string, lang: Lang): string {
  return canonicalZone(zone) === SHANGHAI ? t(lang, 'zoneShanghai') : zone;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Texts already made: the grid renders its rows again on every progress event of a run. */
const shown = new Map<string, string>();

/** `2025-12-02 14:00 北京时间`: the instant on the zone's wall clock, seconds only when there are any. */
export function wallClock(ms: number, zone: string, lang: Lang): string {
  const key = `${ms} ${zone} ${lang}`;
  let text = shown.get(key);
  if (text === undefined) {
    text = clockText(ms, zone, lang);
    if (shown.size > 10_000) shown.clear();
    shown.set(key, text);
  }
  return text;
}

function clockText(ms: number, zone: string, lang: Lang): string {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(zone, clock);
  }
  const parts = clock.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const seconds = part('second');
  const time = `${part('hour')}:${part('minute')}${seconds === '00' ? '' : `:${seconds}`}`;
  return `${part('year')}-${part('month')}-${part('day')} ${time} ${zoneWords(zone, lang)}`;
}
