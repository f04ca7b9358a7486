/**
 * An instant as the wall-clock time in a time zone, written as if it were UTC: what a spreadsheet
 * cell needs, since Excel dates carry no zone (exceljs writes a Date's UTC fields).
 *
 * An export formats two dates per row for 100,000 rows, so the zone's offset is worked out once per
 * UTC day and reused, unless it changes within that day (a daylight-saving switch, not in China).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const dayOffsets = new Map<string, number | null>();
const DAY = 86_400_000;

function offsetAt(ms: number, timeZone: string): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

export function wallClock(instant: Date, timeZone: string): Date {
  const ms = instant.getTime();
  const day = Math.floor(ms / DAY);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(day * DAY, timeZone);
    offset = start === offsetAt(day * DAY + DAY - 1000, timeZone) ? start : null;
    if (dayOffsets.size > 20_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return new Date(ms + (offset ?? offsetAt(ms, timeZone)));
}

/** "2026-11-17 10:00" in the time zone, for CSV cells and pages. */
export function wallClockText(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).toISOString().slice(0, 16).replace('T', ' ');
}
