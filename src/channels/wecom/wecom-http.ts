import { fetchJson, JsonCallFailed, type JsonAnswer } from '../fetch-json.ts';

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
 * One JSON call to a WeCom endpoint (channels/fetch-json.ts). Answers carry `errcode` (0 = ok);
 * transport failures and answers that are not a JSON object throw WecomApiError without an errcode.
 * URLs hold access tokens and webhook keys, so they never appear in an error message.
 */
export async function callJson(url: string, body: unknown, timeoutMs: number): Promise<ApiReply> {
  let answer: JsonAnswer;
  try {
    answer = await fetchJson(url, { body, timeoutMs });
  } catch (error) {
    if (!(error instanceof JsonCallFailed)) throw error;
    throw new WecomApiError(error.status === null ? `request failed: ${error.message}` : error.status >= 400 ? `HTTP ${error.status}` : error.message, null);
  }
  if (answer.status < 200 || answer.status >= 300) throw new WecomApiError(`HTTP ${answer.status}`, null);
  const reply = answer.body;
  return {
    ...reply,
    errcode: typeof reply.errcode === 'number' ? reply.errcode : 0,
    errmsg: typeof reply.errmsg === 'string' ? reply.errmsg : '',
  };
}
