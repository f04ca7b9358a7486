import type { Tx } from '../db/sql.ts';
import type { Span } from './period.ts';
import { NO_CATEGORY } from './hot-spots.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

export const WISH_CATEGORY = '微心愿';

/** 类别分布: items created in the span by category; wishes have none and are counted as 微心愿. */
export async function categoryCounts(tx: Tx, scope: Scope, span: Span): Promise<Array<{ category: string; count: number }>> {
  if (isEmptyScope(scope)) return [];
  const s = scopeSql(scope);
  const rows = await tx.all<{ kind: string; category: string | null; n: number }>(
    `SELECT i.kind AS kind, i.category AS category, count(*) AS n FROM items i
      WHERE i.created_at >= ? AND i.created_at < ?${s.sql} GROUP BY i.kind, i.category`,
    [span.from, span.to, ...s.params],
  );
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = r.kind === 'wish' && !r.category ? WISH_CATEGORY : r.category?.trim() || NO_CATEGORY;
    counts.set(key, (counts.get(key) ?? 0) + r.n);
  }
  return [...counts].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'zh'));
}
