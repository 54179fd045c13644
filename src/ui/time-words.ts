/**
 * The page's words for the row problems that name times (an end before its begin, two rows of one
 * interview giving two times), from the problem's facts (src/errors.ts `ProblemFacts`), never its
 * message: each time as it lands with its zone in words (`2025-12-02 14:00 北京时间`), as the
 * grid and the change lines say times. The library's message names the zone by its IANA name.
 */
import type { ProblemFacts } from '../errors.js';
import type { Pair } from '../messages.js';
import { FIELD, TIME_SPAN } from '../schema.js';
import { canonicalZone, wallText } from '../time-zones.js';

/** A time column as the template names it in each language: 开始时间, begin_time. */
const columnWords = (column: typeof TIME_SPAN.begin | typeof TIME_SPAN.end): Pair => ({
  en: FIELD[column].column,
  zh: FIELD[column].zh,
});

/** China's zone is said in words, as the page says it (src/ui/page/zone.ts); any other by its IANA name. */
const SHANGHAI: Pair = { zh: '北京时间', en: 'Beijing time' };

/** `2025-12-02 14:00 北京时间`, `2025-12-02 14:00 Beijing time`, `2025-12-02 06:00 UTC`. */
export function timeWords(ms: number, zone: string): Pair {
  const wall = wallText(ms, zone);
  const named = canonicalZone(zone) === 'Asia/Shanghai' ? SHANGHAI : { zh: zone, en: zone };
  return { zh: `${wall} ${named.zh}`, en: `${wall} ${named.en}` };
}

/** An end before its begin: `row`, the row it is said of (the end's). */
export function endBeforeBegin(f: ProblemFacts | undefined, row: number | undefined): Pair | undefined {
  if (f?.begin === undefined || f.end === undefined) return undefined;
  const begin = timeWords(f.begin, f.zone);
  const end = timeWords(f.end, f.zone);
  const b = columnWords(TIME_SPAN.begin);
  const e = columnWords(TIME_SPAN.end);
  // No row of the file gave the begin: the interview's in Feishu, merged with the file's end.
  if (f.begin_row === undefined)
    return {
      en: `expected an ${e.en} after the ${b.en} ${begin.en}, got ${end.en} once merged with what Feishu holds: fix the time in the file`,
      zh: `与飞书中的现有记录合并后，${e.zh} ${end.zh} 早于${b.zh} ${begin.zh}：请改正文件中的时间`,
    };
  // The begin's row is named only where it is another row than the one the message is said of.
  const other =
    f.begin_row === row ? { en: '', zh: '' } : { en: ` (row ${f.begin_row})`, zh: `（第 ${f.begin_row} 行）` };
  return {
    en: `expected an ${e.en} after the ${b.en} ${begin.en}${other.en}, got ${end.en}: swap the two times or fix the date`,
    zh: `${e.zh}应晚于${b.zh} ${begin.zh}${other.zh}，实际是 ${end.zh}：请对调两个时间或改正日期`,
  };
}

/** Two rows of one interview giving it two times: this row's, and the other's. */
export function timeConflict(f: ProblemFacts | undefined): Pair | undefined {
  if (f?.here === undefined || f.there === undefined || f.other_row === undefined) return undefined;
  const here = timeWords(f.here, f.zone);
  const there = timeWords(f.there, f.zone);
  return {
    en: `expected the same time on every row of the interview, got ${here.en} here but ${there.en} on row ${f.other_row}: make them equal, or leave this cell blank`,
    zh: `同一场面试的每一行应填相同的时间，这里是 ${here.zh}，第 ${f.other_row} 行却是 ${there.zh}：请改成一致，或把这一格留空`,
  };
}
