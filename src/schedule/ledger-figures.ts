import type { Db } from '../db/sql.ts';

type ItemWhere = NonNullable<Parameters<Db['item']['count']>[0]>['where'];
type SecondsField = 'claimSeconds' | 'resolveSeconds';

/**
 * The median of a duration column, computed in the database: a count, then the middle row(s) of
 * the sorted column (ORDER BY … OFFSET), never by loading every row.
 */
export async function medianSeconds(db: Db, where: ItemWhere, field: SecondsField): Promise<number | null> {
  const filter = { ...where, [field]: { not: null } };
  const n = await db.item.count({ where: filter });
  if (n === 0) return null;
  const rows = await db.item.findMany({
    where: filter,
    orderBy: { [field]: 'asc' },
    skip: Math.floor((n - 1) / 2),
    take: n % 2 === 0 ? 2 : 1,
    select: { [field]: true },
  });
  const values = rows.map((r) => (r as unknown as Record<SecondsField, number>)[field]);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export async function averageRating(db: Db, where: ItemWhere): Promise<{ average: number; count: number } | null> {
  const r = await db.item.aggregate({ where: { ...where, rating: { not: null } }, _avg: { rating: true }, _count: { rating: true } });
  return r._avg.rating === null ? null : { average: r._avg.rating, count: r._count.rating };
}

/** [from, to) as a Prisma filter. */
export const within = (from: Date, to: Date) => ({ gte: from, lt: to });
