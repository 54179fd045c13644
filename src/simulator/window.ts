/** A sliding one-second window: at most `limit` calls in any 1000 ms (Feishu's per-second limits). */
export class Window {
  private readonly times: number[] = [];
  constructor(private readonly limit: number) {}

  /** undefined when allowed; else the seconds until a call would be. */
  check(now: number): number | undefined {
    if (this.limit <= 0) return undefined;
    while (this.times.length > 0 && now - this.times[0]! >= 1000) this.times.shift();
    if (this.times.length >= this.limit) return Math.max(1, Math.ceil((this.times[0]! + 1000 - now) / 1000));
    this.times.push(now);
    return undefined;
  }
}
