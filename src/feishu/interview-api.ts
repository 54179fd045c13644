import { ANSWER } from './messages.js';
import { say } from '../messages.js';
import type { InterviewBody } from './body.js';
import type { TokenProvider } from './auth.js';
import { type FeishuClient, type FeishuEnvelope, type HttpResponse, NetworkError } from './client.js';
import { BATCH_QUERY_PATH, CREATE_PATH, interviewPath } from './endpoints.js';
import { type Clock, type RateGate, realClock, statedLimit } from './rate-gate.js';
import { RATE_LIMITED_CODE, stoppingMessage } from './codes.js';
import {
  DEFAULT_RETRY,
  type RetryOptions,
  type Trouble,
  decideRetry,
  outageDelayMs,
  waitsOut,
} from './retry-policy.js';

/** What happened to one call, after its retries. */
export interface CallResult {
  readonly outcome: 'ok' | 'failed' | 'stop-run';
  /** Feishu's code, or HTTP_NETWORK / HTTP_TIMEOUT / HTTP_<status> when there was none. */
  readonly errorCode?: string;
  readonly message: string;
  readonly httpStatus?: number;
  readonly logId?: string;
  readonly attempts: number;
  readonly data?: unknown;
  /**
   * A create that failed in a way that may have created it all the same (no answer, a timeout, a
   * 5xx): it is never sent again blindly, but looked up first (docs/feishu-api.md, "Create").
   */
  readonly mayHaveLanded?: boolean;
  /** Said of a call that is ok all the same, e.g. a create found after its answer was lost. */
  readonly note?: string;
}

export interface ApiStats {
  /** Every call, reads included. */
  requests: number;
  /** PUTs only: what the rate limit of the write is about. */
  writes: number;
  /** Creates Feishu answered with success: what landed (an attempt answered 429 and retried is not one). */
  creates: number;
  /** Every create attempt sent, landed or not: what may have written something. */
  createAttempts: number;
  deletes: number;
  rateLimited: number;
  retried: number;
  /**
   * Set while calls fail to reach Feishu (or its servers err) and none has got through since:
   * what kind, how many retries since it began, and whether the run now waits it out. Cleared by
   * the next call that gets an answer.
   */
  trouble?: { readonly kind: Trouble; readonly retries: number; readonly waiting: boolean };
}

export interface ApiOptions {
  readonly client: FeishuClient;
  readonly tokens: TokenProvider;
  /** The PUT's gate; batch_query has a limit of its own (10/s), so a gate of its own. */
  readonly gate: RateGate;
  readonly readGate?: RateGate;
  /** Create and delete are APIs of their own, each with its own 10/s (docs/feishu-api.md). */
  readonly createGate?: RateGate;
  readonly deleteGate?: RateGate;
  readonly retry?: RetryOptions;
  readonly clock?: Clock;
  /** Aborted when in-flight requests must stop (the grace period after Ctrl-C is over). */
  readonly abort?: AbortSignal;
  /** Checked before each retry: once the run is stopping, no new attempt starts. */
  readonly stopping?: () => boolean;
  /** Wait out an outage rather than fail each call in turn (see `waitsOut`): the page's runs. */
  readonly waitWhileUnreachable?: boolean;
}

/** Feishu's external-interview calls, each paced, authenticated and retried. */
export class InterviewApi {
  readonly stats: ApiStats = {
    requests: 0,
    writes: 0,
    creates: 0,
    createAttempts: 0,
    deletes: 0,
    rateLimited: 0,
    retried: 0,
  };
  private readonly retry: RetryOptions;
  private readonly clock: Clock;
  /** Told whenever `stats.trouble` changes (the run's progress shows it at once). */
  onTrouble: (() => void) | undefined;
  /** Counts each spell of trouble: a call waits out only the spell it met first (see `waitsOut`). */
  private spell = 0;

  constructor(private readonly options: ApiOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.clock = options.clock ?? realClock;
  }

  /** `PUT /open-apis/hire/v1/external_interviews/:id`: replaces the whole interview. */
  put(id: string, body: InterviewBody): Promise<CallResult> {
    return this.call('PUT', interviewPath(id), body, this.options.gate);
  }

