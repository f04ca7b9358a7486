/** A WeCom API call that failed: an errcode from the platform, or null when none came back. */
export class WecomApiError extends Error {
  readonly errcode: number | null;
  constructor(message: string, errcode: number | null) {
    super(message);
    this.name = 'WecomApiError';
    this.errcode = errcode;
  }
}

export type ApiReply = { errcode: number; errmsg: string } & Record<string, unknown>;

/**
 * One JSON call to a WeCom endpoint. Answers carry `errcode` (0 = ok); transport failures throw
 * WecomApiError without an errcode. URLs hold access tokens and webhook keys, so they never appear
 * in an error message.
 */
export async function callJson(url: string, body: unknown, timeoutMs: number): Promise<ApiReply> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // Not the error's message: fetch puts the whole URL (with its token or key) in some of them.
    const e = error as Error & { cause?: { code?: unknown } };
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : typeof e.cause?.code === 'string' ? e.cause.code : e.name;
    throw new WecomApiError(`request failed: ${reason}`, null);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new WecomApiError(`HTTP ${res.status}`, null);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WecomApiError('answer is not JSON', null);
  }
  if (typeof json !== 'object' || json === null) throw new WecomApiError('answer is not a JSON object', null);
  const reply = json as Record<string, unknown>;
  return {
    ...reply,
    errcode: typeof reply.errcode === 'number' ? reply.errcode : 0,
    errmsg: typeof reply.errmsg === 'string' ? reply.errmsg : '',
  };
}
