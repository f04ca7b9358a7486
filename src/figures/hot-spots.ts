import type { Tx } from '../db/sql.ts';
import { UNFINISHED, sqlList } from './event-types.ts';
import { listsByCommunity, type ByCommunity } from './by-community.ts';
import type { Span } from './period.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

/** A place or category and how much it came up in a span (docs/figures.md "热点"). */
export type HotSpot = { key: string; reports: number; supporters: number; repeats: number };

export const NO_PLACE = '未填地点';
export const NO_CATEGORY = '未分类';

/**
 * Reports created in the span, grouped by place or category: reports (merged duplicates left out:
 * their residents are +1s of the report they joined), +1s on them, and repeats (merged duplicates,
 * reports that came back after being confirmed). Ranked by reports plus +1s.
 */
export async function hotSpots(tx: Tx, scope: Scope, span: Span, by: 'place' | 'category', limit = 10): Promise<HotSpot[]> {
  if (isEmptyScope(scope)) return [];
  const s = scopeSql(scope);
  const column = by === 'place' ? 'i.place' : 'i.category';
  const where = `i.kind = 'report' AND i.created_at >= ? AND i.created_at < ?${s.sql}`;
  const params = [span.from, span.to, ...s.params];
  const [items, supporters] = await Promise.all([
    tx.all<{ key: string | null; reports: number; repeats: number }>(
      `SELECT ${column} AS key,
              sum(CASE WHEN i.status = 'merged' THEN 0 ELSE 1 END) AS reports,
              sum(CASE WHEN i.status = 'merged' OR i.related_to_id IS NOT NULL THEN 1 ELSE 0 END) AS repeats
         FROM items i WHERE ${where} GROUP BY ${column}`,
      params,
    ),
    tx.all<{ key: string | null; n: number }>(
      `SELECT ${column} AS key, count(*) AS n FROM item_supporters s JOIN items i ON i.id = s.item_id
        WHERE ${where} AND i.status <> 'merged' GROUP BY ${column}`,
      params,
    ),
  ]);
  // Places are free text: "3号楼 " and "3号楼" are one place.
  const blank = by === 'place' ? NO_PLACE : NO_CATEGORY;
  const spots = new Map<string, HotSpot>();
  const spot = (raw: string | null) => {
    const key = raw?.trim() || blank;
    let h = spots.get(key);
    if (!h) spots.set(key, (h = { key, reports: 0, supporters: 0, repeats: 0 }));
    return h;
  };
  for (const r of items) {
    const h = spot(r.key);
    h.reports += Number(r.reports);
    h.repeats += Number(r.repeats);
  }
  for (const r of supporters) spot(r.key).supporters += r.n;
  return [...spots.values()]
    .sort((a, b) => b.reports + b.supporters - (a.reports + a.supporters) || b.repeats - a.repeats || a.key.localeCompare(b.key, 'zh'))
    .slice(0, limit);
}

export type HotItem = { id: number; kind: string; text: string; createdAt: Date; supporters: number; submitterName: string | null };

/**
 * 热点事项 (official digest): reports still open or in progress with the most +1, now; the first
 * `limit` of each community of the scope. The +1s are counted once over item_supporters (its key
 * alone), then matched to the unfinished reports: CROSS JOIN keeps SQLite's planner from walking
 * every unfinished item instead (few items have +1s; many are unfinished).
 */
export async function hotItemsByCommunity(tx: Tx, scope: Scope, limit: number): Promise<ByCommunity<HotItem[]>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  const rows = await tx.all<HotItem & { communityId: number }>(
    `SELECT h.community_id, h.id, h.kind, h.text, h.created_at, h.supporters,
            COALESCE(h.on_behalf_of, (SELECT sp.name FROM people sp WHERE sp.id = h.submitter_id)) AS submitter_name FROM (
       SELECT i.community_id AS community_id, i.id AS id, i.kind AS kind, i.text AS text, i.created_at AS created_at, s.n AS supporters,
              i.submitter_id AS submitter_id, i.on_behalf_of AS on_behalf_of,
              row_number() OVER (PARTITION BY i.community_id ORDER BY s.n DESC, i.id ASC) AS row_no
         FROM (SELECT item_id, count(*) AS n FROM item_supporters GROUP BY item_id) s CROSS JOIN items i
        WHERE i.id = s.item_id AND i.kind = 'report' AND i.status IN ${sqlList(UNFINISHED)}${s.sql}
     ) h
     WHERE h.row_no <= ? ORDER BY h.community_id, h.supporters DESC, h.id`,
    [...s.params, limit],
  );
  return listsByCommunity(rows, (r) => ({ id: r.id, kind: r.kind, text: r.text, createdAt: r.createdAt, supporters: r.supporters, submitterName: r.submitterName }));
}

/** 热点事项 over the scope: the first `limit` of all, which are among the first `limit` of their own community. */
export async function hotItems(tx: Tx, scope: Scope, limit: number): Promise<HotItem[]> {
  const all = [...(await hotItemsByCommunity(tx, scope, limit)).values()].flat();
  return all.sort((a, b) => b.supporters - a.supporters || a.id - b.id).slice(0, limit);
}
