import { type Cell, cellText } from './cells.js';
import { enumCode } from './enum-words.js';
import { ALIASES, normaliseHeader } from './headers.js';
import { ENUM_SPECS, type EnumColumn, type MappingProfile, resolveProfile } from './profile.js';
import type { Column } from '../schema.js';
import { type ProfileSuggestion, guessWord, headerAt, rawRows, suggestFromRows } from './suggest-profile.js';

/**
 * What a front end shows to map a file by hand (the page's mapping step): the draft profile the
 * CLI's `profile` command would write, and beside it what the file holds: its first rows (to pick
 * the header row), each column's sample values, blanks and distinct words with what the tool
 * reads each as in every enumeration column and its best guess, so a column mapped elsewhere by
 * the user has its words at once without a second copy of the rules. A saved profile is tried on
 * the file's headers: it fits when it accounts for every one of them.
 */
export interface MappingDraft {
  readonly sheet?: string;
  /** The header row (as the file numbers its rows) the draft read. */
  readonly headerRow: number;
  /** The file's first rows, each cell cut short, to choose the header row from. */
  readonly top: readonly { readonly row: number; readonly cells: readonly string[] }[];
  readonly columns: readonly ColumnFacts[];
  /** Rows below the header row (of the first rows only, when peeked). */
  readonly rows: number;
  /** Only the file's first rows were read. */
  readonly peeked: boolean;
  readonly suggestion: ProfileSuggestion;
  /**
   * The interview's key is under a template column's own name: the file is the template's (or the
   * tool's report), read as it is; any other problem is the check's to say.
   */
  readonly template: boolean;
  /** A saved profile was given, and it reads this file's headers with nothing left over. */
  readonly savedFits?: boolean;
}

export interface ColumnFacts {
  readonly header: string;
  /** A few distinct values, as written. */
  readonly samples: readonly string[];
  /** Blank cells below the header row. */
  readonly blanks: number;
  /** The distinct words, when there are few (an enumeration's); absent for a column of free text. */
  readonly words?: readonly WordFacts[];
}

export interface WordFacts {
  readonly word: string;
  readonly count: number;
  /** The enumeration columns whose own words include it (the tool reads it there as is). */
  readonly known: readonly EnumColumn[];
  /** Per enumeration column, the tool's word it most likely means ('' when none fits). */
  readonly guess: Readonly<Partial<Record<EnumColumn, string>>>;
}

export interface DraftOptions {
  readonly sheet?: string;
  readonly headerRow?: number;
  /** The profile kept from an earlier month, tried on this file. */
  readonly saved?: MappingProfile;
  /**
   * Only the first rows: enough to say whether the file is the template's or the saved profile
   * fits it, without reading a large file twice before its check. The examples and words are
   * then those of the first rows only.
   */
  readonly peek?: boolean;
}

/** The columns that say which interview a row is. */
const KEYS: readonly Column[] = ['external_interview_id', 'external_id'];
const TOP_ROWS = 20;
/** A cell of the top rows as shown: enough to recognise a title or a header. */
const TOP_CELL_CHARS = 40;
const SAMPLES = 3;
/** More distinct words than this: a column of free text, not an enumeration. */
const MAX_WORDS = 20;

export async function mappingDraft(file: string, options: DraftOptions = {}): Promise<MappingDraft> {
  const { rows, sheet } = await rawRows(file, options.sheet, options.peek);
  const savedFits = options.saved === undefined ? undefined : fits(options.saved, rows);
  const headerRow = options.headerRow ?? (savedFits ? options.saved?.header_row : undefined);
  const suggestion = suggestFromRows(rows, sheet, headerRow);
  const at = headerIndex(rows, suggestion.profile.header_row);
  const data = rows.slice(at + 1);
  const headers = suggestion.headers;
  const columns = headers.map((header, i) => facts(header, data, i));
  const named = headers.filter((h) => h.trim() !== '');
  return {
    sheet,
    headerRow: rows[at]?.row ?? 1,
    top: rows
      .slice(0, TOP_ROWS)
      .map((r) => ({ row: r.row, cells: r.cells.map((c) => cellText(c).slice(0, TOP_CELL_CHARS)) })),
    columns,
    rows: data.length,
    peeked: options.peek === true,
    suggestion,
    template: named.some((h) => KEYS.includes(ALIASES.get(normaliseHeader(h)) as Column)),
    ...(savedFits === undefined ? {} : { savedFits }),
  };
}

/** The index among `rows` of the header row a profile names (absent: the first row). */
function headerIndex(rows: readonly { row: number; cells: Cell[] }[], headerRow: number | undefined): number {
  return headerRow === undefined
    ? 0
    : Math.max(
        0,
        rows.findIndex((r) => r.row === headerRow),
      );
}

function facts(header: string, data: readonly { cells: Cell[] }[], i: number): ColumnFacts {
  const counts = new Map<string, number>();
  let blanks = 0;
  for (const r of data) {
    const text = cellText(r.cells[i]).trim();
    if (text === '') blanks++;
    else if (counts.size <= MAX_WORDS || counts.has(text)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const samples = [...counts.keys()].slice(0, SAMPLES);
  if (counts.size > MAX_WORDS) return { header, samples, blanks };
  const words = [...counts].map(([word, count]) => {
    const known: EnumColumn[] = [];
    const guess: Partial<Record<EnumColumn, string>> = {};
    for (const column of Object.keys(ENUM_SPECS) as EnumColumn[]) {
      if (enumCode(word, ENUM_SPECS[column]!) !== undefined) known.push(column);
      else guess[column] = guessWord(column, word);
    }
    return { word, count, known, guess };
  });
  return { header, samples, blanks, words };
}

/**
 * A saved profile fits a file when it is valid and names every header of the file at its header
 * row (mapped, ignored, or a wide column) or the header is a template column's own name, and its
 * wide columns and fill-down columns are all there.
 */
function fits(saved: MappingProfile, rows: readonly { row: number; cells: Cell[] }[]): boolean {
  let profile: ReturnType<typeof resolveProfile>;
  try {
    profile = resolveProfile(saved, 'saved');
  } catch {
    return false;
  }
  // Without a header row the CLI looks for it among the first rows, as the draft does.
  const at = profile.headerRow === undefined ? headerAt(rows) : headerIndex(rows, profile.headerRow);
  const headers = (rows[at]?.cells ?? []).map((c) => normaliseHeader(cellText(c))).filter((h) => h !== '');
  if (headers.length === 0) return false;
  const present = new Set(headers);
  const mapped = new Set<string>();
  for (const h of headers) {
    if (profile.columns.has(h)) {
      const to = profile.columns.get(h);
      if (to) mapped.add(to);
    } else if (ALIASES.has(h)) mapped.add(ALIASES.get(h)!);
    else return false;
  }
  return (
    profile.wide.every((w) => present.has(normaliseHeader(w.column))) && profile.fillDown.every((c) => mapped.has(c))
  );
}
