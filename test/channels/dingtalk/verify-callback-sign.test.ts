import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyCallbackSign } from '../../../src/channels/dingtalk/verify-callback-sign.ts';

// Signatures computed here from DingTalk's published rule, not with Lianxin's code.
const secret = 'app-secret-for-the-test';
const sign = (ts: string, key = secret) => createHmac('sha256', key).update(`${ts}\n${key}`).digest('base64');
const now = Date.UTC(2026, 10, 23, 9, 0, 0);
const HOUR = 3_600_000;

describe('verifyCallbackSign (HTTP-mode robot callbacks)', () => {
  it('accepts a signature made with the app secret', () => {
    const ts = String(now - 2000);
    expect(verifyCallbackSign({ timestamp: ts, sign: sign(ts), secret, nowMs: now })).toEqual({ ok: true });
  });

  it('accepts a skew of exactly one hour either way, and refuses one millisecond more', () => {
    for (const ts of [now - HOUR, now + HOUR]) expect(verifyCallbackSign({ timestamp: String(ts), sign: sign(String(ts)), secret, nowMs: now }).ok).toBe(true);
    for (const ts of [now - HOUR - 1, now + HOUR + 1]) {
      expect(verifyCallbackSign({ timestamp: String(ts), sign: sign(String(ts)), secret, nowMs: now })).toEqual({ ok: false, reason: 'stale' });
    }
  });

  it('refuses another secret, a signature over another timestamp, and a tampered one', () => {
    const ts = String(now);
    expect(verifyCallbackSign({ timestamp: ts, sign: sign(ts, 'wrong-secret'), secret, nowMs: now })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyCallbackSign({ timestamp: ts, sign: sign(String(now - 1)), secret, nowMs: now })).toEqual({ ok: false, reason: 'mismatch' });
    const good = sign(ts);
    const flipped = (good[0] === 'A' ? 'B' : 'A') + good.slice(1);
    expect(verifyCallbackSign({ timestamp: ts, sign: flipped, secret, nowMs: now }).ok).toBe(false);
  });

  it('refuses the URL-encoded form: the callback header is plain Base64', () => {
    const ts = String(now);
    const encoded = encodeURIComponent(sign(ts));
    expect(encoded).not.toBe(sign(ts)); // 32 bytes of HMAC always end in "=" → "%3D"
    expect(verifyCallbackSign({ timestamp: ts, sign: encoded, secret, nowMs: now })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses missing headers and timestamps that are not epoch milliseconds', () => {
    expect(verifyCallbackSign({ timestamp: undefined, sign: 'x', secret, nowMs: now })).toEqual({ ok: false, reason: 'missing' });
    expect(verifyCallbackSign({ timestamp: String(now), sign: '', secret, nowMs: now })).toEqual({ ok: false, reason: 'missing' });
    for (const ts of ['1.7e12', '-1', ' 1700000000000', 'now']) {
      expect(verifyCallbackSign({ timestamp: ts, sign: sign(ts), secret, nowMs: now })).toEqual({ ok: false, reason: 'bad_timestamp' });
    }
  });
});
