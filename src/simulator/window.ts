/**
 * One API's per-second limit as the simulator enforces it: a sliding one-second window, at most
 * `limit` calls admitted in any 1000 ms, counted at arrival; a refused call is not counted.
 *
 * Feishu documents "10 requests/s" and a 429 stating the window's cap (`x-ogw-ratelimit-limit`)
 * and whole seconds until it recovers (`x-ogw-ratelimit-reset`), but not whether the second is
 * a fixed one (counters reset on each wall-clock second) or a sliding one (docs/feishu-api.md,
 * "Limits"). The sliding window is the stricter of the two: every fixed second is one of the
 * windows it checks, so a pace it admits is admitted by a fixed window too, while a pace tuned
 * to fixed seconds (10 at the end of one, 10 at the start of the next) is refused here. A token
 * bucket of 10 refilling at 10/s is laxer still. So the simulator answers 429 wherever any of
 * those could.
 */
export class Window {
  private readonly times: number[] = [];
  constructor(private readonly limit: number) {}

  /** undefined when allowed; else the whole seconds until a call would be, as Feishu's reset header says them. */
  check(now: number): number | undefined {
    if (this.limit <= 0) return undefined;
    while (this.times.length > 0 && now - this.times[0]! >= 1000) this.times.shift();
    if (this.times.length >= this.limit) return Math.max(1, Math.ceil((this.times[0]! + 1000 - now) / 1000));
    this.times.push(now);
    return undefined;
  }
}
