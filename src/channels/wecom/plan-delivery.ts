import type { GroupChat } from '../../db/rows.ts';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { Delivery } from '../../core/messages.ts';
import { knownRoutes } from './channel-address.ts';
import { RESPONSE_URL_TTL_MS } from './limits.ts';
import { readReplyContext } from './reply-context.ts';

/** The one way a delivery goes out. */
export type Plan =
  /** aibot_respond_msg (or the welcome) echoing the callback's req_id; needs the long connection. */
  | { way: 'bot-respond'; reqId: string; welcome: boolean; chatId: string; chatType: 1 | 2 }
  /** aibot_send_msg to a conversation that talked to the smart robot; needs the long connection. */
  | { way: 'bot-push'; chatId: string; chatType: 1 | 2 }
  /** The message's response_url, once, within its hour. */
  | { way: 'response-url'; url: string }
  /** Already delivered in the callback's HTTP answer. */
  | { way: 'passive' }
  | { way: 'webhook'; key: string }
  | { way: 'app-user'; userId: string }
  | { way: 'app-chat'; chatId: string }
  | { way: 'none'; why: string };

export type PlanDeps = { db: Db; clock: Clock; hasLongConnection: boolean; hasApp: boolean };

export function needsLongConnection(plan: Plan): boolean {
  return plan.way === 'bot-respond' || plan.way === 'bot-push';
}

/**
 * Chooses the way: a reply answers its message the way it came (req_id on the long connection, or
 * response_url); everything else — and a second reply to the same message, since req_id and
 * response_url answer once — is a push: a group bound with a webhook key gets it through the
 * webhook, a conversation that talked to the smart robot through aibot_send_msg, a person through
 * the app's message/send, an app-created group through appchat/send.
 */
export async function planDelivery(d: Delivery, deps: PlanDeps): Promise<Plan> {
  const ctx = readReplyContext(d.replyContext);
  const chatType = d.target.type === 'group' ? 2 : 1;
  if (ctx?.via === 'bot-ws' && deps.hasLongConnection && !(await answeredBefore(deps.db, d.id))) {
    return { way: 'bot-respond', reqId: ctx.reqId, welcome: ctx.welcome, chatId: d.target.id, chatType };
  }
  if (ctx?.via === 'bot-http') {
    if (ctx.passive) return { way: 'passive' };
    const age = deps.clock.now().getTime() - Date.parse(ctx.receivedAt);
    if (ctx.responseUrl && age < RESPONSE_URL_TTL_MS && !(await answeredBefore(deps.db, d.id))) {
      return { way: 'response-url', url: ctx.responseUrl };
    }
  }
  return planPush(d, deps);
}

async function planPush(d: Delivery, deps: PlanDeps): Promise<Plan> {
  const { db } = deps;
  const routes = await knownRoutes(db, d.target);
  if (d.target.type === 'group') {
    const group = await db.get<Pick<GroupChat, 'webhookKey'>>(
      "SELECT webhook_key FROM group_chats WHERE platform = 'wecom' AND conversation_id = ?",
      [d.target.id],
    );
    if (group?.webhookKey) return { way: 'webhook', key: group.webhookKey };
    if (routes.includes('wecom-bot')) {
      if (deps.hasLongConnection) return { way: 'bot-push', chatId: d.target.id, chatType: 2 };
      // A smart-robot group heard in callback mode: appchat/send reaches only groups the app made.
      return { way: 'none', why: 'the smart robot in callback mode cannot push into this WeCom group: bind it with a webhookKey' };
    }
    if (deps.hasApp) return { way: 'app-chat', chatId: d.target.id };
    return {
      way: 'none',
      why: 'no way to reach this WeCom group: bind it with a webhookKey, or have it talk to the smart robot over the long connection',
    };
  }
  for (const route of routes) {
    if (route === 'wecom-app' && deps.hasApp) return { way: 'app-user', userId: d.target.id };
    if (route === 'wecom-bot' && deps.hasLongConnection) return { way: 'bot-push', chatId: d.target.id, chatType: 1 };
  }
  // User ids are corp-wide: the app reaches any member, whichever way they came in.
  if (deps.hasApp) return { way: 'app-user', userId: d.target.id };
  if (deps.hasLongConnection) return { way: 'bot-push', chatId: d.target.id, chatType: 1 };
  return { way: 'none', why: 'no way to push to this WeCom user: set up the self-built app or the smart robot long connection' };
}

/** Whether an earlier reply to the same message, into the same conversation, used its req_id or response_url. */
async function answeredBefore(db: Db, outboxId: number): Promise<boolean> {
  // One statement: a row without an inbound message (a push) joins nothing (NULL = NULL is not true).
  const earlier = await db.get(
    `SELECT e.id FROM outbox_messages m
     JOIN outbox_messages e ON e.inbound_id = m.inbound_id AND e.order_key = m.order_key AND e.id < m.id
     WHERE m.id = ? LIMIT 1`,
    [outboxId],
  );
  return earlier !== undefined;
}
