import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { DRAFT } from '../input/messages.js';
import { say } from '../messages.js';
import { settleSpeech } from '../lang.js';
import { namesColumnsInChinese } from '../input/headers.js';
import { ENUM_SPECS, acceptedWords } from '../input/profile.js';
import { type ProfileSuggestion, suggestProfile } from '../input/suggest-profile.js';
import { COLUMNS } from '../schema.js';

export interface ProfileDraftOptions {
  readonly file: string;
  /** Where the draft goes (default `<input name>.profile.json` beside the file). */
  readonly out?: string;
}

/** `<input name>.profile.json` beside the input. */
export function draftPath(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.profile.json`);
}

/** `profile FILE`: writes a draft profile and says, in the user's language, what it guessed and what is left. */
export async function profileCommand(
  options: ProfileDraftOptions,
): Promise<{ lines: string[]; out: string; suggestion: ProfileSuggestion }> {
  const suggestion = await suggestProfile(options.file);
  settleSpeech(
    namesColumnsInChinese(suggestion.headers) || /\p{Script=Han}/u.test(suggestion.headers.join('')),
    () => undefined,
  );
  const out = options.out ?? draftPath(options.file);
  await writeFile(out, `${JSON.stringify(suggestion.profile, null, 2)}\n`);
  return { lines: draftLines(suggestion, options.file, out), out, suggestion };
}

const named = (column: string) => {
  const zh = COLUMNS.find(([n]) => n === column)?.[1];
  return zh ? `${column} (${zh})` : column;
};

function draftLines(s: ProfileSuggestion, file: string, out: string): string[] {
  const p = s.profile;
  const lines = [
    say(DRAFT.header({ row: p.header_row ?? 1, sheet: s.sheet, count: s.headers.filter((h) => h.trim()).length })),
  ];
  for (const g of s.guesses) {
    if (g.kind === 'column')
      lines.push(`  ${say(DRAFT.column({ header: g.header, column: named(g.column), sure: g.sure }))}`);
    else if (g.kind === 'ignored') lines.push(`  ${say(DRAFT.ignored(g.header))}`);
    else if (g.kind === 'wide') lines.push(`  ${say(DRAFT.wide(g))}`);
    else if (g.kind === 'value') lines.push(`  ${say(DRAFT.value({ ...g, column: named(g.column) }))}`);
    else if (g.kind === 'fill_down')
      lines.push(`  ${say(DRAFT.fillDown({ column: named(g.column), blanks: g.blanks }))}`);
    else lines.push(`  ${say(DRAFT.zone(g.zone))}`);
  }
  lines.push(say(DRAFT.leftTitle(s.undecided.length)));
  for (const u of s.undecided) {
    if (u.kind === 'header') lines.push(`  ${say(DRAFT.leftHeader(u.header))}`);
    else
      lines.push(
        `  ${say(DRAFT.leftValue({ column: named(u.column), word: u.word, count: u.count, words: acceptedWords(ENUM_SPECS[u.column]!) }))}`,
      );
  }
  lines.push(say(DRAFT.written({ out, file })));
  return lines;
}
