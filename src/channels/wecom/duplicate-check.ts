import type { OutboxMessage } from '../../db/rows.ts';
import type { Db } from '../../db/sql.ts';
import type { Delivery } from '../../core/messages.ts';
import { orderKeyOf } from '../../outbox/enqueue.ts';
import { DUPLICATE_CHECK_SEC } from './limits.ts';

/** The sent rows of one conversation looked at, newest first: far more than a person gets in half an hour. */
const LOOK_BACK_ROWS = 200;

/**
 * Whether WeCom's repeat check may be asked for on this part of a message/send. It may not when an
 * earlier message to the same member within the check's window held the same text: WeCom compares
 * the request JSON, so it would swallow a second "请发文字内容" that the resident was meant to get.
 * Such a part then goes without the check (a crash during it could repeat it once, as before).
 * Conservative: any earlier text containing the part counts.
 */
export async function mayCheckDuplicates(db: Db, d: Delivery, content: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - (DUPLICATE_CHECK_SEC + 60) * 1000);
  // (order_key, status, id): one conversation's sent rows, newest first, a bounded page.
  const recent = await db.all<Pick<OutboxMessage, 'text' | 'sentAt'>>(
    `SELECT text, sent_at FROM outbox_messages WHERE order_key = ? AND status = 'sent' AND id < ? ORDER BY id DESC LIMIT ?`,
    [orderKeyOf(d), d.id, LOOK_BACK_ROWS],
  );
  return !recent.some((r) => r.sentAt !== null && r.sentAt >= since && r.text.includes(content));
}
