import type { Tx } from '../db/sql.ts';
import { DAY } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import { countCreated, countMoved } from './counts.ts';
import type { Span } from './period.ts';
import { addDays, daysPeriod, periodContaining } from './period.ts';
import type { Scope } from './scope.ts';

/** One bucket of the 收办趋势 chart: 新提出 and 办结, as the period figures count them. */
export type TrendPoint = { firstDay: string; lastDay: string; created: number; done: number };

/** Days for a period of up to 31 days, weeks (Monday–Sunday, cut to the period) for longer. */
export function trendBuckets(firstDay: string, lastDay: string, timeZone: string): Array<Span & { firstDay: string; lastDay: string }> {
  const days = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / DAY) + 1;
  const buckets: Array<Span & { firstDay: string; lastDay: string }> = [];
  for (let day = firstDay; day <= lastDay; ) {
    let last = day;
    if (days > 31) {
      const week = periodContaining('week', daysPeriod(day, day, timeZone).from, timeZone);
      last = week.lastDay < lastDay ? week.lastDay : lastDay;
    }
    const p = daysPeriod(day, last, timeZone);
    buckets.push({ from: p.from, to: p.to, firstDay: day, lastDay: last });
    day = addDays(last, 1);
  }
  return buckets;
}

/**
 * Intake against closure, bucket by bucket, with the very queries of the period figures (so each
 * bucket agrees with 概览 for that day or week). Buckets after `now` are left out.
 */
export async function trend(tx: Tx, scope: Scope, firstDay: string, lastDay: string, now: Date, timeZone: string): Promise<TrendPoint[]> {
  const today = localDate(now, timeZone);
  const buckets = trendBuckets(firstDay, lastDay < today ? lastDay : today, timeZone);
  return Promise.all(
    buckets.map(async (b) => {
      const [created, moved] = await Promise.all([countCreated(tx, scope, b), countMoved(tx, scope, b)]);
      return { firstDay: b.firstDay, lastDay: b.lastDay, created, done: moved.done };
    }),
  );
}
