import type { GroupChat } from '../../db/rows.ts';
import type { Db } from '../../db/sql.ts';
import type { Delivery } from '../../core/messages.ts';
import { readReplyContext } from './reply-context.ts';
import { findAddress } from './robot-address.ts';

/** One way to deliver a message into a DingTalk chat. */
export type Route =
  /** A message's sessionWebhook: free, supports @; `fallback` when DingTalk says the session is gone. */
  | { kind: 'session'; url: string; mention: string | undefined; fallback: Route | null }
  /** A custom group robot bound to the group (push only, 20 a minute). */
  | { kind: 'robot'; token: string; secret: string }
  | { kind: 'openapi-group'; openConversationId: string }
  | { kind: 'openapi-user'; userId: string }
  | { kind: 'none'; reason: string; retryable: boolean };

export type PlanDeps = { db: Db; nowMs: number; sessionMarginMs: number; hasApp: boolean };

/**
 * Picks the way for a delivery. A reply uses its own message's sessionWebhook while it is valid (with
 * a margin: DingTalk's clock and ours differ, and a send takes time), else the chat's newest
 * session. A push to a group with a custom robot goes through the robot, as the admin bound it.
 * The OpenAPI is last: it counts against the org's monthly quota, and it cannot @ anyone.
 */
export async function planRoute(delivery: Delivery, d: PlanDeps): Promise<Route> {
  const ctx = readReplyContext(delivery.replyContext);
  const valid = (url: string | undefined, expiresAt: number | undefined): url is string =>
    Boolean(url) && expiresAt !== undefined && expiresAt - d.sessionMarginMs > d.nowMs;
  const { target } = delivery;
  const address = await findAddress(d.db, target);
  const chatSession = valid(address?.sessionWebhook, address?.expiresAt) ? address!.sessionWebhook! : null;

  if (target.type === 'group') {
    const group = await d.db.get<Pick<GroupChat, 'webhookToken' | 'webhookSecret'>>(
      "SELECT webhook_token, webhook_secret FROM group_chats WHERE platform = 'dingtalk' AND conversation_id = ?",
      [target.id],
    );
    const robot: Route | null =
      group?.webhookToken && group.webhookSecret ? { kind: 'robot', token: group.webhookToken, secret: group.webhookSecret } : null;
    const api: Route | null = d.hasApp ? { kind: 'openapi-group', openConversationId: target.id } : null;
    const last: Route = api ?? {
      kind: 'none',
      retryable: false,
      reason: 'no way to reach this DingTalk group: bind a custom robot (webhookToken, webhookSecret) or configure the app robot',
    };
    const isReply = ctx?.conversationType === 'group' && ctx.conversationId === target.id;
    if (isReply && valid(ctx.sessionWebhook, ctx.sessionWebhookExpiresAt)) {
      return { kind: 'session', url: ctx.sessionWebhook, mention: ctx.senderStaffId || undefined, fallback: robot ?? last };
    }
    if (isReply && chatSession) return { kind: 'session', url: chatSession, mention: undefined, fallback: robot ?? last };
    if (robot) return robot;
    if (chatSession) return { kind: 'session', url: chatSession, mention: undefined, fallback: last };
    return last;
  }

  // Encrypted sender ids ($:LWCP_v1:$…) belong to people outside the org: batchSend needs a userId.
  const api: Route | null = d.hasApp && !target.id.startsWith('$:') ? { kind: 'openapi-user', userId: target.id } : null;
  const last: Route =
    api ??
    (d.hasApp
      ? { kind: 'none', retryable: true, reason: 'a person outside the organisation is reachable only until their last chat session expires' }
      : { kind: 'none', retryable: false, reason: 'the DingTalk app robot is not configured' });
  const isReply = ctx?.conversationType === 'single';
  if (isReply && valid(ctx.sessionWebhook, ctx.sessionWebhookExpiresAt)) {
    return { kind: 'session', url: ctx.sessionWebhook, mention: undefined, fallback: last };
  }
  if (chatSession) return { kind: 'session', url: chatSession, mention: undefined, fallback: last };
  return last;
}
