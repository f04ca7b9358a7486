import { DingtalkError } from './dingtalk-error.ts';

export type JsonAnswer = { status: number; body: Record<string, unknown> };

/**
 * POSTs JSON and reads a JSON answer (DingTalk answers errors in JSON too, often with HTTP 200).
 * `what` names the call in errors; the URL never appears in them, since many of ours carry a
 * credential (a sessionWebhook, a robot access_token).
 */
export async function postJson(
  url: string,
  body: unknown,
  o: { what: string; timeoutMs: number; headers?: Record<string, string> },
): Promise<JsonAnswer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...o.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs),
    });
  } catch (error) {
    throw new DingtalkError('retry', `${o.what}: ${networkReason(error)}`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    throw new DingtalkError('retry', `${o.what}: ${networkReason(error)}`);
  }
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    // An HTML error page or an IP ban blob: never JSON we understand.
    throw new DingtalkError('retry', `${o.what}: HTTP ${res.status} without a JSON answer`);
  }
  return { status: res.status, body: parsed as Record<string, unknown> };
}

function networkReason(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  return e?.cause?.code ? `unreachable (${e.cause.code})` : 'unreachable';
}
