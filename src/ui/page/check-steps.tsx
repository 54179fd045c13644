/** Steps 2 and 3: the validation's rows with their problems (fixed in place), and the preview against Feishu. */
import { useMemo, useState } from 'preact/hooks';
import type { GridRow, RunView } from '../views.js';
import { About } from './about.js';
import { Counts } from './counts.js';
import { changesByRow, rowChangeWords } from './change-words.js';
import { RunChanges } from './corrections.js';
import { nextProblem } from './edit-api.js';
import type { Flow } from './flow.js';
import { Grid } from './grid.js';
import { ColumnFixes, ProblemsPanel } from './grid-panel.js';
import { ReportLink } from './report-link.js';
import { RunError, WorkLine } from './run-lines.js';
import { type Lang, t } from './strings.js';
import { type EditState, useEdits } from './use-edits.js';
import { runZone } from './zone.js';

interface Picked {
  readonly row?: GridRow;
  readonly at: number;
  readonly column?: string;
  /** The selected cell's value: what a replace starts from. */
  readonly value?: string;
}

/** `zone`: a preview's, which its change lines say times in; its rows then say their change in the same words. */
function Rows(p: { view: RunView; lang: Lang; testid: string; edits?: EditState; zone?: string }) {
  const { view, lang, testid, edits, zone } = p;
  const [problemsOnly, setProblemsOnly] = useState(false);
  const changes = view.result?.changes;
  const byRow = useMemo(() => changesByRow(changes ?? []), [changes]);
  // Only a row the run found fine says its change: a refused interview's rows say their problem.
  const said =
    zone === undefined || !changes
      ? undefined
      : (row: GridRow) => (row.status === 'ok' ? rowChangeWords(byRow.get(row.row), lang, zone) : undefined);
  const [picked, setPicked] = useState<Picked>();
  const [focus, setFocus] = useState<{ at: number; seq: number; column?: number }>();
  const [faults, setFaults] = useState<readonly number[]>([]);
  if (!view.result || view.result.rows === 0) return null;
  const jump = (at: number, column?: number) => setFocus((f) => ({ at, column, seq: (f?.seq ?? 0) + 1 }));
  const next = () => {
    const after = picked?.at ?? -1;
    if (problemsOnly) jump(after + 1);
    else void nextProblem(view.id, picked?.row?.index ?? after).then((a) => a.index !== null && jump(a.index));
  };
  return (
    <div data-testid={testid}>
      <div class="grid-tools">
        <label class="filter">
          <input
            type="checkbox"
            checked={problemsOnly}
            data-testid="only-problems"
            onChange={(e) => {
              setPicked(undefined);
              setProblemsOnly((e.currentTarget as HTMLInputElement).checked);
            }}
          />
          {t(lang, 'onlyProblems')}
        </label>
        <button type="button" data-testid="next-problem" onClick={next}>
          {t(lang, 'nextProblem')}
        </button>
        {edits && <span class="hint">{t(lang, 'editHint')}</span>}
      </div>
      {edits && <ColumnFixes run={view.id} lang={lang} column={picked?.column} value={picked?.value} edits={edits} />}
      <div class="grid-and-panel">
        <Grid
          run={view.id}
          lang={lang}
          problemsOnly={problemsOnly}
          version={edits?.version}
          focus={focus}
          faults={faults}
          said={said}
          onSelect={(row, at, column, value) => {
            if (row?.row !== picked?.row?.row) setFaults([]);
            setPicked({ row, at, column, value });
          }}
          onEdit={
            edits &&
            ((row, column, value) =>
              row.row === undefined
                ? Promise.resolve(false)
                : edits.edit({ kind: 'cell', row: row.row, column, value }))
          }
        />
        <ProblemsPanel
          run={view.id}
          lang={lang}
          row={picked?.row}
          version={edits?.version ?? 0}
          onFaults={setFaults}
          onColumn={(column) => picked && jump(picked.at, column)}
        />
      </div>
    </div>
  );
}

export function CheckStep({ flow }: { flow: Flow }) {
  const { lang } = flow;
  const edits = useEdits(flow);
  const view = flow.runs.validate;
  const shown = edits.shown;
  // A check started again after an edit has no run until the server answers: the last one stays.
  if ((!view && !shown) || view?.state === 'error') return null;
  return (
    <section class="step" data-testid="check-step">
      <h2>{t(lang, 'checkTitle')}</h2>
      <About flow={flow} action="validate" />
      {view?.state === 'running' && !shown && <WorkLine view={view} lang={lang} busy={t(lang, 'checking')} />}
      {shown && edits.result && (
        <>
          <Counts result={edits.result} lang={lang} />
          <p>
            <ReportLink run={shown.id} lang={lang} testid="download-check" />
          </p>
          <Rows view={shown} lang={lang} testid="check-rows" edits={edits} />
        </>
      )}
    </section>
  );
}

export function PreviewStep({ flow }: { flow: Flow }) {
  const { lang } = flow;
  const checked = flow.runs.validate?.result;
  if (!checked) return null;
  const view = flow.runs.preview;
  const busy = flow.current?.state === 'running';
  return (
    <section class="step" data-testid="preview-step">
      <h2>{t(lang, 'previewTitle')}</h2>
      <About flow={flow} action="preview" />
      <button type="button" disabled={busy} onClick={() => flow.start('preview')} data-testid="preview">
        {t(lang, 'preview')}
      </button>
      {flow.refused.preview && <p class="error">{flow.refused.preview}</p>}
      {view?.state === 'running' && <WorkLine view={view} lang={lang} busy={t(lang, 'previewing')} />}
      {view?.state === 'error' && <RunError view={view} lang={lang} testid="preview-error" />}
      {view?.result && (
        <>
          <Counts result={view.result} lang={lang} kinds={view.result.changes ? undefined : 'would'} />
          <RunChanges view={view} chosen={flow.tz} lang={lang} switches />
          <Rows view={view} lang={lang} testid="preview-rows" zone={runZone(view.result, flow.tz)} />
        </>
      )}
    </section>
  );
}
