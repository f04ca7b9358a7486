import type { ChannelAddress } from '../../db/rows.ts';
import type { Tx } from '../../db/sql.ts';
import type { Target } from '../../core/messages.ts';

/** The ways in a WeCom person or group has been heard through; each can also reach them later. */
export type WecomRoute = 'wecom-bot' | 'wecom-app';

function findRow(db: Tx, target: Target): Promise<Pick<ChannelAddress, 'route' | 'data'> | undefined> {
  return db.get<Pick<ChannelAddress, 'route' | 'data'>>(
    "SELECT route, data FROM channel_addresses WHERE platform = 'wecom' AND target_type = ? AND target_id = ?",
    [target.type, target.id],
  );
}

function routesOf(data: string): WecomRoute[] {
  try {
    const parsed = JSON.parse(data) as { routes?: unknown };
    return Array.isArray(parsed.routes) ? parsed.routes.filter((r): r is WecomRoute => r === 'wecom-bot' || r === 'wecom-app') : [];
  } catch {
    return [];
  }
}

/**
 * Notes that `target` was heard through `route`, so that a later push (a notification, a bulletin)
 * knows a way to reach it: the smart robot can only push to conversations that talked to it. The
 * route heard last comes first. Writes only when something changed.
 */
export async function rememberAddress(db: Tx, target: Target, route: WecomRoute, now: Date): Promise<void> {
  const row = await findRow(db, target);
  const routes = row ? routesOf(row.data) : [];
  if (row?.route === route && routes[0] === route) return;
  const data = JSON.stringify({ routes: [route, ...routes.filter((r) => r !== route)] });
  // ON CONFLICT: another replica may note the same address at the same moment.
  await db.run(
    `INSERT INTO channel_addresses (platform, target_type, target_id, route, data, updated_at) VALUES ('wecom', ?, ?, ?, ?, ?)
     ON CONFLICT (platform, target_type, target_id) DO UPDATE SET route = excluded.route, data = excluded.data, updated_at = excluded.updated_at`,
    [target.type, target.id, route, data, now],
  );
}

/** The routes `target` was heard through, the latest first; empty when never heard from. */
export async function knownRoutes(db: Tx, target: Target): Promise<WecomRoute[]> {
  const row = await findRow(db, target);
  return row ? routesOf(row.data) : [];
}
