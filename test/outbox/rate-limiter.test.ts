import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/sql.ts';
import { RateLimiter } from '../../src/outbox/rate-limiter.ts';
import { connectDatabase, freshDatabaseUrl } from '../helpers/test-db.ts';

describe('the shared rate limiter', () => {
  let one: Db;
  let two: Db;
  beforeAll(async () => {
    const url = await freshDatabaseUrl();
    // Two connections on one database (the first migrates it): two processes' worth.
    one = await connectDatabase(url);
    two = await connectDatabase(url);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('never lets more than 20 through in any minute, however many processes ask', async () => {
    const limiters = [new RateLimiter(one), new RateLimiter(two)];
    const start = Date.UTC(2026, 10, 23, 1, 0, 0);
    const granted: number[] = [];
    // Ask every 500 ms for ten minutes, alternating processes, twice per tick.
    for (let t = start; t < start + 10 * 60_000; t += 500) {
      for (const limiter of limiters) {
        if ((await limiter.reserve('webhook:a', 20, new Date(t))).ok) granted.push(t);
      }
    }
    for (const t of granted) {
      const inWindow = granted.filter((g) => g >= t && g < t + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(20);
    }
    // …and does not waste the allowance either: close to 20 a minute over ten minutes.
    expect(granted.length).toBeGreaterThanOrEqual(180);
  });

  it('keeps targets apart, and a platform block holds until it ends', async () => {
    const limiter = new RateLimiter(one);
    const now = new Date(Date.UTC(2026, 10, 24, 1, 0, 0));
    await limiter.block('webhook:b', new Date(now.getTime() + 600_000));
    const blocked = await limiter.reserve('webhook:b', 20, now);
    expect(blocked).toEqual({ ok: false, retryAt: new Date(now.getTime() + 600_000) });
    expect(await limiter.reserve('webhook:c', 20, now)).toEqual({ ok: true });
    expect((await limiter.reserve('webhook:b', 20, new Date(now.getTime() + 600_001))).ok).toBe(true);
  });
});
