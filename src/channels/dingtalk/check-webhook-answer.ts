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
 * Webhooks (a custom robot's /robot/send, a message's sessionWebhook) answer HTTP 200 with an
 * `errcode` in the body; only errcode 0 is a delivery. Throws a DingtalkError for anything else.
 * For a sessionWebhook every refusal other than throttling means "this session cannot take it"
 * (300001 "session 不存在" after expiry): the sender then falls back to the OpenAPI.
 */
export function checkWebhookAnswer(answer: JsonAnswer, route: 'session' | 'robot', what: string, now: Date): void {
  const errcode = Number(answer.body.errcode ?? (answer.status === 200 ? 0 : NaN));
  if (answer.status === 200 && errcode === 0) return;
  const errmsg = typeof answer.body.errmsg === 'string' ? ` ${answer.body.errmsg.slice(0, 200)}` : '';
  const reason = `${what}: ${Number.isNaN(errcode) ? `HTTP ${answer.status}` : `errcode ${errcode}`}${errmsg}`;
  if (THROTTLE_ERRCODES.has(errcode)) throw new DingtalkError('throttled', reason, new Date(now.getTime() + THROTTLE_WAIT_MS));
  // -1 "system busy", HTTP 5xx and answers without an errcode: try again later.
  if (Number.isNaN(errcode) || errcode === -1 || answer.status >= 500) throw new DingtalkError('retry', reason);
  if (route === 'session') throw new DingtalkError('session_gone', reason);
  throw new DingtalkError(ROBOT_FATAL.has(errcode) ? 'fatal' : 'retry', reason);
}
