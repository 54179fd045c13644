import { INPUT } from './messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';
import type { ResolvedHeaders } from './headers.js';
import { COLUMNS, type Column } from '../schema.js';
import { editDistance } from '../edit-distance.js';
import { quoteName } from './printable.js';
import { toSimplified } from './traditional.js';

/** Words people add to a column's name without changing what it holds: 面试官姓名, username_name. */
const SUFFIXES = ['姓名', '名称', '名字', 'name'];
const CJK = /\p{Script=Han}/u;
const SEPARATORS = /[\s_\-()（）[\]【】:：.]+/g;

function squash(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(SEPARATORS, '');
}

function stripSuffix(text: string): string {
  for (const s of SUFFIXES) if (text.length > s.length && text.endsWith(s)) return text.slice(0, -s.length);
  return text;
}

/** The names a column is known by, squashed the same way as a header. */
const NAMES: readonly (readonly [Column, string])[] = COLUMNS.flatMap(([name, zh]) => [
  [name, squash(name)] as const,
  [name, squash(zh)] as const,
]);

function resembles(header: string, name: string): boolean {
  if (header === name) return true;
  const length = Math.min([...header].length, [...name].length);
  if (CJK.test(header)) {
    // Same words: 结论 for 面试结论, 面试官 within 面试官编号; or one character off: 面试管.
    if (length >= 2 && (name.includes(header) || header.includes(name))) return true;
    return length >= 3 && editDistance(header, name, 1) <= 1;
  }
  if (length >= 5 && (name.includes(header) || header.includes(name))) return true;
  const allowed = length <= 6 ? 1 : 2;
  return editDistance(header, name, allowed) <= allowed;
}

/**
 * The template columns an unknown header probably means, leaving out those the file already
 * has: `面试官姓名` → username, `結論` → conclusion, `socre` → score. Empty when none.
 */
export function nearMissColumns(header: string, present: ReadonlySet<Column>): Column[] {
  const whole = squash(header);
  const keys = [...new Set([whole, stripSuffix(whole)])].filter((k) => k !== '');
  const found = new Set<Column>();
  for (const [column, name] of NAMES)
    if (!present.has(column) && keys.some((k) => resembles(k, name))) found.add(column);
  return [...found];
}

const label = (c: Column) => {
  const zh = COLUMNS.find(([name]) => name === c)![1];
  return `${zh} (${c})`;
};

/**
 * An unknown column that looks like a template column is most likely one a colleague renamed:
 * dropping it would erase that field in Feishu, so the run stops and says which it looks like.
 */
export function nearMissError(
  resolved: ResolvedHeaders,
  headers: readonly string[],
  where: { file: string; sheet?: string; row: number },
): ToolError | undefined {
  const present = new Set(Object.keys(resolved.index) as Column[]);
  const misses = resolved.unknown.flatMap((h) => {
    const columns = nearMissColumns(h, present);
    return columns.length > 0 ? [{ header: h, columns }] : [];
  });
  if (misses.length === 0) return undefined;
  const place = INPUT.place(where.sheet === undefined ? undefined : quoteName(where.sheet), where.row);
  const or = say(INPUT.or);
  const said = misses
    .map((m) =>
      say(
        INPUT.looksLike({
          header: quoteName(m.header),
          at: headers.indexOf(m.header) + 1,
          columns: m.columns.map(label).join(or),
        }),
      ),
    )
    .join('; ');
  const first = misses[0]!;
  const example = JSON.stringify({ [first.header]: first.columns[0] });
  const meant = first.columns.map((c) => COLUMNS.find(([n]) => n === c)![1]).join(or);
  return new ToolError(
    'INPUT_COLUMN_LOOKS_LIKE_TEMPLATE',
    say(INPUT.nearMiss({ said, file: where.file, place, meant, example })),
    { file: where.file, sheet: where.sheet, row: where.row },
  );
}
