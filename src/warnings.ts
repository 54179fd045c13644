/**
 * A warning: said before a run's counts, the run goes on. Like an error it carries a stable
 * `code` and the library's `message` (in the run's language, as the CLI prints it), and beside
 * them the facts it names, so a front end that words it otherwise (the page: src/ui/page-words.ts)
 * never reads the message. A new warning is one entry here, then one in the page's words (a type
 * error until it is there).
 */

/** A sheet a warning names, as the workbook names it. */
export interface NamedSheet {
  readonly name: string;
  readonly hidden: boolean;
}

/** Each warning code and the facts its warning carries besides `code` and `message`. */
export interface WarningFacts {
  /** A CSV cell with a quote inside (12"N), read as written: the first lines that hold one, and how many in all. */
  readonly INPUT_STRAY_QUOTES: { readonly lines: readonly number[]; readonly count: number };
  /** Other sheets of the workbook hold the template's columns and were not read. */
  readonly INPUT_OTHER_SHEETS: { readonly sheets: readonly NamedSheet[] };
  /** The workbook asks to be recalculated when opened: its formulas' saved results may be stale. */
  readonly INPUT_RECALC: { readonly formulas: number };
  /** Formulas saved as text never calculated (="…"), read as the text between the quotes. */
  readonly INPUT_TEXT_FORMULAS: { readonly sheet: string; readonly cells: readonly string[]; readonly count: number };
  /** Headers that name no column of the tool: kept in the report, not imported. */
  readonly INPUT_UNKNOWN_COLUMNS: { readonly columns: readonly string[] };
  /** Rows above the header row, not read. */
  readonly INPUT_SKIPPED_ABOVE: { readonly rows: number };
  /** A template column (its template name) a plain import sends blank, erasing what Feishu holds there. */
  readonly INPUT_ERASED_COLUMN: { readonly column: string };
  /** Interviews longer than a day, sent as written: the first rows of the first few, and how many in all. */
  readonly INPUT_LONG_INTERVIEWS: { readonly rows: readonly number[]; readonly count: number };
  /** The run keeps no backup of what it overwrites: it cannot be undone. */
  readonly RUN_NO_BACKUP: Record<never, never>;
}

export type WarningCode = keyof WarningFacts;

/** The warning of one code: its code, its message, its facts. */
export type WarningOf<C extends WarningCode> = { readonly code: C; readonly message: string } & WarningFacts[C];

export type Warning = { [C in WarningCode]: WarningOf<C> }[WarningCode];

/** Every warning code once (a code missing here is a type error), in the order a run says them. */
const CODES: { readonly [C in WarningCode]: true } = {
  INPUT_STRAY_QUOTES: true,
  INPUT_OTHER_SHEETS: true,
  INPUT_RECALC: true,
  INPUT_TEXT_FORMULAS: true,
  INPUT_UNKNOWN_COLUMNS: true,
  INPUT_SKIPPED_ABOVE: true,
  INPUT_ERASED_COLUMN: true,
  INPUT_LONG_INTERVIEWS: true,
  RUN_NO_BACKUP: true,
};

/** Every warning code: what the tests check the page's words against. */
export const WARNING_CODES = Object.keys(CODES) as readonly WarningCode[];

/** A warning of `code`, its message and facts. */
export const warning = <C extends WarningCode>(code: C, message: string, facts: WarningFacts[C]): WarningOf<C> =>
  ({ ...facts, code, message }) as WarningOf<C>;
