/** Time and waiting, injectable so that tests of pacing run in milliseconds. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Feishu's limits are per second, per API, per app, per tenant (docs/feishu-api.md, "Limits"). */
export const WINDOW_MS = 1000;
/** Feishu's limit for each of the external-interview APIs when nothing says otherwise: 10/s. */
export const FEISHU_RATE = 10;

/**
 * Added to the one-second window in which at most `limit` calls go: calls leave here evenly
 * spaced, but arrive at Feishu with the network's and both event loops' jitter, and a call that
 * arrives early enough to make an 11th in Feishu's second is refused and costs a whole reset
 * (1 s) of that API. 25 ms keeps 97.6% of the limit; each 429 that a lower stated limit does not
 * explain doubles it, up to 100 ms (90.9%), and a clean stretch halves it back.
 */
export const GUARD_MS = 25;
export const MAX_GUARD_MS = 100;
/** Windows' worth of calls without a 429 after which a widened guard halves back towards GUARD_MS. */
const CLEAN_WINDOWS = 20;

/** How one API is paced: at most `limit` calls in any `WINDOW_MS + guardMs`; limit 0 is no pace. */
export interface Pace {
  readonly limit: number;
  readonly guardMs: number;
}

/** What an answer says about the pace (docs/feishu-api.md, "Limits"). */
export interface PaceSignal {
  /** The answer was Feishu's 429 / 99991400. */
  readonly refused: boolean;
  /** `x-ogw-ratelimit-limit`: the calls Feishu allows this API per second, when the answer states it. */
  readonly statedLimit?: number;
}

/**
 * The pace after an answer, as a pure function. A stated limit below ours is followed at once.
 * A higher one is used when an answer that was not refused states it (a tenant whose limit was
 * raised), never above `cap` (the user's `--rate`); a 429 stating more than we send means
 * someone else spends the same quota or our calls arrived bunched, so it slows us, never speeds.
 * A 429 that a lower limit does not explain doubles the guard.
 */
export function paceAfter(pace: Pace, signal: PaceSignal, cap = Number.POSITIVE_INFINITY): Pace {
  const stated = signal.statedLimit;
  if (stated !== undefined && stated > 0 && pace.limit > 0 && stated < pace.limit) return { ...pace, limit: stated };
  if (signal.refused) {
    if (pace.limit === 0) return pace;
    return { ...pace, guardMs: Math.min(MAX_GUARD_MS, pace.guardMs * 2) };
  }
  if (stated !== undefined && stated > pace.limit && pace.limit > 0) return { ...pace, limit: Math.min(stated, cap) };
  return pace;
}

/** `x-ogw-ratelimit-limit` as a whole number of calls per second, or undefined when absent or not one. */
export function statedLimit(headers: Readonly<Record<string, string | string[] | undefined>> | undefined) {
  const raw = headers?.['x-ogw-ratelimit-limit'];
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** What the gate remembers between calls: the ideal timetable, a pause, and when recent calls left. */
export interface GateTimes {
  /** The next slot of the even timetable. */
  readonly next: number;
  readonly pausedUntil: number;
  /** When the last `limit` calls left, oldest first. */
  readonly sent: readonly number[];
}

/**
 * How many calls the window counts, and how long it is: `limit` calls in a second, or for a
 * fractional rate (`--rate 2.5`) its whole part (at least 1) in the time those take at that rate.
 */
function windowOf(pace: Pace): { calls: number; ms: number } {
  const calls = Math.max(1, Math.floor(pace.limit));
  return { calls, ms: (calls * WINDOW_MS) / pace.limit + pace.guardMs };
}

/**
 * When the next call may leave, as a pure function: on the even timetable (a late timer does not
 * push later slots back), after any pause, and never so that more than the window's calls leave
 * within it, whatever the timers did: the timetable's catch-up after a late call is bounded by
 * the calls that really left.
 */
export function nextSlot(pace: Pace, times: GateTimes): number {
  if (pace.limit <= 0) return times.pausedUntil;
  const { calls, ms } = windowOf(pace);
  const full = times.sent.length >= calls ? times.sent[times.sent.length - calls]! + ms : 0;
  return Math.max(times.next, times.pausedUntil, full);
}

/** The gate's times once a call leaves at `at`: the timetable restarts from now after an idle stretch, so no burst is saved up. */
export function afterSend(pace: Pace, times: GateTimes, at: number): GateTimes {
  if (pace.limit <= 0) return times;
  const { calls, ms } = windowOf(pace);
  const interval = ms / calls;
  const next = (at - times.next > interval ? at : times.next) + interval;
  const sent =
    times.sent.length >= calls ? [...times.sent.slice(times.sent.length - calls + 1), at] : [...times.sent, at];
  return { ...times, next, sent };
}

/**
 * One API's gate, shared by every worker: calls leave in order at its pace; a 429 pauses all of
 * them until Feishu's reset; every answer's headers may adjust the pace (`paceAfter`).
 */
export class RateGate {
  private current: Pace;
  private times: GateTimes = { next: 0, pausedUntil: 0, sent: [] };
  private queue: Promise<void> = Promise.resolve();
  private clean = 0;

  /**
   * `rate`: calls per second to start at (0: no client-side pace, and no stated limit changes
   * that); `cap`: never faster than this, whatever Feishu states (the user's own `--rate`).
   */
  constructor(
    rate: number,
    private readonly clock: Clock = realClock,
    private readonly cap = Number.POSITIVE_INFINITY,
  ) {
    this.current = { limit: Math.max(rate, 0), guardMs: GUARD_MS };
  }

  /** The pace in force. */
  get pace(): Pace {
    return this.current;
  }

  /** Resolves when the caller may send one request; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn;
    return turn;
  }

  /** Every caller waits until `until` (epoch ms): a 429 applies to the whole API. */
  pauseUntil(until: number): void {
    this.times = { ...this.times, pausedUntil: Math.max(this.times.pausedUntil, until) };
  }

  /** Takes in what an answer said of the pace: its status and `x-ogw-ratelimit-*` headers. */
  observe(signal: PaceSignal): void {
    this.current = paceAfter(this.current, signal, this.cap);
    if (signal.refused) this.clean = 0;
    else if (this.current.guardMs > GUARD_MS && ++this.clean >= this.current.limit * CLEAN_WINDOWS) {
      this.current = { ...this.current, guardMs: Math.max(GUARD_MS, this.current.guardMs / 2) };
      this.clean = 0;
    }
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const slot = nextSlot(this.current, this.times);
      if (slot <= now) {
        this.times = afterSend(this.current, this.times, now);
        return;
      }
      await this.clock.sleep(slot - now);
    }
  }
}
