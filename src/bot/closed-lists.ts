import type { Item } from '../db/rows.ts';
import { inList, type Tx } from '../db/sql.ts';
import { roleIn, type Actor } from '../domain/actor.ts';
import { publicText } from './public-view.ts';
import { statsPeriod, type StatsSpan } from './stats-span.ts';
import { closedViews } from './texts/closed-views.ts';

const LIMIT = 15;

/**
 * "把这周办好的事情发我 我要写周报", "这周有哪些居民不满意退回来的 列一下": an official's list of what
 * was finished in a stretch (this week unless another is named), or of what residents were unhappy
 * with in it (sent back, reopened after confirming, or rated low). Null for anyone who is no official of these communities.
 */
export async function describeClosed(tx: Tx, actor: Actor, communityIds: number[], now: Date, timeZone: string, which: 'done' | 'unhappy', span: StatsSpan = 'week'): Promise<string | null> {
  const mine = communityIds.filter((c) => roleIn(actor, c) === 'official');
  if (mine.length === 0) return null;
  const { period, label } = statsPeriod(span, now, timeZone);
  type Row = Pick<Item, 'id' | 'kind' | 'text' | 'status' | 'rating'> & { holder: string | null; submitter: string | null; total: number };
  const rows =
    which === 'done'
      ? await tx.all<Row>(
          `SELECT i.id, i.kind, i.text, i.status, i.rating, coalesce(p.name, i.assigned_unit) AS holder, s.name AS submitter, count(*) OVER () AS total
           FROM items i LEFT JOIN people p ON p.id = i.claimant_id LEFT JOIN people s ON s.id = i.submitter_id
           WHERE i.community_id IN ${inList(mine.length)} AND i.done_at >= ? AND i.done_at < ? AND i.status IN ('done', 'confirmed')
           ORDER BY i.done_at, i.id LIMIT ?`,
          [...mine, period.from, period.to, LIMIT],
        )
      : await tx.all<Row>(
          `SELECT i.id, i.kind, i.text, i.status, i.rating, coalesce(p.name, i.assigned_unit) AS holder, s.name AS submitter, count(*) OVER () AS total
           FROM items i LEFT JOIN people p ON p.id = i.claimant_id LEFT JOIN people s ON s.id = i.submitter_id
           WHERE i.community_id IN ${inList(mine.length)}
             AND EXISTS (SELECT 1 FROM item_events e WHERE e.item_id = i.id AND e.created_at >= ? AND e.created_at < ?
                         AND (e.type IN ('disputed', 'rated_low') OR (e.type = 'reopened' AND (e.actor_id IS NULL OR e.actor_id = i.submitter_id))))
           ORDER BY i.id LIMIT ?`,
          [...mine, period.from, period.to, LIMIT],
        );
  const total = rows[0]?.total ?? 0;
  const items = rows.map((r) => ({ id: r.id, kind: r.kind, text: publicText(r, r.submitter ? [r.submitter] : []), status: r.status, rating: r.rating, holder: r.holder }));
  return which === 'done' ? closedViews.done(label, items, Number(total)) : closedViews.unhappy(label, items, Number(total));
}
