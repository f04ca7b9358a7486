import type { Clock } from '../core/clock.ts';

export type FetchToken = () => Promise<{ token: string; expiresInSec: number }>;

/** Fetch a new token this long before the old one expires (both platforms: valid 7200 s). */
export const TOKEN_REFRESH_EARLY_MS = 5 * 60_000;

/**
 * A platform access token (WeCom's gettoken, DingTalk's oauth2/accessToken), cached until shortly
 * before it expires: `refreshEarlyMs` early, or at half its life when it is short. Concurrent callers
 * share one request (single flight): both platforms throttle the token endpoint, and a burst of
 * sends after an expiry must not become a burst of token requests. A failed request is not cached.
 */
export class AccessTokenCache {
  private readonly fetchToken: FetchToken;
  private readonly clock: Clock;
  private readonly refreshEarlyMs: number;
  private current: { token: string; refreshAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(fetchToken: FetchToken, clock: Clock, refreshEarlyMs = TOKEN_REFRESH_EARLY_MS) {
    this.fetchToken = fetchToken;
    this.clock = clock;
    this.refreshEarlyMs = refreshEarlyMs;
  }

  async get(): Promise<string> {
    if (this.current && this.clock.now().getTime() < this.current.refreshAt) return this.current.token;
    this.inflight ??= this.fetchToken()
      .then(({ token, expiresInSec }) => {
        const lifetime = expiresInSec * 1000;
        const early = Math.min(this.refreshEarlyMs, lifetime / 2);
        this.current = { token, refreshAt: this.clock.now().getTime() + lifetime - early };
        return token;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** The platform rejected `token` (either may invalidate one early): forget it, unless a newer one replaced it. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }
}
