import type { Tx } from '../db/sql.ts';
import { listsByCommunity, type ByCommunity } from './by-community.ts';
import { FINISHED, sqlList } from './event-types.ts';
import { median } from './median.ts';
import type { Span } from './period.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

/** Over items first taken on in the span: seconds from 提出 to that first 认领 or 指派, per community. */
export async function claimSecondsByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<number[]>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  const rows = await tx.all<{ communityId: number; s: number }>(
    `SELECT i.community_id, i.claim_seconds AS s FROM items i
      WHERE i.claimed_at >= ? AND i.claimed_at < ? AND i.claim_seconds IS NOT NULL${s.sql}`,
    [span.from, span.to, ...s.params],
  );
  return listsByCommunity(rows, (r) => r.s);
}

/**
 * Over the items counted in 办结: seconds from 提出 to their last 办结 in the span, per community.
 * Computed here rather than in SQL: date arithmetic differs between the two databases
 * (DEVELOPERS.md, writing SQL, rule 3).
 */
export async function doneSecondsByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<number[]>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  const rows = await tx.all<{ communityId: number; createdAt: Date; doneAt: Date }>(
    `SELECT i.community_id, i.created_at AS created_at, max(e.created_at) AS done_at
       FROM item_events e JOIN items i ON i.id = e.item_id
      WHERE e.type IN ${sqlList(FINISHED)} AND e.created_at >= ? AND e.created_at < ?${s.sql}
      GROUP BY i.id, i.community_id, i.created_at`,
    [span.from, span.to, ...s.params],
  );
  return listsByCommunity(rows, (r) => Math.max(0, (r.doneAt.getTime() - r.createdAt.getTime()) / 1000));
}

/** Each community's median of its values. */
export function mediansOf(m: ByCommunity<number[]>): ByCommunity<number | null> {
  return new Map([...m].map(([id, values]) => [id, median(values)]));
}

/** The scope's median: over every community's values together (a median of medians is not one). */
export function medianOfAll(m: ByCommunity<number[]>): number | null {
  return median([...m.values()].flat());
}
