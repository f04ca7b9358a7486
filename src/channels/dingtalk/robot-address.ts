import { z } from 'zod';
import type { Db } from '../../db/sql.ts';
import { isUniqueViolation } from '../../db/sql.ts';
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
export async function rememberAddress(db: Db, target: Target, address: Required<RobotAddress>, now: Date): Promise<void> {
  const key = { platform_targetType_targetId: { platform: 'dingtalk', targetType: target.type, targetId: target.id } };
  const existing = await db.channelAddress.findUnique({ where: key });
  // A redelivered or late older message must not replace a newer session.
  if (existing && (parse(existing.data).expiresAt ?? 0) >= address.expiresAt) return;
  const data = JSON.stringify(address);
  try {
    await db.channelAddress.upsert({
      where: key,
      create: { platform: 'dingtalk', targetType: target.type, targetId: target.id, route: ROBOT_ROUTE, data, updatedAt: now },
      update: { route: ROBOT_ROUTE, data, updatedAt: now },
    });
  } catch (error) {
    // Two messages of one chat at once: the other one stored its session, which is as good.
    if (!isUniqueViolation(error)) throw error;
  }
}

export async function findAddress(db: Db, target: Target): Promise<RobotAddress | null> {
  const row = await db.channelAddress.findUnique({
    where: { platform_targetType_targetId: { platform: 'dingtalk', targetType: target.type, targetId: target.id } },
  });
  return row && row.route === ROBOT_ROUTE ? parse(row.data) : null;
}

function parse(data: string): RobotAddress {
  try {
    const parsed = addressSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
