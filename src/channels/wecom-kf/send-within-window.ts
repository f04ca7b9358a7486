import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { Delivery, SendResult } from '../../core/messages.ts';
import type { Logger } from '../../log.ts';
import { orderKeyOf } from '../../outbox/enqueue.ts';
import { heldNote, holdRows, markMerged, waitingFrom, wasHeld } from './held-outbox.ts';
import { closeWindow, getKfCustomer, spendFromWindow, type KfKey } from './kf-customers.ts';
import type { KfOutcome } from './kf-outcome.ts';
import { readKfReplyContext } from './kf-reply-context.ts';
import { planKfSend, type KfHoldReason } from './send-window.ts';

export type WindowDeps = { db: Db; clock: Clock; log: Logger };

/**
 * Delivers one outbox row to a resident within WeChat's rule (planKfSend): holds it (and the rows
 * behind it) when nothing may go, or sends one text (the row, or the notices merged into it)
 * through `sendText`, then counts it against the window. Shared by the 微信客服 sender and the
 * simulator's WeChat residents, so the simulator shows the rule as it works.
 */
export async function sendWithinWindow(deps: WindowDeps, key: KfKey, d: Delivery, sendText: (text: string) => Promise<KfOutcome>): Promise<SendResult> {
  const { db, clock } = deps;
  const customer = await getKfCustomer(db, key);
  const rows = await waitingFrom(db, orderKeyOf({ platform: d.platform, target: d.target }), d.id);
  const head = rows[0]?.id === d.id ? [] : [{ id: d.id, text: d.text, replyContext: null, lastError: null, status: 'sending' }];
  const waiting = [...head, ...rows].map((r) => ({
    id: r.id,
    text: r.id === d.id ? d.text : r.text,
    isReply: r.id === d.id ? readKfReplyContext(d.replyContext) !== null : readKfReplyContext(r.replyContext) !== null,
    wasHeld: wasHeld(r.lastError),
  }));
  const followers = waiting.slice(1).map((w) => w.id);
  const plan = planKfSend(customer ?? { lastInboundAt: null, sentInWindow: 0, serviceState: 0 }, waiting, clock.now());
  if (plan.action === 'hold') return hold(db, followers, plan.reason);

  const outcome = await sendText(plan.text);
  if (outcome.ok) {
    await spendFromWindow(db, key, clock.now());
    // Delivered inside this one: marked after the send, so a crash in between repeats, never loses.
    await markMerged(db, plan.covers.slice(1), d.id, clock.now());
    return { ok: true };
  }
  if (outcome.hold) {
    // WeChat's count is the truth (a human may have used the budget, or our clock differs).
    await closeWindow(db, key, clock.now());
    deps.log.info({ outboxId: d.id, reason: outcome.hold }, '微信客服 window closed by WeChat; holding');
    return hold(db, followers, outcome.hold);
  }
  return { ok: false, retryable: outcome.retryable, error: outcome.error, ...(outcome.throttledUntil ? { throttledUntil: outcome.throttledUntil } : {}) };
}

async function hold(db: Db, followers: number[], reason: KfHoldReason): Promise<SendResult> {
  await holdRows(db, followers, reason);
  return { ok: false, retryable: true, held: true, error: heldNote(reason) };
}
