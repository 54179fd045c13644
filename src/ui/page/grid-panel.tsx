/**
 * Beside the grid: the selected row's whole message and every problem it has (not only the
 * first), each naming its column (a click selects the cell); 下一个问题 moves to the next row that
 * needs the user; and the fixes for the selected cell's column: replace one value everywhere, fill
 * the blanks down. What was changed so far is counted, with a way to take the last change back.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GridRow } from '../views.js';
import { CallError } from './api.js';
import { type RowProblems, rowProblems, saveEdited } from './edit-api.js';
import { type Lang, statusWord, t } from './strings.js';
import type { EditState } from './use-edits.js';

export function ProblemsPanel(p: {
  run: string;
  lang: Lang;
  row?: GridRow;
  version: number;
  onColumn(fault: number): void;
  /** Every column at fault in the row, for the grid to mark. */
  onFaults(faults: readonly number[]): void;
}) {
  const { run, lang, row } = p;
  const [answer, setAnswer] = useState<RowProblems>();
  useEffect(() => {
    setAnswer(undefined);
    if (!row) return;
    let live = true;
    void rowProblems(run, row.row).then(
      (a) => {
        if (!live) return;
        setAnswer(a);
        p.onFaults(a.problems.flatMap((x) => (x.fault !== undefined && x.fault >= 0 ? [x.fault] : [])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [run, row?.row, row?.status, row?.message, p.version]);
  if (!row) return <p class="panel hint">{t(lang, 'selectHint')}</p>;
  const problems = answer?.problems ?? [];
  return (
    <div class="panel" data-testid="problems-panel" aria-live="polite">
      <p>
        <b>{t(lang, 'panelRow', { row: row.row })}</b> ·{' '}
        <span class={`s-${row.status}`}>{statusWord(lang, row.status)}</span>
      </p>
      {row.status === 'ok' ? (
        <p>{t(lang, 'rowFine')}</p>
      ) : problems.length > 0 ? (
        <ol class="row-problems" data-testid="row-problems">
          {problems.map((x, i) => (
            <li key={i}>
              {x.column !== undefined && x.fault !== undefined && x.fault >= 0 ? (
                <button type="button" class="link" onClick={() => p.onColumn(x.fault!)}>
                  {x.column}
                </button>
              ) : null}{' '}
              {x.message}
            </li>
          ))}
        </ol>
      ) : (
        <p data-testid="row-message">{row.message}</p>
      )}
    </div>
  );
}

export function ColumnFixes(p: { run: string; lang: Lang; column?: string; value?: string; edits: EditState }) {
  const { lang, column, edits } = p;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [failed, setFailed] = useState<string>();
  const download = () => {
    setFailed(undefined);
    saveEdited(p.run).catch((e: unknown) => setFailed(e instanceof CallError ? e.answer.message[lang] : String(e)));
  };
  useEffect(() => setFrom(p.value ?? ''), [column, p.value]);
  return (
    <div class="column-fixes" data-testid="column-fixes">
      {column === undefined ? (
        <span class="hint">{t(lang, 'bulkHint')}</span>
      ) : (
        <>
          <b>{t(lang, 'bulkColumn', { column })}</b>
          <Field label={t(lang, 'replaceFrom')} value={from} testid="replace-from" onValue={setFrom} />
          <Field label={t(lang, 'replaceTo')} value={to} testid="replace-to" onValue={setTo} />
          <button
            type="button"
            data-testid="replace-all"
            disabled={from.trim() === ''}
            onClick={() => void edits.edit({ kind: 'replace', column, from, to })}
          >
            {t(lang, 'replaceAll')}
          </button>
          <button type="button" data-testid="fill-down" onClick={() => void edits.edit({ kind: 'fill', column })}>
            {t(lang, 'fillDown')}
          </button>
        </>
      )}
      {edits.edits.length > 0 && (
        <span class="edits-count" data-testid="edits-count">
          {t(lang, 'editsCount', { n: edits.edits.length })}{' '}
          <button type="button" class="link" data-testid="undo-edit" onClick={() => edits.undo()}>
            {t(lang, 'undoEdit')}
          </button>{' '}
          <button type="button" data-testid="download-edited" disabled={edits.rechecking} onClick={download}>
            {t(lang, 'downloadEdited')}
          </button>
        </span>
      )}
      {failed && <p class="error">{failed}</p>}
      {edits.rechecking && <span class="busy">{t(lang, 'rechecking')}</span>}
      {edits.error && <p class="error">{edits.error}</p>}
    </div>
  );
}

function Field(p: { label: string; value: string; testid: string; onValue(value: string): void }) {
  return (
    <label>
      {p.label}{' '}
      <input
        value={p.value}
        data-testid={p.testid}
        onInput={(e) => p.onValue((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}
