import { DingtalkError } from './dingtalk-error.ts';
import type { JsonAnswer } from './post-json.ts';

/**
 * "Sending too fast" from a robot webhook. The code changed over the years — 130101 (2020 logs),
 * 410100 (official error table), 660026 (2026 probe) — and each means the robot is muted for ten
 * minutes after more than 20 messages in a minute. Reference: dingtalk.md §4.3.
 */
export const THROTTLE_ERRCODES: ReadonlySet<number> = new Set([130101, 410100, 660026]);
export const THROTTLE_WAIT_MS = 10 * 60_000;

/** Codes after which the same request to the same robot will never succeed (dingtalk.md §4.4). */
const ROBOT_FATAL: ReadonlySet<number> = new Set([300001, 300005, 310000, 400013, 400102, 400106, 460101, 101002, 430101, 430102, 430103, 430104]);

/**
 * Fixed descriptions of robot webhook errcodes (dingtalk.md §4.4). DingTalk's errmsg is never kept:
 * it is free text and may echo what was sent (docs/decisions/0016-platform-errors-code-and-fixed-text.md).
 */
const DESCRIPTIONS: Record<number, string> = {
  [-1]: 'system busy',
  40035: 'missing parameter',
  101002: 'message too long',
  130101: 'sending too fast',
  300001: 'session or token does not exist',
  300005: 'token does not exist',
  310000: 'security check failed (keyword, sign, timestamp or IP)',
  400013: 'group dissolved',
  400102: 'robot disabled',
  400106: 'robot not found',
  410100: 'sending too fast',
  430101: 'content refused',
  430102: 'content refused',
  430103: 'content refused',
  430104: 'content refused',
  460101: 'message too long',
  660026: 'sending too fast',
};

/**
 * Webhooks (a custom robot's /robot/send, a message's sessionWebhook) answer HTTP 200 with an
 * `errcode` in the body; only errcode 0 is a delivery. Throws a DingtalkError for anything else.
 * For a sessionWebhook every refusal other than throttling means "this session cannot take it"
 * (300001 "session 不存在" after expiry): the sender then falls back to the OpenAPI.
 */
export function checkWebhookAnswer(answer: JsonAnswer, route: 'session' | 'robot', what: string, now: Date): void {
  const errcode = Number(answer.body.errcode ?? (answer.status === 200 ? 0 : NaN));
  if (answer.status === 200 && errcode === 0) return;
  const reason = Number.isNaN(errcode)
    ? `${what}: HTTP ${answer.status}`
    : `${what}: errcode ${errcode} ${DESCRIPTIONS[errcode] ?? 'not known to Lianxin'}`;
  if (THROTTLE_ERRCODES.has(errcode)) throw new DingtalkError('throttled', reason, new Date(now.getTime() + THROTTLE_WAIT_MS));
  // -1 "system busy", HTTP 5xx and answers without an errcode: try again later.
  if (Number.isNaN(errcode) || errcode === -1 || answer.status >= 500) throw new DingtalkError('retry', reason);
  if (route === 'session') throw new DingtalkError('session_gone', reason);
  throw new DingtalkError(ROBOT_FATAL.has(errcode) ? 'fatal' : 'retry', reason);
}
