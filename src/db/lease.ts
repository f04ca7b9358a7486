import { isUniqueViolation, type Tx } from './sql.ts';

/**
 * A named lease that one process holds at a time, for things a platform allows only once (the
 * WeCom smart robot's long connection, pulling one 微信客服 account). The holder renews it; when it
 * dies, the lease runs out and another process takes over.
 */
export async function tryAcquireLease(db: Tx, name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.run('UPDATE leases SET owner = ?, expires_at = ? WHERE name = ? AND (owner = ? OR expires_at < ?)', [
    owner,
    expiresAt,
    name,
    owner,
    now,
  ]);
  if (taken === 1) return true;
  try {
    return (await db.run('INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [name, owner, expiresAt])) === 1;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function releaseLease(db: Tx, name: string, owner: string): Promise<void> {
  await db.run('DELETE FROM leases WHERE name = ? AND owner = ?', [name, owner]);
}

export async function leaseHolder(db: Tx, name: string, now: Date): Promise<string | null> {
  const lease = await db.get<{ owner: string; expiresAt: Date }>('SELECT owner, expires_at FROM leases WHERE name = ?', [name]);
  return lease && lease.expiresAt > now ? lease.owner : null;
}
