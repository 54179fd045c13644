/**
 * What the page says of a run besides its counts: trouble reaching Feishu as it happens, a
 * failure in the page's words with its code kept for support in a closed details line, and how
 * far a check or preview has got.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RunView } from '../views.js';
import { type Lang, t } from './strings.js';
import { duration, readingWords } from './work-words.js';

/** A code for support: out of the main text, in a details line the user opens only when asked. */
export function Details({ lang, code }: { lang: Lang; code: string | undefined }) {
  if (!code) return null;
  return (
    <details class="details">
      <summary>{t(lang, 'details')}</summary>
      <code>{code}</code>
    </details>
  );
}

/** A run's failure: the page's own words where the server has them, else the library's message. */
export function RunError({ view, lang, testid }: { view: RunView; lang: Lang; testid: string }) {
  const error = view.error;
  if (!error) return null;
  return (
    <div class="error" data-testid={testid}>
      <p>{error.words?.[lang] ?? error.message}</p>
      <Details lang={lang} code={error.code} />
    </div>
  );
}

/** Calls failing to reach Feishu, said as soon as the run tells of it. */
export function TroubleLine({ progress, lang }: { progress: RunView['progress']; lang: Lang }) {
  const trouble = progress?.trouble;
  if (!trouble) return null;
  return (
    <p class="warning" role="status" data-testid="trouble">
      {trouble.waiting ? t(lang, 'unavailable') : t(lang, 'unreachable', { n: trouble.retries })}
    </p>
  );
}

/** A check's or preview's line while it runs: what it has read, how long it has taken, what is left. */
export function WorkLine({ view, lang, busy }: { view: RunView; lang: Lang; busy: string }) {
  const p = view.progress;
  // The time taken moves every second, between the run's own tellings of its progress.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const seconds = Math.max(0, (now - view.startedAt) / 1000);
  const perSecond = p && p.elapsedMs > 0 ? p.done / (p.elapsedMs / 1000) : 0;
  const reading = view.reading && readingWords(lang, view.reading);
  return (
    <div class="busy" data-testid={`${view.action}-progress`}>
      <p>
        {busy}
        {reading && ` ${reading.read}`}
        {p && ` ${t(lang, 'readRecords', { done: p.done, total: p.total })}`}
        {` · ${t(lang, 'elapsed', { time: duration(lang, seconds) })}`}
        {reading?.left && ` · ${reading.left}`}
        {perSecond > 0 && ` · ${t(lang, 'left', { left: duration(lang, (p!.total - p!.done) / perSecond) })}`}
      </p>
      <TroubleLine progress={p} lang={lang} />
    </div>
  );
}
