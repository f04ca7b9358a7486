import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { ChannelSender, Delivery, SendResult } from '../../core/messages.ts';
import type { Logger } from '../../log.ts';
import { splitMessage } from '../../outbox/split-message.ts';
import { heldNote } from './held-outbox.ts';
import type { KfApi } from './kf-api.ts';
import type { KfKey } from './kf-customers.ts';
import { kfEventOutcome, kfSendOutcome, type KfOutcome } from './kf-outcome.ts';
import { EVENT_CODE_TTL_MS, readKfReplyContext } from './kf-reply-context.ts';
import { KF_TEXT_MAX_BYTES } from './send-window.ts';
import { sendWithinWindow } from './send-within-window.ts';

export type KfSenderDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  api: KfApi;
  openKfid: string;
  /** How long a resident rests after 45009. */
  throttleMs: number;
};

/**
 * No per-customer rate is documented; the 5-in-48-hours budget is the real limit. The key still
 * lets a 45009 rest the resident; 30 a minute allows a burst of 3 (merged notices, then the answer).
 */
const PER_MINUTE = 30;
const CUT = '…（内容较长，未完）';

/**
 * Delivers to residents on WeChat through 微信客服, within WeChat's rule: at most 5 messages within
 * the 48 hours after the resident's last message, and only while no human servicer has the session
 * (send_msg). The window is kept per resident (kf_customers); what may not go now is held, spending
 * no attempt, and goes merged once the resident writes again (planKfSend). An answer to an event
 * (the welcome, the hand-over notice) goes with its one-time code through send_msg_on_event.
 */
export function createKfSender(deps: KfSenderDeps): ChannelSender {
  return {
    platform: 'wecom-kf',

    async rateKey(d) {
      return { key: `wecom-kf:user:${d.target.id}`, perMinute: PER_MINUTE };
    },

    async send(d): Promise<SendResult> {
      if (d.target.type !== 'user') return { ok: false, retryable: false, error: '微信客服 reaches residents one by one, not groups' };
      const context = readKfReplyContext(d.replyContext);
      try {
        if (context?.code) return await answerEvent(deps, d, context.code, context.codeAt);
        return await sendInWindow(deps, d);
      } catch (error) {
        // Transport failures (never the URL: it holds the access token).
        return { ok: false, retryable: true, error: (error as Error).message.slice(0, 300) };
      }
    },
  };
}

async function answerEvent(deps: KfSenderDeps, d: Delivery, code: string, codeAt: string | undefined): Promise<SendResult> {
  const issued = codeAt ? Date.parse(codeAt) : NaN;
  // Our clock and WeChat's may differ a little; only a clearly stale code is not tried at all.
  if (Number.isFinite(issued) && deps.clock.now().getTime() - issued > EVENT_CODE_TTL_MS * 3) {
    return { ok: false, retryable: false, error: 'the event code expired before the answer could go (it lives 20 seconds)' };
  }
  const reply = await deps.api.sendOnEvent({ code, content: fit(d.text) });
  return toResult(kfEventOutcome(reply.errcode, deps.clock.now(), deps.throttleMs));
}

function sendInWindow(deps: KfSenderDeps, d: Delivery): Promise<SendResult> {
  const key: KfKey = { openKfid: deps.openKfid, externalUserId: d.target.id };
  return sendWithinWindow(deps, key, d, async (text) => {
    const reply = await deps.api.sendText({ ...key, content: fit(text) });
    return kfSendOutcome(reply.errcode, deps.clock.now(), deps.throttleMs);
  });
}

function toResult(outcome: KfOutcome): SendResult {
  if (outcome.ok) return { ok: true };
  if (outcome.hold) return { ok: false, retryable: true, held: true, error: heldNote(outcome.hold) };
  return { ok: false, retryable: outcome.retryable, error: outcome.error, ...(outcome.throttledUntil ? { throttledUntil: outcome.throttledUntil } : {}) };
}

/** send_msg takes 2048 bytes: a longer text keeps its first lines and says it was cut. */
function fit(text: string): string {
  if (Buffer.byteLength(text, 'utf8') <= KF_TEXT_MAX_BYTES) return text;
  return splitMessage(text, KF_TEXT_MAX_BYTES - Buffer.byteLength(`\n${CUT}`, 'utf8'))[0] + `\n${CUT}`;
}
