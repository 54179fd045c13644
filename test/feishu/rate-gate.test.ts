import { describe, expect, it } from 'vitest';
import { type Clock, RateGate } from '../../src/feishu/rate-gate.js';

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

describe('RateGate', () => {
  it('spaces calls at the rate plus a 2% margin, serving waiting callers in order', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 11 }, (_, i) => gate.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(clock.time - 1_000_000).toBe(1020);
  });

  it('never lets more than the rate through in any one-second window', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      await gate.acquire();
      times.push(clock.time);
      clock.time += i % 3 === 0 ? 7 : 0; // late timers
    }
    for (let i = 10; i < times.length; i++) expect(times[i]! - times[i - 10]!).toBeGreaterThanOrEqual(1000);
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
    expect(times).toEqual([2000, 2102]);
  });

  it('does not save up a burst while idle', async () => {
    const clock = fakeClock();
    const gate = new RateGate(10, clock);
    await gate.acquire();
    clock.time += 5000;
    const start = clock.time;
    await gate.acquire();
    await gate.acquire();
    expect(clock.time - start).toBe(102);
  });

  it('does not wait at all with rate 0', async () => {
    const clock = fakeClock();
    const gate = new RateGate(0, clock);
    for (let i = 0; i < 100; i++) await gate.acquire();
    expect(clock.time).toBe(1_000_000);
  });
});
