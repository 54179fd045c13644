import { INPUT, MAPPING, PROFILE, SHEETS } from './messages.js';
import { say } from '../messages.js';
import { currentLang, settleSpeech } from '../lang.js';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ToolError } from '../errors.js';
import type { Warning } from '../warnings.js';
import { headerWarnings, sheetList, sheetWarnings, shortList, strayQuotesWarning } from './read-warnings.js';
import { type Cell, cellText, unprotectCell } from './cells.js';
import { type CsvLines, type Delimiter, parseCsvText } from './csv.js';
import { readCsvFile } from './csv-file.js';
import { decodeCsvBytes } from './encoding.js';
import {
  type ColumnLookup,
  type HeaderCheck,
  type HeaderMapping,
  type ResolvedHeaders,
  checkHeaders,
  headerError,
  mappingLookup,
  namesColumnsInChinese,
} from './headers.js';
import { type Column, REQUIRED_COLUMNS } from '../schema.js';
import { nearMissError } from './near-miss.js';
import { type ReadingProfile, checkAgainstHeaders } from './profile.js';
import { type FilledCells, fillDown } from './fill-down.js';
import { type AppliedEdit, type CellEdit, applyEdits } from './edits.js';
import { isTemplateExample, isTemplateInstructions } from './template-example.js';
import { quoteName } from './printable.js';
import type { ReadTicker } from './read-progress.js';
import { HEADER_SEARCH_ROWS, type SheetEntry, type Workbook, openWorkbook } from './xlsx.js';

export interface SourceRow {
  /** The row number a person sees: the Excel row, or the CSV line on which the record starts. */
  readonly row: number;
  readonly cells: Cell[];
}

export interface InputTable {
  readonly file: string;
  readonly format: 'csv' | 'xlsx' | 'json';
  readonly sheet?: string;
  /** For CSV: the encoding used and how it was chosen. */
  readonly encoding?: string;
  /** For CSV: the separator, named, and how it was chosen (`semicolon (detected)`). */
  readonly delimiter?: string;
  readonly headerRow: number;
  /** The header texts as written in the file, one per column. */
  readonly headers: readonly string[];
  readonly columns: ResolvedHeaders;
  /** Data rows below the header, entirely blank rows already skipped. */
  readonly rows: readonly SourceRow[];
  /** For CSV read as written (not a report read back): each row's original text, as `rows`. */
  readonly csvLines?: CsvLines;
  /** Said before the run's counts, each with its code (src/warnings.ts). */
  readonly warnings: readonly Warning[];
  /** The mapping profile the file was read through (`--profile`, `--map`, or the one beside the file). */
  readonly profile?: ReadingProfile;
  /** The cells the profile's `fill_down` filled. */
  readonly filled?: readonly FilledCells[];
  /** Columns an .xlsx sheet hides (0-based, among `headers`): the page hides them too. */
  readonly hiddenColumns?: readonly number[];
  /** The changes made in the page, and the rows each changed. */
  readonly edited?: readonly AppliedEdit[];
}

/** The template columns the file has (by its headers or its mapping). */
export function columnsOf(table: InputTable): ReadonlySet<string> {
  return new Set(Object.keys(table.columns.index));
}

/**
 * A template column as the file names it (`分数`, or `Interview Ref` through `--map`); a column
 * the file lacks keeps its template name.
 */
export function columnAsNamed(table: InputTable, column: string): string {
  const at = table.columns.index[column as keyof ResolvedHeaders['index']];
  const name = at === undefined ? undefined : table.headers[at]?.trim();
  return name || column;
}

export interface TableReadOptions {
  readonly sheet?: string;
  readonly encoding?: string;
  /** A CSV file's separator, in place of the one its header line shows. */
  readonly delimiter?: Delimiter;
  readonly mapping?: HeaderMapping;
  /** A checked mapping profile: its columns, header row, value words, fill-down and wide columns. */
  readonly profile?: ReadingProfile;
  /** The columns that must be present (default: both ID columns). */
  readonly required?: readonly Column[];
  /** Changes made to the cells in the page, applied after the profile's fill-down. */
  readonly edits?: readonly CellEdit[];
  /** Told the rows read as the file is read (`validateFile`'s `onProgress`). */
  readonly ticker?: ReadTicker;
}

/** How headers are recognised: `--map` first, then the built-in names; and what must be there. */
export interface HeaderRules {
  readonly mapping: ColumnLookup;
  readonly required: readonly Column[];
  readonly profile?: ReadingProfile;
  readonly edits?: readonly CellEdit[];
}

