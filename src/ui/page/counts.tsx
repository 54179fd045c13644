/** A result's counts: rows by status, interviews by what happened to them, the commonest problems. */
import type { ResultView } from '../views.js';
import { ROW_STATUSES } from '../../row-statuses.js';
import { Details } from './run-lines.js';
import { type Key, type Lang, statusWord, t } from './strings.js';

/** `would`: a preview's interviews (将创建); `done`: a run's (已创建). */
export function Counts({ result, lang, kinds }: { result: ResultView; lang: Lang; kinds?: 'would' | 'done' }) {
  const statuses = ROW_STATUSES.map((s) => [s, result.counts[s] ?? 0] as const).filter(([, n]) => n > 0);
  const byKind = Object.entries(result.kinds ?? {}).filter(([, n]) => n > 0);
  return (
    <div class="counts" data-testid="counts">
      <p>
        <b>{Object.values(result.counts).reduce((a, b) => a + b, 0)}</b> {t(lang, 'rows')} · <b>{result.interviews}</b>{' '}
        {t(lang, 'interviews')}
      </p>
      <ul class="chips">
        {statuses.map(([s, n]) => (
          <li key={s} class={`s-${s}`} data-status={s}>
            {statusWord(lang, s)} {n}
          </li>
        ))}
      </ul>
      {kinds && byKind.length > 0 && (
        <ul class="chips kinds" data-testid="kinds">
          {byKind.map(([k, n]) => (
            <li key={k} class={`k-${k}`} data-kind={k}>
              {t(lang, `${kinds === 'done' ? 'done' : 'kind'}_${k}` as Key)} {n}
            </li>
          ))}
        </ul>
      )}
      {result.warnings.map((w) => (
        <div key={`${w.code} ${w.words}`} class="warning" data-testid="run-warning">
          <p>{w.words}</p>
          <Details lang={lang} code={w.code} />
        </div>
      ))}
      {result.problems.length > 0 && (
        <ul class="problems">
          {result.problems.map((p) => (
            <li key={p.code}>
              {p.example} ({t(lang, p.count === 1 ? 'problemRow' : 'problemRows', { n: p.count })})
              <Details lang={lang} code={p.code} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
