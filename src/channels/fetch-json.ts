/** A JSON call that got no JSON object back: no answer in time, no connection, or something else. */
export class JsonCallFailed extends Error {
  /** The HTTP status when an answer came (not JSON), null when none did. */
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'JsonCallFailed';
    this.status = status;
  }
}

export type JsonAnswer = { status: number; body: Record<string, unknown> };

/**
 * One JSON-over-HTTP call to a platform (WeCom, DingTalk): GET without a body, POST with one, a
 * timeout, and the answer as a JSON object with its status (both platforms answer errors in JSON,
 * often with HTTP 200, so the caller reads the status and the body itself). Anything else throws
 * JsonCallFailed. URLs carry access tokens, webhook keys and sessionWebhooks, so no error message
 * ever holds the URL (fetch puts it in some of its own: they are not passed on).
 */
export async function fetchJson(
  url: string,
  o: { body?: unknown; timeoutMs: number; headers?: Record<string, string> },
): Promise<JsonAnswer> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: o.body === undefined ? 'GET' : 'POST',
      headers: { ...(o.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), accept: 'application/json', ...o.headers },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    text = await res.text();
  } catch (error) {
    throw new JsonCallFailed(networkReason(error, o.timeoutMs), null);
  }
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = null;
  }
  // An HTML error page or an IP ban blob: never JSON we understand.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new JsonCallFailed(`HTTP ${res.status} without a JSON answer`, res.status);
  return { status: res.status, body: parsed as Record<string, unknown> };
}

function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: unknown } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return typeof e?.cause?.code === 'string' ? `unreachable (${e.cause.code})` : 'unreachable';
}
