import type { OutboxMessage } from '../../db/rows.ts';
import { inList, unindexed, type Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';
import { splitMessage } from '../../outbox/split-message.ts';
import type { Delivery, SendResult } from '../../core/messages.ts';
import { outcomeOf, outcomeOfError } from './api-outcome.ts';
import { MAX_BYTES } from './limits.ts';
import { callJson } from './wecom-http.ts';

type Deps = { db: Db; clock: Clock; log: Logger; timeoutMs: number; throttleMs: number };

/**
 * Answers a message in smart-robot callback mode. Its response_url can be used once (101138) and
 * callback mode has no other way to post, so when one message made the bot say several things in
 * that conversation, they go together: this reply takes along the later outbox rows of the same
 * inbound message and conversation (they wait behind it: the outbox sends a conversation in order)
 * and marks them sent once WeCom took the whole. See docs/decisions/0010-wecom-response-url-once.md.
 */
export async function replyThroughResponseUrl(deps: Deps, d: Delivery, url: string): Promise<SendResult> {
  const { db, clock } = deps;
  const row = await db.get<Pick<OutboxMessage, 'inboundId' | 'orderKey'>>('SELECT inbound_id, order_key FROM outbox_messages WHERE id = ?', [
    d.id,
  ]);
  const later =
    row?.inboundId != null
      ? await db.all<Pick<OutboxMessage, 'id' | 'text'>>(
          "SELECT id, text FROM outbox_messages WHERE inbound_id = ? AND order_key = ? AND id > ? AND status = 'pending' ORDER BY id",
          [row.inboundId, row.orderKey, d.id],
        )
      : [];
  const whole = [d.text, ...later.map((r) => r.text)].join('\n\n');
  // Room for the "…" that marks a cut.
  const parts = splitMessage(whole, MAX_BYTES.bot - 4);
  if (parts.length > 1) deps.log.warn({ outboxId: d.id, parts: parts.length }, 'reply longer than one response_url message; the rest is cut');
  const content = parts.length > 1 ? `${parts[0]}\n…` : (parts[0] ?? whole);
  try {
    const outcome = outcomeOf(await callJson(url, { msgtype: 'markdown', markdown: { content } }, deps.timeoutMs), clock.now(), deps.throttleMs);
    if (!outcome.ok) return outcome;
  } catch (error) {
    return outcomeOfError(error, clock.now(), deps.throttleMs);
  }
  if (later.length > 0) {
    // Bounded: what one inbound message made the bot say into one conversation.
    await db.run(`UPDATE outbox_messages SET status = 'sent', sent_at = ?, last_error = NULL WHERE id IN ${inList(later.length)} AND ${unindexed('status')} = 'pending'`, [
      clock.now(),
      ...later.map((r) => r.id),
    ]);
  }
  return { ok: true };
}
