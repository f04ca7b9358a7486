import { z } from 'zod';
import type { ChannelAddress } from '../../db/rows.ts';
import type { Tx } from '../../db/sql.ts';
import type { Target } from '../../core/messages.ts';

/** The ChannelAddress route of the app robot (custom group robots need none: their keys are on GroupChat). */
export const ROBOT_ROUTE = 'dingtalk-robot';

const addressSchema = z.object({
  /** The newest sessionWebhook of this chat (DingTalk's credential for it) and its expiry, epoch ms. */
  sessionWebhook: z.string().optional(),
  expiresAt: z.number().optional(),
});
export type RobotAddress = z.infer<typeof addressSchema>;

/**
 * Remembers the newest way back into a chat the robot heard from: a person's single chat, or a
 * group. Proactive messages (a notification to someone who wrote an hour ago) then use the
 * sessionWebhook while it lasts, which costs no OpenAPI quota and is the only way to reach people
 * outside the organisation, who have no userId for batchSend.
 */
export async function rememberAddress(db: Tx, target: Target, address: Required<RobotAddress>, now: Date): Promise<void> {
  const existing = await findRow(db, target);
  // A redelivered or late older message must not replace a newer session.
  if (existing && (parse(existing.data).expiresAt ?? 0) >= address.expiresAt) return;
  const data = JSON.stringify(address);
  // ON CONFLICT: two messages of one chat at once; either one's session is as good.
  await db.run(
    `INSERT INTO channel_addresses (platform, target_type, target_id, route, data, updated_at) VALUES ('dingtalk', ?, ?, ?, ?, ?)
     ON CONFLICT (platform, target_type, target_id) DO UPDATE SET route = excluded.route, data = excluded.data, updated_at = excluded.updated_at`,
    [target.type, target.id, ROBOT_ROUTE, data, now],
  );
}

export async function findAddress(db: Tx, target: Target): Promise<RobotAddress | null> {
  const row = await findRow(db, target);
  return row && row.route === ROBOT_ROUTE ? parse(row.data) : null;
}

function findRow(db: Tx, target: Target): Promise<Pick<ChannelAddress, 'route' | 'data'> | undefined> {
  return db.get<Pick<ChannelAddress, 'route' | 'data'>>(
    "SELECT route, data FROM channel_addresses WHERE platform = 'dingtalk' AND target_type = ? AND target_id = ?",
    [target.type, target.id],
  );
}

function parse(data: string): RobotAddress {
  try {
    const parsed = addressSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
