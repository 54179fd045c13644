/**
 * The imports made from the server's folder, newest first, each with its kind, counts, local
 * time and undo. The import on screen is among them once it has ended (the list is asked again
 * then), marked as the one above: its undo is the one beside its result, not a second button
 * here. One that wrote nothing is listed too (src/ui/earlier-runs.ts), with nothing to undo.
 */
import { useState } from 'preact/hooks';
import type { EarlierRun } from '../views.js';
import type { Flow } from './flow.js';
import { RunOutcome } from './import-step.js';
import { UndoQuestion } from './undo-step.js';
import { type Key, type Lang, t } from './strings.js';

/** When the import ran, in the browser's own zone: date and minute, as the user reads a clock. */
function localTime(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
    at,
  );
}

/** What a run did: removals and interviews not written only when there were some. */
function countsWords(c: NonNullable<EarlierRun['counts']>, lang: Lang): string {
  return (
    t(lang, 'runCounts', { ...c }) +
    (c.deleted > 0 ? t(lang, 'runDeleted', { n: c.deleted }) : '') +
    (c.failed > 0 ? t(lang, 'runFailed', { n: c.failed }) : '')
  );
}

/**
 * Why a run has no undo button here: its undo is beside its result above; or it wrote nothing;
 * or it wrote without a backup (a CLI run with --no-backup in this folder), so none can undo it.
 */
function whyNoUndo(r: EarlierRun, onScreen: string | undefined): Key {
  if (r.report === onScreen) return 'onScreen';
  const c = r.counts;
  return c && c.created + c.changed + c.deleted > 0 ? 'noBackup' : 'nothingToUndo';
}

export function EarlierRuns({ flow, earlier }: { flow: Flow; earlier: readonly EarlierRun[] }) {
  const { lang } = flow;
  const [asking, setAsking] = useState<string>();
  const busy = flow.current?.state === 'running';
  const onScreen = flow.runs.import?.result?.reportName;
  return (
    <section class="step" data-testid="earlier">
      <h2>{t(lang, 'earlierTitle')}</h2>
      {earlier.length === 0 && <p>{t(lang, 'noEarlier')}</p>}
      <ul class="earlier">
        {earlier.map((r) => (
          <li key={r.report} data-current={r.report === onScreen ? 'true' : undefined}>
            <span class="when">{localTime(r.at, lang)}</span>{' '}
            {r.counts && <b class="kind">{t(lang, r.counts.kind === 'correct' ? 'mode_correct' : 'mode_import')}</b>}{' '}
            <span class="file">{r.report}</span>{' '}
            {r.counts && <span class="run-counts">{countsWords(r.counts, lang)}</span>}{' '}
            {r.undone ? (
              <span class="done">{t(lang, 'undone')}</span>
            ) : r.report === onScreen || r.backup === undefined ? (
              <span class="aside">{t(lang, whyNoUndo(r, onScreen))}</span>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  setAsking(r.backup);
                  flow.start('undoPreview', { backup: r.backup });
                }}
              >
                {t(lang, 'undoEarlier')}
              </button>
            )}
            {r.backup !== undefined && asking === r.backup && (
              <UndoQuestion flow={flow} backup={r.backup} onClose={() => setAsking(undefined)} />
            )}
          </li>
        ))}
      </ul>
      {/* An earlier import's undo shows here; the import on screen keeps its own result. */}
      {flow.runs.undo && flow.runs.undo.file !== flow.runs.import?.result?.backup && (
        <div class="undo" data-testid="earlier-undo">
          <h3>{t(lang, 'undoTitle')}</h3>
          <p class="file-name">{flow.runs.undo.file.replace(/\.backup\.jsonl$/, '')}</p>
          <RunOutcome view={flow.runs.undo} flow={flow} />
        </div>
      )}
    </section>
  );
}
