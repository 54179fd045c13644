import { EXPECT, FIX, GOT } from './messages.js';
import { type Pair, col, same, shown, shownPair } from '../messages.js';
import type { ValueProblem } from '../errors.js';
import { type Cell, cellText, formatDateCell, formatWallTime } from '../input/cells.js';
import { type WallTime, wallToEpoch } from '../time-zones.js';
import { editDistance } from '../edit-distance.js';
import { currentLang } from '../lang.js';
import { ASSESSMENT_TYPE, CONCLUSION, type EnumSpec, PARTICIPATE_STATUS } from '../schema.js';
import { enumKey, enumLookup } from '../input/enum-words.js';

/** Why a cell could not be used. A class, so a parser's result needs no wrapper object. */
export class Invalid {
  constructor(readonly problem: ValueProblem) {}
}

/**
 * The outcome of reading one cell: the value, `undefined` when blank, or `Invalid`.
 * (No `{ok, value}` wrapper: a 100,000-row file reads 1.6 million cells.)
 */
export type Parsed<T> = T | undefined | Invalid;

const BLANK = undefined;
const ok = <T>(value: T): T => value;
const bad = (code: string, expected: Pair, got: Pair | string, fix: Pair): Invalid =>
  new Invalid({ code, expected, got: typeof got === 'string' ? same(got) : got, fix });

// Regular expressions live here, not inline: a literal in a function body is a new RegExp
// object every time the line runs (56 bytes), and these run for every cell of every row.
const ASCII = /^[\x20-\x7e]*$/;
const E_NOTATION = /^[+-]?\d+(\.\d*)?e[+-]?\d+$/i;
const CJK = /\p{Script=Han}/u;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const OFFSET_WITHOUT_COLON = /([+-]\d{2})(\d{2})$/;
const WALL_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const DATE_ONLY = /^\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)$/;
/**
 * How Chinese users type a time: `2024年3月1日 14:00`, `2024年3月1日14时30分`, `2024/3/1 下午2:05`,
 * `2024-03-01 上午9:00`. Groups: year, month, day (年月日 or separators), 上午/下午, hour, then
 * minute and second after colons or after 时/点 with 分/秒.
 */
const CHINESE_TIME =
  /^(\d{4})(?:年(\d{1,2})月(\d{1,2})[日号]|[-/.](\d{1,2})[-/.](\d{1,2}))\s*(上午|下午)?\s*(\d{1,2})(?::(\d{2})(?::(\d{2}))?|[时時点點](?:(\d{1,2})(?:分(?:(\d{1,2})秒)?)?)?)$/;
/** A number in Chinese numerals before 点/时/分/秒 (两点, 十二点, 三十分); dates keep their digits. */
const CHINESE_NUMERAL_CLOCK = /[零〇一二两兩三四五六七八九十]+(?=[时時点點分秒])/g;
/** 半 (half past) and 一刻/三刻 (quarter past, quarter to) after the hour, as said aloud. */
const CLOCK_FRACTION = /([时時点點])(半|一刻|三刻)$/;
const FRACTION_MINUTES: Readonly<Record<string, string>> = { 半: '30', 一刻: '15', 三刻: '45' };
/** Each digit's value is its position; 〇 is 零, 两 (兩) is 二. */
const CHINESE_DIGITS = '零一二三四五六七八九';
const digitOf = (c: string | undefined): number | undefined => {
  const d = CHINESE_DIGITS.indexOf(c === '〇' ? '零' : c === '两' || c === '兩' ? '二' : (c ?? '-'));
  return d === -1 ? undefined : d;
};
const SCORE = /^([+-]?\d{1,9})(?:\.0*)?$/;
const DECIMAL = /^[+-]?\d*\.\d+$/;
const OPTION_SEPARATORS = /[|｜\r\n]+/;

/** True for a non-empty run of ASCII digits (a loop: no RegExp, no allocation). */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Full-width digits, letters and punctuation to their half-width forms; outer spaces removed. */
function fold(text: string): string {
  return (ASCII.test(text) ? text : text.normalize('NFKC')).trim();
}

