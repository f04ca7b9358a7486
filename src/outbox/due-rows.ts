import type { OutboxMessage } from '../db/rows.ts';
import { inList, PLAN_EACH_TIME, unindexed, type Tx } from '../db/sql.ts';

/** Where the last page ended: rows are read in (not_before, id) order. */
export type DueCursor = { notBefore: Date; id: number } | null;

// The oldest undelivered row of its conversation (order key): only that one may go. A `held` row
// (微信客服, waiting for the resident) holds its conversation too.
const HEAD = `NOT EXISTS (
  SELECT 1 FROM outbox_messages p
   WHERE p.order_key = o.order_key AND p.status IN ('pending', 'sending', 'held') AND p.id < o.id)`;

/**
 * One page of pending rows that are due and head their conversation, oldest due first. Bounded by
 * `limit` whatever the backlog (a list of ids per waiting conversation once outgrew SQLite's limit
 * of bound values and stalled every reply), and read along the (status, not_before, id) index, so a
 * page costs its own rows, not the backlog's; paged by a cursor so that rows this process declines
 * cannot hide the ones behind them.
 */
export function dueRows(tx: Tx, now: Date, after: DueCursor, limit: number): Promise<OutboxMessage[]> {
  return after
    ? tx.all<OutboxMessage>(
        `${PLAN_EACH_TIME} SELECT o.* FROM outbox_messages o
          WHERE o.status = 'pending' AND o.not_before <= ? AND (o.not_before, o.id) > (?, ?) AND ${HEAD}
          ORDER BY o.not_before, o.id LIMIT ?`,
        [now, after.notBefore, after.id, limit],
      )
    : tx.all<OutboxMessage>(
        `${PLAN_EACH_TIME} SELECT o.* FROM outbox_messages o
          WHERE o.status = 'pending' AND o.not_before <= ? AND ${HEAD}
          ORDER BY o.not_before, o.id LIMIT ?`,
        [now, limit],
      );
}

/**
 * The given rows that still wait (pending), each with the earliest undelivered row of its
 * conversation before it (`blocker`, null when it heads the conversation now): the rows a process
 * has just written, read by id rather than along the whole outbox.
 */
export function waitingRows(tx: Tx, ids: readonly number[]): Promise<Array<OutboxMessage & { blocker: number | null }>> {
  return tx.all<OutboxMessage & { blocker: number | null }>(
    `${PLAN_EACH_TIME} SELECT o.*, (SELECT min(p.id) FROM outbox_messages p
        WHERE p.order_key = o.order_key AND p.status IN ('pending', 'sending', 'held') AND p.id < o.id) AS blocker
      FROM outbox_messages o WHERE o.id IN ${inList(ids.length)} AND ${unindexed('o.status')} = 'pending' ORDER BY o.id`,
    ids,
  );
}

/** Rows left in `sending` by a process whose lease ran out (it died mid-send): few, read apart. */
export function expiredLeases(tx: Tx, now: Date, limit: number): Promise<OutboxMessage[]> {
  return tx.all<OutboxMessage>(
    `${PLAN_EACH_TIME} SELECT o.* FROM outbox_messages o WHERE o.status = 'sending' AND o.lease_until < ? AND ${HEAD} ORDER BY o.id LIMIT ?`,
    [now, limit],
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
