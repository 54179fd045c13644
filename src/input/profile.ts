import { readFile } from 'node:fs/promises';
import { PROFILE } from './messages.js';
import { type Pair, say } from '../messages.js';
import { ToolError } from '../errors.js';
import { ASSESSMENT_TYPE, COLUMNS, type Column, ENUM_SPECS, type EnumColumn, type EnumSpec } from '../schema.js';
import { editDistance } from '../edit-distance.js';
import { abbreviationProblem, assertZone } from '../time-zones.js';
import { enumCode } from './enum-words.js';
import { ALIASES, type HeaderMapping, mappingLookup, normaliseHeader } from './headers.js';
import { nearMissColumns } from './near-miss.js';

/**
 * A mapping profile: how a real export is read as the template's shape (README, "Mapping
 * profiles"). Every part is optional; tool columns are named as the template names them, in
 * either language. Checked whole before any row is read (`resolveProfile`, then `checkAgainst`).
 */
export interface MappingProfile {
  /** The sheet row (1-based; a CSV's line) holding the headers. */
  readonly header_row?: number;
  readonly sheet?: string;
  /** File header → tool column; `null` ignores the column. */
  readonly columns?: Readonly<Record<string, string | null>>;
  /** Per enumeration column: the file's word → a word the tool accepts there. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Columns that, blank on a row, take the value of the row above within the same interview. */
  readonly fill_down?: readonly string[];
  /** Columns each read as one dimension of the row's assessment. */
  readonly wide_dimensions?: readonly WideDimensionEntry[];
  /** The zone of times written without an offset, as `--tz`. */
  readonly tz?: string;
  /** Free notes (a draft's guesses): not read. */
  readonly notes?: readonly string[];
}

export interface WideDimensionEntry {
  /** The header as the file writes it. */
  readonly column: string;
  /** The dimension's title (default: the header). */
  readonly title?: string;
  /** 打分题 / score, 单选题, 描述题, 多选题: what the cell holds. */
  readonly assessment_type: string;
  readonly description?: string;
}

/** The columns a profile's values may map, and their vocabularies (src/schema.ts). */
export { ENUM_SPECS, type EnumColumn } from '../schema.js';

export interface WideDimension {
  readonly column: string;
  readonly title: string;
  readonly type: number;
  readonly description?: string;
}

/** A profile checked and made ready to read with. */
export interface ReadingProfile {
  /** How messages name it: its path, or "(the profile object)". */
  readonly name: string;
  /** Its path, when it came from a file. */
  readonly path?: string;
  /** `--map`: the columns-only form, said nowhere as a profile. */
  readonly fromMap?: boolean;
  /** Picked up beside the input file (`feishu-interview-import.profile.json`), not named by a flag. */
  readonly beside?: boolean;
  /** What it says, as given: recorded in the report's summary and the journal. */
  readonly content: MappingProfile;
  readonly headerRow?: number;
  readonly sheet?: string;
  readonly tz?: string;
  /** Normalised header → tool column, or null for a column to pass over (ignored or wide). */
  readonly columns: ReadonlyMap<string, Column | null>;
  /** The vocabularies with the profile's words added, for the columns it maps values of. */
  readonly vocabulary: Readonly<Partial<Record<EnumColumn, EnumSpec>>>;
  readonly fillDown: readonly Column[];
  readonly wide: readonly WideDimension[];
}

const KEYS = ['header_row', 'sheet', 'columns', 'values', 'fill_down', 'wide_dimensions', 'tz', 'notes'] as const;
const WIDE_KEYS = ['column', 'title', 'assessment_type', 'description'] as const;

const EXPECTED = {
  object: { en: 'an object', zh: '对象' },
  rowNumber: { en: 'a row number from 1', zh: '从 1 起的行号' },
  text: { en: 'text', zh: '文本' },
  columnOrNull: { en: 'a tool column name or null', zh: '本工具的列名或 null' },
  list: { en: 'a list of tool column names', zh: '本工具列名的列表' },
  wideList: {
    en: 'a list of {"column", "title", "assessment_type"} objects',
    zh: '由 {"column", "title", "assessment_type"} 组成的列表',
  },
  notes: { en: 'a list of text', zh: '文本列表' },
} satisfies Record<string, Pair>;

