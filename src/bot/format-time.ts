/** Dates as a Chinese reader expects them, in the bot's time zone (BOT_TIMEZONE). */
export type TimeFormat = {
  day: (d: Date) => string; // 11月27日
  dayTime: (d: Date) => string; // 11-27 09:30
  weekday: (d: Date) => string; // 周一
};

export function createTimeFormat(timeZone: string): TimeFormat {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  });
  const get = (d: Date) => {
    const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
    return p as Record<'month' | 'day' | 'hour' | 'minute' | 'weekday', string>;
  };
  const two = (s: string) => s.padStart(2, '0');
  const WEEKDAYS: Record<string, string> = { Mon: '周一', Tue: '周二', Wed: '周三', Thu: '周四', Fri: '周五', Sat: '周六', Sun: '周日' };
  return {
    day: (d) => {
      const p = get(d);
      return `${p.month}月${p.day}日`;
    },
    dayTime: (d) => {
      const p = get(d);
      return `${two(p.month)}-${two(p.day)} ${p.hour}:${p.minute}`;
    },
    weekday: (d) => WEEKDAYS[get(d).weekday] ?? '',
  };
}