/** A cell's text as a message quotes it: whole, or cut with its length when long (`shown`). */
const quote = (text: string): Pair | string => shownPair(text);
/** A value a message shows without quotes (a number as written), cut as `quote` cuts. */
const unquoted = (text: string): Pair | string => shownPair(text, true);

function errorCell(cell: Cell, expected: Pair): Invalid | undefined {
  if (typeof cell === 'object' && cell.kind === 'error') {
    return bad(cell.code ?? 'ROW_CELL_ERROR', expected, cell.got ?? cell.error, cell.fix ?? FIX.formula);
  }
  return undefined;
}

/**
 * `<clear>` in an interview's value (`INTERVIEW_VALUES` in src/schema.ts) sends the interview without that field.
 * With `--merge` a blank cell keeps the current value, so clearing one needs this marker.
 */
export const CLEAR_MARKER = '<clear>';

export function isClearMarker(cell: Cell | undefined): boolean {
  // Cheap test first: no "<" in any width (<, full-width ＜, small ﹤), no marker; so most
  // cells are answered without the copies that folding and lower-casing make.
  if (
    typeof cell !== 'string' ||
    cell.length >= 16 ||
    !(cell.includes('<') || cell.includes('＜') || cell.includes('﹤'))
  )
    return false;
  return fold(cell).toLowerCase() === CLEAR_MARKER;
}

// ---------------------------------------------------------------------------------------------
// IDs

/** int64 has 19 digits at most; Feishu's IDs are 19-digit strings. */
const MAX_ID_DIGITS = 19;

export function parseId(cell: Cell | undefined): Parsed<string> {
  if (cell === undefined || cell === '') return BLANK;
  const err = errorCell(cell, EXPECT.id);
  if (err) return err;
  if (typeof cell === 'object' && cell.kind === 'number') {
    // Excel keeps 15 significant digits: a number above 2^53 is not the ID that was typed.
    if (Number.isSafeInteger(cell.value) && cell.value >= 0) return ok(String(cell.value));
    // Echo what the file holds: a writer may store all 19 digits, Excel shows 15 of them.
    const got =
      cell.raw === undefined ? same(cell.value.toExponential(14).toUpperCase()) : GOT.storedAsNumber(cell.raw);
    return bad('ROW_ID_AS_NUMBER', EXPECT.id, got, FIX.idAsText);
  }
  if (typeof cell === 'object') return bad('ROW_ID_NOT_DIGITS', EXPECT.id, quote(cellText(cell)), FIX.idDigitsOnly);
  const text = fold(cell);
  if (text === '') return BLANK;
  if (isDigits(text)) {
    if (text.length > MAX_ID_DIGITS)
      return bad(
        'ROW_ID_TOO_LONG',
        EXPECT.idDigits(MAX_ID_DIGITS),
        GOT.digits(text.length, shown(text, currentLang())),
        FIX.idPasted,
      );
    return ok(text);
  }
  if (E_NOTATION.test(text)) {
    return bad('ROW_ID_AS_NUMBER', EXPECT.id, unquoted(text), FIX.idAsText);
  }
  return bad('ROW_ID_NOT_DIGITS', EXPECT.id, quote(text), FIX.idClean);
}

/**
 * A legacy key (`外部系统面试ID`, `外部系统面评ID`): text, kept exactly. A whole number cell Excel holds
 * exactly (below 2^53) is its digits; a larger one, or one shown in E-notation, was rounded by the
 * spreadsheet and is not the key that was typed: two keys rounded alike would become one record.
 */