/** The rules a read follows, from its options. */
export const headerRules = (options: TableReadOptions): HeaderRules => ({
  mapping: options.profile?.columns ?? mappingLookup(options.mapping),
  required: options.required ?? REQUIRED_COLUMNS,
  profile: options.profile,
  edits: options.edits?.length ? options.edits : undefined,
});

export async function readInput(file: string, options: TableReadOptions = {}): Promise<InputTable> {
  const ext = extname(file).toLowerCase();
  const rules = headerRules(options);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new ToolError('INPUT_UNREADABLE', say(INPUT.unreadable({ code: error.code ?? 'an error', file })), { file });
  });
  if (!info.isFile()) throw new ToolError('INPUT_UNREADABLE', say(INPUT.directory(file)), { file });
  if (ext === '.xlsx' || ext === '.xlsm') return readWorkbook(file, options, rules);
  if (ext === '.json') return readJsonReport(file, rules);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return readCsv(file, options, rules, info.size);
  throw new ToolError('INPUT_UNSUPPORTED', say(INPUT.unsupported({ ext: ext || 'no extension', file })), { file });
}

async function readCsv(file: string, options: TableReadOptions, rules: HeaderRules, size: number): Promise<InputTable> {
  if (size === 0) throw new ToolError('INPUT_EMPTY', say(INPUT.emptyFile(file)), { file });
  const decoded = decodeCsvBytes(await readCsvFile(file, size), file, options.encoding);
  const parsed = parseCsvText(decoded.content, file, options.delimiter, options.ticker);
  const { records, lines, delimiter, strayQuotes } = parsed;
  const table = buildTable(file, 'csv', records, rules, undefined);
  const encoding = `${decoded.encoding}${decoded.how === 'detected' ? say(INPUT.encodingDetected) : decoded.how === 'bom' ? say(INPUT.encodingBom) : ''}`;
  const separator = `${say(INPUT.separatorNames[delimiter])}${options.delimiter ? '' : say(INPUT.encodingDetected)}`;
  const warnings = [...table.warnings];
  if (strayQuotes.count > 0) warnings.push(strayQuotesWarning(strayQuotes, file));
  const read = { ...table, encoding, delimiter: separator, warnings };
  if (table.columns.isReport) {
    for (const r of table.rows)
      for (let i = 0; i < r.cells.length; i++) r.cells[i] = unprotectCell(r.cells[i] as string);
    return read;
  }
  // An edited row's text is no longer the file's line: the report writes its cells.
  if (table.edited) return read;
  // The header (and anything above it) is not a data row.
  const skip = records.length - table.rows.length;
  const csvLines = lines && { bytes: lines.bytes, start: lines.start.subarray(skip), end: lines.end.subarray(skip) };
  return { ...read, csvLines };
}

async function readWorkbook(file: string, options: TableReadOptions, rules: HeaderRules): Promise<InputTable> {
  const workbook = await openWorkbook(file);
  try {
    const choice = await chooseSheet(workbook, options.sheet?.trim(), rules);
    const { rows, formulas, textFormulas, hiddenColumns } = await workbook.read(choice.sheet, options.ticker);
    const table = withPastedHint(() => buildTable(file, 'xlsx', rows, rules, choice.sheet.name), choice.withRows);
    const warnings = [...table.warnings];
    const stale = workbook.recalcOnLoad ? formulas : 0;
    warnings.push(...sheetWarnings({ others: choice.others, sheet: choice.sheet.name, stale, textFormulas }));
    const hidden = hiddenColumns?.filter((i) => i < table.headers.length);
    return { ...table, warnings, ...(hidden?.length ? { hiddenColumns: hidden } : {}) };
  } finally {
    await workbook.close();
  }
}

interface SheetChoice {
  readonly sheet: SheetEntry;
  /** Other sheets whose first rows hold the template's columns: never skipped silently. */
  readonly others: readonly SheetEntry[];
  /** Other visible sheets with rows, and how many of their first rows hold something. */
  readonly withRows: readonly { name: string; rows: number }[];
}

/** A data sheet with no rows, while another sheet has some: name it, the data was likely pasted there. */
function withPastedHint(build: () => InputTable, withRows: SheetChoice['withRows']): InputTable {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ToolError) || error.code !== 'INPUT_NO_ROWS' || withRows.length === 0) throw error;
    const named = shortList(
      withRows.map((s) =>
        say(
          SHEETS.withRows({ name: quoteName(s.name), rows: s.rows >= HEADER_SEARCH_ROWS ? `${s.rows}+` : `${s.rows}` }),
        ),
      ),
    );
    throw new ToolError(
      error.code,
      `${error.message}${currentLang() === 'zh' ? '。' : '. '}${say(INPUT.pasted({ named, sheet: quoteName(withRows[0]!.name) }))}`,
      error.context,
    );
  }
}

