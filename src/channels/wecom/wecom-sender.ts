import { createHash } from 'node:crypto';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';
import type { RateLimiter } from '../../outbox/rate-limiter.ts';
import { splitMessage } from '../../outbox/split-message.ts';
import type { ChannelSender, Delivery, SendResult } from '../../core/messages.ts';
import { outcomeOf, outcomeOfError, type Outcome } from './api-outcome.ts';
import type { AppApi } from './app-api.ts';
import type { BotConnection } from './bot-connection.ts';
import { MAX_BYTES, PER_MINUTE } from './limits.ts';
import { needsLongConnection, planDelivery, type Plan } from './plan-delivery.ts';
import { replyThroughResponseUrl } from './response-url-reply.ts';
import { callJson } from './wecom-http.ts';
import { mayCheckDuplicates } from './duplicate-check.ts';

export type WecomSenderDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  rateLimiter: RateLimiter;
  /** Present when the smart robot long connection is configured (in any process). */
  connection: BotConnection | null;
  app: AppApi | null;
  webhookBase: string;
  /** Where a smart robot's response_url may point (WECOM_RESPONSE_URL_ORIGINS). */
  responseUrlOrigins: readonly string[];
  timeoutMs: number;
  /** How long to hold off a target after 45009 (WeCom blocks for the rest of its minute). */
  throttleMs: number;
};

/**
 * The one `wecom` sender: each delivery goes the way planDelivery chooses, split into parts that
 * fit that way's byte limit, paced by that target's per-minute limit.
 */
export function createWecomSender(deps: WecomSenderDeps): ChannelSender {
  const plan = (d: Delivery) =>
    planDelivery(d, {
      db: deps.db,
      clock: deps.clock,
      hasLongConnection: deps.connection !== null,
      hasApp: deps.app !== null,
      responseUrlOrigins: deps.responseUrlOrigins,
    });

  return {
    platform: 'wecom',

    async accepts(d) {
      // Only the process holding the long connection can answer through it; others leave those rows.
      if (!deps.connection || deps.connection.ready) return true;
      return !needsLongConnection(await plan(d));
    },

    async rateKey(d) {
      return rateKeyOf(await plan(d), d);
    },

    async send(d): Promise<SendResult> {
      const p = await plan(d);
      switch (p.way) {
        case 'none':
          return { ok: false, retryable: false, error: p.why };
        case 'passive':
          return { ok: true };
        case 'response-url':
          return replyThroughResponseUrl(deps, d, p.url);
        default:
          return sendInParts(deps, p, d);
      }
    },
  };
}

function rateKeyOf(p: Plan, d: Delivery): { key: string; perMinute: number } | null {
  switch (p.way) {
    case 'bot-respond':
    case 'bot-push':
    case 'response-url':
      return { key: `wecom:bot:${d.target.type}:${d.target.id}`, perMinute: PER_MINUTE.botConversation };
    case 'webhook':
      // The key is a secret: the limiter's table only ever sees a digest of it.
      return { key: `wecom:webhook:${createHash('sha256').update(p.key).digest('hex').slice(0, 24)}`, perMinute: PER_MINUTE.webhook };
    case 'app-user':
      return { key: `wecom:app:user:${p.userId}`, perMinute: PER_MINUTE.appUser };
    case 'app-chat':
      return { key: `wecom:app:chat:${p.chatId}`, perMinute: PER_MINUTE.appChat };
    case 'passive':
    case 'none':
      return null;
  }
}

function maxBytes(p: Plan, format: Delivery['format']): number {
  if (p.way === 'webhook') return format === 'markdown' ? MAX_BYTES.webhookMarkdown : MAX_BYTES.webhookText;
  if (p.way === 'app-user' || p.way === 'app-chat') return MAX_BYTES.app;
  return MAX_BYTES.bot;
}

/**
 * Sends the parts not yet sent, in order. Each part after the first takes its own slot of the
 * target's rate limit; when none is free, or WeCom throttles, the outbox resumes after the parts
 * that went out (partsSent) once the target may receive again.
 */
async function sendInParts(deps: WecomSenderDeps, p: Plan, d: Delivery): Promise<SendResult> {
  const parts = splitMessage(d.text, maxBytes(p, d.format));
  const limit = rateKeyOf(p, d);
  for (let i = d.partsSent; i < parts.length; i++) {
    if (i > d.partsSent && limit) {
      const slot = await deps.rateLimiter.reserve(limit.key, limit.perMinute, deps.clock.now());
      if (!slot.ok) return { ok: false, retryable: true, error: 'pacing the parts of a long message', partsSent: i, throttledUntil: slot.retryAt };
    }
    const outcome = await sendPart(deps, p, d, parts[i]!, i);
    if (!outcome.ok) return { ...outcome, partsSent: i };
  }
  return { ok: true };
}

/** How long a row waits when the long connection went away between accepts() and send(). */
const CONNECTION_GONE_MS = 1000;

async function sendPart(deps: WecomSenderDeps, p: Plan, d: Delivery, content: string, index: number): Promise<Outcome> {
  const { clock, throttleMs } = deps;
  if (needsLongConnection(p) && !deps.connection?.ready) {
    // Lost (or handed over) since the dispatcher asked: not the message's fault, so it spends no
    // attempt; the holder of the connection, this process or another, sends it shortly.
    return { ok: false, retryable: true, error: 'the long connection is not ready in this process', throttledUntil: new Date(clock.now().getTime() + CONNECTION_GONE_MS) };
  }
  try {
    switch (p.way) {
      case 'bot-respond': {
        const connection = deps.connection!;
        if (index === 0) {
          const ack = p.welcome ? await connection.welcome(p.reqId, content) : await connection.respond(p.reqId, content);
          if (ack.errcode === 0) return { ok: true };
          // The req_id no longer answers (too late, or another connection): push instead.
          deps.log.info({ outboxId: d.id, errcode: ack.errcode }, 'WeCom reply by req_id refused; pushing instead');
        }
        return outcomeOf(await connection.push(p.chatId, p.chatType, content), clock.now(), throttleMs);
      }
      case 'bot-push':
        return outcomeOf(await deps.connection!.push(p.chatId, p.chatType, content), clock.now(), throttleMs);
      case 'webhook': {
        const url = `${deps.webhookBase.replace(/\/+$/u, '')}/cgi-bin/webhook/send?key=${encodeURIComponent(p.key)}`;
        const body = d.format === 'markdown' ? { msgtype: 'markdown', markdown: { content } } : { msgtype: 'text', text: { content } };
        return outcomeOf(await callJson(url, body, deps.timeoutMs), clock.now(), throttleMs);
      }
      case 'app-user': {
        const check = await mayCheckDuplicates(deps.db, d, content, clock.now());
        return outcomeOf(await deps.app!.sendToUser(p.userId, content, d.format, check), clock.now(), throttleMs);
      }
      case 'app-chat':
        return outcomeOf(await deps.app!.sendToChat(p.chatId, content, d.format), clock.now(), throttleMs);
      default:
        return { ok: false, retryable: false, error: `cannot send a part through ${p.way}` };
    }
  } catch (error) {
    return outcomeOfError(error, clock.now(), throttleMs);
  }
}
