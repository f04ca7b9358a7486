import type { Tx } from '../db/sql.ts';
import type { OutboundMessage } from '../core/messages.ts';

export type Cause = { inboundId?: number; jobRunId?: number };

export function orderKeyOf(m: Pick<OutboundMessage, 'platform' | 'target'>): string {
  return `${m.platform}:${m.target.type}:${m.target.id}`;
}

const COLUMNS =
  '(platform, target_type, target_id, order_key, text, format, reply_context, inbound_id, job_run_id, scheduled, status, attempts, parts_sent, created_at, not_before)';
const CHUNK = 200;
const ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, 0, ?, ?)";

/**
 * Writes messages into the outbox inside the caller's transaction (the transactional outbox):
 * they exist if and only if the change that caused them was committed. One statement for all.
 */
export async function enqueue(tx: Tx, messages: readonly OutboundMessage[], cause: Cause, now: Date): Promise<number[]> {
  const ids: number[] = [];
  // In chunks: a bulletin to many groups stays under both databases' limits on bound values.
  for (let i = 0; i < messages.length; i += CHUNK) {
    const chunk = messages.slice(i, i + CHUNK);
    const params = chunk.flatMap((m) => [
      m.platform,
      m.target.type,
      m.target.id,
      orderKeyOf(m),
      m.text,
      m.format,
      m.replyContext === undefined ? null : JSON.stringify(m.replyContext),
      cause.inboundId ?? null,
      cause.jobRunId ?? null,
      m.scheduled ?? false,
      now,
      now,
    ]);
    const rows = await tx.all<{ id: number }>(
      `INSERT INTO outbox_messages ${COLUMNS} VALUES ${Array(chunk.length).fill(ROW).join(', ')} RETURNING id`,
      params,
    );
    ids.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}
