import { Gauge, type Registry } from 'prom-client';
import type { Clock } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import type { WorkCalendar } from '../domain/work-calendar.ts';
import type { Logger } from '../log.ts';

/**
 * The years deadlines are counted in now, this year and the next (a deadline of up to 60 working
 * days crosses New Year), whose holidays and 调休 nobody has entered: there the calendar falls back
 * to Monday–Friday, and the admin must hear of it before a promise is made on a guess (issue 12).
 */
export function uncoveredYears(calendar: WorkCalendar, now: Date, timeZone: string): number[] {
  const year = Number(localDate(now, timeZone).slice(0, 4));
  return [year, year + 1].filter((y) => !calendar.covers(`${y}-01-01`));
}

/** Said at start, in the log the admin reads first. */
export function logUncoveredYears(calendar: WorkCalendar, now: Date, timeZone: string, log: Logger): void {
  const years = uncoveredYears(calendar, now, timeZone);
  if (years.length === 0) return;
  log.warn(
    { years },
    `the working-day calendar does not cover ${years.join(', ')}: deadlines there count Monday to Friday until an admin enters the year (POST /api/calendar)`,
  );
}

/** For the admin's alerts: lianxin_calendar_uncovered_years > 0 (docs/deploy.md). */
export function calendarGauge(registry: Registry, calendar: () => WorkCalendar, clock: Clock, timeZone: string): void {
  new Gauge({
    name: 'lianxin_calendar_uncovered_years',
    help: 'This year and the next, how many have no holiday calendar (deadlines there count Monday to Friday).',
    registers: [registry],
    collect() {
      this.set(uncoveredYears(calendar(), clock.now(), timeZone).length);
    },
  });
}
