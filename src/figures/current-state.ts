import type { Tx } from '../db/sql.ts';
import type { ItemStatus } from '../domain/types.ts';
import { ITEM_STATUSES } from '../domain/types.ts';
import { countOverdue } from './period-figures.ts';
import { isEmptyScope, scopeSql, type Scope } from './scope.ts';

/** The ledger as it is now: items per status, and 超期 with as-of = now. */
export type CurrentState = Record<ItemStatus, number> & { overdue: number };

export async function currentState(tx: Tx, scope: Scope, now: Date): Promise<CurrentState> {
  const state = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as CurrentState;
  state.overdue = 0;
  if (isEmptyScope(scope)) return state;
  const s = scopeSql(scope);
  const [rows, overdue] = await Promise.all([
    tx.all<{ status: string; n: number }>(`SELECT i.status AS status, count(*) AS n FROM items i WHERE 1 = 1${s.sql} GROUP BY i.status`, s.params),
    countOverdue(tx, scope, now, now),
  ]);
  for (const r of rows) if (r.status in state) state[r.status as ItemStatus] = r.n;
  state.overdue = overdue;
  return state;
}
