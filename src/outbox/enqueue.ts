import type { Tx } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import { mayBeHeld, type OutboundMessage } from '../core/messages.ts';

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
    const chunkIds = rows.map((r) => r.id).sort((a, b) => a - b);
    ids.push(...chunkIds);
    const holdable = chunkIds.filter((_, i) => mayBeHeld(chunk[i]!));
    if (holdable.length > 0) await holdBehindHeld(tx, holdable);
  }
  return ids;
}

/**
 * A message behind a held one of its conversation waits with it (held too, with the same reason),
 * so that the outbox shows it as waiting for the person, and the channel releases them together.
 */
async function holdBehindHeld(tx: Tx, ids: readonly number[]): Promise<void> {
  await tx.run(
    `UPDATE outbox_messages SET status = 'held',
       last_error = (SELECT h.last_error FROM outbox_messages h WHERE h.order_key = outbox_messages.order_key AND h.status = 'held' ORDER BY h.id LIMIT 1)
     WHERE id IN ${inList(ids.length)}
       AND EXISTS (SELECT 1 FROM outbox_messages h WHERE h.order_key = outbox_messages.order_key AND h.status = 'held')`,
    ids,
  );
}
