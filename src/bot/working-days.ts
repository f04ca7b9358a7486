import { CHINESE_NUMBER, parseNumber } from './chinese-number.ts';
import type { DayRef } from './command-types.ts';

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

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const BY_END = /(?:之前|以前|前|为止|截止|之内|以内|内|完成|办结|办完|解决|处理好?|办好|修好|装好|清完|弄完|弄好|吧)+$/u;

/** "这周五之前", "下周一", "12月5日前", "12月5号", "月底前", "今天之内": the day meant, or null. */
export function dayRef(text: string): DayRef | null {
  const t = text.replace(/\s+/gu, '').replace(/^(?:在|到|定在|定到|定于|截止到?|调整为|调整到|调为|延至|延到|延长至|延长到|推迟到|推到|改为|改到|改成|设为|顺延至|顺延到|给定到|往后延到|延到|就定到|就定在|定)/u, '').replace(BY_END, '');
  const week = /^(下个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])$/u.exec(t);
  if (week) return week[1] ? { weekday: WEEKDAY[week[2]!]!, weeksAhead: week[1].startsWith('下') ? 1 : 0 } : { weekday: WEEKDAY[week[2]!]!, weeksAhead: 0, nearest: true };
  const date = new RegExp(`^(\\d{1,2}|${CHINESE_NUMBER})月(\\d{1,2}|${CHINESE_NUMBER})(?:日|号)$`, 'u').exec(t);
  if (date) {
    const month = parseNumber(date[1]!);
    const day = parseNumber(date[2]!);
    return month !== null && day !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { month, day } : null;
  }
  if (/^(?:今天|今日|今晚|当天)$/u.test(t)) return { today: true };
  // "明天之前": the calendar day, a weekend one too ("7 明天之前必须办完" said on a Saturday).
  if (/^(?:明天|明日)$/u.test(t)) return { daysAhead: 1 };
  if (t === '后天') return { daysAhead: 2 };
  return /^(?:这个?月|本月)?月底$/u.test(t) ? { monthEnd: true } : null;
}

/** The date (YYYY-MM-DD) a DayRef means, seen from `today`; a month and day already past is next year's. */
export function dateOf(ref: DayRef, today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const at = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  if ('today' in ref) return today;
  if ('daysAhead' in ref) return at(y, m, d + ref.daysAhead);
  if ('monthEnd' in ref) return at(y, m + 1, 0);
  if ('month' in ref) {
    const date = at(y, ref.month, ref.day);
    return date < today ? at(y + 1, ref.month, ref.day) : date;
  }
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  const passed = ref.nearest && ref.weekday < weekday;
  return at(y, m, d + ref.weekday - weekday + 7 * (ref.weeksAhead + (passed ? 1 : 0)));
}
