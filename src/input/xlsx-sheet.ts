import { INPUT } from './messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';
import { type Cell, isBlankCell } from './cells.js';
import { type SharedStrings, TextCollector } from './xlsx-strings.js';
import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Range,
  columnLetters,
  columnInRow,
  parseRange,
  parseRowNumber,
} from './xlsx-refs.js';
import { readPart } from './xlsx-part.js';
import { XML_LIMITS, type XmlHandlers, XmlLimitError } from './xml.js';
import { quoteName } from './printable.js';
import { type ZipArchive, type ZipEntry, overLimit } from './zip.js';
import type { NumberShape } from './xlsx-styles.js';
import { serialToWall } from './xlsx-serial.js';
import type { ReadTicker } from './read-progress.js';

export interface SheetRow {
  /** The row number Excel shows. */
  readonly row: number;
  readonly cells: Cell[];
}

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  readonly file: string;
  readonly name: string;
  readonly strings: SharedStrings;
  /** How each cell style's number format shows a number (`readNumberShapes`). */
  readonly shapes: readonly NumberShape[];
  readonly date1904: boolean;
  readonly recalcOnLoad: boolean;
}

export interface SheetContent {
  /** Rows with at least one non-blank cell, in sheet order, trailing blank cells dropped. */
  readonly rows: SheetRow[];
  /** `<mergeCell ref="A2:A5">` ranges; they follow the rows in the sheet XML. */
  readonly merges: Range[];
  /** Formula cells read: their saved results are what Excel last computed. */
  readonly formulas: number;
  /** Text cells holding an unevaluated `="…"` formula, read as the text between the quotes. */
  readonly textFormulas: TextFormulas;
  /** Non-blank cells held: what the merges may add to is measured against it. */
  readonly held: number;
  /** Columns the sheet hides (`<col hidden="1">`), 0-based: the page hides them too. */
  readonly hiddenColumns: readonly number[];
}

/** The first cells of a kind, by reference, and how many there were. */
export interface TextFormulas {
  readonly cells: string[];
  count: number;
}

/** Excel's widest sheet (XFD). */
const EXCEL_COLUMNS = 16_384;

/** Cells named by reference in a warning; the rest are counted. */
const NAMED_CELLS = 10;

/**
 * What the cells of one sheet may take in memory, estimated as they are read: each slot of a row
 * 12 bytes (8 for the pointer, and the half more an array grown by push keeps spare), a row 80, a
 * number, date or error cell 100 (a V8 object of 3 to 7 fields and its raw digits), an inline
 * text 2 bytes a character. 512 MiB leaves the rest of a 1 GB process to Node.js itself (80 MB),
 * the shared strings and the report. Measured: a sheet with a cell in column XFD of every row
 * (16,384 slots each) is refused at row 2,730 with a peak of ~600 MB; the 100,000-row benchmark
 * workbook is estimated at 58 MB. A 1,048,576-row sheet whose rows hold 4 or more number or date
 * cells is past it, and refused, where it would have taken more than 1 GB.
 */
const HELD_BYTES = 512 * 1024 ** 2;

/** Merges among `<mergeCells>`: one per row of Excel's grid. */
const MAX_MERGES = MAX_ROWS;

/**
 * Streams one worksheet. With `maxRows` it stops after that many non-blank rows (a look for the
 * header row); merges are then not known. `ticker` is told the rows read after each chunk, with
 * the share of the XML the archive says the sheet inflates to.
 */
export async function readSheet(
  zip: ZipArchive,
  part: ZipEntry,
  context: SheetContext,
  maxRows = Number.POSITIVE_INFINITY,
  ticker?: ReadTicker,
): Promise<SheetContent> {
  const handler = new SheetHandler(context, part.name);
  const size = part.declared;
  const whole = await readPart(zip, part, `sheet ${quoteName(context.name)}`, handler, {
    stop: () => handler.rows.length >= maxRows,
    onChunk: ticker && ((bytes) => ticker.tick(handler.rows.length, size > 0 ? bytes / size : undefined)),
  });
  const { formulas, textFormulas, held, hiddenColumns } = handler;
  if (!whole) return { rows: handler.rows.slice(0, maxRows), merges: [], formulas, textFormulas, held, hiddenColumns };
  return { rows: handler.rows, merges: handler.merges, formulas, textFormulas, held, hiddenColumns };
}

