/** Steps 2 and 3: the validation's rows with their problems, and the preview against Feishu. */
import { useState } from 'preact/hooks';
import type { RunView } from '../views.js';
import type { Flow } from './flow.js';
import { About } from './about.js';
import { Counts } from './counts.js';
import { Grid } from './grid.js';
import { ReportLink } from './report-link.js';
import { type Lang, t } from './strings.js';

function Rows({ view, lang, testid }: { view: RunView; lang: Lang; testid: string }) {
  const [problemsOnly, setProblemsOnly] = useState(false);
  if (!view.result || view.result.rows === 0) return null;
  return (
    <div data-testid={testid}>
      <label class="filter">
        <input
          type="checkbox"
          checked={problemsOnly}
          data-testid="only-problems"
          onChange={(e) => setProblemsOnly((e.currentTarget as HTMLInputElement).checked)}
        />
        {t(lang, 'onlyProblems')}
      </label>
      <Grid run={view.id} lang={lang} problemsOnly={problemsOnly} />
    </div>
  );
}

export function CheckStep({ flow }: { flow: Flow }) {
  const { lang } = flow;
  const view = flow.runs.validate;
  if (!view || view.state === 'error') return null;
  return (
    <section class="step" data-testid="check-step">
      <h2>{t(lang, 'checkTitle')}</h2>
      <About flow={flow} action="validate" />
      {view.state === 'running' && <p class="busy">{t(lang, 'checking')}</p>}
      {view.result && (
        <>
          <Counts result={view.result} lang={lang} />
          <p>
            <ReportLink run={view.id} lang={lang} testid="download-check" />
          </p>
          <Rows view={view} lang={lang} testid="check-rows" />
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
      {view?.state === 'running' && <p class="busy">{t(lang, 'previewing')}</p>}
      {view?.state === 'error' && (
        <p class="error" data-testid="preview-error">
          {view.error?.message}
        </p>
      )}
      {view?.result && (
        <>
          <Counts result={view.result} lang={lang} kinds="would" />
          <Rows view={view} lang={lang} testid="preview-rows" />
        </>
      )}
    </section>
  );
}
