import { type Cell, type WallTime, isBlankCell } from './cells.js';
import { TextCollector } from './xlsx-strings.js';
import { type XmlHandlers, XmlStream } from './xml.js';
import { quoteName } from './printable.js';
import type { ZipArchive, ZipEntry } from './zip.js';

export interface SheetRow {
  /** The row number Excel shows. */
  readonly row: number;
  readonly cells: Cell[];
}

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  readonly name: string;
  readonly strings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly recalcOnLoad: boolean;
}

export interface SheetContent {
  /** Rows with at least one non-blank cell, in sheet order, trailing blank cells dropped. */
  readonly rows: SheetRow[];
  /** `<mergeCell ref="A2:A5">` ranges; they follow the rows in the sheet XML. */
  readonly merges: string[];
  /** Formula cells read: their saved results are what Excel last computed. */
  readonly formulas: number;
}

/**
 * Streams one worksheet. With `maxRows` it stops after that many non-blank rows (a look for the
 * header row); merges are then not known.
 */
export async function readSheet(
  zip: ZipArchive,
  part: ZipEntry,
  context: SheetContext,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<SheetContent> {
  const handler = new SheetHandler(context);
  const xml = new XmlStream(handler);
  for await (const chunk of zip.chunks(part)) {
    xml.write(chunk);
    if (handler.rows.length >= maxRows)
      return { rows: handler.rows.slice(0, maxRows), merges: [], formulas: handler.formulas };
  }
  xml.end();
  return { rows: handler.rows, merges: handler.merges, formulas: handler.formulas };
}

/** Column letters to a 1-based number, reading up to the first digit of a reference like `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/**
 * The sheet XML as a small state machine (ECMA-376 Part 1, 18.3.1.4 `c`): `<row r>` holds
 * `<c r t s>` cells, each with a formula `<f>`, a value `<v>` and, for `t="inlineStr"`, a string
 * item `<is>`. `r` may be left out on rows and cells; the position then follows the one before.
 */
class SheetHandler implements XmlHandlers {
  readonly rows: SheetRow[] = [];
  readonly merges: string[] = [];
  formulas = 0;
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

  constructor(private readonly context: SheetContext) {}

  open(name: string, a: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'row':
        this.rowNumber = a.r ? Number(a.r) : this.rowNumber + 1;
        this.cells = [];
        this.column = 0;
        return;
      case 'c':
        this.column = a.r ? columnOf(a.r) : this.column + 1;
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
        if (a.ref) this.merges.push(a.ref);
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
    if (this.inValue) this.value += text;
    else if (this.inInline) this.inline.text(text);
  }

  private endCell(): void {
    if (this.hasFormula) this.formulas++;
    const cell = this.cellValue();
    if (isBlankCell(cell)) return;
    while (this.cells.length < this.column - 1) this.cells.push('');
    this.cells[this.column - 1] = cell;
  }

  private endRow(): void {
    if (this.cells.length > 0) this.rows.push({ row: this.rowNumber, cells: this.cells });
    this.cells = [];
  }

  private where(): string {
    return `cell ${columnLetters(this.column)}${this.rowNumber} of sheet ${quoteName(this.context.name)}`;
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
        return this.sharedString(v);
      case 'str':
      case 'inlineStr':
        return v ?? '';
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
    const text = this.context.strings[Number(v)];
    if (text === undefined)
      return {
        kind: 'error',
        error: `a shared string the workbook does not hold (number ${v}) in ${this.where()}; open the file in Excel or WPS and save it again`,
      };
    return text;
  }

  private number(v: string | undefined): Cell {
    if (v === undefined || v.trim() === '') return '';
    const value = Number(v);
    if (!Number.isFinite(value))
      return { kind: 'error', error: `a number cell holding "${v}" in ${this.where()}; type the value again` };
    if (this.context.dateStyles[this.style]) return { kind: 'date', wall: serialToWall(value, this.context.date1904) };
    return { kind: 'number', value, raw: v };
  }

  /** `t="d"`: an ISO 8601 date and time, which Excel reads as wall-clock time (Part 1, 18.17.4). */
  private isoDate(v: string): Cell {
    const m = ISO_WALL.exec(v);
    if (!m)
      return { kind: 'error', error: `a date cell holding "${v}" in ${this.where()}; type the date and time again` };
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
    return {
      kind: 'date',
      wall: {
        year: +y!,
        month: +mo!,
        day: +d!,
        hour: +h,
        minute: +mi,
        second: +s,
        millisecond: Number(ms.padEnd(3, '0').slice(0, 3)),
      },
    };
  }
}

const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?Z?$/;

/** Excel serial day numbers count from 1899-12-30 (or 1904-01-01); 25569 is 1970-01-01. */
function serialToWall(serial: number, date1904: boolean): WallTime {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}
