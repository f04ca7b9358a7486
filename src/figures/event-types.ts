import type { EventType } from '../domain/item-events.ts';

// Which timeline entries each figure counts (docs/figures.md). Kept as SQL literals: they are ours.
export const TAKEN_ON: readonly EventType[] = ['claimed', 'assigned'];
export const FINISHED: readonly EventType[] = ['done'];
export const CONFIRMED: readonly EventType[] = ['confirmed', 'auto_confirmed'];
/** The events that carry a resident's rating: 确认 with 3–5, 评价不满意 with 1–2, 修改评分 after 确认. */
export const RATED: readonly EventType[] = ['confirmed', 'rated_low', 'rerated'];
/** Items that ended without ever being taken on, left out of 及时率. */
export const ENDED_UNTAKEN = ['withdrawn', 'rejected', 'merged'] as const;
export const UNFINISHED = ['open', 'claimed'] as const;

/** `('a', 'b')` for a fixed list of our own names. */
export function sqlList(names: readonly string[]): string {
  return `(${names.map((n) => `'${n}'`).join(', ')})`;
}
