import { INPUT, MAPPING, REPORT } from './messages.js';
import { col, say } from '../messages.js';
import { COLUMNS, COLUMN_NAMES, type Column, REQUIRED_COLUMNS } from '../schema.js';
import { ToolError } from '../errors.js';
import { quoteName } from './printable.js';

/**
 * Columns our own report adds in front of the original ones; ignored when a report is read back.
 * `error_column` names the column at fault as the file names it. The `.xlsx` report of a Chinese
 * run titles them in Chinese (src/input/messages.ts `REPORT.column`), read back the same.
 */
export const REPORT_COLUMNS = [
  'row',
  'status',
  'error_code',
  'error_column',
  'message',
  'http_status',
  'log_id',
  'attempts',
] as const;

/** Reports written before `error_column` existed: still read back as reports. */
const EARLIER_REPORT_COLUMNS = REPORT_COLUMNS.filter((c) => c !== 'error_column');

/** The `.xlsx` report's titles for its columns in a Chinese run (行号, 状态, …), in the same order. */
const REPORT_TITLES_ZH: readonly string[] = REPORT_COLUMNS.map((c) => REPORT.column[c].zh);
/** Every title either language gives the report's columns, normalised. */
const REPORT_TITLES: ReadonlySet<string> = new Set([...REPORT_COLUMNS, ...REPORT_TITLES_ZH].map(normaliseHeader));

/**
 * Header matching ignores case, surrounding and repeated spaces and full-width/half-width
 * differences (NFKC folds `ＩＤ` to `ID` and the ideographic space to a plain one).
 */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every name a template column goes by (either language), normalised → the column. */
export const ALIASES: ReadonlyMap<string, Column> = new Map(
  COLUMNS.flatMap(([name, zh]) => [
    [normaliseHeader(name), name],
    [normaliseHeader(zh), name],
  ]),
);

/** `--map mapping.json`: a legacy system's header → one of our column names (either language). */
export type HeaderMapping = Readonly<Record<string, string>>;

export interface ResolvedHeaders {
  /** Index in the row of each template column found. */
  readonly index: Readonly<Partial<Record<Column, number>>>;
  /** Headers that are neither template nor report columns: kept in the report, named once. */
  readonly unknown: readonly string[];
  /** Indexes of our own report columns, when a report is read back: ignored, and not echoed. */
  readonly reportColumns: readonly number[];
  /** True when the file is one of our reports read back (its extra columns are ignored). */
  readonly isReport: boolean;
}

export interface HeaderCheck {
  readonly ok: boolean;
  readonly resolved?: ResolvedHeaders;
  readonly missing: readonly Column[];
  readonly duplicates: readonly { column: Column; headers: string[] }[];
}

/**
 * Normalised header → column, from `--map` or a profile's `columns`; consulted before the
 * built-in names. `null`: a column the profile passes over (ignored, or read as a dimension).
 */
export type ColumnLookup = ReadonlyMap<string, Column | null>;

export function mappingLookup(mapping: HeaderMapping | undefined): ColumnLookup {
  const lookup = new Map<string, Column>();
  for (const [legacy, target] of Object.entries(mapping ?? {})) {
    const column = ALIASES.get(normaliseHeader(target));
    if (!column) {
      throw new ToolError(
        'USAGE_BAD_MAPPING',
        say(MAPPING.unknownTarget({ target, legacy, names: COLUMN_NAMES.join(', ') })),
      );
    }
    lookup.set(normaliseHeader(legacy), column);
  }
  return lookup;
}

