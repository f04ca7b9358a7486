import { daysPeriod, periodBefore, periodContaining, type Period } from '../figures/period.ts';
import { localDate, zonedTime } from '../core/zoned-time.ts';
import { parseNumber } from './chinese-number.ts';
import { onlyFillers } from './fillers.ts';

/** The stretch an official asks figures for: this week (the default), this or last month, this year. */
export type StatsSpan = 'week' | 'lastWeek' | 'month' | 'lastMonth' | 'year' | `m${number}`;

const LAST_MONTH = /上个?月|上月份/u;
const LAST_WEEK = /上(?:个)?(?:周|礼拜|星期)/u;
const MONTH = /(?:这|本|当)个?月|月度|这一个月/u;
const YEAR = /今年|本年|全年|年度|这一年/u;

/** The stretch named in a question about figures, other than this week ("上个月各类多少": last month). */
export function statsSpanSaid(text: string): StatsSpan | undefined {
  // "11月份分类别的件数": that month.
  const named = /(?<![\d年])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?!\d|[一二三四五六七八九十]?[日号])/u.exec(text);
  const month = named ? parseNumber(named[1]!) : null;
  if (month !== null) return `m${month}`;
  if (LAST_MONTH.test(text)) return 'lastMonth';
  if (LAST_WEEK.test(text)) return 'lastWeek';
  if (MONTH.test(text)) return 'month';
  if (YEAR.test(text)) return 'year';
  // This week is what 统计 shows unasked.
  return undefined;
}

// "这个月各类问题分别有多少", "按分类统计一下", "上个月一共收了多少件": figures asked for, not a report
// about 问题. A share by kind, or a count over a named stretch.
const BY_CATEGORY = /(?:按类别?|按分类|分类别)[^。]{0,8}(?:报|发|给我|列|拉|统计)|(?:各类|各个?类别|各个?分类|分类|类别|哪类|哪一类|哪几类|按类|每类|每一类|每个类)[^。]{0,12}?(?:多少|几件|几个|几起|统计|分布|占比|数|情况)|(?:统计|分布|占比)[^。]{0,6}(?:各类|分类|类别|按类)/u;
const SPAN_COUNT = /(?:这|本|当|上)个?月|今年|本年|(?:这|本|上)个?(?:周|礼拜|星期)/u;
const COUNTED = /(?:一共|总共|总计|合计|共)?(?:收|来|提|报|反映|接|办|办结|完成|处理|解决|新提出|登记)(?:了|过)?(?:多少|几)(?:件|个|起|条)?|(?<!好)(?:有|一共|总共|总计|合计|共)(?:多少|几)(?:件|个|起|条)?/u;

/** Whether a short message asks for figures in words ("这个月各类问题分别有多少"). */
export function figuresAsked(text: string): boolean {
  return BY_CATEGORY.test(text) || (SPAN_COUNT.test(text) && COUNTED.test(text));
}

/** The period a stretch stands for at `now`, and how it is named in a reply. */
export function statsPeriod(span: StatsSpan, now: Date, timeZone: string): { period: Period; label: string } {
  if (/^m\d+$/u.test(span)) {
    const today = localDate(now, timeZone);
    const month = Number(span.slice(1));
    const thisMonth = Number(today.slice(5, 7));
    if (month === thisMonth) return statsPeriod('month', now, timeZone);
    // A month later in the year than now is last year's.
    const year = Number(today.slice(0, 4)) - (month > thisMonth ? 1 : 0);
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const period = periodContaining('month', zonedTime(first, '12:00:00', timeZone), timeZone);
    return { period, label: `${month}月（${year === Number(today.slice(0, 4)) ? '' : `${year}年`}${month}月1日至${Number(period.lastDay.slice(8))}日）` };
  }
  if (span === 'lastMonth') {
    const period = periodBefore('month', now, timeZone);
    return { period, label: `上月（${Number(period.firstDay.slice(5, 7))}月）` };
  }
  if (span === 'lastWeek') {
    const period = periodBefore('week', now, timeZone);
    return { period, label: `上周（${Number(period.firstDay.slice(5, 7))}月${Number(period.firstDay.slice(8))}日至${Number(period.lastDay.slice(5, 7))}月${Number(period.lastDay.slice(8))}日）` };
  }
  if (span === 'year') {
    const today = localDate(now, timeZone);
    return { period: daysPeriod(`${today.slice(0, 4)}-01-01`, today, timeZone), label: `今年（1月1日至今）` };
  }
  if (span === 'month') {
    const period = periodContaining('month', now, timeZone);
    return { period, label: `本月（${Number(period.firstDay.slice(5, 7))}月1日至今）` };
  }
  return { period: periodContaining('week', now, timeZone), label: '本周（周一至今）' };
}

/** "统计 上个月", "统计 本月 分类": 统计 with the stretch asked for, and nothing else; else null. */
export function statsOfStretch(after: string): { type: 'stats'; span: StatsSpan } | null {
  const span = statsSpanSaid(after);
  const rest = after.replace(/(?:这|本|当|上)个?月|今年|本年|(?:这|本|上)个?(?:周|礼拜|星期)|的|按|各|分类|类别|情况|数据/gu, '');
  return span && onlyFillers(rest) ? { type: 'stats', span } : null;
}

/** "这礼拜几件", "一共多少个": only how many, after a word like 微心愿 ("微心愿这礼拜几件" is no wish). */
export function onlyCountAsked(text: string): boolean {
  return /^(?:这|本|上)?(?:个)?(?:周|礼拜|星期|月)?(?:一共|总共|有)?(?:几件|多少件?|几个|多少个)(?:了|啊|呢)?[?？]*$/u.test(text);
}
