import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HOUR, MINUTE } from '../core/clock.ts';

// Sign-in without passwords (issue 11): a one-time link valid 10 minutes, a session of 8 hours
// renewed while used. Tokens are random; the database keeps only their SHA-256, so a copy of the
// database signs nobody in.

export const LINK_TTL_MS = 10 * MINUTE;
export const SESSION_TTL_MS = 8 * HOUR;
/** A session is renewed at most this often: not a write on every page. */
export const RENEW_AFTER_MS = MINUTE;

/** 32 random bytes, URL-safe: what a link or a cookie carries. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The session's CSRF token, derived from the session token (secret, in an httpOnly cookie), so it
 * needs no column and no other secret; a page can show it, a cookie cannot be read back from it.
 */
export function csrfOf(sessionToken: string): string {
  return createHash('sha256').update(`lianxin-console-csrf\0${sessionToken}`).digest('base64url').slice(0, 32);
}

/** Compares a submitted token in constant time (hashes make the lengths equal). */
export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A token as it may arrive in a URL or cookie: base64url of 32 bytes, nothing else is looked up. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/u.test(value);
}
