import type { Tx } from '../../db/sql.ts';

/** Where sync_msg continues for an account ('' = from the oldest of the last 3 days). */
export async function loadCursor(db: Tx, openKfid: string): Promise<string> {
  const row = await db.get<{ cursor: string }>('SELECT cursor FROM kf_cursors WHERE open_kfid = ?', [openKfid]);
  return row?.cursor ?? '';
}

/** Moves the cursor; called only after every message before it is stored. */
export async function saveCursor(db: Tx, openKfid: string, cursor: string, now: Date): Promise<void> {
  await db.run(
    `INSERT INTO kf_cursors (open_kfid, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (open_kfid) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    [openKfid, cursor, now],
  );
}
