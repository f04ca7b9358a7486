import type { Tx } from '../db/sql.ts';
import { CONFIRMED, ENDED_UNTAKEN, FINISHED, RATED, TAKEN_ON, UNFINISHED, sqlList } from './event-types.ts';
import { median } from './median.ts';
import type { Ratio } from './ratio.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

/** Instants [from, to): a period, or one bucket of a chart. */
export type Span = { from: Date; to: Date };

/** The figures of one scope over one period, each as docs/figures.md defines it. */
export type PeriodFigures = {
  created: number;
  claimed: number;
  done: number;
  confirmed: number;
  overdue: number;
  medianClaimSeconds: number | null;
  medianDoneSeconds: number | null;
  /** 及时率: items answered (claimed or assigned) by their promised time, of those that fell due. */
  onTime: Ratio;
  /** 满意率: items whose counting rating is 4–5, of those rated; with the average of those ratings. */
  satisfaction: Ratio & { average: number | null };
};

export type FigureSettings = { answerHours: number };

export const NO_FIGURES: PeriodFigures = {
  created: 0,
  claimed: 0,
  done: 0,
  confirmed: 0,
  overdue: 0,
  medianClaimSeconds: null,
  medianDoneSeconds: null,
  onTime: { part: 0, whole: 0 },
  satisfaction: { part: 0, whole: 0, average: null },
};

/** Every figure of a period. A period still running is counted up to `now`. */
export async function periodFigures(tx: Tx, scope: Scope, period: Span, now: Date, settings: FigureSettings): Promise<PeriodFigures> {
  if (isEmptyScope(scope)) return NO_FIGURES;
  const asOf = new Date(Math.min(period.to.getTime(), now.getTime()));
  const span = { from: period.from, to: asOf };
  const [created, moved, overdue, medianClaimSeconds, medianDoneSeconds, onTime, satisfaction] = await Promise.all([
    countCreated(tx, scope, span),
    countMoved(tx, scope, span),
    countOverdue(tx, scope, asOf, now),
    medianClaim(tx, scope, span),
    medianDone(tx, scope, span),
    answeredInTime(tx, scope, span, settings.answerHours),
    satisfactionOf(tx, scope, span),
  ]);
  return { created, ...moved, overdue, medianClaimSeconds, medianDoneSeconds, onTime, satisfaction };
}

/** 新提出: items created in the span. */
export async function countCreated(tx: Tx, scope: Scope, span: Span): Promise<number> {
  if (isEmptyScope(scope)) return 0;
  const s = scopeSql(scope);
  const r = await tx.get<{ n: number }>(
    `SELECT count(*) AS n FROM items i WHERE i.created_at >= ? AND i.created_at < ?${s.sql}`,
    [span.from, span.to, ...s.params],
  );
  return r?.n ?? 0;
}

/** 认领, 办结, 确认: items with such an event in the span, each item once. */
export async function countMoved(tx: Tx, scope: Scope, span: Span): Promise<{ claimed: number; done: number; confirmed: number }> {
  if (isEmptyScope(scope)) return { claimed: 0, done: 0, confirmed: 0 };
  const s = scopeSql(scope);
  const r = await tx.get<{ claimed: number; done: number; confirmed: number }>(
    `SELECT count(DISTINCT CASE WHEN e.type IN ${sqlList(TAKEN_ON)} THEN e.item_id END) AS claimed,
            count(DISTINCT CASE WHEN e.type IN ${sqlList(FINISHED)} THEN e.item_id END) AS done,
            count(DISTINCT CASE WHEN e.type IN ${sqlList(CONFIRMED)} THEN e.item_id END) AS confirmed
       FROM item_events e JOIN items i ON i.id = e.item_id
      WHERE e.type IN ${sqlList([...TAKEN_ON, ...FINISHED, ...CONFIRMED])}
        AND e.created_at >= ? AND e.created_at < ?${s.sql}`,
    [span.from, span.to, ...s.params],
  );
  return { claimed: r?.claimed ?? 0, done: r?.done ?? 0, confirmed: r?.confirmed ?? 0 };
}

/**
 * 超期: unfinished at `asOf` with the deadline passed by then. Now, that is the items' status; for a
 * moment in the past, the status the timeline had reached by then.
 */
