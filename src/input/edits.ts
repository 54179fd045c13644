/**
 * Changes the user made to a file's cells in the page (issue 31 item 4), applied to the table as
 * it is read, after the profile's fill-down: a cell given a new value, a value replaced everywhere
 * in a column, a column filled down. Every reader of the file (the check, the preview, the import)
 * then sees the same cells, and the summary lists what changed.
 */
import { ToolError } from '../errors.js';
import { say } from '../messages.js';
import { type Cell, cellText, isBlankCell } from './cells.js';
import { EDITS, INPUT } from './messages.js';
import { currentLang } from '../lang.js';

/** One change, naming its column as the grid (and the report) names it: the file's header. */
export type CellEdit =
  | { readonly kind: 'cell'; readonly row: number; readonly column: string; readonly value: string }
  | { readonly kind: 'replace'; readonly column: string; readonly from: string; readonly to: string }
  | { readonly kind: 'fill'; readonly column: string };

/** What one edit changed: the rows whose cell it gave a new value. */
export interface AppliedEdit {
  readonly edit: CellEdit;
  readonly rows: readonly number[];
}

interface EditRow {
  readonly row: number;
  readonly cells: Cell[];
}

/**
 * A header as the report and the grid name it: as written, or `column_N` when blank (see
 * src/report/report-writer.ts reportLayout).
 */
export const gridColumnName = (header: string, i: number) => (header.trim() === '' ? `column_${i + 1}` : header);

const isText = (v: unknown): v is string => typeof v === 'string';

/** The edits of an edits file's JSON (`{ "edits": [...] }`), each checked; refused whole when one is not an edit. */
export function parseEdits(json: unknown, file: string): CellEdit[] {
  const list = (json as { edits?: unknown } | null)?.edits;
  const refuse = (n: number) => new ToolError('INPUT_BAD_EDITS', say(EDITS.bad({ file, n })), { file });
  if (!Array.isArray(list)) throw refuse(0);
  return list.map((e: Record<string, unknown>, i): CellEdit => {
    if (e?.kind === 'cell' && Number.isSafeInteger(e.row) && isText(e.column) && isText(e.value))
      return { kind: 'cell', row: e.row as number, column: e.column, value: e.value };
    if (e?.kind === 'replace' && isText(e.column) && isText(e.from) && isText(e.to))
      return { kind: 'replace', column: e.column, from: e.from, to: e.to };
    if (e?.kind === 'fill' && isText(e.column)) return { kind: 'fill', column: e.column };
    throw refuse(i + 1);
  });
}

/**
 * Applies `edits` in order to `rows` (the data rows below `headers`), in place. A column or row
 * the file does not have is refused: the edits were made to another file, or another sheet;
 * with `partial` (`rows` are some of the file's), a row not among them is left alone.
 */
export function applyEdits(
  rows: readonly EditRow[],
  headers: readonly string[],
  edits: readonly CellEdit[],
  file: string,
  partial = false,
): AppliedEdit[] {
  const columns = new Map<string, number>();
  headers.forEach((h, i) => {
    const name = gridColumnName(h, i);
    if (!columns.has(name)) columns.set(name, i);
  });
  const at = (column: string) => {
    const i = columns.get(column);
    if (i === undefined) throw new ToolError('INPUT_EDIT_NO_COLUMN', say(EDITS.noColumn({ column, file })), { file });
    return i;
  };
  const set = (r: EditRow, i: number, value: Cell) => {
    while (r.cells.length <= i) r.cells.push('');
    r.cells[i] = value;
  };
  let byRow: Map<number, EditRow> | undefined;
  return edits.map((edit) => {
    const i = at(edit.column);
    const changed: number[] = [];
    if (edit.kind === 'cell') {
      byRow ??= new Map(rows.map((x) => [x.row, x]));
      const r = byRow.get(edit.row);
      if (!r && partial) return { edit, rows: changed };
      if (!r) throw new ToolError('INPUT_EDIT_NO_ROW', say(EDITS.noRow({ row: edit.row, file })), { file });
      if (cellText(r.cells[i]) !== edit.value) changed.push(r.row);
      set(r, i, edit.value);
    } else if (edit.kind === 'replace') {
      for (const r of rows)
        if (cellText(r.cells[i]).trim() === edit.from.trim()) {
          set(r, i, edit.to);
          changed.push(r.row);
        }
    } else {
      let above: Cell | undefined;
      for (const r of rows) {
        const cell = r.cells[i];
        if (cell !== undefined && !isBlankCell(cell)) above = cell;
        else if (above !== undefined) {
          set(r, i, above);
          changed.push(r.row);
        }
      }
    }
    return { edit, rows: changed };
  });
}

/** Rows a line names: the report's rows carry the rest. */
const NAMED_ROWS = 10;

/** Each change made in the page as the summary and the report list it, in the run's language. */
export function editLines(edited: readonly AppliedEdit[] | undefined): string[] {
  const zh = currentLang() === 'zh';
  const rowList = (rows: readonly number[]) =>
    `${rows.slice(0, NAMED_ROWS).join(zh ? '、' : ', ')}${rows.length > NAMED_ROWS ? say(INPUT.andMore(rows.length - NAMED_ROWS)) : ''}`;
  return (edited ?? []).map(({ edit, rows }) => {
    if (edit.kind === 'cell') return say(EDITS.cell({ column: edit.column, row: edit.row, value: edit.value }));
    const named = { column: edit.column, count: rows.length, rows: rowList(rows) };
    return say(edit.kind === 'replace' ? EDITS.replace({ ...named, from: edit.from, to: edit.to }) : EDITS.fill(named));
  });
}
