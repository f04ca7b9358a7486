import { describe, expect, it } from 'vitest';
import { parseQuietHours, quietUntil } from '../../src/core/quiet-hours.ts';

const tz = 'Asia/Shanghai';
const q = parseQuietHours('21:00-08:00');

describe('quiet hours', () => {
  it.each([
    ['2026-11-23T12:59:00Z', null], // 20:59
    ['2026-11-23T13:00:00Z', '2026-11-24T00:00:00.000Z'], // 21:00 → next 08:00
    ['2026-11-23T18:30:00Z', '2026-11-24T00:00:00.000Z'], // 02:30 → 08:00 the same morning
    ['2026-11-24T00:00:00Z', null], // 08:00
  ])('%s → %s', (now, until) => {
    expect(quietUntil(new Date(now), q, tz)?.toISOString() ?? null).toBe(until);
  });

  it('handles a window within one day, and off', () => {
    const lunch = parseQuietHours('12:00-14:00');
    expect(quietUntil(new Date('2026-11-23T05:00:00Z'), lunch, tz)?.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(quietUntil(new Date('2026-11-23T13:00:00Z'), parseQuietHours('off'), tz)).toBeNull();
    expect(() => parseQuietHours('9pm-8am')).toThrow();
  });
});
