import type { Tx } from '../../db/sql.ts';
import { insert, update } from '../../db/sql.ts';
import type { RosterRow } from './check-roster.ts';
import { ROSTER_COLUMNS } from './roster-columns.ts';
import type { RosterTable } from './read-roster.ts';

export type RosterOutcome = '新增' | '更新' | '不变';
export type ApplySummary = { created: number; updated: number; unchanged: number; gridsCreated: number; outcomes: Map<number, RosterOutcome> };

const RANK = { member: 1, official: 2 } as const;

/**
 * Writes the rows that have no problem: each person by platform + account (created, or brought up
 * to date), their grid (created when new), their role in the community (raised, never lowered: an
 * official listed as 党员 stays an official). The same sheet twice writes nothing the second time.
 * With `dryRun`, writes nothing and only says what it would do (for the preview).
 */
export async function applyRoster(tx: Tx, rows: readonly RosterRow[], now: Date, opts: { dryRun?: boolean } = {}): Promise<ApplySummary> {
  const summary: ApplySummary = { created: 0, updated: 0, unchanged: 0, gridsCreated: 0, outcomes: new Map() };
  const gridIds = new Map<string, number | null>();
  for (const row of rows) {
    if (row.problems.length > 0 || row.communityId === null || row.platform === null || row.role === null) continue;
    let gridId: number | null = null;
    if (row.grid) {
      const key = `${row.communityId}|${row.grid}`;
      if (!gridIds.has(key)) {
        const found = await tx.get<{ id: number }>('SELECT id FROM grids WHERE community_id = ? AND name = ?', [row.communityId, row.grid]);
        if (found) gridIds.set(key, found.id);
        else if (opts.dryRun) gridIds.set(key, null);
        else {
          gridIds.set(key, await insert(tx, 'grids', { communityId: row.communityId, name: row.grid, createdAt: now }));
          summary.gridsCreated++;
        }
      }
      gridId = gridIds.get(key) ?? null;
    }
    const person = await tx.get<{ id: number; name: string; phone: string | null; communityId: number | null; gridId: number | null }>(
      'SELECT id, name, phone, community_id, grid_id FROM people WHERE platform = ? AND platform_user_id = ?',
      [row.platform, row.platformUserId],
    );
    let outcome: RosterOutcome;
    if (!person) {
      outcome = '新增';
      if (!opts.dryRun) {
        const id = await insert(tx, 'people', {
          platform: row.platform,
          platformUserId: row.platformUserId,
          name: row.name,
          phone: row.phone,
          communityId: row.communityId,
          gridId,
          createdAt: now,
          updatedAt: now,
        });
        await insert(tx, 'memberships', { personId: id, communityId: row.communityId, role: row.role, createdAt: now });
      }
    } else {
      const changes: Record<string, string | number | Date | null> = {};
      if (person.name !== row.name) changes.name = row.name;
      if (person.phone !== row.phone) changes.phone = row.phone;
      if (person.communityId !== row.communityId) changes.communityId = row.communityId;
      // A grid left blank in the sheet leaves the person's grid as it is; a new grid (dry run) is a change.
      if (row.grid && (gridId === null || person.gridId !== gridId)) changes.gridId = gridId;
      const membership = await tx.get<{ id: number; role: string }>('SELECT id, role FROM memberships WHERE person_id = ? AND community_id = ?', [person.id, row.communityId]);
      const raise = !membership || RANK[row.role] > RANK[membership.role as keyof typeof RANK];
      outcome = Object.keys(changes).length > 0 || raise ? '更新' : '不变';
      if (!opts.dryRun) {
        if (Object.keys(changes).length > 0) await update(tx, 'people', { ...changes, updatedAt: now }, 'id = ?', [person.id]);
        if (!membership) await insert(tx, 'memberships', { personId: person.id, communityId: row.communityId, role: row.role, createdAt: now });
        else if (raise) await update(tx, 'memberships', { role: row.role }, 'id = ?', [membership.id]);
      }
    }
    summary.outcomes.set(row.line, outcome);
    if (outcome === '新增') summary.created++;
    else if (outcome === '更新') summary.updated++;
    else summary.unchanged++;
  }
  return summary;
}

/** The rows a preview hands to its apply form: the sheet's own text, checked again on apply. */
export function rosterPayload(rows: readonly RosterRow[]): string {
  return JSON.stringify(
    rows.filter((r) => r.problems.length === 0).map((r) => [r.line, r.name, r.phone, r.platform, r.platformUserId, r.role, r.community, r.grid]),
  );
}

/** The apply form's rows back as a table for checkRoster; null when it is not what a preview wrote. */
export function tableFromPayload(payload: unknown): RosterTable | null {
  if (typeof payload !== 'string' || payload.length > 4_000_000) return null;
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length > 5000) return null;
  const rows: RosterTable['rows'] = [];
  for (const r of data) {
    if (!Array.isArray(r) || r.length !== 8 || typeof r[0] !== 'number' || !r.slice(1).every((c) => typeof c === 'string')) return null;
    rows.push({ line: r[0], cells: r.slice(1) as string[] });
  }
  return { header: [...ROSTER_COLUMNS], rows };
}
