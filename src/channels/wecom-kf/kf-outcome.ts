import type { KfHoldReason } from './send-window.ts';

// What a 微信客服 errcode means for a message (docs/notes/wecom-kf-protocol.md gives the sources and
// how sure each is). The 48-hour rule's two refusals are not failures of the message: it waits,
// held, for the resident to write again, and spends no attempt.

export const KF_ERRCODE = {
  /** 发送消息数量超过限制: the 5 messages of the window are used up. */
  overLimit: 95001,
  /** 发送消息时间超过限制: more than 48 hours since the customer's last message. */
  outsideWindow: 95002,
  /** Listed by one SDK as "no customer message within 48 hours": the same as 95002. */
  noCustomerMessage: 95024,
  /** 不合法的msgtoken: the sync_msg token is stale (10 minutes) or from another account. */
  invalidMsgToken: 95007,
  invalidOpenKfid: 95000,
  openKfidMissing: 95004,
} as const;

export type KfOutcome =
  | { ok: true }
  | { ok: false; hold: KfHoldReason; error: string }
  | { ok: false; hold?: undefined; error: string; retryable: boolean; throttledUntil?: Date };

/** The message itself is wrong: a retry cannot help. */
const NEVER = new Set([
  40008, // invalid msgtype
  40058, // invalid parameter (e.g. content over 2048 bytes)
  40096, // invalid external_userid
  44004, // empty content
  45002, // content too large
]);

/** A fixed description per code: WeCom's errmsg is for debugging and may echo the request. */
const DESCRIPTION: Record<number, string> = {
  [KF_ERRCODE.overLimit]: 'over the 5 messages WeChat allows within 48 hours',
  [KF_ERRCODE.outsideWindow]: 'more than 48 hours since the resident last wrote',
  [KF_ERRCODE.noCustomerMessage]: 'no message from the resident within 48 hours',
  [KF_ERRCODE.invalidOpenKfid]: 'invalid open_kfid (check WECOM_KF_OPEN_KFID)',
  [KF_ERRCODE.openKfidMissing]: 'the 微信客服 account does not exist',
  40096: 'invalid external_userid',
  40058: 'invalid parameter',
  44004: 'empty content',
  45009: 'WeCom frequency limit',
  45033: 'too many concurrent calls',
  [-1]: 'WeCom busy',
};

export function describeKfError(errcode: number): string {
  return `errcode ${errcode}: ${DESCRIPTION[errcode] ?? 'refused by WeCom'}`;
}

/** send_msg's answer as an outcome for the outbox. */
export function kfSendOutcome(errcode: number, now: Date, throttleMs: number): KfOutcome {
  if (errcode === 0) return { ok: true };
  const error = describeKfError(errcode);
  if (errcode === KF_ERRCODE.overLimit) return { ok: false, hold: 'budget-spent', error };
  if (errcode === KF_ERRCODE.outsideWindow || errcode === KF_ERRCODE.noCustomerMessage) return { ok: false, hold: 'window-closed', error };
  if (errcode === 45009) return { ok: false, error, retryable: true, throttledUntil: new Date(now.getTime() + throttleMs) };
  if (errcode === 45033) return { ok: false, error, retryable: true, throttledUntil: new Date(now.getTime() + Math.ceil(throttleMs / 6)) };
  return { ok: false, error, retryable: !NEVER.has(errcode) };
}

/**
 * send_msg_on_event's answer. A welcome_code lives 20 seconds and works once; a refusal other than
 * WeCom being busy is final for that welcome (a late welcome helps nobody, so it is not held).
 */
export function kfEventOutcome(errcode: number, now: Date, throttleMs: number): KfOutcome {
  if (errcode === 0) return { ok: true };
  if (errcode === -1 || errcode === 45033) return { ok: false, error: describeKfError(errcode), retryable: true };
  if (errcode === 45009) return { ok: false, error: describeKfError(errcode), retryable: true, throttledUntil: new Date(now.getTime() + throttleMs) };
  return { ok: false, error: `${describeKfError(errcode)} (the welcome or reply code is used up or expired)`, retryable: false };
}
