/**
 * Nothing stale: each check and preview is stamped with what it read (file, sheet, zone, mode,
 * mapping) when started; once any of those changes, it no longer describes the file as chosen and
 * is not shown (nor is an import offered on it) until checked again. An import's and an undo's
 * result are what happened, and stay.
 */
import { useRef } from 'preact/hooks';
import type { RunAction, RunView } from '../views.js';

export interface Reading {
  readonly upload?: string;
  readonly mode: string;
  readonly sheet?: string;
  readonly tz?: string;
  readonly profile?: unknown;
}

/** What a run read, as one comparable string. */
export const readingKey = (r: Reading) =>
  JSON.stringify([r.upload ?? '', r.mode, r.sheet ?? '', r.tz ?? '', r.profile ?? null]);

const INVALIDATED: readonly RunAction[] = ['validate', 'preview'];

export function useFresh() {
  const stamps = useRef<Partial<Record<RunAction, { key: string; reading: Reading }>>>({});
  return {
    /** Records what a run about to start reads. */
    stamp(action: RunAction, reading: Reading) {
      stamps.current[action] = { key: readingKey(reading), reading };
    },
    /** What a run of this tab read, when it started one. */
    reading: (action: RunAction): Reading | undefined => stamps.current[action]?.reading,
    /** The runs that still describe `now`: a check or preview started on something else is left out. */
    fresh(runs: Partial<Record<RunAction, RunView>>, now: Reading): Partial<Record<RunAction, RunView>> {
      const key = readingKey(now);
      return Object.fromEntries(
        Object.entries(runs).filter(([action, view]) => {
          const stamp = stamps.current[action as RunAction];
          return view && !(INVALIDATED.includes(action as RunAction) && stamp && stamp.key !== key);
        }),
      );
    },
  };
}
