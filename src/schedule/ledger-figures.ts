import { snake, type Tx, type Value } from '../db/sql.ts';

/** Conditions on `items` (unaliased columns, `?` placeholders), joined with AND. */
export type ItemWhere = { sql: string; params: Value[] };
type SecondsField = 'claimSeconds' | 'resolveSeconds';

/** The conditions of all `parts`, joined with AND. */
export function where(...parts: ItemWhere[]): ItemWhere {
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** `column = value`. */
export const eq = (column: string, value: Value): ItemWhere => ({ sql: `${column} = ?`, params: [value] });

/**
 * The median of a duration column, computed in the database: a count, then the middle row(s) of
 * the sorted column (ORDER BY … OFFSET), never by loading every row.
 */
export async function medianSeconds(db: Tx, filter: ItemWhere, field: SecondsField): Promise<number | null> {
  const column = snake(field);
  const f = where(filter, { sql: `${column} IS NOT NULL`, params: [] });
  const counted = await db.get<{ n: number }>(`SELECT count(*) AS n FROM items WHERE ${f.sql}`, f.params);
  const n = counted?.n ?? 0;
  if (n === 0) return null;
  const rows = await db.all<{ s: number }>(`SELECT ${column} AS s FROM items WHERE ${f.sql} ORDER BY ${column} LIMIT ? OFFSET ?`, [
    ...f.params,
    n % 2 === 0 ? 2 : 1,
    Math.floor((n - 1) / 2),
  ]);
  const values = rows.map((r) => r.s);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export async function averageRating(db: Tx, filter: ItemWhere): Promise<{ average: number; count: number } | null> {
  const f = where(filter, { sql: 'rating IS NOT NULL', params: [] });
  const r = await db.get<{ average: number | null; n: number }>(`SELECT avg(rating) AS average, count(rating) AS n FROM items WHERE ${f.sql}`, f.params);
  return !r || r.average === null ? null : { average: Number(r.average), count: r.n };
}

/** `column` in [from, to). */
export const within = (column: string, from: Date, to: Date): ItemWhere => ({ sql: `${column} >= ? AND ${column} < ?`, params: [from, to] });
