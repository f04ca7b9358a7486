import { localDate, zonedTime } from './zoned-time.ts';

export type QuietHours = { start: string; end: string }; // "21:00", "08:00"

/** "21:00-08:00" → { start, end }; "off" → null. */
export function parseQuietHours(value: string): QuietHours | null {
  if (value.trim().toLowerCase() === 'off') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]):([0-5]\d)$/u.exec(value.trim());
  if (!m) throw new Error('must look like 21:00-08:00, or off');
  return { start: `${m[1]}:${m[2]}`, end: `${m[3]}:${m[4]}` };
}

/** When quiet hours end, if `now` falls inside them; otherwise null. Spans midnight when start > end. */
export function quietUntil(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const today = localDate(now, timeZone);
  const at = (date: string, hm: string) => zonedTime(date, `${hm}:00`, timeZone);
  const shift = (date: string, days: number) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  if (quiet.start < quiet.end) {
    const s = at(today, quiet.start);
    const e = at(today, quiet.end);
    return now >= s && now < e ? e : null;
  }
  // Over midnight: quiet from start today to end tomorrow, or from start yesterday to end today.
  if (now >= at(today, quiet.start)) return at(shift(today, 1), quiet.end);
  if (now < at(today, quiet.end)) return at(today, quiet.end);
  return null;
}
