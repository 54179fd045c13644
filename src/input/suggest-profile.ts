import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Cell, cellText } from './cells.js';
import { readCsvFile } from './csv-file.js';
import { parseCsvText } from './csv.js';
import { decodeCsvBytes } from './encoding.js';
import { enumCode, enumKey } from './enum-words.js';
import { ALIASES, normaliseHeader } from './headers.js';
import { nearMissColumns } from './near-miss.js';
import { ENUM_SPECS, type EnumColumn, type MappingProfile, type WideDimensionEntry } from './profile.js';
import { type Column, FIELDS, type FieldSpec, TIME_SPAN } from '../schema.js';
import { HEADER_SEARCH_ROWS, type SheetEntry, type Workbook, openWorkbook } from './xlsx.js';

/**
 * A draft profile for a file as it is (`feishu-interview-import profile FILE`, the library's
 * `suggestProfile`): the header row found, each header mapped (by the template's names, the words
 * old systems use, or a near miss), the enumeration words the tool does not know with a best
 * guess or blank, `fill_down` where interview keys are left blank on continuation rows, and wide
 * dimensions for columns of scores. What it guessed and what is left is said in `guesses` and
 * `undecided`, never decided silently: a blank word refuses the profile until it is filled in.
 */
export interface ProfileSuggestion {
  readonly profile: MappingProfile;
  /** The sheet (xlsx) read. */
  readonly sheet?: string;
  /** The file's headers, as written. */
  readonly headers: readonly string[];
  /** Each mapping or value that is a guess, to check. */
  readonly guesses: readonly Guess[];
  /** What only the user can decide: a blank word in `values`, a header left unmapped. */
  readonly undecided: readonly Undecided[];
}

export type Guess =
  | { readonly kind: 'column'; readonly header: string; readonly column: Column; readonly sure: boolean }
  | { readonly kind: 'ignored'; readonly header: string }
  | {
      readonly kind: 'value';
      readonly column: EnumColumn;
      readonly word: string;
      readonly to: string;
      readonly count: number;
    }
  | { readonly kind: 'wide'; readonly header: string; readonly type: string }
  | { readonly kind: 'fill_down'; readonly column: Column; readonly blanks: number }
  | { readonly kind: 'tz'; readonly zone: string };

export type Undecided =
  | { readonly kind: 'value'; readonly column: EnumColumn; readonly word: string; readonly count: number }
  | { readonly kind: 'header'; readonly header: string };

/** Words old systems head their columns with (`oldHeaders` in src/fields.ts), and headers no column takes. */
const LEGACY_NAMES: readonly (readonly [RegExp, Column | null])[] = [
  ...(FIELDS as readonly FieldSpec[]).flatMap((f) =>
    f.oldHeaders ? [[f.oldHeaders, f.column as Column] as const] : [],
  ),
  [/^(候选人|姓名|手机(号)?|电话|邮箱|email|phone|备注)$/, null],
];

const SCORE_HEADER = /^(.+?)\s*[(（]\s*分(数)?\s*[)）]$|^(.+?)(得分|分数)$/;
const INTEGER = /^\s*\d{1,3}(\.0+)?\s*$/;

/**
 * The rows of a CSV, or of a workbook's sheet (`sheet` by name, else the first visible one with
 * headers), as read; `peek`: only the first rows, enough to find the header (a CSV's first
 * `PEEK_BYTES`, cut at a line end; the whole file when that part does not parse alone).
 */
export async function rawRows(
  file: string,
  sheetName?: string,
  peek = false,
): Promise<{ rows: { row: number; cells: Cell[] }[]; sheet?: string }> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    const workbook = await openWorkbook(file);
    try {
      const sheet =
        workbook.sheets.find((s) => sheetName !== undefined && s.name === sheetName) ??
        (await firstWithHeaders(workbook)) ??
        workbook.sheets.find((s) => !s.hidden && s.part) ??
        workbook.sheets[0]!;
      return { rows: (await (peek ? workbook.peek(sheet) : workbook.read(sheet))).rows, sheet: sheet.name };
    } finally {
      await workbook.close();
    }
  }
  const size = (await stat(file)).size;
  if (peek && size > PEEK_BYTES) {
    const head = await csvHead(file);
    if (head) return { rows: head };
  }
  const decoded = decodeCsvBytes(await readCsvFile(file, size), file);
  return { rows: parseCsvText(decoded.content, file).records };
}

