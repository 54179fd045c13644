/**
 * What the user leaves switched on in a correction's preview: 新建 and 修改 on, 删除 off, each
 * one switchable. One store for the page (the preview step sets it, the import step reads it),
 * kept beside app.tsx rather than in it; a new preview starts again from the defaults.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChangeGroup, InterviewChange } from '../views.js';

/** The groups whose interviews can be switched, and whether each starts on. */
export const SWITCHABLE: Partial<Record<ChangeGroup, boolean>> = { change: true, create: true, remove: false };

interface Store {
  /** The preview run the switches belong to. */
  run?: string;
  /** Positions in the preview's list switched away from their group's default. */
  flipped: ReadonlySet<number>;
}

let store: Store = { flipped: new Set() };
const listeners = new Set<() => void>();
const set = (next: Store) => {
  store = next;
  for (const l of listeners) l();
};

/** Whether interview `i` of the preview is switched on. */
export function isOn(change: InterviewChange, i: number, flipped: ReadonlySet<number>): boolean {
  const first = SWITCHABLE[change.group];
  return first !== undefined && first !== flipped.has(i);
}

/** The preview's switches: each interview's, a whole group's, and what the import leaves out. */
export function useChoices(run: string | undefined, changes: readonly InterviewChange[] = []) {
  const [, redraw] = useState(0);
  useEffect(() => {
    const l = () => redraw((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  // No run: the switches of no preview (an import's result), drawn with the defaults and never stored.
  if (run !== undefined && store.run !== run) store = { run, flipped: new Set() };
  const flipped = run === undefined ? new Set<number>() : store.flipped;
  return {
    on: (i: number) => isOn(changes[i]!, i, flipped),
    flip(i: number) {
      const next = new Set(flipped);
      if (!next.delete(i)) next.add(i);
      set({ run, flipped: next });
    },
    /** Every interview of `group` on or off. */
    setGroup(group: ChangeGroup, on: boolean) {
      const next = new Set(flipped);
      changes.forEach((c, i) => {
        if (c.group !== group) return;
        if (on === SWITCHABLE[group]) next.delete(i);
        else next.add(i);
      });
      set({ run, flipped: next });
    },
    leaveOut: () => leaveOutOf(changes, flipped),
    counts: () => chosenCounts(changes, flipped),
  };
}

/** Positions of the switchable interviews switched off: what the import is told to leave as they are. */
export function leaveOutOf(changes: readonly InterviewChange[], flipped: ReadonlySet<number>): number[] {
  const out: number[] = [];
  changes.forEach((c, i) => {
    if (SWITCHABLE[c.group] !== undefined && !isOn(c, i, flipped)) out.push(i);
  });
  return out;
}

/** What the import will do, as the confirmation says it: the preview's groups, switched-off ones apart. */
export function chosenCounts(changes: readonly InterviewChange[], flipped: ReadonlySet<number>) {
  const n = { create: 0, change: 0, remove: 0, unchanged: 0, left: 0 };
  changes.forEach((c, i) => {
    if (c.group === 'unchanged') n.unchanged++;
    else if (SWITCHABLE[c.group] === undefined) return;
    else if (!isOn(c, i, flipped)) n.left++;
    else n[c.group as 'create' | 'change' | 'remove']++;
  });
  return n;
}
