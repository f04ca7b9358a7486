import { mergeNotices } from './merge-notices.ts';

// WeChat lets an organisation send a 微信客服 customer at most 5 messages within the 48 hours after
// the customer's last message; a new message from the customer opens a new allowance (发送消息,
// send_msg: "仅当微信客户在主动发送消息给客服后的48小时内，企业可发送消息给客户，最多可发送5条消息；若用户继续发送
// 消息，企业可再次下发消息"). And it may send only while the session is new (0) or with the smart
// assistant (1), not while it waits for or is held by a human servicer (2, 3) or has ended (4).

export const KF_WINDOW_MS = 48 * 3_600_000;
export const KF_WINDOW_BUDGET = 5;
/** send_msg text.content is at most 2048 bytes. */
export const KF_TEXT_MAX_BYTES = 2048;

export type KfWindowState = {
  /** The resident's last message (WeChat's send_time), null if they never wrote. */
  lastInboundAt: Date | null;
  /** Messages sent through send_msg since then. */
  sentInWindow: number;
  /** service_state: 0 new, 1 smart assistant, 2 queued for a human, 3 a human, 4 ended. */
  serviceState: number;
};

export type KfWindow = { open: boolean; closesAt: Date | null; left: number; humanHolds: boolean };

/** The window as the admin and the simulator see it. */
export function kfWindow(state: KfWindowState, now: Date): KfWindow {
  const closesAt = state.lastInboundAt ? new Date(state.lastInboundAt.getTime() + KF_WINDOW_MS) : null;
  const open = closesAt !== null && now < closesAt;
  return {
    open,
    closesAt,
    left: open ? Math.max(0, KF_WINDOW_BUDGET - state.sentInWindow) : 0,
    humanHolds: state.serviceState === 2 || state.serviceState === 3,
  };
}

/** A message waiting for one resident, oldest first; the first is the one being delivered. */
export type KfWaiting = {
  id: number;
  text: string;
  /** The direct answer to something the resident wrote (never merged with notices). */
  isReply: boolean;
  /** It waited as `held` for the resident to write again. */
  wasHeld: boolean;
};

export type KfHoldReason = 'window-closed' | 'budget-spent' | 'human-session' | 'session-ended';

export type KfPlan =
  /** Send `text` now; it delivers every message in `covers` (the first, and any merged into it). */
  | { action: 'send'; text: string; covers: number[]; lastSlot: boolean }
  /** Nothing may go now: these wait, held, until the resident writes again. */
  | { action: 'hold'; ids: number[]; reason: KfHoldReason };

/** Appended to the last message a window allows, so the resident knows how to hear more. */
export const LAST_SLOT_HINT = '（回复任意文字，可继续收到后续进展）';

/**
 * What to do with the first of the messages waiting for one resident:
 * - nothing may go (window closed, budget spent, a human holds the session, the session ended):
 *   hold all of them;
 * - a reply goes alone;
 * - notices go one by one while the budget covers them; when it does not (or when they had been
 *   held and the resident just came back), the notices waiting in a row are merged into one text,
 *   "您有 3 条新进展：…";
 * - the message that takes the window's last slot says how to get more.
 */
export function planKfSend(state: KfWindowState, waiting: readonly KfWaiting[], now: Date): KfPlan {
  if (waiting.length === 0) throw new Error('planKfSend: nothing is waiting');
  const ids = waiting.map((w) => w.id);
  if (state.serviceState === 2 || state.serviceState === 3) return { action: 'hold', ids, reason: 'human-session' };
  if (state.serviceState === 4) return { action: 'hold', ids, reason: 'session-ended' };
  const w = kfWindow(state, now);
  if (!w.open) return { action: 'hold', ids, reason: 'window-closed' };
  if (w.left <= 0) return { action: 'hold', ids, reason: 'budget-spent' };

  const head = waiting[0]!;
  const lastSlot = w.left === 1;
  const withHint = (text: string) => (lastSlot ? `${text}\n${LAST_SLOT_HINT}` : text);
  if (head.isReply) return { action: 'send', text: withHint(head.text), covers: [head.id], lastSlot };

  const run: KfWaiting[] = [];
  for (const m of waiting) {
    if (m.isReply) break;
    run.push(m);
  }
  const mustMerge = run.length > 1 && (run.length > w.left || run.some((m) => m.wasHeld));
  if (!mustMerge) return { action: 'send', text: withHint(head.text), covers: [head.id], lastSlot };
  const reserve = lastSlot ? Buffer.byteLength(`\n${LAST_SLOT_HINT}`, 'utf8') : 0;
  return {
    action: 'send',
    text: withHint(mergeNotices(run.map((m) => m.text), KF_TEXT_MAX_BYTES - reserve)),
    covers: run.map((m) => m.id),
    lastSlot,
  };
}
