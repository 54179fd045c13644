/** Time and waiting, injectable so that tests of pacing run in milliseconds. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces requests so they never exceed `rate` per second, shared by every worker, and lets a
 * 429 pause all of them at once until Feishu's reset time.
 *
 * Slots are kept on an ideal timetable (a late timer does not push the next slot back), and a
 * 2% margin keeps arrival jitter at the server from squeezing an 11th call into one second:
 * a call answered 429 wastes quota and costs a whole reset period of waiting.
 */
export class RateGate {
  static readonly MARGIN = 1.02;
  private readonly interval: number;
  private next = 0;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    rate: number,
    private readonly clock: Clock = realClock,
  ) {
    this.interval = rate > 0 ? (1000 / rate) * RateGate.MARGIN : 0;
  }

  /** Resolves when the caller may send one request; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn;
    return turn;
  }

  /** Every caller waits until `until` (epoch ms): a 429 applies to the whole app. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const slot = Math.max(this.next, this.pausedUntil);
      if (slot <= now) {
        // A timer that fired a little late keeps the timetable; after idling longer than one
        // interval the timetable restarts from now, so no burst is saved up.
        this.next = (now - slot > this.interval ? now : slot) + this.interval;
        return;
      }
      await this.clock.sleep(slot - now);
    }
  }
}
