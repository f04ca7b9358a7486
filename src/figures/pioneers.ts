import type { Tx } from '../db/sql.ts';
import { CONFIRMED, FINISHED, sqlList } from './event-types.ts';
import type { ByCommunity } from './by-community.ts';
import type { Span } from './period.ts';
import { lastRatingsSql } from './shares.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

/** One line of the 先锋榜 (docs/figures.md): each item credited to one person at most. */
export type Pioneer = {
  personId: number;
  name: string;
  claimed: number;
  done: number;
  confirmed: number;
  ratings: number;
  averageRating: number | null;
};

/** The person who made an event's item's last 办结 before that event. */
const FINISHER = `(SELECT d.actor_id FROM item_events d
                   WHERE d.item_id = e.item_id AND d.type IN ${sqlList(FINISHED)} AND d.id < e.id
                   ORDER BY d.id DESC LIMIT 1)`;

/**
 * The last event of these types per item within the span (highest id: the order they happened in),
 * set-wise, in one pass over the span's events (a max-per-item joined back to item_events made
 * PostgreSQL scan the whole table at a million items).
 */
const lastInSpan = (types: readonly string[]) => `(SELECT id, item_id, actor_id FROM (
         SELECT id, item_id, actor_id, row_number() OVER (PARTITION BY item_id ORDER BY id DESC) AS rn FROM item_events
          WHERE type IN ${sqlList(types)} AND created_at >= ? AND created_at < ?) ranked
        WHERE ranked.rn = 1) e`;

type Credits = Pioneer & { total: number };

/**
 * Each community's credits (by-community.ts): one query per column for every community of the
 * scope. An item belongs to one community, so a person's credits in several add up.
 */
async function creditsByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<Map<number, Credits>>> {
  const s = scopeSql(scope);
  const window = [span.from, span.to];
  type Row = { communityId: number; personId: number | null; name: string | null; n: number; total?: number };
  const credit = (types: readonly string[], who: string) =>
    tx.all<Row>(
      `SELECT c.community_id, c.person_id, p.name, c.n FROM (
         SELECT x.community_id, x.person_id, count(*) AS n FROM (
           SELECT i.community_id AS community_id, ${who} AS person_id
             FROM ${lastInSpan(types)} JOIN items i ON i.id = e.item_id
            WHERE 1 = 1${s.sql}
         ) x GROUP BY x.community_id, x.person_id
       ) c LEFT JOIN people p ON p.id = c.person_id`,
      [...window, ...s.params],
    );
  const [claimed, done, confirmed, rated] = await Promise.all([
    credit(['claimed'], 'e.actor_id'),
    credit(FINISHED, 'e.actor_id'),
    credit(CONFIRMED, FINISHER),
    tx.all<Row>(
      `SELECT x.community_id, x.person_id, p.name, count(*) AS n, sum(x.rating) AS total FROM (
         SELECT i.community_id AS community_id, ${FINISHER} AS person_id, e.rating AS rating ${lastRatingsSql(s.sql)}
       ) x LEFT JOIN people p ON p.id = x.person_id GROUP BY x.community_id, x.person_id, p.name`,
      [...window, ...s.params],
    ),
  ]);

  const boards: ByCommunity<Map<number, Credits>> = new Map();
  const entry = (r: Row & { personId: number }) => {
    let board = boards.get(r.communityId);
    if (!board) boards.set(r.communityId, (board = new Map()));
    let p = board.get(r.personId);
    if (!p) {
      p = { personId: r.personId, name: r.name ?? '志愿者', claimed: 0, done: 0, confirmed: 0, ratings: 0, averageRating: null, total: 0 };
      board.set(r.personId, p);
    }
    return p;
  };
  // A null person: an item whose finisher is unknown (no 办结 before a confirmation in old data).
  const known = (rows: Row[]) => rows.filter((r): r is Row & { personId: number } => r.personId !== null);
  for (const r of known(claimed)) entry(r).claimed = r.n;
  for (const r of known(done)) entry(r).done = r.n;
  for (const r of known(confirmed)) entry(r).confirmed = r.n;
  for (const r of known(rated)) {
    const p = entry(r);
    p.ratings = r.n;
    p.total = Number(r.total);
  }
  return boards;
}

/** A board in its order: 办结, 确认, 认领 (more first), then who joined first. */
function ranked(board: Iterable<Credits>): Pioneer[] {
  return [...board]
    .map(({ total, ...p }) => ({ ...p, averageRating: p.ratings > 0 ? total / p.ratings : null }))
    .sort((a, b) => b.done - a.done || b.confirmed - a.confirmed || b.claimed - a.claimed || a.personId - b.personId);
}

/** Each community's whole board for a span; communities with no credits are absent. */
export async function pioneersByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<Pioneer[]>> {
  if (isEmptyScope(scope)) return new Map();
  const boards = await creditsByCommunity(tx, scope, span);
  return new Map([...boards].map(([id, board]) => [id, ranked(board.values())]));
}

/** The whole board for a span over the scope: each person's credits in its communities added up. */
export async function pioneers(tx: Tx, scope: Scope, span: Span): Promise<Pioneer[]> {
  if (isEmptyScope(scope)) return [];
  const merged = new Map<number, Credits>();
  for (const board of (await creditsByCommunity(tx, scope, span)).values()) {
    for (const c of board.values()) {
      const m = merged.get(c.personId);
      if (!m) merged.set(c.personId, { ...c });
      else {
        m.claimed += c.claimed;
        m.done += c.done;
        m.confirmed += c.confirmed;
        m.ratings += c.ratings;
        m.total += c.total;
      }
    }
  }
  return ranked(merged.values());
}
