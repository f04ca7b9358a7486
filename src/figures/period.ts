import { localDate, zonedTime } from '../core/zoned-time.ts';

export const PERIOD_KINDS = ['week', 'xun', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Instants [from, to): a period, or one bucket of a chart. */
export type Span = { from: Date; to: Date };

/**
 * A stretch of whole local days, [from, to) as instants, with its first and last day (inclusive,
 * YYYY-MM-DD in the time zone) for labels. docs/figures.md "Scope and period".
 */
export type Period = { kind: PeriodKind; from: Date; to: Date; firstDay: string; lastDay: string };

/** The week (Monday–Sunday), 旬 (1–10, 11–20, 21–end) or month that contains an instant. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, instant: Date, timeZone: string): Period {
  return containingDay(kind, localDate(instant, timeZone), timeZone);
}

/**
 * The last whole period that ended before the local day of `instant`: what a job fired on that day
 * reports on. A week is the seven days before that day (a Monday's bulletin: Monday to Sunday).
 */
export function periodBefore(kind: Exclude<PeriodKind, 'custom'>, instant: Date, timeZone: string): Period {
  const today = localDate(instant, timeZone);
  if (kind === 'week') return daysPeriod(addDays(today, -7), addDays(today, -1), timeZone, 'week');
  let p = containingDay(kind, addDays(today, -1), timeZone);
  if (p.lastDay >= today) p = containingDay(kind, addDays(p.firstDay, -1), timeZone);
  return p;
}

/** Chosen dates: from the first day 00:00 to the day after the last, 00:00 (both YYYY-MM-DD). */
export function daysPeriod(firstDay: string, lastDay: string, timeZone: string, kind: PeriodKind = 'custom'): Period {
  return {
    kind,
    from: zonedTime(firstDay, '00:00:00', timeZone),
    to: zonedTime(addDays(lastDay, 1), '00:00:00', timeZone),
    firstDay,
    lastDay,
  };
}

function containingDay(kind: Exclude<PeriodKind, 'custom'>, day: string, timeZone: string): Period {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = day.slice(0, 8); // "2026-11-"
  if (kind === 'week') {
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
    const monday = addDays(day, -((weekday + 6) % 7));
    return daysPeriod(monday, addDays(monday, 6), timeZone, kind);
  }
  const last = lastDayOfMonth(y, m);
  if (kind === 'month') return daysPeriod(`${month}01`, `${month}${pad(last)}`, timeZone, kind);
  const start = d <= 10 ? 1 : d <= 20 ? 11 : 21;
  const end = start === 21 ? last : start + 9;
  return daysPeriod(`${month}${pad(start)}`, `${month}${pad(end)}`, timeZone, kind);
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');
