import type { Value, Tx } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import { zonedTime } from '../core/zoned-time.ts';
import { addDays } from '../figures/period.ts';
import { isEmptyScope, scopeSql, type Scope } from '../figures/scope.ts';
import type { LedgerFilter } from './ledger-filter.ts';

const ACTIVE = "('open', 'claimed', 'done')";
const CLOSED = "('confirmed', 'withdrawn', 'rejected', 'merged')";
const UNFINISHED = "('open', 'claimed')";

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

/**
 * The filter as SQL over `items i` (joined with `people c` on the claimant): the same WHERE for
 * the page, its total and the export, so what is counted is what is listed and exported.
 */
export function ledgerWhere(filter: LedgerFilter, scope: Scope, now: Date, timeZone: string): { sql: string; params: Value[] } {
  const s = scopeSql(scope);
  let sql = `1 = 1${s.sql}`;
  const params: Value[] = [...s.params];
  const add = (clause: string, ...values: Value[]) => {
    sql += ` AND ${clause}`;
    params.push(...values);
  };
  if (filter.community !== undefined) add('i.community_id = ?', filter.community);
  if (filter.grid !== undefined) add('i.grid_id = ?', filter.grid);
  if (filter.kind) add('i.kind = ?', filter.kind);
  if (filter.priority) add('i.priority = ?', filter.priority);
  if (filter.category) add('i.category = ?', filter.category);
  if (filter.status === 'active') add(`i.status IN ${ACTIVE}`);
  else if (filter.status === 'closed') add(`i.status IN ${CLOSED}`);
  else if (filter.status) add('i.status = ?', filter.status);
  if (filter.from) add('i.created_at >= ?', zonedTime(filter.from, '00:00:00', timeZone));
  if (filter.to) add('i.created_at < ?', zonedTime(addDays(filter.to, 1), '00:00:00', timeZone));
  if (filter.overdue) add(`i.status IN ${UNFINISHED} AND i.deadline_at < ?`, now);
  if (filter.holder) {
    const p = containsPattern(filter.holder);
    add("(lower(c.name) LIKE ? ESCAPE '\\' OR lower(i.assigned_unit) LIKE ? ESCAPE '\\')", p, p);
  }
  if (filter.q) {
    const number = /^[#＃]?\s*(\d{1,9})$/u.exec(filter.q);
    if (number) add('i.id = ?', Number(number[1]));
    else {
      const p = containsPattern(filter.q);
      add("(lower(i.text) LIKE ? ESCAPE '\\' OR lower(i.place) LIKE ? ESCAPE '\\')", p, p);
    }
  }
  return { sql, params };
}

const ORDER: Record<LedgerFilter['sort'], string> = {
  // SPEC: urgent items lead every list, while they still need doing.
  new: `CASE WHEN i.priority = 'urgent' AND i.status IN ${UNFINISHED} THEN 0 ELSE 1 END, i.id DESC`,
  old: 'i.id ASC',
  deadline: 'CASE WHEN i.deadline_at IS NULL THEN 1 ELSE 0 END, i.deadline_at ASC, i.id ASC',
  updated: 'i.updated_at DESC, i.id DESC',
};

export type LedgerListRow = {
  id: number;
  kind: string;
  status: string;
  priority: string;
  text: string;
  place: string | null;
  category: string | null;
  communityId: number;
  community: string;
  grid: string | null;
  createdAt: Date;
  deadlineAt: Date | null;
  holder: string | null;
  supporters: number;
};

const FROM = 'FROM items i LEFT JOIN people c ON c.id = i.claimant_id';

/** One page of the 台账 and the total matching the filter. */
export async function ledgerList(tx: Tx, filter: LedgerFilter, scope: Scope, now: Date, timeZone: string): Promise<{ total: number; rows: LedgerListRow[] }> {
  if (isEmptyScope(scope)) return { total: 0, rows: [] };
  const w = ledgerWhere(filter, scope, now, timeZone);
  const [count, rows] = await Promise.all([
    tx.get<{ n: number }>(`SELECT count(*) AS n ${FROM} WHERE ${w.sql}`, w.params),
    tx.all<Omit<LedgerListRow, 'holder'> & { claimant: string | null; assignedUnit: string | null }>(
      `SELECT i.id, i.kind, i.status, i.priority, i.text, i.place, i.category, i.community_id, i.created_at, i.deadline_at,
              i.assigned_unit, c.name AS claimant, m.name AS community, g.name AS grid,
              (SELECT count(*) FROM item_supporters s WHERE s.item_id = i.id) AS supporters
         ${FROM} JOIN communities m ON m.id = i.community_id LEFT JOIN grids g ON g.id = i.grid_id
        WHERE ${w.sql} ORDER BY ${ORDER[filter.sort]} LIMIT ? OFFSET ?`,
      [...w.params, filter.size, (filter.page - 1) * filter.size],
    ),
  ]);
  return {
    total: count?.n ?? 0,
    rows: rows.map(({ claimant, assignedUnit, ...r }) => ({ ...r, holder: claimant ?? assignedUnit })),
  };
}

/** What the export needs of an item beyond the list row. */
export type LedgerExportItem = {
  id: number;
  kind: string;
  status: string;
  text: string;
  place: string | null;
  category: string | null;
  grid: string | null;
  submitterName: string | null;
  submitterPhone: string | null;
  createdAt: Date;
  doneAt: Date | null;
  deadlineAt: Date | null;
  holder: string | null;
  ratings: Array<{ rating: number; comment: string | null }>;
  revisit: 'yes' | 'no' | 'asked' | null;
};

const EXPORT_PAGE = 1000;

/**
 * Every item matching the filter, by number, a thousand at a time (keyset paging: each page is an
 * indexed range, however deep), with ratings and revisits fetched per page. Memory holds one page.
 */
export async function* ledgerExportItems(
  tx: Tx,
  filter: LedgerFilter,
  scope: Scope,
  now: Date,
  timeZone: string,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<LedgerExportItem> {
  if (isEmptyScope(scope)) return;
  const w = ledgerWhere(filter, scope, now, timeZone);
  let after = 0;
  for (;;) {
    const page = await tx.all<Omit<LedgerExportItem, 'ratings' | 'revisit' | 'holder'> & { claimant: string | null; assignedUnit: string | null }>(
      `SELECT i.id, i.kind, i.status, i.text, i.place, i.category, i.created_at, i.done_at, i.deadline_at, i.assigned_unit,
              c.name AS claimant, COALESCE(i.on_behalf_of, s.name) AS submitter_name,
              CASE WHEN i.on_behalf_of IS NULL THEN s.phone ELSE i.on_behalf_phone END AS submitter_phone, g.name AS grid
         ${FROM} LEFT JOIN people s ON s.id = i.submitter_id LEFT JOIN grids g ON g.id = i.grid_id
        WHERE ${w.sql} AND i.id > ? ORDER BY i.id LIMIT ?`,
      [...w.params, after, pageSize],
    );
    if (page.length === 0) return;
    const ids = page.map((r) => r.id);
    const [ratings, revisits] = await Promise.all([
      tx.all<{ itemId: number; rating: number; note: string | null }>(
        `SELECT item_id, rating, note FROM item_events
          WHERE item_id IN ${inList(ids.length)} AND type IN ('confirmed', 'rated_low', 'rerated') AND rating IS NOT NULL ORDER BY item_id, id`,
        ids,
      ),
      tx.all<{ itemId: number; answer: string | null }>(
        `SELECT item_id, answer FROM revisits WHERE item_id IN ${inList(ids.length)} ORDER BY item_id, asked_at, id`,
        ids,
      ),
    ]);
    const ratingsOf = new Map<number, LedgerExportItem['ratings']>();
    for (const r of ratings) {
      const list = ratingsOf.get(r.itemId) ?? [];
      list.push({ rating: r.rating, comment: r.note });
      ratingsOf.set(r.itemId, list);
    }
    const revisitOf = new Map<number, LedgerExportItem['revisit']>();
    for (const r of revisits) revisitOf.set(r.itemId, r.answer === 'yes' ? 'yes' : r.answer === 'no' ? 'no' : 'asked');
    for (const { claimant, assignedUnit, ...r } of page) {
      yield { ...r, holder: claimant ?? assignedUnit, ratings: ratingsOf.get(r.id) ?? [], revisit: revisitOf.get(r.id) ?? null };
    }
    after = ids[ids.length - 1]!;
    if (page.length < pageSize) return;
  }
}
