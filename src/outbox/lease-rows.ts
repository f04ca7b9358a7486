import type { OutboxMessage } from '../db/rows.ts';
import { inList, unindexed, type Db, type Tx } from '../db/sql.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { recordOutcome } from './record-outcome.ts';

/** A row to lease, with the rate limit its target is under (looked up before the transaction). */
export type Candidate = { row: OutboxMessage; limit: { key: string; perMinute: number } | null };

/**
 * Leases rows in one transaction, each by compare-and-set on what was read (two processes that
 * read the same row cannot both lease it), and takes each one's rate slot in the same transaction:
 * a row whose target has no slot now goes back to wait for it, spending no attempt. Returns the
 * rows this process now holds.
 */
export async function leaseRows(
  o: { db: Db; rateLimiter: RateLimiter; owner: string; leaseMs: number },
  candidates: Candidate[],
  now: Date,
): Promise<Candidate[]> {
  if (candidates.length === 0) return [];
  const until = new Date(now.getTime() + o.leaseMs);
  const lease = async (tx: Tx): Promise<Candidate[]> => {
    // Rows read as waiting and never leased, without a rate limit (most): one compare-and-set for all.
    const plain = new Set(candidates.filter((c) => c.limit === null && c.row.status === 'pending' && c.row.leaseUntil === null));
    const plainIds = [...plain].map((c) => c.row.id);
    const took = new Set<number>();
    for (let i = 0; i < plainIds.length; i += 500) {
      const ids = plainIds.slice(i, i + 500);
      const rows = await tx.all<{ id: number }>(
        `UPDATE outbox_messages SET status = 'sending', lease_owner = ?, lease_until = ?
          WHERE id IN ${inList(ids.length)} AND ${unindexed('status')} = 'pending' AND lease_until IS NULL RETURNING id`,
        [o.owner, until, ...ids],
      );
      for (const r of rows) took.add(r.id);
    }
    const held: Candidate[] = [];
    for (const c of candidates) {
      if (plain.has(c)) {
        if (took.has(c.row.id)) held.push(c);
        continue;
      }
      const { row, limit } = c;
      const leased = await tx.run(
        `UPDATE outbox_messages SET status = 'sending', lease_owner = ?, lease_until = ?
          WHERE id = ? AND status = ? AND ${row.leaseUntil ? 'lease_until = ?' : 'lease_until IS NULL'}`,
        row.leaseUntil ? [o.owner, until, row.id, row.status, row.leaseUntil] : [o.owner, until, row.id, row.status],
      );
      if (leased !== 1) continue;
      if (limit) {
        const slot = await o.rateLimiter.reserveIn(tx, limit.key, limit.perMinute, now);
        if (!slot.ok) {
          await recordOutcome(tx, row.id, o.owner, { kind: 'wait', notBefore: slot.retryAt }, now);
          continue;
        }
      }
      held.push(c);
    }
    return held;
  };
  // A plain row's lease is one compare-and-set that stands alone: without a rate slot to take with
  // it, no transaction (on PostgreSQL, BEGIN and COMMIT are two round trips more than the UPDATE).
  const alone = candidates.length <= 500 && candidates.every((c) => c.limit === null && c.row.status === 'pending' && c.row.leaseUntil === null);
  return alone ? lease(o.db) : o.db.transaction(lease);
}
