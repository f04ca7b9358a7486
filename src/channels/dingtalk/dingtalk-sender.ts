import { createHash } from 'node:crypto';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';
import type { RateLimiter } from '../../outbox/rate-limiter.ts';
import { splitMessage } from '../../outbox/split-message.ts';
import type { ChannelSender, Delivery, SendResult } from '../../core/messages.ts';
import { checkWebhookAnswer } from './check-webhook-answer.ts';
import { customRobotUrl } from './custom-robot-url.ts';
import { DingtalkError } from './dingtalk-error.ts';
import { openApiMessage, webhookBody } from './message-body.ts';
import type { DingtalkOpenApi } from './open-api.ts';
import { planRoute, type Route } from './plan-route.ts';
import { postJson } from './post-json.ts';

/**
 * One part's budget in UTF-8 bytes, the same on every route so that `partsSent` means the same
 * parts when a retry goes another way. Webhooks refuse bodies over 20 000 bytes (errcode 460101);
 * the OpenAPI's msgParam is a JSON string (newlines escaped) of at most about 15 000 bytes.
 */
export const DINGTALK_MAX_PART_BYTES = 12_000;
/** A custom robot takes 20 messages a minute; more mutes it for ten minutes (dingtalk.md §4.3). */
export const ROBOT_PER_MINUTE = 20;

export type DingtalkSenderDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  oapiBase: string;
  /** Null when no app credentials are set: then only custom robots can be used. */
  openApi: DingtalkOpenApi | null;
  maxPartBytes: number;
  sessionMarginMs: number;
  timeoutMs: number;
  /** The dispatcher's limiter (same table, every process): parts after the first take a slot each. */
  limiter: RateLimiter;
};

/** The `dingtalk` sender: sessionWebhook, custom group robot or OpenAPI, per message (see planRoute). */
export function createDingtalkSender(d: DingtalkSenderDeps): ChannelSender {
  const plan = (delivery: Delivery) =>
    planRoute(delivery, { db: d.db, nowMs: d.clock.now().getTime(), sessionMarginMs: d.sessionMarginMs, hasApp: d.openApi !== null });

  const sendPart = async (route: Route, delivery: Delivery, text: string, index: number): Promise<Route> => {
    switch (route.kind) {
      case 'session': {
        const body = webhookBody(text, delivery.format, { mention: index === 0 ? route.mention : undefined });
        try {
          const answer = await postJson(route.url, body, { what: 'sessionWebhook', timeoutMs: d.timeoutMs });
          checkWebhookAnswer(answer, 'session', 'sessionWebhook', d.clock.now());
          return route;
        } catch (error) {
          if (!(error instanceof DingtalkError && error.kind === 'session_gone')) throw error;
          if (!route.fallback) throw new DingtalkError('retry', error.message);
          d.log.info({ outboxId: delivery.id, reason: error.message }, 'DingTalk session refused the message; sending another way');
          return sendPart(route.fallback, delivery, text, index);
        }
      }
      case 'robot': {
        const url = customRobotUrl(d.oapiBase, route.token, route.secret, d.clock.now().getTime());
        // msgUuid makes a retry after a timeout idempotent on DingTalk's side.
        const body = webhookBody(text, delivery.format, { msgUuid: `lianxin-${delivery.id}-${index}` });
        checkWebhookAnswer(await postJson(url, body, { what: 'robot/send', timeoutMs: d.timeoutMs }), 'robot', 'robot/send', d.clock.now());
        return route;
      }
      case 'openapi-group':
        await d.openApi!.sendToGroup(route.openConversationId, openApiMessage(text, delivery.format));
        return route;
      case 'openapi-user':
        await d.openApi!.sendToUser(route.userId, openApiMessage(text, delivery.format));
        return route;
      case 'none':
        throw new DingtalkError(route.retryable ? 'retry' : 'fatal', route.reason);
    }
  };

  return {
    platform: 'dingtalk',
    async rateKey(delivery) {
      return limitOf(await plan(delivery), delivery);
    },
    async send(delivery): Promise<SendResult> {
      const parts = splitMessage(delivery.text, d.maxPartBytes);
      let route = await plan(delivery);
      const limit = limitOf(route, delivery);
      for (let i = delivery.partsSent; i < parts.length; i++) {
        // The dispatcher reserved one slot for this delivery, but DingTalk counts every part: a
        // bulletin in 25 parts must not mute the robot (20 a minute). A part without a slot waits
        // like a throttle: no attempt spent, the next one resumes here.
        if (i > delivery.partsSent) {
          const slot = await d.limiter.reserve(limit.key, limit.perMinute, d.clock.now());
          if (!slot.ok) return { ok: false, retryable: true, error: 'waiting for the next part: 20 messages a minute', partsSent: i, throttledUntil: slot.retryAt };
        }
        try {
          // After a fallback the rest of the parts go the same way.
          route = await sendPart(route, delivery, parts[i]!, i);
        } catch (error) {
          return failure(error, i);
        }
      }
      return { ok: true };
    },
  };
}

/** A custom robot is limited as a robot (whichever groups it posts to); everything else per chat. */
function limitOf(route: Route, delivery: Delivery): { key: string; perMinute: number } {
  if (route.kind === 'robot') return { key: `dingtalk:robot:${createHash('sha256').update(route.token).digest('hex').slice(0, 16)}`, perMinute: ROBOT_PER_MINUTE };
  return { key: `dingtalk:${delivery.target.type}:${delivery.target.id}`, perMinute: ROBOT_PER_MINUTE };
}

function failure(error: unknown, partsSent: number): SendResult {
  if (!(error instanceof DingtalkError)) return { ok: false, retryable: true, error: (error as Error).message, partsSent };
  if (error.kind === 'throttled') return { ok: false, retryable: true, error: error.message, partsSent, throttledUntil: error.throttledUntil };
  return { ok: false, retryable: error.kind !== 'fatal', error: error.message, partsSent };
}
