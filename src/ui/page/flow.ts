/**
 * What every step of the page is given: the language, the file, the runs and how to start or stop
 * one. Below app.tsx, which builds it, so the steps import it without importing the page.
 */
import type { Mode, RunAction, RunView, UploadAnswer } from '../views.js';
import type { Lang } from './strings.js';

export interface Flow {
  readonly lang: Lang;
  readonly upload?: UploadAnswer;
  readonly mode: Mode;
  /** The zone chosen: times without one are read in it, and shown in it where a run names none. */
  readonly tz?: string;
  readonly runs: Partial<Record<RunAction, RunView>>;
  readonly current: RunView | null;
  /** A call the server refused, by the step it belongs to. */
  readonly refused: Partial<Record<RunAction | 'upload', string>>;
  start(action: RunAction, extra?: Record<string, unknown>): void;
  /** The sheet a run of this tab read, in the page's words (undefined: a CSV, or not known). */
  about?(action: RunAction): string | undefined;
  stop(): void;
}
