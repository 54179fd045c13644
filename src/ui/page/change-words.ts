/**
 * A change's fields in the page's words, from the run's facts (src/report/run-result.ts
 * `FieldChange`) rather than the library's message, which names an English run's fields by the
 * API's keys and a time's zone by its IANA name: here each field is named by its column as the
 * template names it in the page's language (面试结论, conclusion; 评价内容, assessment_content), an
 * enumeration's value by its word in that language, and a time as it lands, with the zone in
 * words (`2025-12-02 14:00 北京时间`), as the grid shows times.
 */
import { type Column, FIELD } from '../../schema.js';
import type { ChangeGroup, FieldChange, InterviewChange } from '../views.js';
import { type Key, type Lang, t } from './strings.js';
import { wallClock } from './zone.js';

/** A value as the page says it: `zone`'s wall clock for a time, an enumeration's word, else as JSON (a text quoted). */
function valueWords(column: string, v: unknown, lang: Lang, zone: string): string {
  if (v === undefined) return t(lang, 'changeNone');
  const field = FIELD[column as Column];
  if (field?.type === 'time' && typeof v === 'number') return wallClock(v, zone, lang);
  const word = typeof v === 'number' ? field?.enum?.values[v] : undefined;
  if (word) return lang === 'zh' ? word[0] : word[1];
  return JSON.stringify(v);
}

/** What a change is of: its assessment (with its interviewer), and the dimension within it. */
function ofWords(c: FieldChange, lang: Lang): string | undefined {
  if (!c.assessment) return undefined;
  const { n, username } = c.assessment;
  const assessment = username ? t(lang, 'changeInterviewer', { n, username }) : t(lang, 'changeAssessment', { n });
  if (c.dimension === undefined) return assessment;
  return t(lang, 'changeDimension', { of: assessment, title: JSON.stringify(c.dimension) });
}

/** One line of a change: `第 1 条面评（王五）面试结论：通过 → 不通过`, `开始时间：2024-03-01 16:00 北京时间 → …`. */
export function changeWords(c: FieldChange, lang: Lang, zone: string): string {
  const of = ofWords(c, lang);
  if (c.whole) return t(lang, c.whole === 'added' ? 'changeAdded' : 'changeRemoved', { what: of ?? '' });
  const column = c.column ?? '';
  const spec = FIELD[column as Column];
  const name = spec ? (lang === 'zh' ? spec.zh : spec.column) : column;
  // A Chinese name follows what it is of without a space, unless that ends in a letter, digit or quote.
  const gap = lang === 'en' || /[0-9A-Za-z"]$/.test(of ?? '') ? ' ' : '';
  const field = of === undefined ? name : `${of}${gap}${name}`;
  const before = valueWords(column, c.before, lang, zone);
  const after = valueWords(column, c.after, lang, zone);
  return t(lang, 'changeField', { field, before, after });
}

/** The lead-in of a preview's row whose interview would change (or an undo's, be restored) field by field. */
const LEAD: Partial<Record<ChangeGroup, Key>> = {
  change: 'rowWouldChange',
  remove: 'rowWouldChange',
  restore: 'rowWouldRestore',
};

/**
 * A preview's row in the grid, said as its interview's change lines are (`将会修改：开始时间：
 * 2024-03-01 16:00 北京时间 → …；…`): the server's row message is the library's, with the zone's
 * IANA name. Undefined where the run gave no facts of its change.
 */
export function rowChangeWords(c: InterviewChange | undefined, lang: Lang, zone: string): string | undefined {
  const lead = c?.fields && LEAD[c.group];
  if (!lead) return undefined;
  const fields = c.fields!.map((f) => changeWords(f, lang, zone)).join(t(lang, 'changeJoin'));
  return t(lang, lead, { fields });
}

/** Each interview's change by the file's rows it has, for the grid's rows. */
export function changesByRow(changes: readonly InterviewChange[]): ReadonlyMap<number, InterviewChange> {
  const byRow = new Map<number, InterviewChange>();
  for (const c of changes) for (const row of c.rows) byRow.set(row, c);
  return byRow;
}
