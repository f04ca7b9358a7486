import type { Tx } from '../db/client.ts';
import type { OutboundMessage } from '../channels/types.ts';

export type Cause = { inboundId?: number; jobRunId?: number };

export function orderKeyOf(m: Pick<OutboundMessage, 'platform' | 'target'>): string {
  return `${m.platform}:${m.target.type}:${m.target.id}`;
}

/**
 * Writes messages into the outbox inside the caller's transaction (the transactional outbox):
 * they exist if and only if the change that caused them was committed.
 */
export async function enqueue(tx: Tx, messages: readonly OutboundMessage[], cause: Cause, now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (const m of messages) {
    const row = await tx.outboxMessage.create({
      data: {
        platform: m.platform,
        targetType: m.target.type,
        targetId: m.target.id,
        orderKey: orderKeyOf(m),
        text: m.text,
        format: m.format,
        replyContext: m.replyContext === undefined ? null : JSON.stringify(m.replyContext),
        inboundId: cause.inboundId ?? null,
        jobRunId: cause.jobRunId ?? null,
        scheduled: m.scheduled ?? false,
        createdAt: now,
        notBefore: now,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