export async function countOverdue(tx: Tx, scope: Scope, asOf: Date, now: Date): Promise<number> {
  if (isEmptyScope(scope)) return 0;
  const s = scopeSql(scope);
  if (asOf.getTime() >= now.getTime()) {
    const r = await tx.get<{ n: number }>(
      `SELECT count(*) AS n FROM items i WHERE i.status IN ${sqlList(UNFINISHED)} AND i.deadline_at < ?${s.sql}`,
      [asOf, ...s.params],
    );
    return r?.n ?? 0;
  }
  // Only items that may have been unfinished then are looked up in the timeline: one done or closed
  // before `asOf` was finished then (closed_at and done_at are cleared when an item is reopened).
  const r = await tx.get<{ n: number }>(
    `SELECT count(*) AS n FROM items i
      WHERE i.deadline_at < ? AND i.created_at < ?${s.sql}
        AND (i.closed_at IS NULL OR i.closed_at >= ?) AND (i.done_at IS NULL OR i.done_at >= ?)
        AND (SELECT e.to_status FROM item_events e
              WHERE e.item_id = i.id AND e.to_status IS NOT NULL AND e.created_at < ?
              ORDER BY e.id DESC LIMIT 1) IN ${sqlList(UNFINISHED)}`,
    [asOf, asOf, ...s.params, asOf, asOf, asOf],
  );
  return r?.n ?? 0;
}

/** Over items first taken on in the span: seconds from 提出 to that first 认领 or 指派. */
async function medianClaim(tx: Tx, scope: Scope, span: Span): Promise<number | null> {
  const s = scopeSql(scope);
  const rows = await tx.all<{ s: number }>(
    `SELECT i.claim_seconds AS s FROM items i
      WHERE i.claimed_at >= ? AND i.claimed_at < ? AND i.claim_seconds IS NOT NULL${s.sql}`,
    [span.from, span.to, ...s.params],
  );
  return median(rows.map((r) => r.s));
}

/**
 * Over the items counted in 办结: seconds from 提出 to their last 办结 in the span. Computed here
 * rather than in SQL: date arithmetic differs between the two databases (SQL-CONVENTIONS rule 3).
 */
async function medianDone(tx: Tx, scope: Scope, span: Span): Promise<number | null> {
  const s = scopeSql(scope);
  const rows = await tx.all<{ createdAt: Date; doneAt: Date }>(
    `SELECT i.created_at AS created_at, max(e.created_at) AS done_at
       FROM item_events e JOIN items i ON i.id = e.item_id
      WHERE e.type IN ${sqlList(FINISHED)} AND e.created_at >= ? AND e.created_at < ?${s.sql}
      GROUP BY i.id, i.created_at`,
    [span.from, span.to, ...s.params],
  );
  return median(rows.map((r) => Math.max(0, (r.doneAt.getTime() - r.createdAt.getTime()) / 1000)));
}

/**
 * 及时率 over the items whose promised answer time fell in the span. Items recorded before the
 * receipt's promise was stored (answer_due_at null) were promised ANSWER_HOURS after 提出.
 */
export async function answeredInTime(tx: Tx, scope: Scope, span: Span, answerHours: number): Promise<Ratio> {
  if (isEmptyScope(scope)) return { part: 0, whole: 0 };
  const s = scopeSql(scope);
  const window = answerHours * 3600;
  const shift = (d: Date) => new Date(d.getTime() - window * 1000);
  const r = await tx.get<{ whole: number; part: number | null }>(
    `SELECT count(*) AS whole,
            sum(CASE WHEN i.claimed_at IS NOT NULL
                      AND ((i.answer_due_at IS NOT NULL AND i.claimed_at <= i.answer_due_at)
                        OR (i.answer_due_at IS NULL AND i.claim_seconds <= ?))
                     THEN 1 ELSE 0 END) AS part
       FROM items i
      WHERE ((i.answer_due_at >= ? AND i.answer_due_at < ?)
          OR (i.answer_due_at IS NULL AND i.created_at >= ? AND i.created_at < ?))
        AND NOT (i.claimed_at IS NULL AND i.status IN ${sqlList(ENDED_UNTAKEN)})${s.sql}`,
    [window, span.from, span.to, shift(span.from), shift(span.to), ...s.params],
  );
  return { part: Number(r?.part ?? 0), whole: r?.whole ?? 0 };
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

/** 满意率 and the average rating, over the ratings that count in the span. */
export async function satisfactionOf(tx: Tx, scope: Scope, span: Span): Promise<PeriodFigures['satisfaction']> {
  if (isEmptyScope(scope)) return { part: 0, whole: 0, average: null };
  const s = scopeSql(scope);
  const r = await tx.get<{ whole: number; part: number | null; total: number | null }>(
    `SELECT count(*) AS whole, sum(CASE WHEN e.rating >= 4 THEN 1 ELSE 0 END) AS part, sum(e.rating) AS total
     ${lastRatingsSql(s.sql)}`,
    [span.from, span.to, ...s.params],
  );
  const whole = r?.whole ?? 0;
  return { part: Number(r?.part ?? 0), whole, average: whole === 0 ? null : Number(r?.total ?? 0) / whole };
}
