import type { Db } from '../../db/sql.ts';
import type { Accepted, InboundService } from '../../inbox/inbound-service.ts';
import { describeZodIssues } from '../../web/http-error.ts';
import { inboundMessageSchema, type InboundMessage } from '../../core/messages.ts';
import { CallbackRejected } from './callback-rejected.ts';
import { rememberAddress, type WecomRoute } from './channel-address.ts';
import type { ReplyContext } from './reply-context.ts';

/**
 * The last step of every way in: note how the sender (and group) can be reached again, then store
 * the message. Once this returns the platform may be answered; the bot works afterwards.
 */
export async function takeIn(
  deps: { db: Db; inbound: InboundService },
  msg: InboundMessage,
  replyContext: ReplyContext,
  route: WecomRoute,
  now: Date,
): Promise<Accepted> {
  const checked = inboundMessageSchema.safeParse({ ...msg, replyContext });
  if (!checked.success) throw new CallbackRejected(`malformed payload: ${describeZodIssues(checked.error.issues)}`);
  // Noted in the same commit as the message (group commit: one write to disk for many callbacks).
  return deps.inbound.accept(checked.data, async (tx) => {
    await rememberAddress(tx, { type: 'user', id: msg.senderId }, route, now);
    if (msg.conversationType === 'group') await rememberAddress(tx, { type: 'group', id: msg.conversationId }, route, now);
  });
}
