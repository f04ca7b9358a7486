/**
 * A figure for every community of a scope at once: one query grouped by `items.community_id`. The
 * jobs need every community's figures together (the bulletin, the digest, the ten-day report), and
 * a query per community cost them ~10 queries × communities, each reading the whole period. A
 * scope's own figure is these merged (each item belongs to one community, so counts add up), so
 * every figure still has one definition. Communities with nothing to count are absent: read with `of`.
 */
export type ByCommunity<T> = Map<number, T>;

/** The value of one community, or `none` when it had nothing to count. */
export function of<T>(m: ByCommunity<T>, communityId: number, none: T): T {
  return m.get(communityId) ?? none;
}

/** One value per community from rows that carry `communityId`. */
export function byCommunity<R extends { communityId: number }, T>(rows: readonly R[], value: (r: R) => T): ByCommunity<T> {
  const out = new Map<number, T>();
  for (const r of rows) out.set(r.communityId, value(r));
  return out;
}

/** Values grouped per community (for medians, lists), in the order of the rows. */
export function listsByCommunity<R extends { communityId: number }, T>(rows: readonly R[], value: (r: R) => T): ByCommunity<T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    let list = out.get(r.communityId);
    if (!list) out.set(r.communityId, (list = []));
    list.push(value(r));
  }
  return out;
}

/** Every community's counts added up: the scope's count. */
export function total(m: ByCommunity<number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** Every community's records added up field by field. */
export function totals<T extends Record<string, number>>(m: ByCommunity<T>, zero: T): T {
  const out = { ...zero };
  for (const v of m.values()) for (const k of Object.keys(out) as Array<keyof T>) (out[k] as number) += v[k] as number;
  return out;
}
