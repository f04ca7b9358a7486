import { timingSafeEqual } from 'node:crypto';
import { dingtalkSign } from './dingtalk-sign.ts';

/** DingTalk rejects a skew of more than one hour; a skew of exactly one hour still passes. */
export const CALLBACK_MAX_SKEW_MS = 60 * 60 * 1000;

export type SignCheck = { ok: true } | { ok: false; reason: 'missing' | 'bad_timestamp' | 'stale' | 'mismatch' };

/**
 * Checks the `timestamp` and `sign` headers of an HTTP-mode robot callback. Pure: the clock comes
 * in as `nowMs`. The signature covers only the timestamp, not the body, so it proves the sender
 * knows the app secret; repeats inside the hour are caught by the msgId dedupe.
 *
 * The header is plain Base64 (the reference: "NOT URL-encoded in this mode"). A URL-encoded value
 * (`%2B`, `%3D` …) is a different string and is refused rather than decoded: accepting two spellings
 * would only widen what we accept, and DingTalk never sends the second one.
 */
export function verifyCallbackSign(input: {
  timestamp: string | undefined;
  sign: string | undefined;
  secret: string;
  nowMs: number;
}): SignCheck {
  const { timestamp, sign, secret, nowMs } = input;
  if (!timestamp || !sign) return { ok: false, reason: 'missing' };
  if (!/^\d{1,16}$/u.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  if (Math.abs(nowMs - Number(timestamp)) > CALLBACK_MAX_SKEW_MS) return { ok: false, reason: 'stale' };
  const want = Buffer.from(dingtalkSign(secret, timestamp), 'utf8');
  const got = Buffer.from(sign, 'utf8');
  // The expected length (44 Base64 characters) is public; only equal lengths reach the constant-time compare.
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
