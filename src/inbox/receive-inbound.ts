import type { Db } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { InboundMessage } from '../channels/types.ts';

/** How long the receiving process owns a message before another may pick it up (crash recovery). */
export const INBOUND_LEASE_MS = 60_000;

/**
 * Stores a platform message before anything else happens: the platform may be acknowledged once
 * this returns. A message id seen before (a redelivery, or the same callback on another replica)
 * is reported as a duplicate and stored nothing.
 */
export async function receiveInbound(
  db: Db,
  msg: InboundMessage,
  now: Date,
): Promise<{ id: number; duplicate: boolean }> {
  try {
    const row = await db.inboundMessage.create({
      data: {
        platform: msg.platform,
        messageId: msg.messageId,
        conversationId: msg.conversationId,
        payload: JSON.stringify(msg),
        receivedAt: now,
        leaseUntil: new Date(now.getTime() + INBOUND_LEASE_MS),
      },
      select: { id: true },
    });
    return { id: row.id, duplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.inboundMessage.findUnique({
      where: { platform_messageId: { platform: msg.platform, messageId: msg.messageId } },
      select: { id: true },
    });
    return { id: existing?.id ?? 0, duplicate: true };
  }
}
