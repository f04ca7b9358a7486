import type { Db } from '../../db/sql.ts';
import { isUniqueViolation } from '../../db/sql.ts';
import type { Target } from '../../core/messages.ts';

/** The ways in a WeCom person or group has been heard through; each can also reach them later. */
export type WecomRoute = 'wecom-bot' | 'wecom-app';

const key = (target: Target) => ({
  platform_targetType_targetId: { platform: 'wecom', targetType: target.type, targetId: target.id },
});

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
export async function rememberAddress(db: Db, target: Target, route: WecomRoute, now: Date): Promise<void> {
  const row = await db.channelAddress.findUnique({ where: key(target) });
  const routes = row ? routesOf(row.data) : [];
  if (row?.route === route && routes[0] === route) return;
  const data = JSON.stringify({ routes: [route, ...routes.filter((r) => r !== route)] });
  try {
    await db.channelAddress.upsert({
      where: key(target),
      create: { platform: 'wecom', targetType: target.type, targetId: target.id, route, data, updatedAt: now },
      update: { route, data, updatedAt: now },
    });
  } catch (error) {
    // Another replica noted the same address at the same moment.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** The routes `target` was heard through, the latest first; empty when never heard from. */
export async function knownRoutes(db: Db, target: Target): Promise<WecomRoute[]> {
  const row = await db.channelAddress.findUnique({ where: key(target) });
  return row ? routesOf(row.data) : [];
}
