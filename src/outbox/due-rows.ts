import type { OutboxMessage } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';

/**
 * One page of rows that may be sent now: each the oldest undelivered row of its conversation
 * (order key), pending and due, or left in `sending` by a process whose lease ran out. Bounded by
 * `limit` whatever the backlog (a list of ids per waiting conversation once outgrew SQLite's limit
 * of bound values and stalled every reply); paged by id so rows this process declines cannot hide
 * the ones behind them. A `held` row (微信客服, waiting for the resident) holds its conversation.
 */
export function dueRows(tx: Tx, now: Date, afterId: number, limit: number): Promise<OutboxMessage[]> {
  return tx.all<OutboxMessage>(
    `SELECT o.* FROM outbox_messages o
      WHERE o.id > ?
        AND ((o.status = 'pending' AND o.not_before <= ?) OR (o.status = 'sending' AND o.lease_until < ?))
        AND NOT EXISTS (
          SELECT 1 FROM outbox_messages p
           WHERE p.order_key = o.order_key AND p.status IN ('pending', 'sending', 'held') AND p.id < o.id)
      ORDER BY o.id
      LIMIT ?`,
    [afterId, now, now, limit],
  );
}

/** The oldest due row's age, for /metrics and alerts (0 when nothing waits). */
export async function oldestDueAgeMs(tx: Tx, now: Date): Promise<number> {
  const row = await tx.get<{ firstAt: Date | null }>(
    `SELECT min(not_before) AS first_at FROM outbox_messages WHERE status IN ('pending', 'sending') AND not_before <= ?`,
    [now],
  );
  return row?.firstAt ? Math.max(0, now.getTime() - row.firstAt.getTime()) : 0;
}
