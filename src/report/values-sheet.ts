import type { Lang } from '../lang.js';
import { cellText } from '../input/cells.js';
import { enumCode, enumKey } from '../input/enum-words.js';
import { ENUM_SPECS, type EnumColumn } from '../input/profile.js';
import type { InputTable } from '../input/table.js';
import { SHEET } from './messages.js';

/** One line of the 取值 / Values sheet: a column's word, what it became, from where, on how many rows. */
export type ValueLine = readonly [column: string, word: string, became: string, from: string, rows: number];

/**
 * Each enumeration column's distinct words and what each became (from the profile, the tool's own
 * labels, or not understood), with counts: how the file was read, before anything is sent.
 */
export function valueLines(table: InputTable, lang: Lang): ValueLine[] {
  const lines: ValueLine[] = [];
  for (const column of Object.keys(ENUM_SPECS) as EnumColumn[]) {
    const at = table.columns.index[column];
    if (at === undefined) continue;
    const base = ENUM_SPECS[column]!;
    const spec = table.profile?.vocabulary[column];
    const profileKeys = new Set(Object.keys(spec?.profileWords ?? {}).flatMap((w) => [w, enumKey(w)]));
    const counts = new Map<string, number>();
    for (const r of table.rows) {
      const word = cellText(r.cells[at]).trim();
      if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const name = table.headers[at]?.trim() || column;
    for (const [word, count] of counts) {
      const own = enumCode(word, base);
      const mapped = own === undefined && (profileKeys.has(word) || profileKeys.has(enumKey(word)));
      const code = own ?? (mapped ? enumCode(word, spec!) : undefined);
      const label = code === undefined ? undefined : base.values[code];
      const became = label ? `${label[lang === 'zh' ? 0 : 1]} (${code})` : SHEET.notUnderstood[lang];
      const from = own !== undefined ? SHEET.fromTool[lang] : mapped ? SHEET.fromProfile[lang] : '';
      lines.push([name, word, became, from, count]);
    }
  }
  return lines;
}
