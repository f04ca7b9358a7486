import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { latestFires } from '../../src/schedule/cron-slots.ts';

/** The old way, kept here as the reference: try every minute (every second for six fields). */
function everyStep(expression: string, timeZone: string, from: Date, to: Date): Date[] {
  const step = expression.trim().split(/\s+/u).length === 6 ? 1000 : 60_000;
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  const out: Date[] = [];
  for (let t = Math.floor(from.getTime() / step) * step + step; t <= to.getTime(); t += step) if (task.match(new Date(t))) out.push(new Date(t));
  void task.destroy();
  return out;
}

/** Over months, node-cron's own next-match walker (internal to node-cron, so only here in a test). */
function byNextMatch(expression: string, timeZone: string, from: Date, to: Date): Date[] {
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone }) as unknown as {
    timeMatcher: { getNextMatch(d: Date): Date };
    destroy(): void;
  };
  const out: Date[] = [];
  for (let t = task.timeMatcher.getNextMatch(from); t.getTime() <= to.getTime(); t = task.timeMatcher.getNextMatch(t)) out.push(t);
  task.destroy();
  return out;
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('latestFires: the fires of a cron expression in (from, to], from the expression', () => {
  const cases: Array<[string, string, string, string]> = [
    ['0 9 * * 1', 'Asia/Shanghai', '2026-11-15T03:17:00Z', '2026-11-23T03:17:00Z'],
    ['30 9 * * *', 'Asia/Shanghai', '2026-11-15T01:30:00Z', '2026-11-23T01:30:00Z'],
    ['*/7 8-10 * * mon-fri', 'Asia/Shanghai', '2026-11-18T00:00:00Z', '2026-11-22T00:00:00Z'],
    ['0 9 L * *', 'Asia/Shanghai', '2026-09-01T00:00:00Z', '2026-12-31T00:00:00Z'],
    ['0 9 * * 1#2', 'Asia/Shanghai', '2026-09-01T00:00:00Z', '2026-12-31T00:00:00Z'],
    ['0 0 1 * *', 'UTC', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    // Across both DST changes of a zone that has them.
    ['30 1,2,3 * * *', 'America/New_York', '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z'],
    ['30 1,2,3 * * *', 'America/New_York', '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z'],
  ];
  it.each(cases)('%s in %s from %s to %s agrees with trying every minute (node-cron\'s next-match walker over months)', (expression, tz, from, to) => {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    const want = (days <= 4.5 ? everyStep : byNextMatch)(expression, tz, new Date(from), new Date(to));
    expect(want.length).toBeGreaterThan(0);
    expect(iso(latestFires(expression, tz, new Date(from), new Date(to), 10_000))).toEqual(iso(want));
    // And the latest few only.
    expect(iso(latestFires(expression, tz, new Date(from), new Date(to), 2))).toEqual(iso(want.slice(-2)));
  });

  it('a fire exactly at `to` counts, one exactly at `from` does not', () => {
    const fires = latestFires('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-20T01:00:00Z'), new Date('2026-11-22T01:00:00Z'), 10);
    expect(iso(fires)).toEqual(['2026-11-21T01:00:00.000Z', '2026-11-22T01:00:00.000Z']);
  });

  it('every second over eight days, latest 101: the newest 101 seconds, without trying the other 690,000', () => {
    const to = new Date('2026-11-23T03:17:42Z');
    const from = new Date(to.getTime() - 8 * 24 * 3600_000);
    const fires = latestFires('* * * * * *', 'Asia/Shanghai', from, to, 101);
    expect(fires).toHaveLength(101);
    expect(fires[0]!.getTime()).toBe(to.getTime() - 100_000);
    expect(fires.at(-1)!.toISOString()).toBe(to.toISOString());
  });
});