export function parseKey(cell: Cell | undefined): Parsed<string> {
  if (cell === undefined || cell === '') return BLANK;
  if (typeof cell === 'object' && cell.kind === 'number') {
    if (Number.isSafeInteger(cell.value)) return ok(String(cell.value));
    if (Math.abs(cell.value) < 2 ** 53 && cell.raw !== undefined && !E_NOTATION.test(cell.raw)) return ok(cell.raw);
    const got =
      cell.raw === undefined ? same(cell.value.toExponential(14).toUpperCase()) : GOT.storedAsNumber(cell.raw);
    return bad('ROW_ID_AS_NUMBER', EXPECT.key, got, FIX.keyAsText);
  }
  const parsed = parseText(cell, true);
  if (typeof parsed === 'string' && E_NOTATION.test(fold(parsed)))
    return bad('ROW_ID_AS_NUMBER', EXPECT.key, unquoted(parsed), FIX.keyAsText);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Enumerations

const ENUMS: ReadonlyMap<string, EnumSpec> = new Map(
  [PARTICIPATE_STATUS, CONCLUSION, ASSESSMENT_TYPE].map((spec) => [spec.name, spec]),
);

/**
 * A field's code as people type it, in the run's language: conclusion 2 is 通过 in a Chinese run
 * and `pass` in an English one (both read back as input); undefined for a field that is not an
 * enumeration, or a code it does not list (shown as the code).
 */
export function enumLabel(field: string, value: unknown): string | undefined {
  const pair = typeof value === 'number' ? ENUMS.get(field)?.values[value] : undefined;
  return pair?.[currentLang() === 'zh' ? 0 : 1];
}

export function describeEnum(spec: EnumSpec): string {
  return Object.entries(spec.values)
    .map(([code, [zh, en]]) => `${code} ${zh} ${en}`)
    .join(' · ');
}

export function parseEnum(cell: Cell | undefined, spec: EnumSpec): Parsed<number> {
  if (cell === undefined || cell === '') return BLANK;
  const lookup = enumLookup(spec);
  // Fast path: most cells hold a code or label exactly as the drop-down wrote it.
  const exact = typeof cell === 'string' ? lookup.get(cell) : undefined;
  if (exact !== undefined) return ok(exact);
  const expected = EXPECT.oneOf(describeEnum(spec));
  const err = errorCell(cell, expected);
  if (err) return err;
  const raw = cellText(cell);
  // No label or synonym is near this long (the longest is 16): a long cell is refused without
  // folding it or searching for the label it might mean.
  if (raw.length > LONGEST_ENUM_CELL)
    return bad('ROW_BAD_ENUM', expected, quote(raw), FIX.pickEnum(undefined, col(spec.name), spec.profile));
  const key = enumKey(raw);
  if (key === '') return BLANK;
  const code = lookup.get(key);
  if (code !== undefined) return ok(code);
  const near = nearestLabel(key, spec);
  return bad('ROW_BAD_ENUM', expected, quote(raw), FIX.pickEnum(near, col(spec.name), spec.profile));
}

/** Room for a label with spaces typed around and inside it (`  通 过 `); four times the longest. */
const LONGEST_ENUM_CELL = 64;

/** The one label a near miss is one edit away from (通导 → 通过); none when two are as near. */
function nearestLabel(key: string, spec: EnumSpec): string | undefined {
  if ([...key].length < 2) return undefined;
  const labels = Object.values(spec.values).flat();
  const near = labels.filter((l) => [...l].length >= 2 && editDistance(key, l, 1) <= 1);
  return near.length === 1 ? near[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Times

/** Epoch milliseconds have 13 digits from 2001-09-09 to 2286-11-20; seconds have 10. */
const MS_MIN = 1e12;
const MS_MAX = 1e13;

export interface ParsedTime {
  readonly ms: number;
  /** True when the value had no offset and `--tz` decided the instant. */
  readonly usedZone: boolean;
}

/** Room for the longest time with spaces around it. */
const LONGEST_TIME_CELL = 100;

export function parseTime(cell: Cell | undefined, zone: string): Parsed<ParsedTime> {
  if (cell === undefined || cell === '') return BLANK;
  const expected = EXPECT.time;
  const err = errorCell(cell, expected);
  if (err) return err;
  if (typeof cell === 'object' && cell.kind === 'date') {
    if (cell.timeOnly) {
      const timeShown = formatDateCell(cell);
      return bad('ROW_TIME_NO_DATE', EXPECT.timeWithDate, GOT.timeOfDay(timeShown), FIX.addDate(timeShown));
    }
    return fromWall(cell.wall, zone, formatWallTime(cell.wall), expected);
  }
  if (typeof cell === 'object' && cell.kind === 'number') {
    if (cell.duration) return bad('ROW_TIME_DURATION', expected, GOT.duration(cellText(cell)), FIX.durationFormat);
    return fromDigits(cell.value, cellText(cell), expected);
  }
  const raw = cellText(cell);
  // The longest way to write a time is some 40 characters (2024年12月31日 下午十二点三十分五十九秒):
  // a longer cell is refused without folding it or matching the patterns below against it.
  if (raw.length > LONGEST_TIME_CELL) return bad('ROW_BAD_TIME', expected, quote(raw), FIX.timeLike);
  const text = fold(raw);
  if (text === '') return BLANK;
  if (isDigits(text)) return fromDigits(Number(text), text, expected);
  const iso = ISO_TIME.exec(text);
  if (iso) {
    const ms = Date.parse(text.replace(OFFSET_WITHOUT_COLON, '$1:$2'));
    if (Number.isNaN(ms) || !validWall(wallOf(iso))) return bad('ROW_BAD_TIME', expected, quote(text), FIX.timeExists);
    return inRange(ms, text) ?? ok({ ms, usedZone: false });
  }
  const wall = WALL_TIME.exec(text);
  if (wall) return fromWall(wallOf(wall), zone, text, expected);
  const chinese = CHINESE_TIME.exec(CJK.test(text) ? spokenClock(text) : text);
  if (chinese) {
    const w = chineseWall(chinese);
    return w ? fromWall(w, zone, text, expected) : bad('ROW_BAD_TIME', expected, quote(text), FIX.halfDay);
  }
  if (DATE_ONLY.test(text)) {
    return bad('ROW_TIME_NO_CLOCK', EXPECT.timeWithClock, quote(text), FIX.addClock(text));
  }
  return bad('ROW_BAD_TIME', expected, quote(text), FIX.timeLike);
}

function fromDigits(n: number, shown: string, expected: Pair): ParsedTime | Invalid {
  if (Number.isInteger(n) && n >= MS_MIN && n < MS_MAX) return ok({ ms: n, usedZone: false });
  if (Number.isInteger(n) && n >= 1e9 && n < 1e10) {
    return bad('ROW_TIME_IN_SECONDS', EXPECT.epochMs, GOT.seconds(shown), FIX.times1000(shown));
  }
  if (n > 0 && n < 2_958_466) {
    return bad('ROW_BAD_TIME', expected, GOT.excelSerial(shown), FIX.formatAsDate);
  }
  return bad('ROW_BAD_TIME', expected, unquoted(shown), FIX.epochOrWall);
}

/** The API takes 13-digit epoch milliseconds: 2001-09-09 to 2286-11-20. */
function inRange(ms: number, shown: string): Invalid | undefined {
  if (ms >= MS_MIN && ms < MS_MAX) return undefined;
  return bad('ROW_BAD_TIME', EXPECT.yearRange, quote(shown), FIX.checkYear);
}

function wallOf(m: RegExpExecArray): WallTime {
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    millisecond: Number((m[7] ?? '0').padEnd(3, '0')),
  };
}

/**
 * The clock as people say it, in digits: 下午两点半 → 下午2点30, 十点一刻 → 10点15. A numeral
 * this cannot read (十十) is left as it is, and the time is refused as not a time.
 */
function spokenClock(text: string): string {
  return text
    .replace(CHINESE_NUMERAL_CLOCK, (numeral) => String(chineseNumber(numeral) ?? numeral))
    .replace(CLOCK_FRACTION, (_, unit: string, fraction: string) => `${unit}${FRACTION_MINUTES[fraction]}`);
}

/** 0 to 99 in Chinese numerals (十二 12, 二十 20, 二十三 23, 五十九 59); undefined for anything else. */
function chineseNumber(numeral: string): number | undefined {
  const chars = [...numeral];
  const ten = chars.indexOf('十');
  if (ten === -1) return chars.length === 1 ? digitOf(chars[0]) : undefined;
  if (ten !== chars.lastIndexOf('十') || ten > 1 || chars.length - ten > 2) return undefined;
  const tens = ten === 0 ? 1 : digitOf(chars[0]);
  const units = ten === chars.length - 1 ? 0 : digitOf(chars[ten + 1]);
  if (tens === undefined || units === undefined || tens === 0) return undefined;
  return tens * 10 + units;
}

/** 上午 12:xx is 00:xx and 下午 12:xx is 12:xx, as on a 12-hour clock; undefined for 下午 14:00. */
function chineseWall(m: RegExpExecArray): WallTime | undefined {
  const [, year, cnMonth, cnDay, month, day, half, hour, minute, second, cnMinute, cnSecond] = m;
  let h = Number(hour);
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (half === '下午' ? 12 : 0);
  }
  return {
    year: Number(year),
    month: Number(cnMonth ?? month),
    day: Number(cnDay ?? day),
    hour: h,
    minute: Number(minute ?? cnMinute ?? 0),
    second: Number(second ?? cnSecond ?? 0),
    millisecond: 0,
  };
}

function validWall(w: WallTime): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day <= daysInMonth;
}

