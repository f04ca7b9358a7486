import type { Tx } from '../../db/sql.ts';
import { inList, unindexed } from '../../db/sql.ts';
import { KF_WINDOW_BUDGET, KF_WINDOW_MS, type KfHoldReason } from './send-window.ts';

// Outbox rows for a 微信客服 resident that may not go now wait as `held`: out of the dispatcher's
// way, spending no attempt, with a last_error that says why (what GET /api/outbox shows). When the
// resident writes again they are released, and the sender merges them into one message.

export const HELD_PREFIX = 'held: ';

const WHY: Record<KfHoldReason, string> = {
  'window-closed': 'waiting for the resident to write again (WeChat allows messages only within 48 hours after theirs)',
  'budget-spent': 'waiting for the resident to write again (the 5 messages WeChat allows within 48 hours are used)',
  'human-session': 'waiting: a human servicer holds the session',
  'session-ended': 'waiting for the resident to write again (the session ended)',
};

export function heldNote(reason: KfHoldReason): string {
  return `${HELD_PREFIX}${WHY[reason]}`;
}

export function wasHeld(lastError: string | null): boolean {
  return lastError?.startsWith(HELD_PREFIX) ?? false;
}

export type WaitingRow = { id: number; text: string; replyContext: string | null; lastError: string | null; status: string };

/** The row being delivered and those behind it for the same resident, oldest first (at most 50). */
export async function waitingFrom(db: Tx, orderKey: string, headId: number): Promise<WaitingRow[]> {
  return db.all<WaitingRow>(
    `SELECT id, text, reply_context, last_error, status FROM outbox_messages
     WHERE order_key = ? AND id >= ? AND status IN ('sending', 'pending', 'held') ORDER BY id LIMIT 50`,
    [orderKey, headId],
  );
}

/** Holds rows behind the one being delivered (the dispatcher holds that one from the send result). */
export async function holdRows(db: Tx, ids: readonly number[], reason: KfHoldReason): Promise<void> {
  if (ids.length === 0) return;
  await db.run(`UPDATE outbox_messages SET status = 'held', last_error = ? WHERE ${unindexed('status')} = 'pending' AND id IN ${inList(ids.length)}`, [
    heldNote(reason),
    ...ids,
  ]);
}

export const MERGED_PREFIX = 'merged into #';

/** Rows delivered inside another's merged text (last_error names that row, for the outbox list). */
export async function markMerged(db: Tx, ids: readonly number[], intoId: number, now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.run(
    `UPDATE outbox_messages SET status = 'sent', sent_at = ?, last_error = ?, lease_until = NULL, lease_owner = NULL
     WHERE ${unindexed('status')} IN ('pending', 'held') AND id IN ${inList(ids.length)}`,
    [now, `${MERGED_PREFIX}${intoId}`, ...ids],
  );
}

/** The resident wrote: what waited for them may go (due now, still marked as having waited). */
export async function releaseHeld(tx: Tx, externalUserId: string, now: Date, platform: 'wecom-kf' | 'sim' = 'wecom-kf'): Promise<number> {
  return tx.run(
    `UPDATE outbox_messages SET status = 'pending', not_before = ?
     WHERE platform = ? AND target_type = 'user' AND target_id = ? AND status = 'held'`,
    [now, platform, externalUserId],
  );
}

/**
 * A safety net, run now and then: releases what is held for residents whose window is open and
 * whose session the bot may answer in. A message whose "held" result was recorded just after the
 * resident wrote (and their rows were released) would otherwise wait for their next message.
 */
export async function releaseReachable(db: Tx, openKfid: string, now: Date): Promise<number> {
  return db.run(
    `UPDATE outbox_messages SET status = 'pending', not_before = ?
     WHERE platform = 'wecom-kf' AND target_type = 'user' AND status = 'held'
       AND target_id IN (SELECT external_user_id FROM kf_customers
                         WHERE open_kfid = ? AND last_inbound_at > ? AND sent_in_window < ? AND service_state IN (0, 1))`,
    [now, openKfid, new Date(now.getTime() - KF_WINDOW_MS), KF_WINDOW_BUDGET],
  );
}
