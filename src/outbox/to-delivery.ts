import type { OutboxMessage } from '../db/rows.ts';
import type { Delivery, Platform } from '../core/messages.ts';

export function toDelivery(row: OutboxMessage): Delivery {
  return {
    id: row.id,
    platform: row.platform as Platform,
    target: { type: row.targetType as 'user' | 'group', id: row.targetId },
    text: row.text,
    format: row.format as 'text' | 'markdown',
    replyContext: row.replyContext ? JSON.parse(row.replyContext) : undefined,
    partsSent: row.partsSent,
  };
}