/**
 * The sheet XML as a small state machine (ECMA-376 Part 1, 18.3.1.4 `c`): `<row r>` holds
 * `<c r t s>` cells, each with a formula `<f>`, a value `<v>` and, for `t="inlineStr"`, a string
 * item `<is>`. `r` may be left out on rows and cells; the position then follows the one before.
 */
/** Number texts kept for sharing: short ones (scores, codes, times), and a bound on how many. */
const SHARED_NUMBER_CHARS = 24;
const SHARED_NUMBERS = 100_000;

class SheetHandler implements XmlHandlers {
  readonly rows: SheetRow[] = [];
  readonly merges: Range[] = [];
  readonly textFormulas: TextFormulas = { cells: [], count: 0 };
  readonly hiddenColumns: number[] = [];
  formulas = 0;
  held = 0;
  private bytes = 0;
  private rowNumber = 0;
  private cells: Cell[] = [];
  private column = 0;
  private type = 'n';
  private style = 0;
  private hasFormula = false;
  private value: string | undefined;
  private inValue = false;
  private inInline = false;
  private readonly inline = new TextCollector();
  /**
   * Number cells by their text, shared: a sheet repeats few values (scores, codes) in most of its
   * rows, and each cell object is about 100 bytes (1,000,000 rows of five numbers each: 500 MB).
   * Cells are never changed once read, so one object serves every cell that holds the same text.
   */
  private readonly numbers = new Map<string, Cell>();
  /** The cell just read is one of `numbers`: it adds only its slot to the estimate. */
  private sharedCell = false;

  constructor(
    private readonly context: SheetContext,
    private readonly part: string,
  ) {}

