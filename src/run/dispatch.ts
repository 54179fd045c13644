import { STOPPED } from './messages.js';
import { OUTCOME } from './outcome-messages.js';
import { say } from '../messages.js';
import pLimit from 'p-limit';
import type { CallResult, InterviewApi } from '../feishu/interview-api.js';
import { type ProblemFacts, ToolError } from '../errors.js';
import type { InterviewBody } from '../feishu/body.js';
import type { Journal } from './journal.js';
import type { ProgressEvent } from './progress.js';
import type { FieldChange } from '../plan/types.js';

export interface SendItem {
  readonly id: string;
}

/**
 * What `prepare` decided for one interview: PUT this body (to `to`, when the item's key is not
 * its Feishu id), create it, delete it (undo of a create), or nothing more to do.
 */
export type Prepared =
  | { readonly send: InterviewBody; readonly hash: string; readonly to?: string; readonly note?: string }
  | { readonly create: InterviewBody; readonly hash: string; readonly note?: string }
  | { readonly remove: string; readonly hash: string }
  | { readonly done: SendOutcome; readonly hash?: string };

/** A create, looked up again whenever its answer leaves in doubt whether it landed. */
export type CreateOne = (
  item: SendItem,
  body: InterviewBody,
) => Promise<{ readonly result: CallResult; readonly id?: string }>;

/** Why an interview was not written, when that is not a failure: for counting, never for a message. */
export type OutcomeKind =
  | 'changed'
  | 'unchanged'
  | 'resumed'
  | 'missing'
  | 'refused'
  | 'created'
  | 'deleted'
  | 'ambiguous'
  /** Undo of a create: the interview no longer exists. */
  | 'gone'
  /** Landed in the run a `--resume` goes on with, and not reached again before this one stopped. */
  | 'earlier'
  /** A correction run's interview the user switched off in the preview (`leaveOut`). */
  | 'left';

export interface SendOutcome {
  readonly status: 'ok' | 'failed' | 'not_sent' | 'skipped' | 'invalid';
  readonly kind?: OutcomeKind;
  /** The Feishu id of an interview the file names by its legacy key: the report fills it in. */
  readonly feishuId?: string;
  /** For `refused`: the row (index in table.rows) that cannot be applied; the interview's other rows are blocked. */
  readonly row?: number;
  readonly errorCode?: string;
  /** True when this run's write landed (the report says what it did, by `kind`). */
  readonly landed?: boolean;
  /** More about a write that landed (see `CallResult.note`). */
  readonly note?: string;
  /** The template column at fault, when a row of the file is refused. */
  readonly column?: string;
  readonly message: string;
  /** The times a refused row's problem names (src/errors.ts `ProblemFacts`). */
  readonly facts?: ProblemFacts;
  /** A dry run's change (or undo's restore) field by field, as facts: what `message` says after its lead-in. */
  readonly fields?: readonly FieldChange[];
  readonly httpStatus?: number;
  readonly logId?: string;
  readonly attempts?: number;
}

export interface DispatchOptions {
  readonly api: InterviewApi;
  readonly concurrency: number;
  /** Absent in a dry run, which records nothing. */
  readonly journal?: Journal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Aborted on the first Ctrl-C / SIGTERM: start nothing new. */
  readonly interrupt: AbortSignal;
  /** Aborted when the grace period after an interrupt is over: in-flight requests stop. */
  readonly hardStop: AbortController;
  /** How long requests in flight may take to finish after an interrupt. */
  readonly graceMs: number;
  /** Runs before each send: reads the pre-image, merges, skips what already landed. */
  readonly prepare: (item: SendItem) => Promise<Prepared>;
  /** How a create is made (see `CreateOne`); required when `prepare` may ask for one. */
  readonly create?: CreateOne;
  /**
   * What the journal of the run a `--resume` goes on with says of an interview that landed there:
   * when this run stops before it, that is its outcome, never `not_sent`.
   */
  readonly earlier?: (id: string) => SendOutcome | undefined;
}

