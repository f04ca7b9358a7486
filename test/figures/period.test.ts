import { describe, expect, it } from 'vitest';
import { daysPeriod, periodBefore, periodContaining } from '../../src/figures/period.ts';
import { trendBuckets } from '../../src/figures/trend.ts';

const TZ = 'Asia/Shanghai';
const days = (p: { firstDay: string; lastDay: string }) => `${p.firstDay}..${p.lastDay}`;

describe('periods in the bot time zone', () => {
  it('a week runs Monday 00:00 to Monday 00:00 Shanghai time, whatever the UTC date says', () => {
    // Sunday 2026-11-22 23:30 in Shanghai is still Sunday there (15:30 UTC).
    const p = periodContaining('week', new Date('2026-11-22T15:30:00Z'), TZ);
    expect(days(p)).toBe('2026-11-16..2026-11-22');
    expect(p.from.toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    // Monday 00:10 in Shanghai is the next week, though UTC still says Sunday.
    expect(days(periodContaining('week', new Date('2026-11-22T16:10:00Z'), TZ))).toBe('2026-11-23..2026-11-29');
  });

  it('a 旬 is the 1st–10th, 11th–20th, or 21st to the month end (28, 30 or 31 days)', () => {
    expect(days(periodContaining('xun', new Date('2026-02-05T04:00:00Z'), TZ))).toBe('2026-02-01..2026-02-10');
    expect(days(periodContaining('xun', new Date('2026-02-11T04:00:00Z'), TZ))).toBe('2026-02-11..2026-02-20');
    expect(days(periodContaining('xun', new Date('2026-02-25T04:00:00Z'), TZ))).toBe('2026-02-21..2026-02-28');
    expect(days(periodContaining('xun', new Date('2026-12-31T04:00:00Z'), TZ))).toBe('2026-12-21..2026-12-31');
    expect(days(periodContaining('month', new Date('2028-02-15T04:00:00Z'), TZ))).toBe('2028-02-01..2028-02-29');
  });

  it('a job reports on the last whole period before the day it fires', () => {
    const fire = (iso: string) => new Date(iso);
    // Monday 09:00: the previous Monday to Sunday.
    expect(days(periodBefore('week', fire('2026-11-23T01:00:00Z'), TZ))).toBe('2026-11-16..2026-11-22');
    // 1st, 11th, 21st at 09:00: the 旬 that just ended.
    expect(days(periodBefore('xun', fire('2026-12-01T01:00:00Z'), TZ))).toBe('2026-11-21..2026-11-30');
    expect(days(periodBefore('xun', fire('2026-12-11T01:00:00Z'), TZ))).toBe('2026-12-01..2026-12-10');
    expect(days(periodBefore('xun', fire('2026-12-21T01:00:00Z'), TZ))).toBe('2026-12-11..2026-12-20');
    // A ten-day report moved to the 5th still reports a whole 旬, the last one that ended.
    expect(days(periodBefore('xun', fire('2026-12-05T01:00:00Z'), TZ))).toBe('2026-11-21..2026-11-30');
    expect(days(periodBefore('month', fire('2026-01-01T00:30:00Z'), TZ))).toBe('2025-12-01..2025-12-31');
  });

  it('chosen dates include the whole last day', () => {
    const p = daysPeriod('2026-11-01', '2026-11-30', TZ);
    expect(p.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('the trend is by day up to a month and by Monday–Sunday week beyond, cut to the period', () => {
    expect(trendBuckets('2026-11-16', '2026-11-22', TZ).map(days)).toHaveLength(7);
    const weeks = trendBuckets('2026-11-01', '2026-12-15', TZ).map(days);
    expect(weeks[0]).toBe('2026-11-01..2026-11-01');
    expect(weeks[1]).toBe('2026-11-02..2026-11-08');
    expect(weeks.at(-1)).toBe('2026-12-14..2026-12-15');
  });
});
