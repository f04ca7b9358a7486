/**
 * An instant as the wall-clock time in a time zone, written as if it were UTC: what a spreadsheet
 * cell needs, since Excel dates carry no zone (exceljs writes a Date's UTC fields).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function wallClock(instant: Date, timeZone: string): Date {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!, instant.getUTCMilliseconds()));
}

/** "2026-11-17 10:00" in the time zone, for CSV cells and pages. */
export function wallClockText(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).toISOString().slice(0, 16).replace('T', ' ');
}