  open(name: string, a: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'row':
        this.startRow(a.r);
        return;
      case 'c':
        this.column = this.cellColumn(a.r);
        this.type = a.t ?? 'n';
        this.style = a.s ? Number(a.s) : 0;
        this.hasFormula = false;
        this.value = undefined;
        return;
      case 'v':
        this.inValue = true;
        this.value = '';
        return;
      case 'f':
        this.hasFormula = true;
        return;
      case 'is':
        this.inInline = true;
        this.inline.start();
        return;
      case 'mergeCell':
        if (a.ref !== undefined) this.addMerge(a.ref);
        return;
      case 'col':
        if (a.hidden === '1' || a.hidden === 'true') this.hideColumns(Number(a.min), Number(a.max));
        return;
      default:
        if (this.inInline) this.inline.open(name);
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.inValue = false;
        return;
      case 'is':
        this.inInline = false;
        this.value = this.inline.finish();
        return;
      case 'c':
        this.endCell();
        return;
      case 'row':
        this.endRow();
        return;
      default:
        if (this.inInline) this.inline.close(name);
    }
  }

  text(text: string): void {
    if (this.inValue) {
      // A value split by elements inside `<v>` is not bounded by the XML stream's own cap.
      if (this.value!.length + text.length > XML_LIMITS.textChars)
        throw new XmlLimitError('text', XML_LIMITS.textChars);
      this.value += text;
    } else if (this.inInline) this.inline.text(text);
  }

  /** Rows come once each, in order (ECMA-376 Part 1, 18.3.1.73); `r` may be left out: the next row. */
  private startRow(r: string | undefined): void {
    const number = r === undefined ? this.rowNumber + 1 : parseRowNumber(r);
    if (number === undefined || number > MAX_ROWS) throw this.badReference(r === undefined ? String(number) : r, 'row');
    if (number <= this.rowNumber) throw this.repeatedRow(number);
    this.rowNumber = number;
    this.cells = [];
    this.column = 0;
  }

  /** A cell's column: its reference must name this row, to the right of the cell before; without one, the next column. */
  private cellColumn(r: string | undefined): number {
    if (r === undefined) {
      if (this.column + 1 > MAX_COLUMNS) throw this.badReference(`${columnLetters(this.column + 1)}${this.rowNumber}`);
      return this.column + 1;
    }
    const column = columnInRow(r, this.rowNumber);
    if (column === 0) throw this.badReference(r);
    if (column <= this.column) throw this.repeatedCell(column);
    return column;
  }

  private addMerge(ref: string): void {
    const range = parseRange(ref);
    if (!range) throw this.badReference(ref, 'merge');
    if (this.merges.length === MAX_MERGES)
      throw overLimit(this.context.file, this.part, INPUT.limitMerges, MAX_MERGES.toLocaleString('en'));
    this.merges.push(range);
  }

  private endCell(): void {
    if (this.hasFormula) this.formulas++;
    const cell = this.cellValue();
    if (isBlankCell(cell)) return;
    const padding = this.column - 1 - this.cells.length;
    const own = this.sharedCell ? 0 : typeof cell === 'string' ? 2 * cell.length : 100;
    this.sharedCell = false;
    this.count(12 * (padding > 0 ? padding + 1 : 1) + own);
    while (this.cells.length < this.column - 1) this.cells.push('');
    this.cells[this.column - 1] = cell;
    this.held++;
  }

  private endRow(): void {
    if (this.cells.length > 0) {
      this.count(80);
      this.rows.push({ row: this.rowNumber, cells: this.cells });
    }
    this.cells = [];
  }

  /** Adds to the estimate of what the sheet's cells take in memory, refusing the sheet past HELD_BYTES. */
  private count(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > HELD_BYTES) throw this.tooMuch();
  }

  private tooMuch(): ToolError {
    const file = this.context.file;
    return new ToolError(
      'XLSX_TOO_LARGE',
      say(
        INPUT.tooLarge({
          why: `sheet ${quoteName(this.context.name)} holds more than ${HELD_BYTES / 1024 ** 2} MB of cells by row ${this.rowNumber}`,
          file,
        }),
      ),
      { file, sheet: this.context.name },
    );
  }

  private ref(): string {
    return `${columnLetters(this.column)}${this.rowNumber}`;
  }

  private where(): string {
    return `cell ${this.ref()} of sheet ${quoteName(this.context.name)}`;
  }

  /** `<col min max hidden>` (ECMA-376 Part 1, 18.3.1.13), 1-based, within Excel's 16,384 columns. */
  private hideColumns(min: number, max: number): void {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return;
    for (let c = Math.max(1, min); c <= Math.min(max, EXCEL_COLUMNS); c++) this.hiddenColumns.push(c - 1);
  }

  private badReference(ref: string, kind: 'cell' | 'row' | 'merge' = 'cell'): ToolError {
    const { file, name } = this.context;
    const row = kind === 'cell' ? this.rowNumber : undefined;
    return new ToolError(
      'XLSX_BAD_REFERENCE',
      say(INPUT.badReference({ ref: quoteName(ref), row, kind, sheet: quoteName(name), file })),
      { file, sheet: name, row: kind === 'merge' ? undefined : this.rowNumber },
    );
  }

  private repeatedRow(row: number): ToolError {
    const { file, name } = this.context;
    return new ToolError(
      'XLSX_REPEATED_ROW',
      say(INPUT.repeatedRow({ row, after: this.rowNumber, sheet: quoteName(name), file })),
      { file, sheet: name, row },
    );
  }

  private repeatedCell(column: number): ToolError {
    const { file, name } = this.context;
    const cell = `${columnLetters(column)}${this.rowNumber}`;
    return new ToolError(
      'XLSX_REPEATED_CELL',
      say(INPUT.repeatedCell({ cell, after: this.ref(), sheet: quoteName(name), file })),
      { file, sheet: name, row: this.rowNumber, column: columnLetters(column) },
    );
  }

  private cellValue(): Cell {
    if (this.hasFormula) {
      if (this.context.recalcOnLoad) {
        return {
          kind: 'error',
          error: `a formula whose saved result may be stale in ${this.where()} (the workbook asks to be recalculated when opened); open it in Excel or WPS, save it, and run again, or paste the values in place of the formula`,
        };
      }
      if (this.value === undefined) {
        return {
          kind: 'error',
          error: `a formula with no saved result in ${this.where()}; open the file in Excel or WPS and save it again, or paste the values in place of the formula`,
        };
      }
    }
    const v = this.value;
    switch (this.type) {
      case 's':
        return this.unevaluated(this.sharedString(v));
      case 'str':
        return this.unevaluated(v ?? '');
      case 'inlineStr':
        if (v?.includes('\0')) return this.nul();
        return this.unevaluated(v ?? '');
      case 'b':
        return v === undefined ? '' : v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return { kind: 'error', error: v || '#VALUE!' };
      case 'd':
        return v ? this.isoDate(v) : '';
      default:
        return this.number(v);
    }
  }

  private sharedString(v: string | undefined): Cell {
    if (v === undefined || v === '') return '';
    const { strings, withNul } = this.context.strings;
    const index = Number(v);
    const text = strings[index];
    if (text === undefined)
      return {
        kind: 'error',
        error: `a shared string the workbook does not hold (number ${v}) in ${this.where()}; open the file in Excel or WPS and save it again`,
      };
    if (withNul.size > 0 && withNul.has(index)) return this.nul();
    return text;
  }

  private nul(): Cell {
    return { kind: 'error', error: say(INPUT.cellNul({ cell: this.ref(), sheet: quoteName(this.context.name) })) };
  }

  /**
   * A text cell that is exactly `="…"` is a formula nobody calculated (Gnumeric saves one it
   * cannot read this way, and it is how the CSV report writes IDs): read as the text between
   * the quotes (`""` is one quote), and named in a warning.
   */
  private unevaluated(cell: Cell): Cell {
    if (typeof cell !== 'string' || cell.charCodeAt(0) !== 0x3d || this.hasFormula) return cell;
    const m = TEXT_FORMULA.exec(cell);
    if (!m) return cell;
    const named = this.textFormulas;
    if (named.cells.length < NAMED_CELLS) named.cells.push(this.ref());
    named.count++;
    return m[1]!.replaceAll('""', '"');
  }

  private number(v: string | undefined): Cell {
    if (v === undefined || v.trim() === '') return '';
    const value = Number(v);
    if (!Number.isFinite(value))
      return { kind: 'error', error: `a number cell holding "${v}" in ${this.where()}; type the value again` };
    const shape = this.context.shapes[this.style];
    if (shape === 'date') return this.serialDate(value, v);
    if (shape === 'duration') return { kind: 'number', value, raw: v, duration: true };
    const seen = this.numbers.get(v);
    if (seen) {
      this.sharedCell = true;
      return seen;
    }
    const cell: Cell = { kind: 'number', value, raw: v };
    if (v.length <= SHARED_NUMBER_CHARS && this.numbers.size < SHARED_NUMBERS) this.numbers.set(v, cell);
    return cell;
  }

  /** A number in a date format, as Excel shows it; a number Excel shows no date for is refused. */
  private serialDate(value: number, v: string): Cell {
    const read = serialToWall(value, this.context.date1904);
    if (read.kind === 'date') return read;
    const where = { cell: this.ref(), sheet: quoteName(this.context.name) };
    const got = read.kind === 'negative' ? INPUT.dateNegative({ value: v, ...where }) : INPUT.dateFeb29(where);
    const code = read.kind === 'negative' ? 'ROW_DATE_NEGATIVE' : 'ROW_DATE_FEB29';
    // The report echoes the number as the file holds it; the row's message says why it was refused.
    return { kind: 'error', error: v, code, got, fix: INPUT.dateFix };
  }

  /**
   * `t="d"`: an ISO 8601 date and time, which Excel reads as wall-clock time (Part 1, 18.17.4);
   * a time alone (`T14:30:00`, `14:30:00`) is a time of day, as openpyxl and calamine read it.
   */
  private isoDate(v: string): Cell {
    const m = ISO_WALL.exec(v);
    if (!m)
      return { kind: 'error', error: `a date cell holding "${v}" in ${this.where()}; type the date and time again` };
    const [, y, mo, d, ...clock] = m;
    // The clock's groups: after a date (4-7), or alone (8-11).
    const [h = '0', mi = '0', s = '0', ms = '0'] = y === undefined ? clock.slice(4) : clock;
    const timeOnly = y === undefined;
    const wall = {
      year: timeOnly ? 1899 : +y,
      month: timeOnly ? 12 : +mo!,
      day: timeOnly ? 31 : +d!,
      hour: +h,
      minute: +mi,
      second: +s,
      millisecond: Number(ms.padEnd(3, '0').slice(0, 3)),
    };
    return timeOnly ? { kind: 'date', wall, timeOnly: true } : { kind: 'date', wall };
  }
}

const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/s;

/** A date with an optional time, or a time alone (`T` optional before it). */
const ISO_WALL =
  /^(?:(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?|T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)Z?$/;
