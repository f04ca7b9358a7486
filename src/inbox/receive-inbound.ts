import type { Tx } from '../db/sql.ts';
import type { InboundMessage } from '../core/messages.ts';

/** How long the receiving process owns a message before another may pick it up (crash recovery). */
export const INBOUND_LEASE_MS = 60_000;

/**
 * Stores a platform message before anything else happens: the platform may be acknowledged once
 * this returns. A message id seen before (a redelivery, or the same callback on another replica)
 * is reported as a duplicate and stored nothing.
 */
export async function receiveInbound(db: Tx, msg: InboundMessage, now: Date): Promise<{ id: number; duplicate: boolean }> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO inbound_messages (platform, message_id, conversation_id, payload, status, attempts, received_at, lease_until)
     VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (platform, message_id) DO NOTHING RETURNING id`,
    [msg.platform, msg.messageId, msg.conversationId, JSON.stringify(msg), now, new Date(now.getTime() + INBOUND_LEASE_MS)],
  );
  if (row) return { id: row.id, duplicate: false };
  const existing = await db.get<{ id: number }>('SELECT id FROM inbound_messages WHERE platform = ? AND message_id = ?', [
    msg.platform,
    msg.messageId,
  ]);
  return { id: existing?.id ?? 0, duplicate: true };
}
