import { daysOrWeeks } from './working-days.ts';

export const DEFAULT_SNOOZE_DAYS = 3;
export const MAX_SNOOZE_DAYS = 30;

/** "3", "三天", "一周", "两个星期": calendar days of a pause in reminders, or null. */
export function snoozeDays(text: string): number | null {
  return daysOrWeeks(text, 7);
}
