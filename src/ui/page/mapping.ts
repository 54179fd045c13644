/**
 * The mapping step's state: the server's draft of the file (src/input/mapping-draft.ts), the
 * user's choices over it, and the profile they make (the CLI's `--profile` format). The rules
 * that suggest are the library's; here the choices only start from its suggestion, or from the
 * profile kept in the folder, and become a profile again.
 */
import { useRef, useState } from 'preact/hooks';
import { ASSESSMENT_TYPE, COLUMNS, CONCLUSION, type Column, type EnumSpec, PARTICIPATE_STATUS } from '../../schema.js';
import type { EnumColumn, MappingAnswer, MappingDraft, MappingProfile, UploadAnswer } from '../views.js';
import { getMapping, keepProfile } from './api.js';

export const ENUMS: Readonly<Record<EnumColumn, EnumSpec>> = {
  participate_status: PARTICIPATE_STATUS,
  conclusion: CONCLUSION,
  assessment_type: ASSESSMENT_TYPE,
};
const isEnum = (c: string): c is EnumColumn => c in ENUMS;

/** A column's choice: '' ignores it, a tool column, or `item:<code>` for one assessment item of that type. */
export type ColumnChoice = '' | Column | `item:${number}`;

export interface Choices {
  readonly columns: Readonly<Record<string, ColumnChoice>>;
  /** Per file column, its words the tool does not know → the tool's word (its Chinese label), '' undecided. */
  readonly words: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly fill: Readonly<Record<string, boolean>>;
  /** An item column's title (default: the header without its `(分)`). */
  readonly titles: Readonly<Record<string, string>>;
}

/** A tool column as a profile may name it (either language), or undefined. */
const columnNamed = (name: string): Column | undefined =>
  COLUMNS.find(([n, zh]) => n === name || zh === name || n === name.trim().toLowerCase())?.[0];

/** The code of a word the tool accepts in `spec` (a label in either language, or the code). */
const codeOf = (word: string, spec: EnumSpec): string | undefined =>
  Object.entries(spec.values).find(([code, [zh, en]]) => word === code || word === zh || word === en)?.[0];

/** The tool's Chinese label for a word, as the profile keeps it. */
const label = (word: string, spec: EnumSpec): string => {
  const code = codeOf(word, spec);
  return code === undefined ? '' : spec.values[Number(code)]![0];
};

/** The choices a draft starts with: its suggestion, with what the saved profile says of the same headers over it. */
export function initialChoices(draft: MappingDraft, saved?: MappingProfile): Choices {
  const columns: Record<string, ColumnChoice> = {};
  const titles: Record<string, string> = {};
  const s = draft.suggestion;
  for (const g of s.guesses) {
    if (g.kind === 'column') columns[g.header] = g.column;
    else if (g.kind === 'ignored') columns[g.header] = '';
  }
  const wide = (p: MappingProfile | undefined) => {
    for (const w of p?.wide_dimensions ?? []) {
      const code = codeOf(w.assessment_type, ASSESSMENT_TYPE);
      if (code === undefined) continue;
      columns[w.column] = `item:${Number(code)}`;
      titles[w.column] = w.title ?? w.column;
    }
  };
  wide(s.profile);
  for (const [header, to] of Object.entries(saved?.columns ?? {}))
    if (draft.columns.some((c) => c.header === header)) columns[header] = to === null ? '' : (columnNamed(to) ?? '');
  wide(saved);
  const mapped = (c: Column) => Object.keys(columns).find((h) => columns[h] === c);
  const fill: Record<string, boolean> = {};
  for (const c of saved?.fill_down ?? s.profile.fill_down ?? []) {
    const h = mapped(columnNamed(c) ?? (c as Column));
    if (h) fill[h] = true;
  }
  const words: Record<string, Record<string, string>> = {};
  for (const p of [s.profile, saved])
    for (const [name, map] of Object.entries(p?.values ?? {})) {
      const c = columnNamed(name);
      const h = c && mapped(c);
      if (!h || !isEnum(c)) continue;
      words[h] = { ...words[h] };
      for (const [word, to] of Object.entries(map)) if (label(to, ENUMS[c])) words[h][word] = label(to, ENUMS[c]);
    }
  return { columns, words, fill, titles };
}

/** The words of a column the tool does not know in the enumeration it is mapped to, with the choice for each. */
export function unknownWords(draft: MappingDraft, choices: Choices, header: string) {
  const c = choices.columns[header];
  const facts = draft.columns.find((f) => f.header === header);
  if (!c || !isEnum(c) || !facts?.words) return [];
  return facts.words
    .filter((w) => !w.known.includes(c))
    .map((w) => ({ ...w, to: choices.words[header]?.[w.word] ?? w.guess[c] ?? '' }));
}

/** An item column's title: chosen, else the header without a trailing `(分)`. */
export const itemTitle = (choices: Choices, header: string) =>
  choices.titles[header] ?? header.replace(/\s*[(（]\s*分(数)?\s*[)）]$/, '').trim();

/** What is left to decide: undecided words, and whether a column says which interview a row is. */
export function leftToDecide(draft: MappingDraft, choices: Choices): { words: number; key: boolean } {
  const chosen = Object.values(choices.columns);
  const words = draft.columns.reduce(
    (n, f) => n + unknownWords(draft, choices, f.header).filter((w) => w.to === '').length,
    0,
  );
  return { words, key: chosen.includes('external_interview_id') || chosen.includes('external_id') };
}