export interface DispatchResult {
  readonly outcomes: Map<string, SendOutcome>;
  /** Why the run stopped early (scope missing, token rejected, disk full), if it did. */
  readonly stopReason?: string;
  readonly interrupted: boolean;
}

/**
 * Sends every item, `concurrency` at a time, recording each result in the journal as it
 * arrives. A run-stopping error or an interrupt leaves the rest `not_sent`, with the reason.
 */
export async function dispatch(items: readonly SendItem[], options: DispatchOptions): Promise<DispatchResult> {
  const { interrupt, hardStop } = options;
  const run = new Dispatch(options, items.length);
  const onInterrupt = () => {
    const timer = setTimeout(() => hardStop.abort(), options.graceMs);
    timer.unref();
  };
  interrupt.addEventListener('abort', onInterrupt, { once: true });
  const limit = pLimit(options.concurrency);
  // Trouble reaching Feishu is shown as it starts and ends, not only when an interview finishes.
  options.api.onTrouble = () => run.progress();
  try {
    await Promise.all(items.map((item) => limit(() => run.send(item))));
  } finally {
    interrupt.removeEventListener('abort', onInterrupt);
    options.api.onTrouble = undefined;
  }
  if (run.fatal !== undefined) throw run.fatal;
  return { outcomes: run.outcomes, stopReason: run.stopReason, interrupted: interrupt.aborted };
}

/** One dispatch's state: the outcomes so far, the counts progress reports, and why it stopped. */
class Dispatch {
  readonly outcomes = new Map<string, SendOutcome>();
  stopReason: string | undefined;
  fatal: unknown;
  private readonly started = Date.now();
  private readonly counts = { done: 0, ok: 0, failed: 0, notSent: 0, skipped: 0 };

  constructor(
    private readonly options: DispatchOptions,
    private readonly total: number,
  ) {}

  private record(id: string, outcome: SendOutcome): void {
    const { counts } = this;
    this.outcomes.set(id, outcome);
    counts.done++;
    if (outcome.status === 'ok') counts.ok++;
    else if (outcome.status === 'failed') counts.failed++;
    else if (outcome.status === 'not_sent') counts.notSent++;
    else if (outcome.status === 'skipped') counts.skipped++;
    this.progress();
  }

  /** Tells how far the run has got. */
  progress(): void {
    const { stats } = this.options.api;
    this.options.onProgress?.({
      ...this.counts,
      total: this.total,
      requests: stats.writes + stats.createAttempts + stats.deletes,
      retried: stats.retried,
      rateLimited: stats.rateLimited,
      elapsedMs: Date.now() - this.started,
      ...(stats.trouble ? { trouble: stats.trouble } : {}),
    });
  }

  async send(item: SendItem): Promise<void> {
    const { interrupt } = this.options;
    if (this.stopping()) {
      if (this.tookEarlier(item)) return;
      this.record(item.id, {
        status: 'not_sent',
        errorCode: interrupt.aborted ? 'RUN_INTERRUPTED' : 'RUN_STOPPED',
        message: say(interrupt.aborted ? OUTCOME.interrupted() : OUTCOME.stopped(this.stopReason)),
      });
      return;
    }
    try {
      const prepared = await this.options.prepare(item);
      if ('done' in prepared) this.finishUnsent(item, prepared);
      else await this.write(item, prepared);
    } catch (error) {
      this.failed(item, error);
    }
  }

  /** Nothing to write: a skip, or a lost-answer create a resumed run takes as its own (`landed`), is a result too. */
  private finishUnsent(item: SendItem, prepared: Extract<Prepared, { done: SendOutcome }>): void {
    const { status, feishuId } = prepared.done;
    if (prepared.hash && (status === 'skipped' || (status === 'ok' && prepared.done.landed)))
      this.options.journal?.write({
        t: 'result',
        id: item.id,
        hash: prepared.hash,
        status: 'ok',
        feishu_id: feishuId,
        skipped: status === 'skipped' ? true : undefined,
      });
    this.record(item.id, prepared.done);
  }

