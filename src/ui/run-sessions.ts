/**
 * One run at a time, shared by every tab: the page starts it, follows its progress over
 * Server-Sent Events, and finds it again when reopened. Stopping aborts its signal, as Ctrl-C does
 * for the CLI: requests in flight finish, the journal is written, the rest is `not_sent`.
 */
import { randomBytes } from 'node:crypto';
import type { ProgressEvent } from '../run/progress.js';
import type { ReadProgress } from '../input/read-progress.js';
import { type RunAction, startedIn } from './run-chain.js';

export type { RunAction };

/** What the page is told of a run's end: counts and where to look, never a path or a secret. */
export interface ResultView {
  readonly exitCode: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly interviews: number;
  /** Interviews by what happened (or would happen) to them: created, changed, unchanged, … */
  readonly kinds?: Readonly<Record<string, number>>;
  /** `example`: one row's message, in the page's words where it has them (src/ui/page-words.ts). */
  readonly problems: readonly { code: string; count: number; example: string }[];
  /** Each warning in the page's words (src/ui/page-words.ts), its code kept for the details line. */
  readonly warnings: readonly { readonly code: string; readonly words: string }[];
  readonly requests?: Readonly<Record<string, number>>;
  readonly elapsedS?: number;
  /** Rows the grid can show (0 when the run's report is not read back). */
  readonly rows: number;
  /** The report can be downloaded. */
  readonly report: boolean;
  /** The run wrote a backup, so it can be undone. */
  readonly undoable: boolean;
  /** The backup's file name in the server's folder (no path), for an undo. */
  readonly backup?: string;
  /** An import's report's file name in the server's folder: the folder's list of imports names it so. */
  readonly reportName?: string;
  /** A correction run's interviews, grouped (新建, 修改, 删除, 无变化, …), in the plan's order. */
  readonly changes?: readonly import('../report/run-result.js').InterviewChange[];
  /** The zone times without an offset were read in, where the file had such times. */
  readonly zone?: string;
  /** An undo's counts (or, previewed, what it would do): each interview of the undone run once. */
  readonly undo?: import('../report/run-result.js').UndoSummary;
}

export interface RunView {
  readonly id: string;
  readonly action: RunAction;
  readonly file: string;
  readonly mode: string;
  readonly state: 'running' | 'done' | 'error';
  readonly stopping: boolean;
  readonly startedAt: number;
  readonly progress?: ProgressEvent;
  /** A check's rows read so far, and the share of the file behind them where known. */
  readonly reading?: ReadProgress;
  readonly result?: ResultView;
  /** `message`: the library's, in the run's language; `words`: the page's own, where it has them (src/ui/page-words.ts). */
  readonly error?: {
    readonly code: string;
    readonly message: string;
    readonly words?: { readonly zh: string; readonly en: string };
  };
}

export interface RunWork<T> {
  readonly signal: AbortSignal;
  readonly onProgress: (event: ProgressEvent) => void;
  readonly onReading: (event: ReadProgress) => void;
  /** Keeps what the server needs of the run (its report, its rows) beside its view. */
  keep(detail: T): void;
}

interface Session<T> {
  view: RunView;
  detail?: T;
  readonly abort: AbortController;
  readonly done: Promise<void>;
}

export class RunSessions<T> {
  private current: Session<T> | undefined;
  /** Finished runs by id, for their rows and report downloads; the newest few only. */
  private readonly finished = new Map<string, Session<T>>();
  /** The flow's runs by action (src/ui/run-chain.ts): kept while in it, whatever their age. */
  private flow: Partial<Record<RunAction, Session<T>>> = {};
  private readonly listeners = new Set<(view: RunView) => void>();

  /** `release`: what a forgotten run's detail holds is let go (src/ui/run-steps.ts `releaseDetail`). */
  constructor(
    private readonly errorOf: (error: unknown) => NonNullable<RunView['error']>,
    private readonly keepFinished = 4,
    private readonly release: (detail: T) => Promise<void> = async () => {},
  ) {}

  /** Starts a run, or gives `undefined` when one is going: a second run is refused. */
  start(
    meta: Pick<RunView, 'action' | 'file' | 'mode'>,
    work: (run: RunWork<T>) => Promise<ResultView>,
  ): RunView | undefined {
    if (this.current?.view.state === 'running') return undefined;
    const abort = new AbortController();
    const id = randomBytes(9).toString('base64url');
    const session: Session<T> = {
      view: { ...meta, id, state: 'running', stopping: false, startedAt: Date.now() },
      abort,
      done: Promise.resolve(),
    };
    const update = (patch: Partial<RunView>) => {
      session.view = { ...session.view, ...patch };
      this.emit(session.view);
    };
    const run: RunWork<T> = {
      signal: abort.signal,
      onProgress: (progress) => update({ progress }),
      onReading: (reading) => update({ reading }),
      keep: (detail) => {
        session.detail = detail;
      },
    };
    (session as { done: Promise<void> }).done = (async () => {
      await Promise.resolve();
      try {
        update({ state: 'done', result: await work(run) });
      } catch (error) {
        update({ state: 'error', error: this.errorOf(error) });
      }
      this.finished.set(id, session);
      this.forget();
    })();
    this.current = session;
    this.flow = startedIn(this.flow, meta.action, session);
    this.emit(session.view);
    return session.view;
  }

  /** Asks the running run to stop; false when none is running. */
  stop(): boolean {
    const s = this.current;
    if (s?.view.state !== 'running') return false;
    s.abort.abort();
    s.view = { ...s.view, stopping: true };
    this.emit(s.view);
    return true;
  }

  /** The run going now, or the last one: what a reopened tab shows. */
  view(): RunView | undefined {
    return this.current?.view;
  }

  /** The flow's runs by action, each as it stands: a reopened tab shows the check, preview and import it had. */
  views(): Partial<Record<RunAction, RunView>> {
    return Object.fromEntries(Object.entries(this.flow).map(([action, s]) => [action, s.view]));
  }

  detail(id: string): T | undefined {
    return (this.current?.view.id === id ? this.current : this.finished.get(id))?.detail;
  }

  subscribe(listener: (view: RunView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when no run is going: the server waits for it before it stops. */
  async idle(): Promise<void> {
    await this.current?.done;
  }

  /** The oldest finished runs past `keepFinished`, unless the flow still shows them. */
  private forget(): void {
    const shown = new Set(Object.values(this.flow));
    const old = [...this.finished].filter(([, s]) => !shown.has(s));
    for (const [id, s] of old.slice(0, -this.keepFinished)) {
      this.finished.delete(id);
      void this.letGo(s);
    }
  }

  /** What a run's detail holds, let go; a failure to close is no reason to fail the server. */
  private async letGo(s: Session<T>): Promise<void> {
    if (s.detail !== undefined) await this.release(s.detail).catch(() => {});
  }

  /** Lets every finished run go, as the server stops: its runs' files are closed before their folder is removed. */
  async clear(): Promise<void> {
    const all = [...this.finished.values()];
    this.finished.clear();
    this.flow = {};
    await Promise.all(all.map((s) => this.letGo(s)));
  }

  private emit(view: RunView): void {
    for (const listener of this.listeners) listener(view);
  }
}
