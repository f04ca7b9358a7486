import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/sql.ts';
import { RateLimiter } from '../../src/outbox/rate-limiter.ts';
import { connectDatabase, freshDatabaseUrl } from '../helpers/test-db.ts';

describe('the shared rate limiter', () => {
  let one: Db;
  let two: Db;
  let url = '';
  beforeAll(async () => {
    url = await freshDatabaseUrl();
    // Two connections on one database (the first migrates it): two processes' worth.
    one = await connectDatabase(url);
    two = await connectDatabase(url);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  /** The most grants any 60-second window [t, t + 60 s) holds. */
  const busiestMinute = (granted: number[]) => Math.max(0, ...granted.map((t) => granted.filter((g) => g >= t && g < t + 60_000).length));

  it('two connections asking at once (eight reserves in flight per tick): no minute holds more than 20, and the compare-and-set lost races and retried', async () => {
    const limiters = [new RateLimiter(one), new RateLimiter(two)];
    const start = Date.UTC(2026, 10, 23, 1, 0, 0);
    const granted: number[] = [];
    // Every second for three minutes, four reserves from each connection at the same moment: their
    // reads and writes interleave, so some compare-and-sets find the row moved and read it again.
    for (let t = start; t < start + 3 * 60_000; t += 1000) {
      const answers = await Promise.all(limiters.flatMap((l) => [0, 1, 2, 3].map(() => l.reserve('webhook:a', 20, new Date(t)))));
      for (const a of answers) if (a.ok) granted.push(t);
    }
    expect(limiters[0]!.conflicts + limiters[1]!.conflicts).toBeGreaterThan(0);
    expect(busiestMinute(granted)).toBeLessThanOrEqual(20);
    // …and the allowance is not wasted either: 2 at once, then one every 60/19 s.
    expect(granted.length).toBeGreaterThanOrEqual(55);
  });

  it('three processes asking at once, four reserves in flight each: no minute holds more than 20', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const run = (): Promise<{ granted: number[]; conflicts: number }> =>
      new Promise((resolve, reject) => {
        const args = ['--import', 'tsx', join(root, 'test/helpers/rate-limit-worker.ts'), url, 'webhook:p', '20', String(Date.UTC(2026, 10, 25, 1, 0, 0)), '150', '500', '4'];
        execFile(process.execPath, args, { cwd: root }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!))));
      });
    const results = await Promise.all([run(), run(), run()]);
    const granted = results.flatMap((r) => r.granted).sort((a, b) => a - b);
    expect(granted.length).toBeGreaterThan(20);
    expect(busiestMinute(granted)).toBeLessThanOrEqual(20);
    expect(results.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0);
  }, 60_000);

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
