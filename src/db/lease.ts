import type { Db } from './client.ts';
import { isUniqueViolation } from './errors.ts';

/**
 * A named lease that one process holds at a time, for things a platform allows only once (the
 * WeCom smart robot's long connection). The holder renews it; when it dies, the lease runs out and
 * another process takes over.
 */
export async function tryAcquireLease(db: Db, name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.lease.updateMany({
    where: { name, OR: [{ owner }, { expiresAt: { lt: now } }] },
    data: { owner, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, owner, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, owner } });
}

export async function leaseHolder(db: Db, name: string, now: Date): Promise<string | null> {
  const lease = await db.lease.findUnique({ where: { name } });
  return lease && lease.expiresAt > now ? lease.owner : null;
}
