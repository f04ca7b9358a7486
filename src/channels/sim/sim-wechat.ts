import type { Db, Tx } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import { SIM_WECHAT_PREFIX } from '../../core/messages.ts';
import { releaseHeld } from '../wecom-kf/held-outbox.ts';
import { ensureKfCustomer, getKfCustomer, noteResidentMessage, type KfKey } from '../wecom-kf/kf-customers.ts';
import { kfWindow, KF_WINDOW_MS } from '../wecom-kf/send-window.ts';

// The simulator's residents on WeChat: sim people whose ids start with "wx:". Their replies go
// through WeChat's 48-hour rule exactly as 微信客服's do (sendWithinWindow), with the window kept in
// kf_customers under a pretend account, so a newcomer sees notices held and merged.

export { SIM_WECHAT_PREFIX };
const SIM_ACCOUNT = 'sim-wechat';

export function isSimWechat(id: string): boolean {
  return id.startsWith(SIM_WECHAT_PREFIX);
}

export function simWechatKey(id: string): KfKey {
  return { openKfid: SIM_ACCOUNT, externalUserId: id };
}

/** The resident wrote: a new window, and what waited for them is released (its ids, oldest first). */
export async function simWechatWrote(tx: Tx, id: string, now: Date): Promise<number[]> {
  const key = simWechatKey(id);
  await ensureKfCustomer(tx, key, now);
  await noteResidentMessage(tx, key, now, now);
  const held = await tx.all<{ id: number }>("SELECT id FROM outbox_messages WHERE platform = 'sim' AND target_id = ? AND status = 'held' ORDER BY id LIMIT 500", [id]);
  await releaseHeld(tx, id, now, 'sim');
  return held.map((h) => h.id);
}

/** The window and what waits, as the simulator shows it. */
export async function simWechatState(db: Db, clock: Clock, id: string) {
  const c = await getKfCustomer(db, simWechatKey(id));
  const w = kfWindow(c ?? { lastInboundAt: null, sentInWindow: 0, serviceState: 0 }, clock.now());
  const held = await db.all<{ text: string }>("SELECT text FROM outbox_messages WHERE platform = 'sim' AND target_id = ? AND status = 'held' ORDER BY id LIMIT 50", [id]);
  return { open: w.open, closesAt: w.closesAt?.toISOString() ?? null, messagesLeft: w.left, held: held.map((h) => h.text) };
}

/** "48 hours later": closes the window without waiting two days. */
export async function simWechatExpire(db: Db, clock: Clock, id: string): Promise<void> {
  await db.run('UPDATE kf_customers SET last_inbound_at = ?, updated_at = ? WHERE open_kfid = ? AND external_user_id = ?', [
    new Date(clock.now().getTime() - KF_WINDOW_MS - 1000),
    clock.now(),
    SIM_ACCOUNT,
    id,
  ]);
}
