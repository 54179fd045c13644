/**
 * The rows of a run, as the file has them, in a virtualized grid (@tanstack/virtual-core): only the
 * rows on screen are in the DOM, fetched from the server a page at a time, so 100,000 rows scroll
 * as smoothly as 100. It reads like a sheet: the row number and status stay in place when
 * scrolling right, each column is as wide as its values (an ID is never cut), the cell at fault is
 * marked (an empty one says so). With `onEdit`, a cell is fixed in place: double-click it, or
 * select it and press Enter (or just type); Enter saves, Escape cancels.
 */
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { GridRow } from '../views.js';
import { rows as fetchRows } from './api.js';
import { type Lang, statusWord, t } from './strings.js';
import { wallClock } from './zone.js';

/** One line of text per row; the message column wraps nothing (its full text is in the panel). */
const ROW_PX = 30;
/** Rows a request asks for: a few screens, well under the server's 500. */
const PAGE = 200;
/** A column's width in `ch`: its longest value (a CJK character counts two), within these bounds. */
const MIN_CH = 6;
const MAX_CH = 40;

/** Where the grid's selection is: a row (its place in the grid) and a column of the file, or none. */
export interface Selection {
  readonly at: number;
  readonly column: number;
}

export interface GridProps {
  readonly run: string;
  readonly lang: Lang;
  readonly problemsOnly: boolean;
  /** Bumped when rows changed on the server (an edit): the grid reads the rows on screen again. */
  readonly version?: number;
  /** Fixing in place: the cell's new value sent; true when the server took it. */
  readonly onEdit?: (row: GridRow, column: string, value: string) => Promise<boolean>;
  /** The row selected (undefined: none), for the problems panel. */
  readonly onSelect?: (row: GridRow | undefined, at: number, column: string | undefined, value?: string) => void;
  /** Scroll to and select this place in the grid (`seq` makes a repeat a new request). */
  readonly focus?: { readonly at: number; readonly seq: number; readonly column?: number };
  /** Every cell at fault in the selected row (the panel's list), where only the first is marked otherwise. */
  readonly faults?: readonly number[];
  /** A row's message in the page's own words, where the page has the facts of it (a preview's change); else the server's. */
  readonly said?: (row: GridRow) => string | undefined;
}

const textWidth = (text: string) => {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) >= 0x1100 ? 2 : 1;
  return w;
};

