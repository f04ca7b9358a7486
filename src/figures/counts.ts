import type { Tx } from '../db/sql.ts';
import { byCommunity, total, totals, type ByCommunity } from './by-community.ts';
import { CONFIRMED, FINISHED, TAKEN_ON, UNFINISHED, sqlList } from './event-types.ts';
import type { Span } from './period.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

export type Moved = { claimed: number; done: number; confirmed: number };
export const NO_MOVES: Moved = { claimed: 0, done: 0, confirmed: 0 };

/** 新提出: items created in the span, per community (along created_at). */
export async function countCreatedByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<number>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  const rows = await tx.all<{ communityId: number; n: number }>(
    `SELECT i.community_id, count(*) AS n FROM items i WHERE i.created_at >= ? AND i.created_at < ?${s.sql} GROUP BY i.community_id`,
    [span.from, span.to, ...s.params],
  );
  return byCommunity(rows, (r) => r.n);
}

export async function countCreated(tx: Tx, scope: Scope, span: Span): Promise<number> {
  return total(await countCreatedByCommunity(tx, scope, span));
}

/** 认领, 办结, 确认: items with such an event in the span, each item once, per community. */
export async function countMovedByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<Moved>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  // Along item_events (type, created_at): the span's events only, each joined to its item.
  const rows = await tx.all<Moved & { communityId: number }>(
    `SELECT i.community_id,
            count(DISTINCT CASE WHEN e.type IN ${sqlList(TAKEN_ON)} THEN e.item_id END) AS claimed,
            count(DISTINCT CASE WHEN e.type IN ${sqlList(FINISHED)} THEN e.item_id END) AS done,
            count(DISTINCT CASE WHEN e.type IN ${sqlList(CONFIRMED)} THEN e.item_id END) AS confirmed
       FROM item_events e JOIN items i ON i.id = e.item_id
      WHERE e.type IN ${sqlList([...TAKEN_ON, ...FINISHED, ...CONFIRMED])}
        AND e.created_at >= ? AND e.created_at < ?${s.sql}
      GROUP BY i.community_id`,
    [span.from, span.to, ...s.params],
  );
  return byCommunity(rows, (r) => ({ claimed: r.claimed, done: r.done, confirmed: r.confirmed }));
}

export async function countMoved(tx: Tx, scope: Scope, span: Span): Promise<Moved> {
  return totals(await countMovedByCommunity(tx, scope, span), NO_MOVES);
}

/**
 * 超期: unfinished at `asOf` with the deadline passed by then, per community. Now, that is the
 * items' status; for a moment in the past, the status the timeline had reached by then.
 */
export async function countOverdueByCommunity(tx: Tx, scope: Scope, asOf: Date, now: Date): Promise<ByCommunity<number>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  if (asOf.getTime() >= now.getTime()) {
    const rows = await tx.all<{ communityId: number; n: number }>(
      `SELECT i.community_id, count(*) AS n FROM items i
        WHERE i.status IN ${sqlList(UNFINISHED)} AND i.deadline_at < ?${s.sql} GROUP BY i.community_id`,
      [asOf, ...s.params],
    );
    return byCommunity(rows, (r) => r.n);
  }
  // Only items that may have been unfinished then are looked up in the timeline: one done or closed
  // before `asOf` was finished then (closed_at and done_at are cleared when an item is reopened).
  const rows = await tx.all<{ communityId: number; n: number }>(
    `SELECT i.community_id, count(*) AS n FROM items i
      WHERE i.deadline_at < ? AND i.created_at < ?${s.sql}
        AND (i.closed_at IS NULL OR i.closed_at >= ?) AND (i.done_at IS NULL OR i.done_at >= ?)
        AND (SELECT e.to_status FROM item_events e
              WHERE e.item_id = i.id AND e.to_status IS NOT NULL AND e.created_at < ?
              ORDER BY e.id DESC LIMIT 1) IN ${sqlList(UNFINISHED)}
      GROUP BY i.community_id`,
    [asOf, asOf, ...s.params, asOf, asOf, asOf],
  );
  return byCommunity(rows, (r) => r.n);
}

export async function countOverdue(tx: Tx, scope: Scope, asOf: Date, now: Date): Promise<number> {
  return total(await countOverdueByCommunity(tx, scope, asOf, now));
}
