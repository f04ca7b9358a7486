import { inList, type Value } from '../db/sql.ts';

/**
 * Which part of the ledger a figure covers: some communities (null: all of them, for the admin)
 * and, optionally, one grid. An official's own communities are a handful, so the IN list stays short.
 */
export type Scope = { communityIds: readonly number[] | null; gridId?: number | null };

export const ALL_COMMUNITIES: Scope = { communityIds: null };

/** Whether the scope can hold nothing at all (an official of no community). */
export function isEmptyScope(scope: Scope): boolean {
  return scope.communityIds !== null && scope.communityIds.length === 0;
}

/**
 * The scope as SQL over an items alias: ` AND i.community_id IN (?, ?) AND i.grid_id = ?`, or '' for
 * everything. Callers check isEmptyScope first (SQL has no empty IN list). `filterOnly`: the
 * community is checked row by row (a unary +), for a query that has a narrower index of its own
 * which a planner without statistics would pass over for items (community_id, …).
 */
export function scopeSql(scope: Scope, alias = 'i', filterOnly = false): { sql: string; params: Value[] } {
  let sql = '';
  const params: Value[] = [];
  if (scope.communityIds !== null) {
    sql += ` AND ${filterOnly ? '+' : ''}${alias}.community_id IN ${inList(scope.communityIds.length)}`;
    params.push(...scope.communityIds);
  }
  if (scope.gridId != null) {
    sql += ` AND ${alias}.grid_id = ?`;
    params.push(scope.gridId);
  }
  return { sql, params };
}
