import type { KfCustomer } from '../../db/rows.ts';
import type { Tx } from '../../db/sql.ts';
import { KF_WINDOW_BUDGET } from './send-window.ts';

// One resident of one 微信客服 account (kf_customers): the 48-hour window and its budget, who holds
// the session, and the community of the card they came in through.

export type KfKey = { openKfid: string; externalUserId: string };

const COLUMNS = 'open_kfid, external_user_id, last_inbound_at, sent_in_window, service_state, servicer_user_id, community_id, updated_at';

export async function getKfCustomer(db: Tx, key: KfKey): Promise<KfCustomer | undefined> {
  return db.get<KfCustomer>(`SELECT ${COLUMNS} FROM kf_customers WHERE open_kfid = ? AND external_user_id = ?`, [key.openKfid, key.externalUserId]);
}

/** The row, created empty (never wrote, session new) when missing. */
export async function ensureKfCustomer(tx: Tx, key: KfKey, now: Date): Promise<KfCustomer> {
  await tx.run(
    `INSERT INTO kf_customers (open_kfid, external_user_id, sent_in_window, service_state, updated_at) VALUES (?, ?, 0, 0, ?)
     ON CONFLICT (open_kfid, external_user_id) DO NOTHING`,
    [key.openKfid, key.externalUserId, now],
  );
  return (await getKfCustomer(tx, key))!;
}

/**
 * The resident wrote at `sentAt` (WeChat's time, in whole seconds): a new window with a fresh
 * budget, and an ended session starts anew. The caller calls this once per message (the first
 * time it is read): WeChat counts every message, even two within one second.
 */
export async function noteResidentMessage(tx: Tx, key: KfKey, sentAt: Date, now: Date): Promise<void> {
  await tx.run(
    `UPDATE kf_customers SET sent_in_window = 0,
       last_inbound_at = CASE WHEN last_inbound_at IS NULL OR last_inbound_at < ? THEN ? ELSE last_inbound_at END,
       service_state = CASE WHEN service_state = 4 THEN 0 ELSE service_state END, updated_at = ?
     WHERE open_kfid = ? AND external_user_id = ?`,
    [sentAt, sentAt, now, key.openKfid, key.externalUserId],
  );
}

export async function setServiceState(tx: Tx, key: KfKey, state: number, servicerUserId: string | null, now: Date): Promise<void> {
  await tx.run('UPDATE kf_customers SET service_state = ?, servicer_user_id = ?, updated_at = ? WHERE open_kfid = ? AND external_user_id = ?', [
    state,
    servicerUserId,
    now,
    key.openKfid,
    key.externalUserId,
  ]);
}

export async function setCustomerCommunity(tx: Tx, key: KfKey, communityId: number, now: Date): Promise<void> {
  await tx.run('UPDATE kf_customers SET community_id = ?, updated_at = ? WHERE open_kfid = ? AND external_user_id = ?', [
    communityId,
    now,
    key.openKfid,
    key.externalUserId,
  ]);
}

/** One message went out through send_msg. */
export async function spendFromWindow(db: Tx, key: KfKey, now: Date): Promise<void> {
  await db.run('UPDATE kf_customers SET sent_in_window = sent_in_window + 1, updated_at = ? WHERE open_kfid = ? AND external_user_id = ?', [
    now,
    key.openKfid,
    key.externalUserId,
  ]);
}

/** WeChat says the window is closed or spent (95001, 95002, msg_send_fail): nothing more until they write. */
export async function closeWindow(db: Tx, key: KfKey, now: Date): Promise<void> {
  await db.run('UPDATE kf_customers SET sent_in_window = ?, updated_at = ? WHERE open_kfid = ? AND external_user_id = ?', [
    KF_WINDOW_BUDGET,
    now,
    key.openKfid,
    key.externalUserId,
  ]);
}