const shown = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : JSON.stringify(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The library's `profile` option or `--profile FILE`: read (a path) and checked. */
export async function loadProfile(source: string | MappingProfile): Promise<ReadingProfile> {
  if (typeof source !== 'string') return resolveProfile(source, say(PROFILE.libraryObject));
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(source, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new ToolError('PROFILE_UNREADABLE', say(PROFILE.unreadable({ name: source, detail: e.code ?? e.message })), {
      file: source,
    });
  }
  return resolveProfile(parsed, source, source);
}

/** `--map`: the columns-only form of a profile. */
export function profileFromMapping(mapping: HeaderMapping, path: string): ReadingProfile {
  mappingLookup(mapping); // refuses an unknown column as --map always has (USAGE_BAD_MAPPING)
  return { ...resolveProfile({ columns: mapping }, path, path), fromMap: true };
}

/** Checks everything a profile says that needs no file; a problem is refused naming its key. */
export function resolveProfile(raw: unknown, name: string, path?: string): ReadingProfile {
  const fail = (code: string, message: Pair): never => {
    throw new ToolError(code, say(message), { file: path });
  };
  const wrong = (key: string, expected: Pair, got: unknown): never =>
    fail('PROFILE_BAD_KEY', PROFILE.wrongType({ name, key, expected, got: shown(got) }));
  if (!isObject(raw)) return fail('PROFILE_UNREADABLE', PROFILE.unreadable({ name, detail: shown(raw) }));
  for (const key of Object.keys(raw)) if (!(KEYS as readonly string[]).includes(key)) unknownKey(name, key, KEYS, path);
  const p = raw as Record<string, unknown>;
  if (p.header_row !== undefined && !(Number.isInteger(p.header_row) && (p.header_row as number) >= 1))
    wrong('header_row', EXPECTED.rowNumber, p.header_row);
  if (p.sheet !== undefined && (typeof p.sheet !== 'string' || p.sheet.trim() === ''))
    wrong('sheet', EXPECTED.text, p.sheet);
  if (p.notes !== undefined && !(Array.isArray(p.notes) && p.notes.every((n) => typeof n === 'string')))
    wrong('notes', EXPECTED.notes, p.notes);
  const tz = p.tz === undefined ? undefined : checkZone(p.tz, name, path);
  const columns = readColumns(p.columns, name, path);
  const vocabulary = readValues(p.values, name, path);
  const fillDown = readFillDown(p.fill_down, name, path);
  const wide = readWide(p.wide_dimensions, name, path);
  for (const [i, w] of wide.entries()) {
    const to = columns.get(normaliseHeader(w.column));
    if (to)
      fail('PROFILE_BAD_KEY', PROFILE.wideMapped({ name, key: `wide_dimensions[${i}].column`, column: w.column, to }));
    columns.set(normaliseHeader(w.column), null);
  }
  return {
    name,
    path,
    content: raw as MappingProfile,
    headerRow: p.header_row as number | undefined,
    sheet: (p.sheet as string | undefined)?.trim(),
    tz,
    columns,
    vocabulary,
    fillDown,
    wide,
  };
}

function unknownKey(name: string, key: string, known: readonly string[], path?: string): never {
  const near = nearest(key, known);
  throw new ToolError('PROFILE_UNKNOWN_KEY', say(PROFILE.unknownKey({ name, key, near, known: known.join(', ') })), {
    file: path,
  });
}

function nearest(word: string, known: readonly string[]): string | undefined {
  const folded = word.toLowerCase();
  const best = known.map((k) => ({ k, d: editDistance(folded, k.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.k : undefined;
}

function checkZone(tz: unknown, name: string, path?: string): string {
  const got = typeof tz === 'string' ? tz.trim() : shown(tz);
  const detail = typeof tz === 'string' ? abbreviationProblem(got) : undefined;
  let valid = typeof tz === 'string' && got !== '' && detail === undefined;
  if (valid) {
    try {
      assertZone(got);
    } catch {
      valid = false;
    }
  }
  if (!valid) throw new ToolError('PROFILE_BAD_ZONE', say(PROFILE.badZone({ name, got, detail })), { file: path });
  return got;
}

/** A tool column as the profile names it (either language), or a refusal with the nearest name. */
function toolColumn(word: unknown, key: string, name: string, path?: string): Column {
  const column = typeof word === 'string' ? ALIASES.get(normaliseHeader(word)) : undefined;
  if (column) return column;
  const got = typeof word === 'string' ? word : shown(word);
  const near = nearMissColumns(got, new Set())[0] ?? nearest(got, COLUMNS.flat());
  const names = COLUMNS.map(([n, zh]) => `${n} (${zh})`).join(', ');
  throw new ToolError('PROFILE_UNKNOWN_COLUMN', say(PROFILE.unknownColumn({ name, key, got, near, names })), {
    file: path,
  });
}

function readColumns(raw: unknown, name: string, path?: string): Map<string, Column | null> {
  const columns = new Map<string, Column | null>();
  if (raw === undefined) return columns;
  if (!isObject(raw))
    throw new ToolError(
      'PROFILE_BAD_KEY',
      say(PROFILE.wrongType({ name, key: 'columns', expected: EXPECTED.object, got: shown(raw) })),
      { file: path },
    );
  for (const [header, target] of Object.entries(raw)) {
    const key = `columns["${header}"]`;
    if (target !== null && typeof target !== 'string')
      throw new ToolError(
        'PROFILE_BAD_KEY',
        say(PROFILE.wrongType({ name, key, expected: EXPECTED.columnOrNull, got: shown(target) })),
        { file: path },
      );
    columns.set(normaliseHeader(header), target === null ? null : toolColumn(target, key, name, path));
  }
  return columns;
}

/** The accepted words of a vocabulary, as a refusal lists them. */
export function acceptedWords(spec: EnumSpec): string {
  return Object.values(spec.values)
    .map(([zh, en]) => `${zh} (${en})`)
    .join(', ');
}

function readValues(raw: unknown, name: string, path?: string): Partial<Record<EnumColumn, EnumSpec>> {
  const vocabulary: Partial<Record<EnumColumn, EnumSpec>> = {};
  if (raw === undefined) return vocabulary;
  const bad = (key: string, got: unknown) =>
    new ToolError(
      'PROFILE_BAD_KEY',
      say(PROFILE.wrongType({ name, key, expected: EXPECTED.object, got: shown(got) })),
      { file: path },
    );
  if (!isObject(raw)) throw bad('values', raw);
  for (const [columnName, words] of Object.entries(raw)) {
    const key = `values["${columnName}"]`;
    const column = toolColumn(columnName, key, name, path);
    const spec = ENUM_SPECS[column];
    if (!spec)
      throw new ToolError(
        'PROFILE_NOT_ENUMERATION',
        say(PROFILE.notEnumeration({ name, key, got: columnName, names: Object.keys(ENUM_SPECS).join(', ') })),
        { file: path },
      );
    if (!isObject(words)) throw bad(key, words);
    const profileWords: Record<string, number> = {};
    for (const [word, target] of Object.entries(words)) {
      const at = `${key}["${word}"]`;
      if (typeof target === 'string' && target.trim() === '')
        throw new ToolError(
          'PROFILE_UNDECIDED_VALUE',
          say(PROFILE.blankWord({ name, key: at, words: acceptedWords(spec) })),
          { file: path },
        );
      profileWords[word] = acceptedCode(target, spec, { name, key: at, path });
    }
    vocabulary[column as EnumColumn] = { ...spec, profileWords, profile: name };
  }
  return vocabulary;
}

/** The code of a word the tool accepts in `spec`'s column; anything else is refused, naming the profile's key. */
function acceptedCode(word: unknown, spec: EnumSpec, at: { name: string; key: string; path?: string }): number {
  const code = typeof word === 'string' ? enumCode(word, spec) : undefined;
  if (code !== undefined) return code;
  const got = typeof word === 'string' ? word : shown(word);
  throw new ToolError(
    'PROFILE_REFUSED_VALUE',
    say(PROFILE.refusedWord({ name: at.name, key: at.key, got, words: acceptedWords(spec) })),
    { file: at.path },
  );
}

function readFillDown(raw: unknown, name: string, path?: string): Column[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw new ToolError(
      'PROFILE_BAD_KEY',
      say(PROFILE.wrongType({ name, key: 'fill_down', expected: EXPECTED.list, got: shown(raw) })),
      { file: path },
    );
  return [...new Set(raw.map((c, i) => toolColumn(c, `fill_down[${i}]`, name, path)))];
}

function readWide(raw: unknown, name: string, path?: string): WideDimension[] {
  if (raw === undefined) return [];
  const bad = (key: string, expected: Pair, got: unknown) =>
    new ToolError('PROFILE_BAD_KEY', say(PROFILE.wrongType({ name, key, expected, got: shown(got) })), { file: path });
  if (!Array.isArray(raw)) throw bad('wide_dimensions', EXPECTED.wideList, raw);
  return raw.map((entry, i) => {
    const key = `wide_dimensions[${i}]`;
    if (!isObject(entry)) throw bad(key, EXPECTED.object, entry);
    for (const k of Object.keys(entry))
      if (!(WIDE_KEYS as readonly string[]).includes(k)) unknownKey(name, `${key}.${k}`, WIDE_KEYS, path);
    const { column, title, assessment_type: type, description } = entry;
    if (typeof column !== 'string' || column.trim() === '') throw bad(`${key}.column`, EXPECTED.text, column);
    if (title !== undefined && (typeof title !== 'string' || title.trim() === ''))
      throw bad(`${key}.title`, EXPECTED.text, title);
    if (description !== undefined && typeof description !== 'string')
      throw bad(`${key}.description`, EXPECTED.text, description);
    const code = acceptedCode(type, ASSESSMENT_TYPE, { name, key: `${key}.assessment_type`, path });
    return {
      column: column.trim(),
      title: ((title as string | undefined) ?? column).trim(),
      type: code,
      ...(description ? { description } : {}),
    };
  });
}

/**
 * What a profile says that needs the file's headers: each `fill_down` column is one a header maps
 * to, each wide column is a header of the file. Checked once the header row is found, before any
 * row is read.
 */
export function checkAgainstHeaders(
  profile: ReadingProfile,
  headers: readonly string[],
  index: Readonly<Partial<Record<Column, number>>>,
  file: string,
): void {
  profile.fillDown.forEach((column, i) => {
    if (index[column] !== undefined) return;
    const zh = COLUMNS.find(([n]) => n === column)![1];
    throw new ToolError(
      'PROFILE_FILL_DOWN_UNMAPPED',
      say(PROFILE.fillDownUnmapped({ name: profile.name, key: `fill_down[${i}]`, column: `${column} (${zh})`, file })),
      { file: profile.path ?? file },
    );
  });
  const present = new Set(headers.map(normaliseHeader));
  profile.wide.forEach((w, i) => {
    if (present.has(normaliseHeader(w.column))) return;
    const found = headers
      .filter((h) => h.trim() !== '')
      .map((h) => `"${h}"`)
      .join(', ');
    throw new ToolError(
      'PROFILE_WIDE_COLUMN_MISSING',
      say(
        PROFILE.wideMissing({ name: profile.name, key: `wide_dimensions[${i}].column`, column: w.column, file, found }),
      ),
      { file: profile.path ?? file },
    );
  });
}

/** The positions of the wide columns in a row of these headers (each found: see checkAgainstHeaders). */
export function widePositions(profile: ReadingProfile, headers: readonly string[]): number[] {
  const keys = headers.map(normaliseHeader);
  return profile.wide.map((w) => keys.indexOf(normaliseHeader(w.column)));
}
