import type { Tx } from '../db/sql.ts';
import { CONFIRMED, FINISHED, sqlList } from './event-types.ts';
import type { Span } from './period-figures.ts';
import { lastRatingsSql } from './period-figures.ts';
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

/** The last event of these types per item within the span (highest id: the order they happened in), set-wise. */
const lastInSpan = (types: readonly string[]) => `(SELECT max(id) AS id FROM item_events
        WHERE type IN ${sqlList(types)} AND created_at >= ? AND created_at < ? GROUP BY item_id) last
      JOIN item_events e ON e.id = last.id`;

/** The whole board for a span, ordered: 办结, 确认, 认领 (more first), then who joined first. */
export async function pioneers(tx: Tx, scope: Scope, span: Span): Promise<Pioneer[]> {
  if (isEmptyScope(scope)) return [];
  const s = scopeSql(scope);
  const window = [span.from, span.to];
  const credit = (types: readonly string[], who: string) =>
    tx.all<{ personId: number | null; name: string | null; n: number }>(
      `SELECT x.person_id, p.name, count(*) AS n FROM (
         SELECT ${who} AS person_id
           FROM ${lastInSpan(types)} JOIN items i ON i.id = e.item_id
          WHERE 1 = 1${s.sql}
       ) x LEFT JOIN people p ON p.id = x.person_id GROUP BY x.person_id, p.name`,
      [...window, ...s.params],
    );
  const [claimed, done, confirmed, rated] = await Promise.all([
    credit(['claimed'], 'e.actor_id'),
    credit(FINISHED, 'e.actor_id'),
    credit(CONFIRMED, FINISHER),
    tx.all<{ personId: number | null; name: string | null; n: number; total: number }>(
      `SELECT x.person_id, p.name, count(*) AS n, sum(x.rating) AS total FROM (
         SELECT ${FINISHER} AS person_id, e.rating AS rating ${lastRatingsSql(s.sql)}
       ) x LEFT JOIN people p ON p.id = x.person_id GROUP BY x.person_id, p.name`,
      [...window, ...s.params],
    ),
  ]);

  const board = new Map<number, Pioneer & { total: number }>();
  const entry = (r: { personId: number; name: string | null }) => {
    let p = board.get(r.personId);
    if (!p) {
      p = { personId: r.personId, name: r.name ?? '志愿者', claimed: 0, done: 0, confirmed: 0, ratings: 0, averageRating: null, total: 0 };
      board.set(r.personId, p);
    }
    return p;
  };
  // A null person: an item whose finisher is unknown (no 办结 before a confirmation in old data).
  const known = <R extends { personId: number | null }>(rows: R[]) => rows.filter((r): r is R & { personId: number } => r.personId !== null);
  for (const r of known(claimed)) entry(r).claimed = r.n;
  for (const r of known(done)) entry(r).done = r.n;
  for (const r of known(confirmed)) entry(r).confirmed = r.n;
  for (const r of known(rated)) {
    const p = entry(r);
    p.ratings = r.n;
    p.total = Number(r.total);
  }
  return [...board.values()]
    .map(({ total, ...p }) => ({ ...p, averageRating: p.ratings > 0 ? total / p.ratings : null }))
    .sort((a, b) => b.done - a.done || b.confirmed - a.confirmed || b.claimed - a.claimed || a.personId - b.personId);
}