/** The profile the choices make, in the CLI's `--profile` format. */
export function profileOf(draft: MappingDraft, choices: Choices, tz?: string): MappingProfile {
  const columns: Record<string, string | null> = {};
  const wide: { column: string; title: string; assessment_type: string }[] = [];
  const values: Record<string, Record<string, string>> = {};
  const fill: string[] = [];
  for (const { header } of draft.columns) {
    if (header.trim() === '') continue;
    const c = choices.columns[header] ?? '';
    if (c.startsWith('item:')) {
      const type = ASSESSMENT_TYPE.values[Number(c.slice(5))]![0];
      wide.push({ column: header, title: itemTitle(choices, header), assessment_type: type });
      continue;
    }
    columns[header] = c === '' ? null : c;
    if (c === '') continue;
    if (choices.fill[header]) fill.push(c);
    const words = unknownWords(draft, choices, header);
    if (words.length > 0) values[c] = Object.fromEntries(words.map((w) => [w.word, w.to]));
  }
  return {
    header_row: draft.headerRow,
    columns,
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(fill.length > 0 ? { fill_down: fill } : {}),
    ...(wide.length > 0 ? { wide_dimensions: wide } : {}),
    ...(tz ? { tz } : {}),
  };
}

/** A peeked answer that leaves the file to be checked as it is, else the draft of the whole file. */
async function whole(
  peeked: MappingAnswer | undefined,
  upload: UploadAnswer,
  sheet: string,
  headerRow: number | undefined,
): Promise<MappingAnswer | undefined> {
  const d = peeked?.draft;
  if (!d || (headerRow === undefined && (d.template || d.savedFits || knownColumns(d) < 2))) return peeked;
  return getMapping({ upload: upload.id, sheet, headerRow }).catch(() => undefined);
}

const knownColumns = (d: MappingDraft) => d.suggestion.guesses.filter((g) => g.kind === 'column').length;

export type MappingState = 'none' | 'reading' | 'asking' | 'reused' | 'saved';

/** What a run is read through: nothing (the template's own headers), or a profile and the sheet its draft read. */
export interface Reading {
  readonly profile?: MappingProfile;
}

/**
 * The mapping of the file chosen: `consider` reads its draft and says whether a run can go on
 * (the template's headers, or the folder's profile fits them) or the user must map it first.
 */
export function useMapping() {
  const [state, setState] = useState<MappingState>('none');
  const [answer, setAnswer] = useState<MappingAnswer>();
  const [choices, setChoices] = useState<Choices>();
  const [profile, setProfile] = useState<MappingProfile>();
  /** The profile a run reads with: the one in use, with the sheet the draft read (a workbook's). */
  const forRun = (p: MappingProfile | undefined, draft: MappingDraft | null | undefined, sheet: string) =>
    p && draft?.sheet !== undefined && sheet === '' ? { ...p, sheet: draft.sheet } : p;
  const ask = (a: MappingAnswer, from?: MappingProfile) => {
    setAnswer(a);
    setChoices(initialChoices(a.draft!, from ?? a.saved ?? undefined));
    setProfile(undefined);
    setState('asking');
  };
  const last = useRef<{ upload: UploadAnswer; sheet: string }>();
  const consider = async (upload: UploadAnswer, sheet: string, headerRow?: number): Promise<Reading | undefined> => {
    last.current = { upload, sheet };
    setState('reading');
    setProfile(undefined);
    // The first rows say whether anything is to map; the whole file is read only for the step.
    const peeked = await getMapping({ upload: upload.id, sheet, headerRow, peek: true }).catch(() => undefined);
    const a = await whole(peeked, upload, sheet, headerRow);
    const draft = a?.draft;
    // The template's own file, or one where the rules recognise next to nothing (not a table of
    // interviews: the check says what it is), is checked as it is; the step stays one click away.
    if (!a || !draft || (headerRow === undefined && (draft.template || knownColumns(draft) < 2))) {
      setState('none');
      setAnswer(a);
      return {};
    }
    if (draft.savedFits && a.saved && headerRow === undefined) {
      setAnswer(a);
      const p = forRun(a.saved, draft, sheet);
      setProfile(p);
      setState('reused');
      return { profile: p };
    }
    ask(a);
    return undefined;
  };
  const save = async (sheet: string, tz?: string): Promise<Reading> => {
    const p = profileOf(answer!.draft!, choices!, tz);
    await keepProfile(p);
    const used = forRun(p, answer!.draft, sheet);
    setProfile(used);
    setState('saved');
    return { profile: used };
  };
  /** Opens the step on the mapping in use; a draft of the first rows only is read whole first. */
  const edit = async () => {
    const from = profile;
    let a = answer;
    // A tab that took the mapping up (resume) has no draft yet: it is read whole now.
    if ((!a || a.draft?.peeked) && last.current) {
      setState('reading');
      const { upload, sheet } = last.current;
      a = (await getMapping({ upload: upload.id, sheet, headerRow: a?.draft?.headerRow }).catch(() => undefined)) ?? a;
    }
    if (a?.draft) ask(a, from);
  };
  /** The mapping a check read with, taken up by a reopened tab (none: the file's own headers). */
  const resume = (upload: UploadAnswer, sheet: string, p: MappingProfile | undefined) => {
    last.current = { upload, sheet };
    setProfile(p);
    setState(p ? 'reused' : 'none');
  };
  const clear = () => {
    setState('none');
    setAnswer(undefined);
    setProfile(undefined);
  };
  /** The file is read for its mapping, or waits for it: not to be checked as it is meanwhile. */
  const waiting = state === 'asking' || state === 'reading';
  return { state, answer, choices, setChoices, profile, consider, save, edit, resume, clear, waiting };
}

export type Mapping = ReturnType<typeof useMapping>;
