import { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { DingtalkError } from './dingtalk-error.ts';
import { postJson } from './post-json.ts';

const tokenAnswer = z.object({ accessToken: z.string().min(1), expireIn: z.coerce.number().positive() });

/** Refresh this long before DingTalk's expiry (7200 s), so no call is made with a dying token. */
export const TOKEN_REFRESH_EARLY_MS = 5 * 60_000;

/**
 * The app's access token from POST /v1.0/oauth2/accessToken (body appKey/appSecret, never a query
 * string), kept until shortly before `expireIn`. Concurrent callers share one request (single
 * flight): the endpoint is rate limited, and a burst of sends must not become a burst of logins.
 */
export class AccessTokenCache {
  private readonly o: { apiBase: string; appKey: string; appSecret: string; clock: Clock; timeoutMs: number };
  private token: { value: string; refreshAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(o: { apiBase: string; appKey: string; appSecret: string; clock: Clock; timeoutMs: number }) {
    this.o = o;
  }

  async get(): Promise<string> {
    if (this.token && this.o.clock.now().getTime() < this.token.refreshAt) return this.token.value;
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** DingTalk refused this token: forget it (unless a newer one replaced it already). */
  invalidate(token: string): void {
    if (this.token?.value === token) this.token = null;
  }

  private async fetchToken(): Promise<string> {
    const { status, body } = await postJson(
      `${this.o.apiBase.replace(/\/+$/u, '')}/v1.0/oauth2/accessToken`,
      { appKey: this.o.appKey, appSecret: this.o.appSecret },
      { what: 'accessToken', timeoutMs: this.o.timeoutMs },
    );
    const parsed = tokenAnswer.safeParse(body);
    if (status !== 200 || !parsed.success) {
      const code = typeof body.code === 'string' ? body.code : `HTTP ${status}`;
      // Retried even for wrong credentials: an operator who fixes the secret and restarts within the
      // retry window gets the waiting messages out; the error names the code for the console.
      throw new DingtalkError('retry', `accessToken: ${code}`);
    }
    const lifetimeMs = parsed.data.expireIn * 1000;
    const early = Math.min(TOKEN_REFRESH_EARLY_MS, lifetimeMs / 2);
    this.token = { value: parsed.data.accessToken, refreshAt: this.o.clock.now().getTime() + lifetimeMs - early };
    return parsed.data.accessToken;
  }
}