function fromWall(w: WallTime, zone: string, shown: string, expected: Pair): ParsedTime | Invalid {
  if (!validWall(w)) return bad('ROW_BAD_TIME', expected, quote(shown), FIX.timeExists);
  const ms = wallToEpoch(w, zone);
  if (ms === undefined) {
    return bad('ROW_TIME_SKIPPED', EXPECT.timeInZone(zone), quote(shown), FIX.dstSkipped);
  }
  return inRange(ms, shown) ?? ok({ ms, usedZone: true });
}

// ---------------------------------------------------------------------------------------------
// Scores, options, text

export function parseScore(cell: Cell | undefined): Parsed<number> {
  if (cell === undefined || cell === '') return BLANK;
  const expected = EXPECT.score;
  const err = errorCell(cell, expected);
  if (err) return err;
  if (typeof cell === 'object' && cell.kind === 'number') {
    return Number.isSafeInteger(cell.value)
      ? ok(cell.value)
      : bad('ROW_BAD_SCORE', expected, String(cell.value), FIX.round);
  }
  const folded = fold(cellText(cell));
  // 88分: the unit people type after a score.
  const text = folded.endsWith('分') ? folded.slice(0, -1).trimEnd() : folded;
  if (text === '') return BLANK;
  // Fast path, no match array: plain digits, the way nearly every score is typed.
  if (text.length <= 9 && isDigits(text)) return ok(Number(text));
  const m = SCORE.exec(text);
  if (!m) return bad('ROW_BAD_SCORE', expected, quote(text), DECIMAL.test(text) ? FIX.round : FIX.digitsOnly);
  return ok(Number(m[1]));
}

