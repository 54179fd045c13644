/** Steps 4 and 5: the import with its confirmation and live progress, then its result and undo. */
import { useState } from 'preact/hooks';
import type { ResultView, RunView } from '../views.js';
import { type chosenCounts, useChoices } from './choices.js';
import { RunChanges } from './corrections.js';
import { zoneWords } from './zone.js';
import type { Flow } from './flow.js';
import { Counts } from './counts.js';
import { Confirm } from './confirm.js';
import { ReportLink } from './report-link.js';
import { UndoQuestion } from './undo-step.js';
import { RunError, TroubleLine } from './run-lines.js';
import { type Key, type Lang, t } from './strings.js';
import { duration } from './work-words.js';

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
      <RunChanges view={view} chosen={flow.tz} lang={lang} switches={false} />
      {view.result.report && <ReportLink run={view.id} lang={lang} testid={`download-${view.action}`} />}
    </div>
  );
}

/** What 开始导入 asks: a correction repeats its preview's counts (switched-off ones apart) and the zone. */
function importQuestion(flow: Flow, basis: ResultView | undefined, counts: ReturnType<typeof chosenCounts>): string {
  const { lang } = flow;
  if (flow.mode !== 'correct') {
    const rows = Object.values(basis?.counts ?? {}).reduce((a, b) => a + b, 0);
    const mode = t(lang, `mode_${flow.mode}` as Key);
    return t(lang, 'confirmImport', { interviews: basis?.interviews ?? 0, rows, mode });
  }
  const zone = basis?.zone;
  return t(lang, 'confirmCorrect', {
    ...counts,
    left: counts.left > 0 ? t(lang, 'confirmLeft', { n: counts.left }) : '',
    zone: zone ? t(lang, 'confirmZone', { zone: zoneWords(zone, lang) }) : '',
  });
}

export function ImportStep({ flow }: { flow: Flow }) {
  const { lang, runs } = flow;
  const [asking, setAsking] = useState<'import' | 'undo' | undefined>();
  const correcting = flow.mode === 'correct';
  const preview = runs.preview;
  const choices = useChoices(preview?.id, preview?.result?.changes);
  // A correction imports what its preview showed: no preview, nothing to confirm yet.
  const basis = correcting ? preview?.result : (runs.preview?.result ?? runs.validate?.result);
  const run = runs.import;
  // A reopened tab has no file chosen, but still shows the import going on and its undo.
  if (!run && !flow.refused.import && (!(basis ?? runs.validate?.result) || !flow.upload)) return null;
  const busy = flow.current?.state === 'running';
  const backup = run?.result?.undoable ? run.result.backup : undefined;
  const undone = backup !== undefined && runs.undo?.file === backup;
  // Once undone, nothing is left to resume: 继续导入 would write again what the undo took back.
  const stopped = run?.result?.exitCode === 130 && !undone;
  return (
    <section class="step" data-testid="import-step">
      <h2>{t(lang, run?.result ? 'resultTitle' : 'importTitle')}</h2>
      {run && (
        <p class="file-name" data-testid="import-file">
          {run.file} · {t(lang, `mode_${run.mode}` as Key)}
        </p>
      )}
      {!run && !basis && <p class="hint">{t(lang, 'previewFirst')}</p>}
      {!run && basis && (
        <button type="button" class="primary" disabled={busy} onClick={() => setAsking('import')} data-testid="start">
          {t(lang, 'start')}
        </button>
      )}
      {asking === 'import' && (
        <Confirm
          lang={lang}
          text={importQuestion(flow, basis, choices.counts())}
          onYes={() => {
            setAsking(undefined);
            flow.start('import', correcting ? { preview: preview?.id, leaveOut: choices.leaveOut() } : {});
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
      {backup && !undone && (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setAsking('undo');
            flow.start('undoPreview', { backup });
          }}
          data-testid="undo"
        >
          {t(lang, 'undo')}
        </button>
      )}
      {asking === 'undo' && backup && <UndoQuestion flow={flow} backup={backup} onClose={() => setAsking(undefined)} />}
      {(flow.refused.undo || flow.refused.undoPreview) && (
        <p class="error">{flow.refused.undo ?? flow.refused.undoPreview}</p>
      )}
      {/* This import's undo, beside its result (an earlier import's undo shows in that list). */}
      {undone && (
        <div class="undo" data-testid="undo-step">
          <h3>{t(lang, 'undoTitle')}</h3>
          <p class="file-name">{runs.undo!.file.replace(/\.backup\.jsonl$/, '')}</p>
          <RunOutcome view={runs.undo!} flow={flow} />
        </div>
      )}
    </section>
  );
}