/** A CSV's first rows: its first 256 KiB hold the header rows of any export, and a screen of data. */
const PEEK_BYTES = 256 * 1024;

async function csvHead(file: string): Promise<{ row: number; cells: Cell[] }[] | undefined> {
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(bytes, 0, PEEK_BYTES, 0);
    const end = bytes.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (end <= 0) return undefined;
    const decoded = decodeCsvBytes(bytes.subarray(0, end + 1), file);
    return parseCsvText(decoded.content, file).records.slice(0, HEADER_SEARCH_ROWS);
  } catch {
    // A quoted cell cut in the middle, a UTF-16 line end cut in two: the whole file is read.
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * The first visible sheet one of whose first rows names two or more columns the tool or old
 * systems use: the data, not the template's instructions (one column named per row) before it.
 */
async function firstWithHeaders(workbook: Workbook): Promise<SheetEntry | undefined> {
  for (const sheet of workbook.sheets) {
    if (sheet.hidden || !sheet.part) continue;
    const { rows } = await workbook.peek(sheet);
    const named = (r: { cells: Cell[] }) =>
      r.cells.filter((c) => {
        const text = cellText(c);
        return text.trim() !== '' && guessColumn(text, new Set())?.column;
      }).length;
    if (rows.some((r) => named(r) >= 2)) return sheet;
  }
  return undefined;
}

export function guessColumn(
  header: string,
  taken: ReadonlySet<Column>,
): { column: Column | null; sure: boolean } | undefined {
  const key = normaliseHeader(header);
  const exact = ALIASES.get(key);
  if (exact && !taken.has(exact)) return { column: exact, sure: true };
  for (const [pattern, column] of LEGACY_NAMES)
    if (pattern.test(key) && (column === null || !taken.has(column))) return { column, sure: column === null };
  const near = nearMissColumns(header, taken);
  return near.length === 1 ? { column: near[0]!, sure: false } : undefined;
}

/** The row among the first 20 whose cells most look like headers: names the tool or old systems use, else text. */
export function headerAt(rows: readonly { cells: Cell[] }[]): number {
  let best = 0;
  let bestScore = -1;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, at) => {
    const texts = r.cells.map(cellText).filter((t) => t.trim() !== '');
    const known = texts.filter((t) => guessColumn(t, new Set()) !== undefined).length;
    const score = known * 100 + (texts.length > 1 ? texts.length : 0);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  });
  return best;
}

/** Where to read a file's draft: a sheet by name, a header row the user chose (else the one found). */
export interface SuggestOptions {
  readonly sheet?: string;
  readonly headerRow?: number;
}

export async function suggestProfile(file: string, options: SuggestOptions = {}): Promise<ProfileSuggestion> {
  const { rows, sheet } = await rawRows(file, options.sheet);
  return suggestFromRows(rows, sheet, options.headerRow);
}

/** The draft of rows already read; `headerRow` (a row number as the file shows it) when the user chose it. */
export function suggestFromRows(
  rows: readonly { row: number; cells: Cell[] }[],
  sheet: string | undefined,
  headerRow?: number,
): ProfileSuggestion {
  const chosen = headerRow === undefined ? -1 : rows.findIndex((r) => r.row === headerRow);
  const at = chosen >= 0 ? chosen : headerAt(rows);
  const headers = (rows[at]?.cells ?? []).map(cellText);
  const data = rows.slice(at + 1);
  const guesses: Guess[] = [];
  const undecided: Undecided[] = [];
  const columns: Record<string, Column | null> = {};
  const index: Partial<Record<Column, number>> = {};
  const taken = new Set<Column>();
  const cellsOf = (i: number) => data.map((r) => cellText(r.cells[i]).trim());
  const wide: WideDimensionEntry[] = [];
  headers.forEach((header, i) => {
    if (header.trim() === '') return;
    const guess = guessColumn(header, taken);
    if (guess?.column === null) {
      columns[header] = null;
      guesses.push({ kind: 'ignored', header });
      return;
    }
    if (guess) {
      taken.add(guess.column);
      index[guess.column] = i;
      if (normaliseHeader(header) !== normaliseHeader(guess.column)) columns[header] = guess.column;
      guesses.push({ kind: 'column', header, column: guess.column, sure: guess.sure });
      return;
    }
    const entry = wideEntry(header, cellsOf(i));
    if (entry) {
      wide.push(entry);
      guesses.push({ kind: 'wide', header, type: entry.assessment_type });
    } else undecided.push({ kind: 'header', header });
  });
  const values = valueGuesses(index, cellsOf, guesses, undecided);
  const fill = fillDownGuess(index, data, guesses);
  const zone = naiveTimes(index, cellsOf) && /\p{Script=Han}/u.test(headers.join('')) ? 'Asia/Shanghai' : undefined;
  if (zone) guesses.push({ kind: 'tz', zone });
  const profile: MappingProfile = {
    ...(at > 0 || rows[at]?.row !== 1 ? { header_row: rows[at]?.row ?? 1 } : {}),
    ...(sheet ? { sheet } : {}),
    columns,
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(fill.length > 0 ? { fill_down: fill } : {}),
    ...(wide.length > 0 ? { wide_dimensions: wide } : {}),
    ...(zone ? { tz: zone } : {}),
  };
  return { profile, sheet, headers, guesses, undecided };
}

