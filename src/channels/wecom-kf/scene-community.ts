import type { Db } from '../../db/sql.ts';

/** A card link's scene or scene_param names its community: "community-12" (or "12"). */
export function sceneCommunityId(scene: string): number | null {
  const m = /^(?:community-|c)?(\d{1,9})$/u.exec(scene.trim());
  return m ? Number(m[1]) : null;
}

export async function communityOfScene(db: Db, scene: string): Promise<number | null> {
  const id = sceneCommunityId(scene);
  if (id === null) return null;
  const row = await db.get<{ id: number }>('SELECT id FROM communities WHERE id = ?', [id]);
  return row?.id ?? null;
}
