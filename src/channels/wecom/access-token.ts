import type { Clock } from '../../core/clock.ts';

export type FetchToken = () => Promise<{ token: string; expiresInSec: number }>;

/** Fetch a new token this long before the old one expires (gettoken 91039: valid 7200 s). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The app's access_token, cached until shortly before it expires. Concurrent callers share one
 * gettoken call (single flight): WeCom throttles gettoken, and a burst of sends after an expiry
 * must not turn into a burst of token requests.
 */
export class AccessTokenCache {
  private readonly fetchToken: FetchToken;
  private readonly clock: Clock;
  private current: { token: string; refreshAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(fetchToken: FetchToken, clock: Clock) {
    this.fetchToken = fetchToken;
    this.clock = clock;
  }

  async get(): Promise<string> {
    if (this.current && this.clock.now().getTime() < this.current.refreshAt) return this.current.token;
    this.inflight ??= this.fetchToken()
      .then(({ token, expiresInSec }) => {
        const ttl = expiresInSec * 1000;
        const keep = ttl > 2 * REFRESH_MARGIN_MS ? ttl - REFRESH_MARGIN_MS : ttl / 2;
        this.current = { token, refreshAt: this.clock.now().getTime() + keep };
        return token;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** WeCom rejected `token` (it may invalidate one early): forget it, unless a newer one replaced it. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }
}