export function checkHeaders(
  headers: readonly string[],
  mapping: ColumnLookup,
  required: readonly Column[] = REQUIRED_COLUMNS,
): HeaderCheck {
  const index: Partial<Record<Column, number>> = {};
  const seen = new Map<Column, string[]>();
  const unknown: string[] = [];
  const reportColumns: number[] = [];
  headers.forEach((header, i) => {
    const key = normaliseHeader(header);
    if (key === '') return;
    const mapped = mapping.get(key);
    if (mapped === null) return;
    const column = mapped ?? ALIASES.get(key);
    if (column) {
      const list = seen.get(column) ?? [];
      list.push(header);
      seen.set(column, list);
      index[column] ??= i;
    } else if (REPORT_TITLES.has(key)) {
      reportColumns.push(i);
    } else {
      unknown.push(header);
    }
  });
  // A legacy export names its interviews by external_id alone: that stands for the Feishu ID column.
  const missing = required.filter(
    (c) => index[c] === undefined && !(c === 'external_interview_id' && index.external_id !== undefined),
  );
  const duplicates = [...seen.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([column, list]) => ({ column, headers: list }));
  const ok = missing.length === 0 && duplicates.length === 0;
  return {
    ok,
    missing,
    duplicates,
    resolved: ok ? resolvedHeaders(headers, index, unknown, reportColumns) : undefined,
  };
}

/**
 * A file is our own report only when its leading columns are exactly ours, in our order; in any
 * other file a column named `status` or `message` is the user's own, kept like any unknown one.
 */
function resolvedHeaders(
  headers: readonly string[],
  index: Partial<Record<Column, number>>,
  unknown: string[],
  reportColumns: number[],
): ResolvedHeaders {
  const leads = (columns: readonly string[]) =>
    columns.every((c, i) => normaliseHeader(headers[i] ?? '') === normaliseHeader(c));
  const isReport = leads(REPORT_COLUMNS) || leads(REPORT_TITLES_ZH) || leads(EARLIER_REPORT_COLUMNS);
  if (isReport) return { index, unknown, reportColumns, isReport };
  return { index, unknown: [...unknown, ...reportColumns.map((i) => headers[i]!)], reportColumns: [], isReport };
}

export function headerError(
  check: HeaderCheck,
  headers: readonly string[],
  where: { file: string; sheet?: string; row: number },
): ToolError {
  const found =
    headers
      .filter((h) => h.trim() !== '')
      .map(quoteName)
      .join(', ') || say(INPUT.none);
  const expected = COLUMNS.map(([name, zh]) => `${name} (${zh})`).join(', ');
  const place = INPUT.place(where.sheet === undefined ? undefined : quoteName(where.sheet), where.row);
  const context = { file: where.file, sheet: where.sheet, row: where.row };
  if (check.duplicates.length > 0) {
    const dup = check.duplicates
      .map((d) => say(INPUT.appearsAs(d.column, d.headers.map(quoteName).join(say(INPUT.and)))))
      .join('; ');
    return new ToolError(
      'INPUT_DUPLICATE_COLUMN',
      say(INPUT.duplicateColumn({ file: where.file, place, dup, found })),
      context,
    );
  }
  const missing = check.missing.map(col).join(say(INPUT.and));
  const merge = check.missing.length === 1 && check.missing[0] === 'external_application_id';
  return new ToolError(
    'INPUT_MISSING_COLUMN',
    say(
      INPUT.missingColumns({
        missing,
        many: check.missing.length > 1,
        file: where.file,
        place,
        found,
        expected,
        merge,
      }),
    ),
    context,
  );
}

/**
 * True when most of the file's headers are Chinese: a template column by its Chinese name (分数,
 * not score), or a header of the file's own (a legacy export's, read through `--map` or a
 * profile) written in Chinese (面试编号, not Interview Ref).
 */
export function namesColumnsInChinese(headers: readonly string[]): boolean {
  const chinese = new Set(COLUMNS.map(([, zh]) => normaliseHeader(zh)));
  const english = new Set(COLUMNS.map(([name]) => normaliseHeader(name)));
  let zh = 0;
  let en = 0;
  for (const h of headers) {
    const key = normaliseHeader(h);
    if (chinese.has(key)) zh++;
    else if (english.has(key)) en++;
    else if (/\p{Script=Han}/u.test(h)) zh++;
    else if (/[a-z]/i.test(h)) en++;
  }
  return zh > en;
}
