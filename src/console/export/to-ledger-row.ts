import type { WorkCalendar } from '../../domain/work-calendar.ts';
import type { LedgerExportItem } from '../ledger-query.ts';
import type { LedgerRow } from './ledger-columns.ts';
import { wallClock } from './wall-clock.ts';

// core's localDate builds a formatter per call: too slow (and too much native memory) for 100,000 rows.
const localDay = (d: Date, timeZone: string) => wallClock(d, timeZone).toISOString().slice(0, 10);

/**
 * An item as a row of the 台账 (docs/figures.md "The export"): working days from 提出 to 办结,
 * whether it kept its deadline, the latest rating with the earlier ones noted, the revisit.
 */
export function toLedgerRow(item: LedgerExportItem, calendar: WorkCalendar, timeZone: string, now: Date): LedgerRow {
  const finished = item.doneAt;
  const workdays = finished ? calendar.workdaysBetween(localDay(item.createdAt, timeZone), localDay(finished, timeZone)) : null;
  let onTime: boolean | null = null;
  if (item.deadlineAt) {
    if (finished) onTime = finished.getTime() <= item.deadlineAt.getTime();
    else if (['open', 'claimed'].includes(item.status) && item.deadlineAt.getTime() < now.getTime()) onTime = false;
  }
  const latest = item.ratings.at(-1) ?? null;
  const earlier = item.ratings.slice(0, -1).map((r) => `${r.rating}分${r.comment ? `（${r.comment}）` : ''}`);
  const comment = [latest?.comment ?? '', earlier.length > 0 ? `此前：${earlier.join('；')}` : ''].filter(Boolean).join(' ') || null;
  return {
    id: item.id,
    kind: item.kind,
    category: item.category,
    text: item.text,
    place: item.place,
    grid: item.grid,
    submitterName: item.submitterName,
    submitterPhone: item.submitterPhone,
    createdAt: item.createdAt,
    holder: item.holder,
    status: item.status,
    doneAt: finished,
    workdays,
    onTime,
    rating: latest?.rating ?? null,
    comment,
    revisit: item.revisit,
  };
}
