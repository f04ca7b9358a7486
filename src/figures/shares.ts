import type { Tx } from '../db/sql.ts';
import { byCommunity, totals, type ByCommunity } from './by-community.ts';
import { ENDED_UNTAKEN, RATED, sqlList } from './event-types.ts';
import type { Span } from './period.ts';
import type { Ratio } from './ratio.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

/** 满意率 (the share rated 4–5) with the average of the same ratings. */
export type Satisfaction = Ratio & { average: number | null };
/** What 满意率 is made of, so communities add up: the sum of the ratings rather than their average. */
type Ratings = { part: number; whole: number; total: number };
const NO_RATINGS: Ratings = { part: 0, whole: 0, total: 0 };

/**
 * 及时率 over the items whose promised answer time fell in the span, per community. Items recorded
 * before the receipt's promise was stored (answer_due_at null) were promised ANSWER_HOURS after 提出.
 */
export async function answeredInTimeByCommunity(tx: Tx, scope: Scope, span: Span, answerHours: number): Promise<ByCommunity<Ratio>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  const byDue = scopeSql(scope, 'i', true);
  const window = answerHours * 3600;
  const shift = (d: Date) => new Date(d.getTime() - window * 1000);
  const untaken = `NOT (i.claimed_at IS NULL AND i.status IN ${sqlList(ENDED_UNTAKEN)})`;
  // The two promises as two disjoint halves, each along items (answer_due_at, created_at): a stored
  // promise in the span; no stored promise, and 提出 ANSWER_HOURS before the span.
  const rows = await tx.all<{ communityId: number; whole: number; part: number | null }>(
    `SELECT d.community_id, count(*) AS whole, sum(d.in_time) AS part FROM (
       SELECT i.community_id AS community_id,
              CASE WHEN i.claimed_at IS NOT NULL AND i.claimed_at <= i.answer_due_at THEN 1 ELSE 0 END AS in_time
         FROM items i
        WHERE i.answer_due_at >= ? AND i.answer_due_at < ? AND ${untaken}${byDue.sql}
       UNION ALL
       SELECT i.community_id AS community_id,
              CASE WHEN i.claimed_at IS NOT NULL AND i.claim_seconds <= ? THEN 1 ELSE 0 END AS in_time
         FROM items i
        WHERE i.answer_due_at IS NULL AND i.created_at >= ? AND i.created_at < ? AND ${untaken}${s.sql}
     ) d GROUP BY d.community_id`,
    [span.from, span.to, ...s.params, window, shift(span.from), shift(span.to), ...s.params],
  );
  return byCommunity(rows, (r) => ({ part: Number(r.part ?? 0), whole: r.whole }));
}

export async function answeredInTime(tx: Tx, scope: Scope, span: Span, answerHours: number): Promise<Ratio> {
  return totals(await answeredInTimeByCommunity(tx, scope, span, answerHours), { part: 0, whole: 0 });
}

/** The ratings that count in a span: each item's last rating given within it (docs/figures.md "Ratings"). */
export function lastRatingsSql(scopeClause: string, join = ''): string {
  // Each item's last rating in the span, found set-wise (one pass over the span's ratings) rather than
  // by a lookup per rating, which a planner without statistics ran along the wrong index.
  return `FROM (SELECT max(id) AS id FROM item_events
                 WHERE type IN ${sqlList(RATED)} AND rating IS NOT NULL AND created_at >= ? AND created_at < ?
                 GROUP BY item_id) last
       JOIN item_events e ON e.id = last.id JOIN items i ON i.id = e.item_id${join}
     WHERE 1 = 1${scopeClause}`;
}

async function ratingsByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<Ratings>> {
  if (isEmptyScope(scope)) return new Map();
  const s = scopeSql(scope);
  const rows = await tx.all<{ communityId: number; whole: number; part: number | null; total: number | null }>(
    `SELECT i.community_id, count(*) AS whole, sum(CASE WHEN e.rating >= 4 THEN 1 ELSE 0 END) AS part, sum(e.rating) AS total
     ${lastRatingsSql(s.sql)} GROUP BY i.community_id`,
    [span.from, span.to, ...s.params],
  );
  return byCommunity(rows, (r) => ({ part: Number(r.part ?? 0), whole: r.whole, total: Number(r.total ?? 0) }));
}

const satisfactionOfRatings = (r: Ratings): Satisfaction => ({ part: r.part, whole: r.whole, average: r.whole === 0 ? null : r.total / r.whole });

/** 满意率 and the average rating, over the ratings that count in the span, per community. */
export async function satisfactionByCommunity(tx: Tx, scope: Scope, span: Span): Promise<ByCommunity<Satisfaction>> {
  const ratings = await ratingsByCommunity(tx, scope, span);
  return new Map([...ratings].map(([id, r]) => [id, satisfactionOfRatings(r)]));
}

export async function satisfactionOf(tx: Tx, scope: Scope, span: Span): Promise<Satisfaction> {
  return satisfactionOfRatings(totals(await ratingsByCommunity(tx, scope, span), NO_RATINGS));
}
