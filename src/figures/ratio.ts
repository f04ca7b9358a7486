/** A share: `part` of `whole` (及时率, 满意率). */
export type Ratio = { part: number; whole: number };

/** The share in whole percent, or null when there is nothing to divide. */
export function percentOf(r: Ratio): number | null {
  return r.whole === 0 ? null : Math.round((r.part / r.whole) * 100);
}
