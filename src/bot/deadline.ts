import { localDate, zonedTime } from '../core/zoned-time.ts';
import type { BotDeps } from './bot-deps.ts';

/** The end of the working day `days` working days from today (SPEC: deadlines count working days). */
export function deadlineAfter(days: number, now: Date, deps: BotDeps): Date {
  const { timeZone } = deps.settings;
  const date = deps.calendar().addWorkdays(localDate(now, timeZone), days);
  return zonedTime(date, '23:59:59', timeZone);
}

/** A new report's deadline: its category's working days, or the urgent ones. */
export function reportDeadline(category: string, urgent: boolean, now: Date, deps: BotDeps): Date {
  const { settings } = deps;
  const days = urgent ? settings.urgentDeadlineDays : (settings.deadlineDays[category] ?? settings.deadlineDays['其他'] ?? 5);
  return deadlineAfter(days, now, deps);
}

/**
 * A deadline as shown: "12月3日", or, in a year whose holidays nobody has entered yet,
 * "1月7日（2027 年节假日还没录入，按周一到周五估算）", so nobody takes a guess for a promise.
 */
export function deadlineText(deadline: Date, deps: BotDeps): string {
  const date = localDate(deadline, deps.settings.timeZone);
  const day = deps.fmt.day(deadline);
  return deps.calendar().covers(date) ? day : `${day}（${date.slice(0, 4)} 年节假日还没录入，按周一到周五估算）`;
}
