import type { ConsoleLink, ConsoleSession } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { RENEW_AFTER_MS, SESSION_TTL_MS, csrfOf, looksLikeToken, newToken, tokenHash } from '../domain/sign-in-tokens.ts';

export { createSignInLink } from '../domain/sign-in-link.ts';

export type LinkRefusal = 'unknown' | 'expired' | 'used';
export type Session = { personId: number | null; csrf: string; expiresAt: Date };

/**
 * Uses a link: one UPDATE that succeeds only for an unused, unexpired link, so two clicks at once
 * cannot both sign in. On refusal, says why (a person should hear "expired" or "used", not "wrong").
 */
export async function redeemSignInLink(tx: Tx, token: unknown, now: Date): Promise<{ ok: true; personId: number | null } | { ok: false; refusal: LinkRefusal }> {
  if (!looksLikeToken(token)) return { ok: false, refusal: 'unknown' };
  const hash = tokenHash(token);
  const used = await tx.run('UPDATE console_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', [now, hash, now]);
  const link = await tx.get<Pick<ConsoleLink, 'personId' | 'usedAt' | 'expiresAt'>>('SELECT person_id, used_at, expires_at FROM console_links WHERE token_hash = ?', [hash]);
  if (!link) return { ok: false, refusal: 'unknown' };
  if (used === 1) return { ok: true, personId: link.personId };
  return { ok: false, refusal: link.usedAt !== null ? 'used' : 'expired' };
}

export async function createSession(tx: Tx, personId: number | null, now: Date): Promise<{ token: string; session: Session }> {
  await tx.run('DELETE FROM console_sessions WHERE expires_at < ?', [now]);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await tx.run('INSERT INTO console_sessions (token_hash, person_id, expires_at, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)', [
    tokenHash(token),
    personId,
    expiresAt,
    now,
    now,
  ]);
  return { token, session: { personId, csrf: csrfOf(token), expiresAt } };
}

/** The session of a cookie, renewed for another 8 hours while used; null when unknown or expired. */
export async function findSession(tx: Tx, token: unknown, now: Date): Promise<Session | null> {
  if (!looksLikeToken(token)) return null;
  const hash = tokenHash(token);
  const row = await tx.get<Pick<ConsoleSession, 'personId' | 'expiresAt' | 'lastSeenAt'>>(
    'SELECT person_id, expires_at, last_seen_at FROM console_sessions WHERE token_hash = ?',
    [hash],
  );
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  let expiresAt = row.expiresAt;
  if (now.getTime() - row.lastSeenAt.getTime() >= RENEW_AFTER_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await tx.run('UPDATE console_sessions SET expires_at = ?, last_seen_at = ? WHERE token_hash = ?', [expiresAt, now, hash]);
  }
  return { personId: row.personId, csrf: csrfOf(token), expiresAt };
}

export async function endSession(tx: Tx, token: unknown): Promise<void> {
  if (looksLikeToken(token)) await tx.run('DELETE FROM console_sessions WHERE token_hash = ?', [tokenHash(token)]);
}