/** A column of scores (`专业能力(分)`, or whole numbers 0–100 only) is a 打分题; few short words, a 单选题. */
function wideEntry(header: string, cells: readonly string[]): WideDimensionEntry | undefined {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return undefined;
  const named = SCORE_HEADER.exec(header.trim());
  const scores = filled.every((c) => INTEGER.test(c) && Number(c) <= 100);
  if (scores) return { column: header, title: (named?.[1] ?? named?.[3] ?? header).trim(), assessment_type: '打分题' };
  const distinct = new Set(filled);
  if (distinct.size <= 10 && [...distinct].every((c) => [...c].length <= 12) && filled.length >= 2 * distinct.size)
    return { column: header, title: header.trim(), assessment_type: '单选题' };
  return undefined;
}

/** The tool's word an old system's word most likely means in `column`, or '' when nothing fits. */
export function guessWord(column: EnumColumn, word: string): string {
  const key = enumKey(word);
  return ENUM_SPECS[column]!.guesses?.find(([pattern]) => pattern.test(key))?.[1] ?? '';
}

function valueGuesses(
  index: Partial<Record<Column, number>>,
  cellsOf: (i: number) => string[],
  guesses: Guess[],
  undecided: Undecided[],
): Record<string, Record<string, string>> {
  const values: Record<string, Record<string, string>> = {};
  for (const column of Object.keys(ENUM_SPECS) as EnumColumn[]) {
    const at = index[column];
    if (at === undefined) continue;
    const counts = new Map<string, number>();
    for (const c of cellsOf(at))
      if (c !== '' && enumCode(c, ENUM_SPECS[column]!) === undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const [word, count] of counts) {
      const to = guessWord(column, word);
      values[column] ??= {};
      values[column][word] = to;
      if (to) guesses.push({ kind: 'value', column, word, to, count });
      else undecided.push({ kind: 'value', column, word, count });
    }
  }
  return values;
}

/** The keys to fill down: blank on rows that hold other cells, given on the interview's first row. */
function fillDownGuess(
  index: Partial<Record<Column, number>>,
  data: readonly { cells: Cell[] }[],
  guesses: Guess[],
): Column[] {
  const out: Column[] = [];
  for (const column of [
    'external_interview_id',
    'external_id',
    'external_application_id',
    'assessment_external_id',
  ] as const) {
    const at = index[column];
    if (at === undefined || data.length === 0 || cellText(data[0]!.cells[at]).trim() === '') continue;
    const blanks = data.filter((r) => cellText(r.cells[at]).trim() === '').length;
    if (blanks === 0) continue;
    out.push(column);
    guesses.push({ kind: 'fill_down', column, blanks });
  }
  return out;
}

/** Times written without an offset (2024/06/02 10:00): a zone must be said. */
function naiveTimes(index: Partial<Record<Column, number>>, cellsOf: (i: number) => string[]): boolean {
  const at = index[TIME_SPAN.begin] ?? index[TIME_SPAN.end];
  if (at === undefined) return false;
  return cellsOf(at).some((c) => c !== '' && !/(Z|[+-]\d{2}:?\d{2})$/i.test(c) && !/^\d{10,13}$/.test(c));
}