  /** `POST .../external_interviews`: creates one; retried only where it cannot have landed. */
  create(body: InterviewBody): Promise<CallResult> {
    return this.call('POST', CREATE_PATH, body, this.options.createGate ?? this.options.gate, true);
  }

  /** `DELETE .../external_interviews/:id`. */
  delete(id: string): Promise<CallResult> {
    return this.call('DELETE', interviewPath(id), undefined, this.options.deleteGate ?? this.options.gate);
  }

  /** `POST .../batch_query?external_application_id=…`: an application's interviews, a page at a time. */
  listApplication(applicationId: string, pageToken?: string): Promise<CallResult> {
    const query = `?page_size=20&external_application_id=${encodeURIComponent(applicationId)}${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`;
    return this.call('POST', `${BATCH_QUERY_PATH}${query}`, {}, this.options.readGate ?? this.options.gate);
  }

  /** `POST .../external_interviews/batch_query`: up to 20 ids a page. */
  batchQuery(ids: readonly string[], pageToken?: string): Promise<CallResult> {
    const query = `?page_size=20${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`;
    return this.call(
      'POST',
      `${BATCH_QUERY_PATH}${query}`,
      { external_interview_id_list: ids },
      this.options.readGate ?? this.options.gate,
    );
  }

  /** `unsafeToRepeat`: a create, which an unanswered attempt may have made; only a refusal that did nothing is retried. */
  private async call(
    method: 'PUT' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    gate: RateGate,
    unsafeToRepeat = false,
  ): Promise<CallResult> {
    const { client, tokens } = this.options;
    let tokenRefreshed = false;
    /** The spell of trouble this call first met: it waits out no later one (its own failing alone). */
    let met: number | undefined;
    for (let attempt = 1; ; attempt++) {
      await gate.acquire();
      const token = await tokens.get();
      this.stats.requests++;
      if (method === 'PUT') this.stats.writes++;
      else if (method === 'DELETE') this.stats.deletes++;
      else if (unsafeToRepeat) this.stats.createAttempts++;
      let res: HttpResponse | undefined;
      let failure: NetworkError | undefined;
      try {
        res = await client.request(method, path, { token, body, signal: this.options.abort });
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        failure = error;
      }
      const code = res?.body.code;
      const refused = res !== undefined && (res.status === 429 || code === RATE_LIMITED_CODE);
      if (refused) this.stats.rateLimited++;
      // Each API is paced by what Feishu says of it: a 429, and any stated limit (docs/feishu-api.md, "Limits").
      if (res) gate.observe({ refused, statedLimit: statedLimit(res.headers) });
      const decision = decideRetry(
        { attempt, status: res?.status ?? 0, code, headers: res?.headers, tokenRefreshed },
        this.retry,
      );
      this.noteTrouble(res, failure?.code === 'HTTP_ABORTED');
      if (this.stats.trouble) met ??= this.spell;
      if (decision.reason === 'success') {
        if (unsafeToRepeat) this.stats.creates++;
        return {
          outcome: 'ok',
          message: 'ok',
          httpStatus: res!.status,
          logId: res!.logId,
          attempts: attempt,
          data: res!.body.data,
        };
      }
      const aborted = failure?.code === 'HTTP_ABORTED';
      const maybeDone = unsafeToRepeat && (decision.reason === 'network' || decision.reason === 'server' || aborted);
      if (maybeDone)
        return {
          ...this.failure(decision.reason, res, failure, attempt, tokens.canRefresh, aborted),
          mayHaveLanded: true,
        };
      const outage = !decision.retry && decision.reason === 'exhausted' && this.waitsOut(aborted, met === this.spell);
      if (outage && !this.options.stopping?.()) {
        this.stats.retried++;
        await this.pause(outageDelayMs(this.retry));
        continue;
      }
      if (decision.retry && !aborted && !this.options.stopping?.()) {
        this.stats.retried++;
        if (decision.reason === 'token') {
          tokens.invalidate(token);
          tokenRefreshed = true;
          continue;
        }
        if (decision.pauseAll) gate.pauseUntil(this.clock.now() + decision.delayMs);
        else await this.pause(decision.delayMs);
        continue;
      }
      return this.failure(decision.reason, res, failure, attempt, tokens.canRefresh, aborted);
    }
  }