/**
 * `--sheet NAME` (exact, else matched ignoring case as Excel does), or the first visible sheet,
 * in the workbook's tab order, whose first rows hold the required columns. Every sheet is looked
 * at, so another data sheet is always named, with `--sheet` too; the template's instructions and
 * untouched example are not data.
 */
async function chooseSheet(workbook: Workbook, wanted: string | undefined, rules: HeaderRules): Promise<SheetChoice> {
  const { file, sheets } = workbook;
  if (sheets.length === 0) throw new ToolError('XLSX_NO_SHEETS', say(INPUT.noSheets(file)), { file });
  const named = wanted === undefined ? undefined : namedSheet(sheets, wanted, file);
  let chosen: SheetEntry | undefined = named;
  const others: SheetEntry[] = [];
  const hidden: SheetEntry[] = [];
  const withRows: { name: string; rows: number }[] = [];
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    const { rows } = await workbook.peek(sheet);
    if (isTemplateInstructions(sheet.name, rows)) continue;
    const header = findHeader(rows, rules);
    if (!header) {
      const data = rows.filter(holdsAnId).length;
      if (!sheet.hidden && data > 0 && sheet !== named) withRows.push({ name: sheet.name, rows: data });
      continue;
    }
    const headerAt = header.at;
    if (sheet === named) continue;
    if (isTemplateExample(sheet.name, rows, headerAt, header.check.resolved?.index.external_interview_id)) continue;
    if (sheet.hidden) hidden.push(sheet);
    else if (chosen) {
      others.push(sheet);
      withRows.push({ name: sheet.name, rows: rows.length - headerAt - 1 });
    } else chosen = sheet;
  }
  if (!chosen && hidden.length > 0) {
    const name = hidden[0]!.name;
    throw new ToolError('XLSX_SHEET_HIDDEN', say(INPUT.sheetHidden({ name: quoteName(name), file })), {
      file,
      sheet: name,
    });
  }
  // With no sheet holding the columns, the first visible one is read so the error names its headers.
  const sheet = chosen ?? sheets.find((s) => !s.hidden && s.part) ?? sheets[0]!;
  return {
    sheet,
    others: [...others, ...(chosen ? hidden : [])],
    withRows: withRows.filter((s) => s.rows > 0),
  };
}

/** The sheet `--sheet` names: its exact name first, else the one name equal ignoring case. */
function namedSheet(sheets: readonly SheetEntry[], wanted: string, file: string): SheetEntry {
  const folded = wanted.toLowerCase();
  const sheet =
    sheets.find((s) => s.name.trim() === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === folded);
  if (!sheet)
    throw new ToolError('XLSX_NO_SUCH_SHEET', say(INPUT.noSuchSheet({ wanted, sheets: sheetList(sheets), file })), {
      file,
    });
  return sheet;
}

/**
 * The first of the first 20 rows that holds the required columns, and what its check found; with
 * a profile's `header_row`, that row only.
 */
function findHeader(rows: readonly SourceRow[], rules: HeaderRules): { at: number; check: HeaderCheck } | undefined {
  const wanted = rules.profile?.headerRow;
  if (wanted !== undefined) {
    const at = rows.findIndex((r) => r.row === wanted);
    const check = at < 0 ? undefined : checkHeaders(rows[at]!.cells.map(cellText), rules.mapping, rules.required);
    return check && check.missing.length === 0 ? { at, check } : undefined;
  }
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const check = checkHeaders(rows[at]!.cells.map(cellText), rules.mapping, rules.required);
    if (check.missing.length === 0) return { at, check };
  }
  return undefined;
}

const ID_LIKE = /^\d{12,19}$/;

/** A row pasted without its header still shows its IDs; an instructions sheet shows none. */
function holdsAnId(row: SourceRow): boolean {
  return row.cells.some((c) =>
    typeof c === 'object' && c.kind === 'number' ? c.value >= 1e11 : ID_LIKE.test(cellText(c).trim()),
  );
}

async function readJsonReport(file: string, rules: HeaderRules): Promise<InputTable> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ToolError('INPUT_BAD_JSON', say(MAPPING.notJson({ file, detail: (error as Error).message })), { file });
  }
  const list = (parsed as { rows?: unknown }).rows;
  if (!Array.isArray(list)) {
    throw new ToolError('INPUT_BAD_JSON', say(MAPPING.notReport(file)), { file });
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const r of list as { cells?: Record<string, unknown> }[]) {
    for (const key of Object.keys(r.cells ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push(key);
    }
  }
  const rows: SourceRow[] = (list as { row?: number; cells?: Record<string, unknown> }[]).map((r, i) => ({
    row: typeof r.row === 'number' ? r.row : i + 2,
    cells: headers.map((h) => (r.cells?.[h] === undefined || r.cells[h] === null ? '' : String(r.cells[h]))),
  }));
  return tableOfRows(file, headers, rows, rules);
}

