import type { Tx } from '../db/sql.ts';
import type { Actor } from '../domain/actor.ts';
import type { Scope } from '../figures/scope.ts';
import type { Viewer } from './layout.ts';

/**
 * The signed-in person as the console sees them: an official with the communities they are an
 * official of, or the admin with every community. The admin acts as actor 0 ("管理员"): no person
 * has that id, so nobody is skipped as "the one who did it" and the timeline names the admin.
 */
export type ConsoleViewer = Viewer & { personId: number | null; actor: Actor };

export const ADMIN_ACTOR_ID = 0;

export async function loadViewer(tx: Tx, personId: number | null): Promise<ConsoleViewer | null> {
  if (personId === null) {
    const communities = await tx.all<{ id: number; name: string }>('SELECT id, name FROM communities ORDER BY id');
    return {
      name: '管理员',
      admin: true,
      communities,
      personId: null,
      actor: { id: ADMIN_ACTOR_ID, name: '管理员', roles: new Map(communities.map((c) => [c.id, 'official'] as const)) },
    };
  }
  const rows = await tx.all<{ name: string; communityId: number; community: string }>(
    `SELECT p.name, m.community_id, c.name AS community FROM people p
       JOIN memberships m ON m.person_id = p.id AND m.role = 'official' JOIN communities c ON c.id = m.community_id
      WHERE p.id = ? ORDER BY m.community_id`,
    [personId],
  );
  // No longer an official anywhere: the session no longer opens anything.
  if (rows.length === 0) return null;
  const communities = rows.map((r) => ({ id: r.communityId, name: r.community }));
  return {
    name: rows[0]!.name,
    admin: false,
    communities,
    personId,
    actor: { id: personId, name: rows[0]!.name, roles: new Map(communities.map((c) => [c.id, 'official'] as const)) },
  };
}

/** What the viewer's figures and lists cover. */
export function scopeOf(viewer: ConsoleViewer, gridId?: number | null): Scope {
  return { communityIds: viewer.admin ? null : viewer.communities.map((c) => c.id), gridId: gridId ?? null };
}

export function canSeeCommunity(viewer: ConsoleViewer, communityId: number): boolean {
  return viewer.admin || viewer.communities.some((c) => c.id === communityId);
}
