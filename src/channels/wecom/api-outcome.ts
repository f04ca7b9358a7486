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
 * Fixed descriptions of the errcodes we meet (全局错误码 90313, smart robot 101463). WeCom's own
 * errmsg is never kept: it is free text, and it echoes what was sent — a webhook URL with its key,
 * for one (docs/decisions/0016-platform-errors-code-and-fixed-text.md).
 */
const DESCRIPTIONS: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid secret',
  40003: 'invalid user id',
  40008: 'invalid message type',
  40013: 'invalid corp id',
  40014: 'invalid access_token',
  40058: 'invalid parameter',
  41001: 'access_token missing',
  42001: 'access_token expired',
  42007: 'access_token invalidated',
  44004: 'empty content',
  45002: 'content too large',
  45009: 'frequency limit reached',
  45033: 'too many concurrent calls',
  48002: 'API forbidden for this app',
  60020: 'server IP not in the app’s trusted IPs',
  81013: 'no valid recipient',
  93000: 'invalid webhook key',
  846605: 'invalid req_id',
  846608: 'stream update expired',
};

/** `WeCom errcode 45009: frequency limit reached` — the code and our own words for it, nothing of WeCom's text. */
export function describeErrcode(errcode: number): string {
  return `WeCom errcode ${errcode}: ${DESCRIPTIONS[errcode] ?? 'not known to Lianxin'}`;
}

/**
 * What an errcode means for the outbox. 45009 (frequency limit; blocks for the rest of the window)
 * and 45033 (too many concurrent calls) wait without spending an attempt; unknown codes are retried.
 */
export function outcomeOf(reply: { errcode: number }, now: Date, throttleMs: number): Outcome {
  if (reply.errcode === 0) return { ok: true };
  const error = describeErrcode(reply.errcode);
  if (reply.errcode === 45009) return { ok: false, error, retryable: true, throttledUntil: new Date(now.getTime() + throttleMs) };
  if (reply.errcode === 45033) {
    return { ok: false, error, retryable: true, throttledUntil: new Date(now.getTime() + Math.ceil(throttleMs / 6)) };
  }
  return { ok: false, error, retryable: !NEVER.has(reply.errcode) };
}

/**
 * A failed call: errcodes as above, anything else (network, timeout, HTTP 5xx) is retried. A
 * WecomApiError without an errcode carries our own fixed text; any other error only its kind.
 */
export function outcomeOfError(error: unknown, now: Date, throttleMs: number): Outcome {
  if (error instanceof WecomApiError && error.errcode !== null) return outcomeOf({ errcode: error.errcode }, now, throttleMs);
  const what = error instanceof WecomApiError ? error.message : `unexpected ${(error as Error)?.name ?? 'error'}`;
  return { ok: false, error: `WeCom: ${what}`, retryable: true };
}
