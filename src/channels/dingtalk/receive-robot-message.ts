import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import type { Logger } from '../../log.ts';
import { rememberAddress } from './robot-address.ts';
import { readReplyContext } from './reply-context.ts';
import { robotMessageSchema } from './robot-message-schema.ts';
import { inboundMessageSchema } from '../../core/messages.ts';
import { toInbound } from './to-inbound.ts';

export type ReceiveDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  inbound: InboundService;
  botName: string;
  /** DINGTALK_OAPI_BASE and DINGTALK_API_BASE: sessionWebhooks on any other origin are ignored. */
  sessionWebhookOrigins: readonly string[];
};

export type Received = 'stored' | 'duplicate' | 'invalid';

/**
 * The one way in for robot messages, from Stream and HTTP alike: validate, store (a repeated msgId is
 * recognised and stored nothing), remember how to reach the chat. When this returns the platform may
 * be acknowledged; if it throws (the database is away) it must not be, so that DingTalk comes again.
 * A payload we cannot read is 'invalid': acknowledged anyway, since a redelivery would not change it.
 */
export async function receiveRobotMessage(d: ReceiveDeps, payload: unknown): Promise<Received> {
  const parsed = robotMessageSchema.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    d.log.warn({ fields }, 'DingTalk robot message not understood; dropped');
    return 'invalid';
  }
  const now = d.clock.now();
  const msg = toInbound(parsed.data, { botName: d.botName, receivedAt: now, sessionWebhookOrigins: d.sessionWebhookOrigins });
  // What the inbox stores must be what the bot can read back, or it would be retried for ever.
  const neutral = inboundMessageSchema.safeParse(msg);
  if (!neutral.success) {
    d.log.warn({ fields: neutral.error.issues.map((i) => i.path.join('.')).join(', ') }, 'DingTalk robot message out of bounds; dropped');
    return 'invalid';
  }
  const ctx = readReplyContext(msg.replyContext);
  const session = ctx?.sessionWebhook && ctx.sessionWebhookExpiresAt ? { sessionWebhook: ctx.sessionWebhook, expiresAt: ctx.sessionWebhookExpiresAt } : null;
  const target = { type: msg.conversationType === 'group' ? ('group' as const) : ('user' as const), id: msg.conversationId };
  // The newest way back into the chat, noted in the same commit as the message (a failure there only
  // means the OpenAPI is used a little more).
  const { duplicate } = await d.inbound.accept(msg, session ? (tx) => rememberAddress(tx, target, session, now) : undefined);
  if (duplicate) return 'duplicate';
  if (msg.conversationType === 'group') await noteUnboundGroup(d, msg.conversationId, parsed.data.conversationTitle).catch(() => undefined);
  return 'stored';
}

/** Tells the admin the id to bind a new group with (the openConversationId is shown nowhere in DingTalk). */
async function noteUnboundGroup(d: ReceiveDeps, conversationId: string, title: string | undefined): Promise<void> {
  const bound = await d.db.get("SELECT id FROM group_chats WHERE platform = 'dingtalk' AND conversation_id = ?", [conversationId]);
  if (!bound) d.log.info({ conversationId, title }, 'DingTalk group not bound to a community yet: bind it with POST /api/groups');
}
