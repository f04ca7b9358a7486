import type { Tx } from '../db/sql.ts';
import { LINK_TTL_MS, newToken, tokenHash } from './sign-in-tokens.ts';

// Here, below bot and console, because the bot makes the link (登录) and the console redeems it.

/** A one-time sign-in link's token for an official (null: the admin). Old rows are swept on the way. */
export async function createSignInLink(tx: Tx, personId: number | null, now: Date): Promise<string> {
  await tx.run('DELETE FROM console_links WHERE expires_at < ?', [new Date(now.getTime() - 24 * 3600 * 1000)]);
  const token = newToken();
  await tx.run('INSERT INTO console_links (token_hash, person_id, expires_at, created_at) VALUES (?, ?, ?, ?)', [
    tokenHash(token),
    personId,
    new Date(now.getTime() + LINK_TTL_MS),
    now,
  ]);
  return token;
}

