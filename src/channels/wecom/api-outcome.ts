import { WecomApiError } from './wecom-http.ts';

export type Outcome = { ok: true } | { ok: false; error: string; retryable: boolean; throttledUntil?: Date };

/** Errors that will never succeed on a retry: the message itself is wrong (全局错误码 90313). */
const NEVER = new Set([
  40008, // invalid message type
  40058, // invalid parameter (e.g. content longer than allowed)
  44004, // empty content
  45002, // content too large
  81013, // every recipient invalid
  93000, // invalid webhook key
]);

/**
 * What an errcode means for the outbox. 45009 (frequency limit; blocks for the rest of the window)
 * and 45033 (too many concurrent calls) wait without spending an attempt; unknown codes are retried.
 */
export function outcomeOf(reply: { errcode: number; errmsg: string }, now: Date, throttleMs: number): Outcome {
  if (reply.errcode === 0) return { ok: true };
  const error = `errcode ${reply.errcode}: ${reply.errmsg}`.slice(0, 500);
  if (reply.errcode === 45009) return { ok: false, error, retryable: true, throttledUntil: new Date(now.getTime() + throttleMs) };
  if (reply.errcode === 45033) {
    return { ok: false, error, retryable: true, throttledUntil: new Date(now.getTime() + Math.ceil(throttleMs / 6)) };
  }
  return { ok: false, error, retryable: !NEVER.has(reply.errcode) };
}

/** A failed call: errcodes as above, anything else (network, timeout, HTTP 5xx) is retried. */
export function outcomeOfError(error: unknown, now: Date, throttleMs: number): Outcome {
  if (error instanceof WecomApiError && error.errcode !== null) {
    return outcomeOf({ errcode: error.errcode, errmsg: error.message }, now, throttleMs);
  }
  return { ok: false, error: (error as Error).message ?? String(error), retryable: true };
}
