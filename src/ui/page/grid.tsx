/**
 * The rows of a run, as the file has them, in a virtualized grid (@tanstack/virtual-core): only the
 * rows on screen are in the DOM, fetched from the server a page at a time, so 100,000 rows scroll
 * as smoothly as 100. The cell at fault is marked, its message in the row's message column.
 */
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { GridRow } from '../views.js';
import { rows as fetchRows } from './api.js';
import { type Lang, statusWord, t } from './strings.js';
import { wallClock } from './zone.js';

/** One line of text per row; the message column wraps nothing (its full text is in the tooltip). */
const ROW_PX = 30;
/** Rows a request asks for: a few screens, well under the server's 500. */
const PAGE = 200;

export interface GridProps {
  readonly run: string;
  readonly lang: Lang;
  readonly problemsOnly: boolean;
}

export function Grid({ run, lang, problemsOnly }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [shape, setShape] = useState<{ columns: readonly string[]; total: number; zone?: string } | undefined>();
  const pages = useMemo(() => new Map<number, readonly GridRow[] | 'loading'>(), [run, problemsOnly]);
  const load = (page: number) => {
    if (pages.has(page)) return;
    pages.set(page, 'loading');
    void fetchRows(run, page * PAGE, PAGE, problemsOnly).then((answer) => {
      pages.set(page, answer.rows);
      setShape({ columns: answer.columns, total: answer.total, zone: answer.zone });
      rerender(0);
    });
  };
  useEffect(() => {
    setShape(undefined);
    load(0);
  }, [run, problemsOnly]);
  const options = {
    count: shape?.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: () => rerender(0),
  };
  const virtualizer = useMemo(() => new Virtualizer<HTMLDivElement, Element>(options), []);
  virtualizer.setOptions(options);
  useEffect(() => virtualizer._didMount(), []);
  useEffect(() => virtualizer._willUpdate());
  const columns = shape?.columns ?? [];
  const items = virtualizer.getVirtualItems();
  for (const item of items) load(Math.floor(item.index / PAGE));
  if (shape && shape.total === 0) return <p class="empty">{t(lang, 'noProblems')}</p>;
  return (
    <div class="grid" ref={scroller} data-testid="grid">
      <div class="grid-row grid-head">
        <span class="c-row">{t(lang, 'colRow')}</span>
        <span class="c-status">{t(lang, 'colStatus')}</span>
        <span class="c-message">{t(lang, 'colMessage')}</span>
        {shape?.zone && (
          <>
            <span class="c-time">{t(lang, 'colBegin')}</span>
            <span class="c-time">{t(lang, 'colEnd')}</span>
          </>
        )}
        {columns.map((c) => (
          <span class="c-cell" key={c}>
            {c}
          </span>
        ))}
      </div>
      <div class="grid-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const page = pages.get(Math.floor(item.index / PAGE));
          const row = page && page !== 'loading' ? page[item.index % PAGE] : undefined;
          return (
            <div
              // A removal the run was not asked to make stands out among the rows.
              class={row?.code === 'RUN_WOULD_REMOVE' ? 'grid-row removal' : 'grid-row'}
              key={item.key}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row ? <RowCells row={row} lang={lang} zone={shape?.zone} /> : <span class="c-row">…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** `zone`: the run's, when the file has times; each row's then shows as it lands (`2025-12-02 14:00 北京时间`). */
function RowCells({ row, lang, zone }: { row: GridRow; lang: Lang; zone?: string }) {
  const when = (ms: number | undefined) => (ms === undefined || !zone ? '' : wallClock(ms, zone, lang));
  return (
    <>
      <span class="c-row">{row.row}</span>
      <span class={`c-status s-${row.status}`}>{statusWord(lang, row.status)}</span>
      <span class="c-message" title={row.message}>
        {row.message}
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
      {row.cells.map((cell, i) => (
        <span
          key={i}
          class={i === row.fault ? 'c-cell bad' : 'c-cell'}
          title={i === row.fault ? row.message : cell}
          data-fault={i === row.fault ? '1' : undefined}
        >
          {cell}
        </span>
      ))}
    </>
  );
}
