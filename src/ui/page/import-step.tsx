/** Steps 4 and 5: the import with its confirmation and live progress, then its result and undo. */
import { useState } from 'preact/hooks';
import type { RunView } from '../views.js';
import type { Flow } from './flow.js';
import { Counts } from './counts.js';
import { ReportLink } from './report-link.js';
import { RunError, TroubleLine } from './run-lines.js';
import { type Key, type Lang, t } from './strings.js';

export function Confirm(props: { text: string; lang: Lang; onYes(): void; onNo(): void }) {
  return (
    <div class="confirm" role="dialog" data-testid="confirm">
      <p>{props.text}</p>
      <button type="button" class="primary" onClick={props.onYes} data-testid="confirm-yes">
        {t(props.lang, 'confirm')}
      </button>
      <button type="button" onClick={props.onNo}>
        {t(props.lang, 'cancel')}
      </button>
    </div>
  );
}

const duration = (lang: Lang, s: number) =>
  s < 90 ? t(lang, 'seconds', { n: Math.ceil(s) }) : t(lang, 'minutes', { n: Math.ceil(s / 60) });

export function Progress({ view, lang, onStop }: { view: RunView; lang: Lang; onStop(): void }) {
  const p = view.progress;
  const seconds = (p?.elapsedMs ?? 0) / 1000;
  const perSecond = p && seconds > 0 ? p.done / seconds : 0;
  return (
    <div class="progress" data-testid="progress">
      <progress max={p?.total ?? 1} value={p?.done ?? 0} />
      {p && (
        <p>
          {t(lang, 'progress', { done: p.done, total: p.total })} ·{' '}
          {t(lang, 'rate', { rate: (p.requests / Math.max(0.001, seconds)).toFixed(1) })}
          {perSecond > 0 && ` · ${t(lang, 'left', { left: duration(lang, (p.total - p.done) / perSecond) })}`} ·{' '}
          {t(lang, 'retries', { n: p.retried ?? 0 })} · {t(lang, 'limited', { n: p.rateLimited ?? 0 })}
        </p>
      )}
      <TroubleLine progress={p} lang={lang} />
      {view.stopping ? (
        <p class="busy">{t(lang, 'stopping')}</p>
      ) : (
        <button type="button" onClick={onStop} data-testid="stop">
          {t(lang, 'stop')}
        </button>
      )}
    </div>
  );
}

export function RunOutcome({ view, flow }: { view: RunView; flow: Flow }) {
  const { lang } = flow;
  if (view.state === 'running') return <Progress view={view} lang={lang} onStop={flow.stop} />;
  if (view.state === 'error') return <RunError view={view} lang={lang} testid={`${view.action}-error`} />;
  if (!view.result) return null;
  return (
    <div data-testid={`${view.action}-result`}>
      <Counts result={view.result} lang={lang} kinds="done" />
      {view.result.report && <ReportLink run={view.id} lang={lang} testid={`download-${view.action}`} />}
    </div>
  );
}

export function ImportStep({ flow }: { flow: Flow }) {
  const { lang, runs } = flow;
  const [asking, setAsking] = useState<'import' | 'undo' | undefined>();
  const basis = runs.preview?.result ?? runs.validate?.result;
  const run = runs.import;
  // A reopened tab has no file chosen, but still shows the import going on and its undo.
  if (!run && !flow.refused.import && (!basis || !flow.upload)) return null;
  const busy = flow.current?.state === 'running';
  const rows = Object.values(basis?.counts ?? {}).reduce((a, b) => a + b, 0);
  // Once undone, nothing is left to resume: 继续导入 would write again what the undo took back.
  const stopped = run?.result?.exitCode === 130 && !runs.undo;
  return (
    <section class="step" data-testid="import-step">
      <h2>{t(lang, run?.result ? 'resultTitle' : 'importTitle')}</h2>
      {run && (
        <p class="file-name" data-testid="import-file">
          {run.file} · {t(lang, `mode_${run.mode}` as Key)}
        </p>
      )}
      {!run && basis && (
        <button type="button" class="primary" disabled={busy} onClick={() => setAsking('import')} data-testid="start">
          {t(lang, 'start')}
        </button>
      )}
      {asking === 'import' && (
        <Confirm
          lang={lang}
          text={t(lang, 'confirmImport', {
            interviews: basis?.interviews ?? 0,
            rows,
            mode: t(lang, `mode_${flow.mode}` as Key),
          })}
          onYes={() => {
            setAsking(undefined);
            flow.start('import');
          }}
          onNo={() => setAsking(undefined)}
        />
      )}
      {flow.refused.import && <p class="error">{flow.refused.import}</p>}
      {run && <RunOutcome view={run} flow={flow} />}
      {stopped && (
        <button
          type="button"
          disabled={busy}
          onClick={() => flow.start('import', { resume: run.id })}
          data-testid="resume"
        >
          {t(lang, 'resume')}
        </button>
      )}
      {run?.result?.undoable && !runs.undo && (
        <button type="button" disabled={busy} onClick={() => setAsking('undo')} data-testid="undo">
          {t(lang, 'undo')}
        </button>
      )}
      {asking === 'undo' && (
        <Confirm
          lang={lang}
          text={t(lang, 'confirmUndo')}
          onYes={() => {
            setAsking(undefined);
            flow.start('undo', { backup: run?.result?.backup });
          }}
          onNo={() => setAsking(undefined)}
        />
      )}
      {flow.refused.undo && <p class="error">{flow.refused.undo}</p>}
      {runs.undo && (
        <div class="undo" data-testid="undo-step">
          <h3>{t(lang, 'undoTitle')}</h3>
          {/* Which import it undid: this one, or one from the list of earlier imports. */}
          <p class="file-name">{runs.undo.file.replace(/\.backup\.jsonl$/, '')}</p>
          <RunOutcome view={runs.undo} flow={flow} />
        </div>
      )}
    </section>
  );
}
