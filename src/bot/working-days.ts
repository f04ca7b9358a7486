import { CHINESE_NUMBER, parseNumber } from './chinese-number.ts';

// Deadlines are counted in working days (SPEC "Schedules"); officials write them many ways.

/** "3天", "3个工作日", "三天内", "一周" (5), "两个星期" (10), "明天" (1), "后天" (2); else null. */
export function workingDays(text: string): number | null {
  const t = text.replace(/\s+/gu, '').replace(/(?:之内|以内|内|完成|办结|办完|解决|处理好?|办好|修好)+$/u, '');
  if (t === '明天') return 1;
  if (t === '后天') return 2;
  return daysOrWeeks(t, 5);
}

/** "3", "三天", "3个工作日", "一周", "两个星期": a count of days, a week being `perWeek` of them. */
export function daysOrWeeks(text: string, perWeek: number): number | null {
  const t = text.replace(/\s+/gu, '');
  const num = `(\\d{1,4}|${CHINESE_NUMBER})`;
  const days = new RegExp(`^${num}个?(?:工作日|工作天|天|日|days?|d)?$`, 'iu').exec(t);
  if (days) return parseNumber(days[1]!);
  const weeks = new RegExp(`^${num}?个?(?:周|星期|礼拜|weeks?|w)$`, 'iu').exec(t);
  if (weeks) {
    const n = weeks[1] === undefined ? 1 : parseNumber(weeks[1]);
    return n === null ? null : n * perWeek;
  }
  return null;
}