export function Grid({ run, lang, problemsOnly, version = 0, onEdit, onSelect, focus, faults, said }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const rerender = () => bump(0);
  const [selected, setSelected] = useState<Selection>();
  const [editing, setEditing] = useState<{ at: number; column: number; value: string }>();
  const { shape, widths, rowAt, load } = useRowPages(run, problemsOnly, version, rerender, () =>
    setSelected(undefined),
  );
  const virtualizer = useVirtualRows(scroller, shape?.total ?? 0, rerender);
  const select = (at: number, column: number) => {
    setSelected({ at, column });
    const row = rowAt(at);
    onSelect?.(row, at, shape?.columns[column], row?.cells[column]);
  };
  // The selected row read again (an edit, the next page): the panel follows it.
  const selectedRow = selected ? rowAt(selected.at) : undefined;
  useEffect(() => {
    if (selected)
      onSelect?.(selectedRow, selected.at, shape?.columns[selected.column], selectedRow?.cells[selected.column]);
  }, [selectedRow]);
  useEffect(() => {
    if (!focus || !shape) return;
    virtualizer.scrollToIndex(focus.at, { align: 'center' });
    const row = rowAt(focus.at);
    select(focus.at, focus.column ?? row?.fault ?? selected?.column ?? 0);
    scroller.current?.focus();
  }, [focus?.seq, shape !== undefined]);
  const columns = shape?.columns ?? [];
  // Columns the file's sheet hides stay hidden here (the problems panel still names one at fault).
  const hidden = new Set(shape?.hidden ?? []);
  const visible = columns.flatMap((c, i) => (hidden.has(c) ? [] : [i]));
  const items = virtualizer.getVirtualItems();
  for (const item of items) load(Math.floor(item.index / PAGE));
  if (shape && shape.total === 0) return <p class="empty">{t(lang, 'noProblems')}</p>;
  const { save, open, cancel } = cellEditing({ editing, setEditing, rowAt, columns, onEdit, scroller });
  const onKey = (e: KeyboardEvent) => {
    if (editing || !selected || !shape) return;
    const to = keyMove(e.key, selected, visible, shape.total);
    if (to) {
      e.preventDefault();
      select(to.at, to.column);
      virtualizer.scrollToIndex(to.at);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      open(selected.at, selected.column);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing over a selected cell starts its editor with what was typed, as a sheet does.
      e.preventDefault();
      open(selected.at, selected.column, e.key);
    }
  };
  const width = (i: number) => ({ width: `${widths[i] ?? 12}ch` });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a sheet's grid: the arrow keys move its selection, Enter edits
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the grid takes the keyboard as a sheet does
    <div class={onEdit ? 'grid editable' : 'grid'} ref={scroller} data-testid="grid" tabIndex={0} onKeyDown={onKey}>
      <GridHead lang={lang} columns={columns} visible={visible} width={width} zone={shape?.zone} />
      <div class="grid-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const here = selected?.at === item.index;
          const classes = ['grid-row', row?.code === 'RUN_WOULD_REMOVE' ? 'removal' : '', here ? 'selected' : ''];
          return (
            <div
              // A removal the run was not asked to make stands out among the rows.
              class={classes.filter(Boolean).join(' ')}
              key={item.key}
              style={{ transform: `translateY(${item.start}px)` }}
              data-row={row?.row}
            >
              {row ? (
                <RowCells
                  row={row}
                  message={said?.(row) ?? row.message}
                  lang={lang}
                  zone={shape?.zone}
                  width={width}
                  visible={visible}
                  selectedColumn={here ? selected?.column : undefined}
                  faults={here ? faults : undefined}
                  editing={editing?.at === item.index ? editing : undefined}
                  onCell={(column) => select(item.index, column)}
                  onOpen={(column) => open(item.index, column)}
                  onType={(value) => setEditing((e) => e && { ...e, value })}
                  onSave={() => void save()}
                  onCancel={cancel}
                />
              ) : (
                <span class="c-row">…</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The rows on screen (and a few beyond) of `count`, each `ROW_PX` high, in `scroller`. */
function useVirtualRows(scroller: { current: HTMLDivElement | null }, count: number, rerender: () => void) {
  const options = {
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: rerender,
  };
  const virtualizer = useMemo(() => new Virtualizer<HTMLDivElement, Element>(options), []);
  virtualizer.setOptions(options);
  useEffect(() => virtualizer._didMount(), []);
  useEffect(() => virtualizer._willUpdate());
  return virtualizer;
}

/** Opening, saving and cancelling a cell's editor; the grid takes the keys again after. */
function cellEditing(p: {
  editing: { at: number; column: number; value: string } | undefined;
  setEditing: (e: { at: number; column: number; value: string } | undefined) => void;
  rowAt: (at: number) => GridRow | undefined;
  columns: readonly string[];
  onEdit: GridProps['onEdit'];
  scroller: { current: HTMLDivElement | null };
}) {
  const { editing, onEdit } = p;
  const close = () => {
    p.setEditing(undefined);
    p.scroller.current?.focus();
  };
  return {
    cancel: close,
    async save() {
      if (!editing || !onEdit) return;
      const row = p.rowAt(editing.at);
      const column = p.columns[editing.column];
      close();
      if (row && column !== undefined && row.cells[editing.column] !== editing.value)
        await onEdit(row, column, editing.value);
    },
    open(at: number, column: number, value?: string) {
      const row = p.rowAt(at);
      if (onEdit && row) p.setEditing({ at, column, value: value ?? row.cells[column] ?? '' });
    },
  };
}

/** The header row: ours, then the file's columns as it names them (those it hides left out). */
function GridHead(p: {
  lang: Lang;
  columns: readonly string[];
  visible: readonly number[];
  width: (i: number) => { width: string };
  zone?: string;
}) {
  const { lang, columns } = p;
  return (
    <div class="grid-row grid-head">
      <span class="c-row">{t(lang, 'colRow')}</span>
      <span class="c-status">{t(lang, 'colStatus')}</span>
      <span class="c-message">{t(lang, 'colMessage')}</span>
      {p.zone && (
        <>
          <span class="c-time">{t(lang, 'colBegin')}</span>
          <span class="c-time">{t(lang, 'colEnd')}</span>
        </>
      )}
      {p.visible.map((i) => (
        <span class="c-cell" key={columns[i]} style={p.width(i)} title={columns[i]}>
          <b>{columns[i]}</b>
        </span>
      ))}
    </div>
  );
}

/** Where an arrow key moves the selection: rows up and down, the shown columns left and right. */
function keyMove(key: string, from: Selection, visible: readonly number[], total: number): Selection | undefined {
  const place = visible.indexOf(from.column);
  const beside = (step: number) => visible[Math.max(0, Math.min(visible.length - 1, place + step))] ?? from.column;
  const row = (step: number) => Math.max(0, Math.min(total - 1, from.at + step));
  if (key === 'ArrowDown') return { at: row(1), column: from.column };
  if (key === 'ArrowUp') return { at: row(-1), column: from.column };
  if (key === 'ArrowRight') return { at: from.at, column: beside(1) };
  if (key === 'ArrowLeft') return { at: from.at, column: beside(-1) };
  return undefined;
}

/** The rows, read a page at a time as the grid shows them; read again (the old ones shown meanwhile) when `version` moves. */
function useRowPages(run: string, problemsOnly: boolean, version: number, rerender: () => void, onFilter: () => void) {
  const [shape, setShape] = useState<
    { columns: readonly string[]; hidden?: readonly string[]; total: number; zone?: string } | undefined
  >();
  const [widths, setWidths] = useState<readonly number[]>([]);
  const pages = useMemo(() => new Map<number, readonly GridRow[] | 'loading'>(), [run, problemsOnly]);
  /** Pages read before the last change: shown until their new rows come. */
  const stale = useMemo(() => new Set<number>(), [run, problemsOnly]);
  const load = (page: number) => {
    if (pages.has(page) && !stale.has(page)) return;
    stale.delete(page);
    if (!pages.has(page)) pages.set(page, 'loading');
    void fetchRows(run, page * PAGE, PAGE, problemsOnly).then((answer) => {
      pages.set(page, answer.rows);
      setShape({ columns: answer.columns, hidden: answer.hidden, total: answer.total, zone: answer.zone });
      setWidths((w) => (w.length === answer.columns.length ? w : columnWidths(answer.columns, answer.rows)));
      rerender();
    });
  };
  // The file checked again (after an edit) keeps its place, widths and selection; another filter starts afresh.
  useEffect(() => load(0), [run]);
  useEffect(() => {
    setShape(undefined);
    onFilter();
    load(0);
  }, [problemsOnly]);
  useEffect(() => {
    if (version === 0) return;
    for (const page of pages.keys()) stale.add(page);
    rerender();
  }, [version]);
  const rowAt = (at: number): GridRow | undefined => {
    const page = pages.get(Math.floor(at / PAGE));
    return page && page !== 'loading' ? page[at % PAGE] : undefined;
  };
  return { shape, widths, rowAt, load };
}

/** Each column as wide as its header and the values of the first rows read, in `ch`. */
function columnWidths(columns: readonly string[], rows: readonly GridRow[]): number[] {
  return columns.map((c, i) => {
    let w = textWidth(c);
    for (const r of rows) w = Math.max(w, textWidth(r.cells[i] ?? ''));
    // Two for the cell's padding, one to spare: an ID of 19 digits shows whole.
    return Math.max(MIN_CH, Math.min(MAX_CH, w + 3));
  });
}

interface RowCellsProps {
  readonly row: GridRow;
  /** The row's message as shown. */
  readonly message?: string;
  readonly lang: Lang;
  /** The run's, when the file has times; each row's then shows as it lands (`2025-12-02 14:00 北京时间`). */
  readonly zone?: string;
  readonly width: (i: number) => { width: string };
  /** The columns shown, by their place among the row's cells. */
  readonly visible: readonly number[];
  readonly selectedColumn?: number;
  readonly faults?: readonly number[];
  readonly editing?: { column: number; value: string };
  onCell(column: number): void;
  onOpen(column: number): void;
  onType(value: string): void;
  onSave(): void;
  onCancel(): void;
}

function RowCells({ row, message, lang, zone, width, visible, selectedColumn, faults, editing, ...on }: RowCellsProps) {
  const when = (ms: number | undefined) => (ms === undefined || !zone ? '' : wallClock(ms, zone, lang));
  const bad = (i: number) => i === row.fault || (faults?.includes(i) ?? false);
  return (
    <>
      <span class="c-row">{row.row}</span>
      <span class={`c-status s-${row.status}`} data-testid="row-status">
        {statusWord(lang, row.status)}
      </span>
      <span class="c-message" title={message}>
        {message}
      </span>
      {zone && (
        <>
          <span class="c-time" data-testid="lands-begin">
            {when(row.times?.begin)}
          </span>
          <span class="c-time" data-testid="lands-end">
            {when(row.times?.end)}
          </span>
        </>
      )}
      {visible.map((i) => {
        const cell = row.cells[i] ?? '';
        const classes = ['c-cell', bad(i) ? 'bad' : '', selectedColumn === i ? 'current' : ''];
        if (editing?.column === i)
          return (
            <span key={i} class={`${classes.join(' ')} editing`} style={width(i)}>
              <CellEditor value={editing.value} onType={on.onType} onSave={on.onSave} onCancel={on.onCancel} />
            </span>
          );
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the grid's keys (arrows, Enter) act on the selected cell
          // biome-ignore lint/a11y/noStaticElementInteractions: a cell of a sheet, selected by a click
          <span
            key={i}
            class={classes.filter(Boolean).join(' ')}
            style={width(i)}
            title={bad(i) ? message : cell}
            data-fault={bad(i) ? '1' : undefined}
            data-col={i}
            onClick={() => on.onCell(i)}
            onDblClick={() => {
              on.onCell(i);
              on.onOpen(i);
            }}
          >
            {cell === '' && bad(i) ? <span class="empty-mark">{t(lang, 'emptyCell')}</span> : cell}
          </span>
        );
      })}
    </>
  );
}

function CellEditor(p: { value: string; onType(v: string): void; onSave(): void; onCancel(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    const end = input.current?.value.length ?? 0;
    input.current?.setSelectionRange(end, end);
  }, []);
  return (
    <input
      ref={input}
      class="cell-editor"
      data-testid="cell-editor"
      value={p.value}
      onInput={(e) => p.onType((e.currentTarget as HTMLInputElement).value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          done.current = true;
          p.onSave();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          done.current = true;
          p.onCancel();
        }
      }}
      // Leaving the cell keeps what was typed, as a sheet does.
      onBlur={() => {
        if (!done.current) p.onSave();
      }}
    />
  );
}
