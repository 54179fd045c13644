import type { WallTime } from '../time-zones.js';

/** What Excel shows for a number in a date format. */
export type SerialRead =
  | { readonly kind: 'date'; readonly wall: WallTime; readonly timeOnly?: true }
  /** Excel shows `########`: no date before its first day. */
  | { readonly kind: 'negative' }
  /** Serial 60 of the 1900 system: Excel shows 1900-02-29, a day that never was. */
  | { readonly kind: 'feb29' };

const DAY_MS = 86_400_000;
/** 1970-01-01 as a serial: days from 1899-12-30, the day that makes serials from 61 on right. */
const UNIX_EPOCH_SERIAL = 25_569;
/** The 1904 system counts from 1904-01-01: 1,462 days later (ECMA-376 Part 1, 18.17.4.1). */
const DAYS_1904 = 1_462;

/**
 * A serial day number as Excel shows it (ECMA-376 Part 1, 18.17.4.1). In the 1900 system Excel
 * keeps Lotus 1-2-3's leap day: serial 1 is 1900-01-01, 59 is 1900-02-28, 60 the 1900-02-29 that
 * never was, and only from 61 (1900-03-01) on do serials count from 1899-12-30; below 60 they
 * count from 1899-12-31. A serial below 1 holds a time of day and no date (Excel shows
 * 1900-01-00 for its day), in both systems. A negative serial is no date Excel shows.
 */
export function serialToWall(serial: number, date1904: boolean): SerialRead {
  if (serial < 0) return { kind: 'negative' };
  if (!date1904 && serial >= 60 && serial < 61) return { kind: 'feb29' };
  const shift = date1904 ? DAYS_1904 : serial < 60 ? 1 : 0;
  const d = new Date(Math.round((serial - UNIX_EPOCH_SERIAL + shift) * DAY_MS));
  const wall = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
  return serial < 1 ? { kind: 'date', wall, timeOnly: true } : { kind: 'date', wall };
}
