import { describe, expect, it } from 'vitest';
import { wallClock, wallClockText } from '../../src/console/export/wall-clock.ts';

describe('wall-clock time for spreadsheet cells', () => {
  it('Shanghai is UTC+8 all year, across midnight', () => {
    expect(wallClockText(new Date('2026-11-17T16:30:15Z'), 'Asia/Shanghai')).toBe('2026-11-18 00:30');
    expect(wallClock(new Date('2026-06-01T00:00:00.250Z'), 'Asia/Shanghai').toISOString()).toBe('2026-06-01T08:00:00.250Z');
  });

  it('a zone that changes its clocks within a day is right on both sides of the change', () => {
    // Europe/Berlin left summer time at 01:00 UTC on 2026-10-25.
    expect(wallClockText(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25 02:30');
    expect(wallClockText(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25 02:30');
    expect(wallClockText(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25 13:00');
  });
});