export function parseOptions(cell: Cell | undefined): Parsed<string[]> {
  if (cell === undefined || cell === '') return BLANK;
  const err = errorCell(cell, EXPECT.options);
  if (err) return err;
  const list: string[] = [];
  for (const part of cellText(cell).split(OPTION_SEPARATORS)) {
    const option = part.trim();
    if (option !== '') list.push(option);
  }
  return list.length === 0 ? BLANK : ok(list);
}

/**
 * A text field. Names and titles are trimmed; free text (`content`, `description`) is kept
 * exactly as written, because it lands in Feishu as the interviewer wrote it.
 */
export function parseText(cell: Cell | undefined, trim: boolean, max?: number): Parsed<string> {
  if (cell === undefined || cell === '') return BLANK;
  const err = errorCell(cell, EXPECT.text);
  if (err) return err;
  const text = cellText(cell);
  if (text.trim() === '') return BLANK;
  const out = trim ? text.trim() : text;
  // Characters as people count them (code points), counted only past the cheaper count.
  if (max !== undefined && out.length > max) {
    const chars = codePoints(out);
    if (chars > max) return bad('ROW_TEXT_TOO_LONG', EXPECT.textUpTo(max), GOT.chars(chars), FIX.shorten(max));
  }
  return ok(out);
}

/** The code points of `text`, without the array `[...text]` would make (a cell may hold 32,767 units). */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) n--;
  }
  return n;
}