/**
 * A table of rows already read (a report's, or the page's grid's): the headers checked as a
 * file's are, the rows below them as they are. With `partial`, the rows are some of a file's
 * (the page re-checking the rows of an edited cell's interview): an edit of a row not among them
 * is left for the whole file's check.
 */
export function tableOfRows(
  file: string,
  headers: string[],
  rows: SourceRow[],
  rules: HeaderRules,
  partial = false,
): InputTable {
  const check = checkHeaders(headers, rules.mapping, rules.required);
  speakAsFile(headers, check);
  if (!check.ok) throw headerError(check, headers, { file, row: 1 });
  const renamed = nearMissError(check.resolved!, headers, { file, row: 1 });
  if (renamed) throw renamed;
  const edited = rules.edits && applyEdits(rows, headers, rules.edits, file, partial);
  return {
    file,
    format: 'json',
    headerRow: 1,
    headers,
    columns: check.resolved!,
    rows,
    warnings: headerWarnings(check.resolved!, 0),
    // A report read back is read as written (as before profiles); the page's rows through the run's profile.
    profile: partial ? rules.profile : undefined,
    edited,
  };
}

/**
 * Once the header is known, the run speaks the file's language (unless --lang said) and names
 * columns as the file does: its warnings and errors from here on do.
 */
function speakAsFile(headers: readonly string[], check: HeaderCheck): void {
  const index = check.resolved?.index;
  settleSpeech(namesColumnsInChinese(headers), (c) => {
    const at = index?.[c as Column];
    return at === undefined ? undefined : headers[at]?.trim() || undefined;
  });
}

/** Finds the header row among the first rows, checks it, and takes the rows below it as data. */
function buildTable(
  file: string,
  format: 'csv' | 'xlsx',
  all: SourceRow[],
  rules: HeaderRules,
  sheet: string | undefined,
): InputTable {
  if (all.length === 0) {
    throw new ToolError('INPUT_EMPTY', say(INPUT.emptySheet({ sheet: sheet ? quoteName(sheet) : undefined, file })), {
      file,
      sheet,
    });
  }
  const found = findHeader(all, rules);
  const at = found?.at ?? profileHeaderRow(all, rules, file);
  const headerSource = all[Math.max(at, 0)]!;
  const headers = headerSource.cells.map(cellText);
  const check = found?.check ?? checkHeaders(headers, rules.mapping, rules.required);
  speakAsFile(headers, check);
  if (!check.ok) throw headerError(check, headers, { file, sheet, row: headerSource.row });
  const profile = rules.profile;
  if (profile) checkAgainstHeaders(profile, headers, check.resolved!.index, file);
  const renamed = nearMissError(check.resolved!, headers, { file, sheet, row: headerSource.row });
  if (renamed) throw renamed;
  const rows = all.slice(at + 1);
  const filled = profile?.fillDown.length
    ? fillDown(rows, check.resolved!.index, profile.fillDown, format === 'csv')
    : undefined;
  const edited = rules.edits && applyEdits(rows, headers, rules.edits, file);
  if (rows.length === 0) {
    throw new ToolError(
      'INPUT_NO_ROWS',
      say(INPUT.noRows({ row: headerSource.row, file, sheet: sheet ? quoteName(sheet) : undefined })),
      { file, sheet, row: headerSource.row },
    );
  }
  return {
    file,
    format,
    sheet,
    headerRow: headerSource.row,
    headers,
    columns: check.resolved!,
    rows,
    warnings: headerWarnings(check.resolved!, at),
    profile,
    filled,
    edited,
  };
}

/** Without a header found: the profile's `header_row` (refused when blank or past the end), else the first row. */
function profileHeaderRow(all: readonly SourceRow[], rules: HeaderRules, file: string): number {
  const wanted = rules.profile?.headerRow;
  if (wanted === undefined) return -1;
  const at = all.findIndex((r) => r.row === wanted);
  if (at >= 0) return at;
  const profile = rules.profile!;
  throw new ToolError(
    'PROFILE_HEADER_ROW',
    say(PROFILE.headerRow({ name: profile.name, row: wanted, file, last: all[all.length - 1]!.row })),
    { file, row: wanted },
  );
}
