import { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { AccessTokenCache as SharedCache } from '../access-token-cache.ts';
import { DingtalkError } from './dingtalk-error.ts';
import { postJson } from './post-json.ts';

export { TOKEN_REFRESH_EARLY_MS } from '../access-token-cache.ts';

const tokenAnswer = z.object({ accessToken: z.string().min(1), expireIn: z.coerce.number().positive() });

/**
 * The app's access token from POST /v1.0/oauth2/accessToken (body appKey/appSecret, never a query
 * string), in the cache both platforms share (single flight, refreshed shortly before `expireIn`).
 */
export class AccessTokenCache extends SharedCache {
  constructor(o: { apiBase: string; appKey: string; appSecret: string; clock: Clock; timeoutMs: number }) {
    super(() => fetchToken(o), o.clock);
  }
}

async function fetchToken(o: { apiBase: string; appKey: string; appSecret: string; timeoutMs: number }): Promise<{ token: string; expiresInSec: number }> {
  const { status, body } = await postJson(
    `${o.apiBase.replace(/\/+$/u, '')}/v1.0/oauth2/accessToken`,
    { appKey: o.appKey, appSecret: o.appSecret },
    { what: 'accessToken', timeoutMs: o.timeoutMs },
  );
  const parsed = tokenAnswer.safeParse(body);
  if (status !== 200 || !parsed.success) {
    const code = typeof body.code === 'string' ? body.code : `HTTP ${status}`;
    // Retried even for wrong credentials: an operator who fixes the secret and restarts within the
    // retry window gets the waiting messages out; the error names the code for the console.
    throw new DingtalkError('retry', `accessToken: ${code}`);
  }
  return { token: parsed.data.accessToken, expiresInSec: parsed.data.expireIn };
}
