import { describe, expect, it } from 'vitest';
import {
  type Clock,
  GUARD_MS,
  MAX_GUARD_MS,
  RateGate,
  afterSend,
  nextSlot,
  paceAfter,
  statedLimit,
} from '../../src/feishu/rate-gate.js';

/** A clock that only moves when someone sleeps: pacing tests take no real time. */
function fakeClock(): Clock & { time: number } {
  const clock = {
    time: 1_000_000,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
  };
  return clock;
}

/** The most calls of `times` inside any window of `ms` that starts at a call. */
function mostInAnyWindow(times: readonly number[], ms: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    let j = i;
    while (j < times.length && times[j]! - times[i]! < ms) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

const pace10 = { limit: 10, guardMs: GUARD_MS };

describe('RateGate', () => {
  it('spaces calls evenly at the rate within a second plus the guard, serving waiting callers in order', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 11 }, (_, i) => gate.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // 10 intervals of (1000 + 25) / 10 ms: 97.6% of the limit.
    expect(clock.time - 1_000_000).toBe(1025);
  });

  it('never lets more than the limit leave within a second plus the guard, however late the timers fire', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      await gate.acquire();
      times.push(clock.time);
      // The event loop busy for 150 ms now and then: the next call leaves 47.5 ms late, and the
      // even timetable alone would send the one after it 55 ms later, 11 within a second.
      clock.time += i % 7 === 0 ? 150 : i % 3 === 0 ? 9 : 0;
    }
    expect(mostInAnyWindow(times, 1000 + GUARD_MS)).toBe(10);
    // …and it still keeps the pace: 60 calls in under 6.3 s.
    expect(times.at(-1)! - times[0]!).toBeLessThan(6300);
  });

  it('holds every caller during a pause, then resumes at the rate', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    await gate.acquire();
    gate.pauseUntil(clock.time + 2000);
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      await gate.acquire();
      times.push(clock.time - 1_000_000);
    }
    expect(times).toEqual([2000, 2102.5]);
  });

  it('does not save up a burst while idle', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    await gate.acquire();
    clock.time += 5000;
    const start = clock.time;
    await gate.acquire();
    await gate.acquire();
    expect(clock.time - start).toBe(102.5);
  });

  it('does not wait at all with rate 0, and no stated limit starts a pace there', async () => {
    const clock = fakeClock();
    const gate = new RateGate(0, clock);
    gate.observe({ refused: true, statedLimit: 10 });
    for (let i = 0; i < 100; i++) await gate.acquire();
    expect(clock.time).toBe(1_000_000);
    expect(gate.pace.limit).toBe(0);
  });

  it('follows a lower limit a 429 states: 5 a second from the next call on', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    await gate.acquire();
    gate.observe({ refused: true, statedLimit: 5 });
    expect(gate.pace).toEqual({ limit: 5, guardMs: GUARD_MS });
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      await gate.acquire();
      times.push(clock.time);
    }
    expect(mostInAnyWindow(times, 1000 + GUARD_MS)).toBe(5);
    expect(times[10]! - times[0]!).toBe(2 * (1000 + GUARD_MS));
  });

  it('uses a higher limit an answer states, up to the cap, and only where the answer was not a 429', () => {
    const clock = fakeClock();
    const free = new RateGate(10, clock);
    free.observe({ refused: true, statedLimit: 50 });
    expect(free.pace.limit).toBe(10);
    free.observe({ refused: false, statedLimit: 50 });
    expect(free.pace.limit).toBe(50);
    const capped = new RateGate(20, clock, 20);
    capped.observe({ refused: false, statedLimit: 50 });
    expect(capped.pace.limit).toBe(20);
    capped.observe({ refused: false, statedLimit: 8 });
    expect(capped.pace.limit).toBe(8);
  });

  it('widens the guard on each 429 a lower limit does not explain, up to its most, and narrows it after a clean stretch', () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    const guards: number[] = [];
    for (let i = 0; i < 4; i++) {
      gate.observe({ refused: true, statedLimit: 10 });
      guards.push(gate.pace.guardMs);
    }
    expect(guards).toEqual([50, 100, MAX_GUARD_MS, MAX_GUARD_MS]);
    // 20 seconds' worth of calls answered without a 429 halve it back, step by step.
    for (let i = 0; i < 199; i++) gate.observe({ refused: false });
    expect(gate.pace.guardMs).toBe(100);
    gate.observe({ refused: false });
    expect(gate.pace.guardMs).toBe(50);
    for (let i = 0; i < 400; i++) gate.observe({ refused: false });
    expect(gate.pace).toEqual({ limit: 10, guardMs: GUARD_MS });
  });

  it('paces a fractional rate: 2.5 a second is 2 calls in every 800 ms plus the guard', async () => {
    const clock = fakeClock();
    const gate = new RateGate(2.5, clock);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await gate.acquire();
      times.push(clock.time - 1_000_000);
    }
    expect(times).toEqual([0, 412.5, 825, 1237.5, 1650]);
  });
});

describe('the pacing decisions', () => {
  it('nextSlot: the later of the timetable, a pause and the oldest call of the window plus a second and the guard', () => {
    const sent = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900];
    expect(nextSlot(pace10, { next: 1000, pausedUntil: 0, sent })).toBe(1025);
    expect(nextSlot(pace10, { next: 1100, pausedUntil: 0, sent })).toBe(1100);
    expect(nextSlot(pace10, { next: 1000, pausedUntil: 3000, sent })).toBe(3000);
    expect(nextSlot(pace10, { next: 0, pausedUntil: 0, sent: [] })).toBe(0);
    expect(nextSlot({ limit: 0, guardMs: GUARD_MS }, { next: 5, pausedUntil: 7, sent })).toBe(7);
  });

  it('afterSend: the next slot one interval on, from now after an idle stretch; the window keeps the last calls', () => {
    const times = afterSend(pace10, { next: 1000, pausedUntil: 0, sent: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, 1010);
    expect(times).toEqual({ next: 1102.5, pausedUntil: 0, sent: [2, 3, 4, 5, 6, 7, 8, 9, 10, 1010] });
    expect(afterSend(pace10, { next: 1000, pausedUntil: 0, sent: [] }, 5000).next).toBe(5102.5);
  });

  it('paceAfter: lower followed, higher used only when not refused and never past the cap, 429s widen the guard', () => {
    expect(paceAfter(pace10, { refused: false })).toBe(pace10);
    expect(paceAfter(pace10, { refused: true, statedLimit: 3 })).toEqual({ limit: 3, guardMs: GUARD_MS });
    expect(paceAfter(pace10, { refused: true, statedLimit: 30 })).toEqual({ limit: 10, guardMs: 2 * GUARD_MS });
    expect(paceAfter(pace10, { refused: false, statedLimit: 30 }, 20)).toEqual({ limit: 20, guardMs: GUARD_MS });
    expect(paceAfter({ limit: 0, guardMs: GUARD_MS }, { refused: true, statedLimit: 3 })).toEqual({
      limit: 0,
      guardMs: GUARD_MS,
    });
  });

  it('statedLimit: x-ogw-ratelimit-limit as a whole number of calls, or nothing', () => {
    expect(statedLimit({ 'x-ogw-ratelimit-limit': '10' })).toBe(10);
    expect(statedLimit({ 'x-ogw-ratelimit-limit': ['5', '7'] })).toBe(5);
    for (const v of ['0', '-1', 'abc', '', '2.5']) expect(statedLimit({ 'x-ogw-ratelimit-limit': v })).toBeUndefined();
    expect(statedLimit({})).toBeUndefined();
    expect(statedLimit(undefined)).toBeUndefined();
  });
});