  /** The one write `prepare` asked for, journalled before it is sent and when it is answered. */
  private async write(item: SendItem, prepared: Exclude<Prepared, { done: SendOutcome }>): Promise<void> {
    const { journal } = this.options;
    const op = 'create' in prepared ? 'create' : 'remove' in prepared ? 'delete' : 'put';
    journal?.write({ t: 'sending', id: item.id, hash: prepared.hash, op });
    const { result, feishuId, kind } = await this.apply(item, prepared);
    const status = result.outcome === 'ok' ? 'ok' : 'failed';
    journal?.write({
      t: 'result',
      id: item.id,
      hash: prepared.hash,
      status,
      feishu_id: feishuId,
      error_code: result.errorCode,
      message: status === 'ok' ? undefined : result.message,
      http_status: result.httpStatus,
      log_id: result.logId,
      attempts: result.attempts,
    });
    if (result.outcome === 'stop-run')
      this.stopReason ??= say(STOPPED.afterCode({ code: result.errorCode ?? '', message: result.message ?? '' }));
    this.record(item.id, {
      status,
      kind: status === 'ok' ? kind : undefined,
      landed: status === 'ok',
      note: [result.note, 'note' in prepared ? prepared.note : undefined].filter(Boolean).join('; ') || undefined,
      feishuId,
      errorCode: result.errorCode,
      message: result.message,
      httpStatus: result.httpStatus,
      logId: result.logId,
      attempts: result.attempts,
    });
  }

  private async apply(
    item: SendItem,
    p: Exclude<Prepared, { done: SendOutcome }>,
  ): Promise<{ result: CallResult; feishuId?: string; kind?: OutcomeKind }> {
    const { api, create } = this.options;
    if ('create' in p) {
      if (!create) throw new Error('dispatch: a create was prepared but no create function was given');
      const { result, id } = await create(item, p.create);
      return { result, feishuId: id, kind: 'created' };
    }
    if ('remove' in p) return { result: await api.delete(p.remove), feishuId: p.remove, kind: 'deleted' };
    return { result: await api.put(p.to ?? item.id, p.send), feishuId: p.to, kind: 'changed' };
  }

  private stopping(): boolean {
    return this.fatal !== undefined || this.stopReason !== undefined || this.options.interrupt.aborted;
  }

  /** Stopped before this interview: what the resumed run landed stays landed (`earlier`). */
  private tookEarlier(item: SendItem): boolean {
    const before = this.options.earlier?.(item.id);
    if (before) this.record(item.id, before);
    return before !== undefined;
  }

  private failed(item: SendItem, error: unknown): void {
    // A read cut off by the stop wrote nothing: what the resumed run landed stays landed.
    if (this.stopping() && this.tookEarlier(item)) return;
    if (error instanceof ToolError && error.code.startsWith('HTTP_')) {
      // The pre-image could not be read: this interview is not written blind.
      this.record(item.id, { status: 'failed', errorCode: error.code, message: say(OUTCOME.notSent(error.message)) });
      return;
    }
    if (!(error instanceof ToolError) && this.stopping()) {
      this.record(item.id, { status: 'not_sent', errorCode: 'RUN_STOPPED', message: say(OUTCOME.stoppedBeforeRead) });
      return;
    }
    // A journal or backup that cannot be written (disk full, read-only) stops the run: no
    // result may land unrecorded, and nothing may be overwritten without its backup.
    this.fatal ??= error;
    this.record(item.id, {
      status: 'not_sent',
      errorCode: 'RUN_STOPPED',
      message: say(OUTCOME.notSent((error as Error).message)),
    });
  }
}
