import { CHINESE_NUMBER, parseNumber } from './chinese-number.ts';

export const DEFAULT_SNOOZE_DAYS = 3;
export const MAX_SNOOZE_DAYS = 30;

/** "3", "三天", "一周", "两个星期": calendar days of a pause in reminders, or null. */
export function snoozeDays(text: string): number | null {
  const t = text.replace(/\s+/gu, '');
  const num = `(\\d{1,4}|${CHINESE_NUMBER})`;
  const days = new RegExp(`^${num}\\s*(?:天|日|days?|d)?$`, 'iu').exec(t);
  if (days) return parseNumber(days[1]!);
  const weeks = new RegExp(`^${num}?个?(?:周|星期|礼拜|weeks?|w)$`, 'iu').exec(t);
  if (weeks) {
    const n = weeks[1] === undefined ? 1 : parseNumber(weeks[1]);
    return n === null ? null : n * 7;
  }
  return null;
}
