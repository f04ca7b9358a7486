import cron from 'node-cron';
import { localDate, zonedTime } from '../core/zoned-time.ts';

const DAY = 24 * 60 * 60_000;

/**
 * The latest `limit` fires of a cron expression in (from, to], oldest first, each confirmed by
 * node-cron's own matching (so catch-up agrees with the live schedule exactly).
 *
 * Computed from the expression, never by trying every minute: it walks back from `to` a day at a
 * time (a day the expression does not name costs two checks), and inside a day that matches only
 * through the hours, minutes and seconds the expression names, newest first, stopping at `limit`.
 * A weekly job over an 8-day window is ~20 checks; `* * * * * *` with limit 101 is ~100.
 */
export function latestFires(expression: string, timeZone: string, from: Date, to: Date, limit: number): Date[] {
  if (limit <= 0 || to.getTime() <= from.getTime()) return [];
  const fields = cron.parse(expression);
  const desc = (values: readonly number[]) => [...values].sort((a, b) => b - a);
  const [hours, minutes, seconds] = [desc(fields.hour), desc(fields.minute), desc(fields.second)];
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  try {
    const found: Date[] = [];
    // Local calendar days, from the one holding `to` back to the one holding `from`.
    let day = localDay(to, timeZone);
    const firstDay = localDay(from, timeZone);
    for (let guard = 0; guard < 400 && found.length < limit && day.ms >= firstDay.ms; guard++, day = previousDay(day)) {
      const at = instantsOf(day, timeZone);
      // Every combination of the named hour, minute and second gives the same answer about the day
      // (month, day of month, weekday, L, #n); the last and first are both tried in case one falls in a
      // DST gap.
      const latest = at(hours[0]!, minutes[0]!, seconds[0]!);
      const earliest = at(hours.at(-1)!, minutes.at(-1)!, seconds.at(-1)!);
      if (!latest.some((t) => task.match(t)) && !earliest.some((t) => task.match(t))) continue;
      for (const h of hours) {
        for (const m of minutes) {
          for (const s of seconds) {
            for (const t of at(h, m, s)) {
              if (t.getTime() > to.getTime()) continue;
              if (t.getTime() <= from.getTime() || found.length >= limit) return found.reverse();
              if (task.match(t) && found.at(-1)?.getTime() !== t.getTime()) found.push(t);
            }
          }
        }
      }
    }
    return found.reverse();
  } finally {
    void task.destroy();
  }
}

type LocalDay = { y: number; m: number; d: number; ms: number };

function localDay(instant: Date, timeZone: string): LocalDay {
  const [y, m, d] = localDate(instant, timeZone).split('-').map(Number) as [number, number, number];
  return { y, m, d, ms: Date.UTC(y, m - 1, d) };
}

function previousDay(day: LocalDay): LocalDay {
  const t = new Date(day.ms - DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), ms: t.getTime() };
}

/**
 * Local wall-clock time → the instants it names on one day, newest first: one, or on a day whose
 * offset changes (DST) the reading under each offset, for node-cron's matching to keep or drop (a
 * time repeated when clocks go back fires twice in node-cron, and does here).
 */
function instantsOf(day: LocalDay, timeZone: string): (h: number, m: number, s: number) => Date[] {
  const date = `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
  const start = zonedTime(date, '00:00:00', timeZone).getTime() - day.ms;
  const end = zonedTime(date, '23:59:59', timeZone).getTime() - (day.ms + DAY - 1000);
  const offsets = start === end ? [start] : [Math.max(start, end), Math.min(start, end)];
  return (h, m, s) => offsets.map((offset) => new Date(day.ms + ((h * 60 + m) * 60 + s) * 1000 + offset));
}

export function nextFires(expression: string, timeZone: string, count: number): Date[] {
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
}

export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}
