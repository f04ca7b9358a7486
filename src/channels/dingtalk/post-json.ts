import { fetchJson, JsonCallFailed, type JsonAnswer } from '../fetch-json.ts';
import { DingtalkError } from './dingtalk-error.ts';

export type { JsonAnswer } from '../fetch-json.ts';

/**
 * POSTs JSON and reads a JSON answer (channels/fetch-json.ts; DingTalk answers errors in JSON too,
 * often with HTTP 200). `what` names the call in errors; the URL never appears in them, since many
 * of ours carry a credential (a sessionWebhook, a robot access_token). Anything but a JSON object
 * back is worth another try.
 */
export async function postJson(
  url: string,
  body: unknown,
  o: { what: string; timeoutMs: number; headers?: Record<string, string> },
): Promise<JsonAnswer> {
  try {
    return await fetchJson(url, { body, timeoutMs: o.timeoutMs, headers: o.headers });
  } catch (error) {
    if (error instanceof JsonCallFailed) throw new DingtalkError('retry', `${o.what}: ${error.message}`);
    throw error;
  }
}
