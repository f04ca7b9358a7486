import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenCache } from '../../../src/channels/dingtalk/access-token-cache.ts';
import { DingtalkError } from '../../../src/channels/dingtalk/dingtalk-error.ts';
import { fixedClock, MINUTE } from '../../../src/core/clock.ts';
import { DingtalkHttpFake } from '../../fakes/dingtalk-http-fake.ts';

const app = { appKey: 'dingKey', appSecret: 'dingSecret' };

describe('AccessTokenCache (/v1.0/oauth2/accessToken)', () => {
  let http: DingtalkHttpFake;
  beforeAll(async () => {
    http = await DingtalkHttpFake.start(app);
  });
  afterAll(() => http.close());
  const cache = (clock = fixedClock('2026-11-23T01:00:00Z')) =>
    new AccessTokenCache({ apiBase: http.url, appKey: app.appKey, appSecret: app.appSecret, clock, timeoutMs: 2000 });

  it('asks once for many concurrent callers, with the credentials in the body', async () => {
    const before = http.tokensIssued;
    const c = cache();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => c.get()));
    expect(new Set(tokens).size).toBe(1);
    expect(http.tokensIssued).toBe(before + 1);
    const req = http.to('/v1.0/oauth2/accessToken').at(-1)!;
    expect(req.body).toEqual(app);
    expect(req.query).toEqual({});
  });

  it('keeps the token until five minutes before expireIn, then fetches a new one', async () => {
    const clock = fixedClock('2026-11-23T01:00:00Z');
    const c = cache(clock);
    const first = await c.get();
    clock.advance(7200_000 - 5 * MINUTE - 1000);
    expect(await c.get()).toBe(first);
    clock.advance(2000);
    expect(await c.get()).not.toBe(first);
  });

  it('forgets a token DingTalk refused', async () => {
    const c = cache();
    const first = await c.get();
    c.invalidate('some-other-token');
    expect(await c.get()).toBe(first);
    c.invalidate(first);
    expect(await c.get()).not.toBe(first);
  });

  it('reports wrong credentials as a DingtalkError naming the code, without the secret', async () => {
    const c = new AccessTokenCache({ apiBase: http.url, appKey: app.appKey, appSecret: 'wrong', clock: fixedClock('2026-11-23T01:00:00Z'), timeoutMs: 2000 });
    const error = await c.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DingtalkError);
    expect((error as Error).message).toContain('invalidClientIdOrSecret');
    expect((error as Error).message).not.toContain('wrong');
    // A failed request is not cached: the next call asks again.
    const before = http.to('/v1.0/oauth2/accessToken').length;
    await c.get().catch(() => undefined);
    expect(http.to('/v1.0/oauth2/accessToken').length).toBe(before + 1);
  });
});