  /** What a call's answer says of reaching Feishu: a connection that failed or a 5xx starts or extends trouble; any answer ends it. */
  private noteTrouble(res: HttpResponse | undefined, aborted: boolean): void {
    if (aborted) return;
    const kind: Trouble | undefined = res === undefined ? 'network' : res.status >= 500 ? 'server' : undefined;
    const before = this.stats.trouble;
    if (kind === undefined) {
      if (!before) return;
      this.stats.trouble = undefined;
    } else {
      if (!before) this.spell++;
      const waiting = before?.waiting ?? false;
      this.stats.trouble = { kind, retries: before ? before.retries + 1 : 0, waiting };
    }
    this.onTrouble?.();
  }

  /** Whether this call, its retries spent, waits on: see `waitsOut`. */
  private waitsOut(aborted: boolean, sameSpell: boolean): boolean {
    const trouble = this.stats.trouble;
    const wait = this.options.waitWhileUnreachable === true && !aborted;
    // The spell this call met still going: no call has had an answer since it began.
    const waits = waitsOut({ wait, trouble: trouble?.kind, unbroken: trouble !== undefined && sameSpell });
    if (waits && trouble && !trouble.waiting) {
      this.stats.trouble = { ...trouble, waiting: true };
      this.onTrouble?.();
    }
    return waits;
  }

  /** Sleeps `ms`, waking early once the run is stopping: 停止 never waits out a backoff. */
  private async pause(ms: number): Promise<void> {
    for (let left = ms; left > 0 && !this.options.stopping?.(); left -= 250)
      await this.clock.sleep(Math.min(left, 250));
  }

  private failure(
    reason: string,
    res: HttpResponse | undefined,
    failure: NetworkError | undefined,
    attempts: number,
    canRefresh: boolean,
    aborted: boolean,
  ): CallResult {
    if (!res) {
      const why = aborted ? say(ANSWER.interruptedBeforeAnswer()) : failure!.message;
      return { outcome: 'failed', errorCode: failure!.code, message: why, attempts };
    }
    const code = res.body.code;
    const badAnswer = res.status >= 200 && res.status < 300 && typeof code !== 'number';
    const errorCode = badAnswer ? 'HTTP_BAD_ANSWER' : code === undefined ? `HTTP_${res.status}` : String(code);
    const base = { httpStatus: res.status, logId: res.logId, attempts, errorCode };
    const contentType = [res.headers['content-type']].flat()[0] ?? 'none';
    const message = badAnswer
      ? say(ANSWER.notFeishu({ status: res.status, contentType, detail: describeFailure(res.body, res.status) }))
      : describeFailure(res.body, res.status);
    if (reason === 'stop-run')
      return {
        ...base,
        outcome: 'stop-run',
        message: say(ANSWER.stopping({ message, why: say(stoppingMessage(code!)) })),
      };
    if (reason === 'token') {
      return {
        ...base,
        outcome: 'stop-run',
        message: say(canRefresh ? ANSWER.freshTokenRejected(message) : ANSWER.givenTokenRejected(message)),
      };
    }
    return {
      ...base,
      outcome: 'failed',
      message: reason === 'exhausted' ? say(ANSWER.gaveUp({ message, attempts })) : message,
    };
  }
}

/** Feishu's msg plus every field violation, as one line for the report. */
export function describeFailure(body: FeishuEnvelope, status: number): string {
  const parts = [body.msg ?? body.error?.message ?? `HTTP ${status}`];
  for (const v of body.error?.field_violations ?? []) {
    parts.push(`${v.field ?? '?'}: ${v.description ?? 'invalid'}${v.value !== undefined ? ` (got ${v.value})` : ''}`);
  }
  return parts.join('; ');
}
