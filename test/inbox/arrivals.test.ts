import { describe, expect, it } from 'vitest';
import { Arrivals } from '../../src/inbox/arrivals.ts';

// When platforms deliver faster than SQLite's one thread can answer and handle, handling paces
// itself (decision 0008, amendment). These read the two signals with a clock the test moves.
function arrivals(floodPerSecond = 2500) {
  let now = 1_000;
  const a = new Arrivals({ burstCount: 20, burstMs: 50, floodPerSecond, floodMs: 500 }, () => now);
  return { a, at: (ms: number) => (now = ms), arrive: (count: number, overMs: number) => {
    const step = overMs / count;
    for (let i = 0; i < count; i++) {
      now += step;
      a.note();
    }
  } };
}

describe('how fast messages arrive', () => {
  it('a steady 1,000 a second is a burst but not a flood', () => {
    const { a, arrive } = arrivals();
    arrive(2000, 2000);
    expect(a.inBurst()).toBe(true);
    expect(a.inFlood()).toBe(false);
  });

  it('3,000 a second for half a second is a flood', () => {
    const { a, arrive } = arrivals();
    arrive(1500, 500);
    expect(a.inFlood()).toBe(true);
  });

  it('a flood ends when messages stop coming, even with no new message to notice it', () => {
    const { a, arrive, at } = arrivals();
    arrive(3000, 1000);
    expect(a.inFlood()).toBe(true);
    at(2_000 + 600);
    expect(a.inFlood()).toBe(false);
    expect(a.inBurst()).toBe(false);
  });

  it('a few messages now and then are neither', () => {
    const { a, arrive } = arrivals();
    arrive(10, 5000);
    expect(a.inBurst()).toBe(false);
    expect(a.inFlood()).toBe(false);
  });

  it('a long quiet gap does not leave old counts behind', () => {
    const { a, arrive, at } = arrivals();
    arrive(1000, 400); // a flood
    at(1_000 + 400 + 10_000 * 500 + 3); // the clock wraps the buckets many times
    arrive(100, 100); // then 1,000 a second: no flood
    expect(a.inFlood()).toBe(false);
  });

  it('PostgreSQL never paces (no flood rate)', () => {
    const { a, arrive } = arrivals(Infinity);
    arrive(5000, 500);
    expect(a.inFlood()).toBe(false);
  });
});
