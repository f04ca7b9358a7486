import { describe, expect, it } from 'vitest';
import { AccessTokenCache } from '../../../src/channels/wecom/access-token.ts';
import { fixedClock } from '../../../src/core/clock.ts';

// The app's access_token (gettoken, 91039): one fetch serves until shortly before expires_in runs
// out; a burst of callers shares one fetch; a token WeCom refused is fetched again once.

function counter(expiresInSec = 7200) {
  let n = 0;
  const fetchToken = async () => {
    n++;
    await new Promise((r) => setImmediate(r));
    return { token: `token-${n}`, expiresInSec };
  };
  return { fetchToken, fetched: () => n };
}

describe('AccessTokenCache', () => {
  it('keeps a token until shortly before it expires, then fetches a new one', async () => {
    const clock = fixedClock('2026-11-23T02:00:00Z');
    const c = counter(7200);
    const cache = new AccessTokenCache(c.fetchToken, clock);
    expect(await cache.get()).toBe('token-1');
    clock.advance(6000_000); // 100 minutes of 120
    expect(await cache.get()).toBe('token-1');
    clock.advance(1000_000); // 116 minutes and 40 s: inside the last five minutes
    expect(await cache.get()).toBe('token-2');
    expect(c.fetched()).toBe(2);
  });

  it('a burst of callers after expiry makes one gettoken call', async () => {
    const c = counter();
    const cache = new AccessTokenCache(c.fetchToken, fixedClock('2026-11-23T02:00:00Z'));
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(c.fetched()).toBe(1);
  });

  it('forgets a refused token once, but not a newer one another caller already fetched', async () => {
    const c = counter();
    const cache = new AccessTokenCache(c.fetchToken, fixedClock('2026-11-23T02:00:00Z'));
    const stale = await cache.get();
    cache.invalidate(stale);
    const fresh = await cache.get();
    expect(fresh).toBe('token-2');
    // A second caller that also held the stale token reports it late: the fresh one stays.
    cache.invalidate(stale);
    expect(await cache.get()).toBe('token-2');
    expect(c.fetched()).toBe(2);
  });

  it('a token that lives shorter than the margin is kept for half its life', async () => {
    const clock = fixedClock('2026-11-23T02:00:00Z');
    const c = counter(300);
    const cache = new AccessTokenCache(c.fetchToken, clock);
    await cache.get();
    clock.advance(149_000);
    expect(await cache.get()).toBe('token-1');
    clock.advance(2_000);
    expect(await cache.get()).toBe('token-2');
  });

  it('a failed fetch is not cached: the next caller tries again', async () => {
    let calls = 0;
    const cache = new AccessTokenCache(async () => {
      calls++;
      if (calls === 1) throw new Error('gettoken: 45009');
      return { token: 'ok', expiresInSec: 7200 };
    }, fixedClock('2026-11-23T02:00:00Z'));
    await expect(cache.get()).rejects.toThrow('45009');
    expect(await cache.get()).toBe('ok');
  });
});
