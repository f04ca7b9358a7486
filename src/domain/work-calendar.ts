import { createRequire } from 'node:module';

/**
 * Working days on China's calendar: public holidays and make-up working days (调休) as the State
 * Council publishes them each year. The `chinese-days` package carries them up to the year it was
 * built; an admin adds later years (or corrections) as overrides. A year counts as covered only when
 * the package has it or an admin has said its arrangement is entered whole (calendar_years): a few
 * override days (a correction, one holiday typed in ahead) do not cover a year. A date in a year
 * that is not covered falls back to Monday–Friday for the days not overridden, and `covers` says so.
 */
export type DayOverride = { date: string; workday: boolean; name?: string | null };

export type WorkCalendar = {
  isWorkday(date: string): boolean;
  /** Whether the whole year of `date` is known (package data, or a year an admin entered whole). */
  covers(date: string): boolean;
  /** The covered years, ascending. */
  coveredYears(): number[];
  /** The calendar date `n` working days after `date` (not counting `date` itself). */
  addWorkdays(date: string, n: number): string;
  /** Working days in (from, to], for "overdue by N working days". */
  workdaysBetween(from: string, to: string): number;
};

type PackageData = { holidays: Record<string, string>; workdays: Record<string, string> };

let packageData: PackageData | null = null;
function loadPackageData(): PackageData {
  // Only the data file: the package's functions read dates in the process's time zone.
  packageData ??= createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageData;
  return packageData;
}

export function createWorkCalendar(overrides: readonly DayOverride[] = [], completeYears: readonly number[] = []): WorkCalendar {
  const data = loadPackageData();
  const days = new Map<string, boolean>();
  const years = new Set<string>();
  for (const date of Object.keys(data.holidays)) {
    days.set(date, false);
    years.add(date.slice(0, 4));
  }
  for (const date of Object.keys(data.workdays)) days.set(date, true);
  for (const o of overrides) days.set(o.date, o.workday);
  for (const y of completeYears) years.add(String(y));

  const isWorkday = (date: string) => {
    const known = days.get(date);
    if (known !== undefined) return known;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  return {
    isWorkday,
    covers: (date) => years.has(date.slice(0, 4)),
    coveredYears: () => [...years].map(Number).sort((a, b) => a - b),
    addWorkdays(date, n) {
      let current = date;
      let left = n;
      while (left > 0) {
        current = nextDate(current);
        if (isWorkday(current)) left--;
      }
      return current;
    },
    workdaysBetween(from, to) {
      let count = 0;
      for (let d = nextDate(from); d <= to; d = nextDate(d)) if (isWorkday(d)) count++;
      return count;
    },
  };
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
