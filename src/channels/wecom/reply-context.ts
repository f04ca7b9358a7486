import { z } from 'zod';

/**
 * What a WeCom inbound message carries for answering it (InboundMessage.replyContext, copied onto
 * the outbox rows of its replies):
 * - bot-ws: the callback frame's req_id, echoed by aibot_respond_msg / aibot_respond_welcome_msg;
 * - bot-http: the message's response_url (usable once, for one hour: 101138), or `passive` when the
 *   HTTP answer itself carried the reply (the enter_chat welcome, 101031);
 * - app: nothing but the way in; the answer goes through message/send.
 */
export const replyContextSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('bot-ws'), reqId: z.string().min(1), welcome: z.boolean().default(false) }),
  z.object({
    via: z.literal('bot-http'),
    responseUrl: z.string().optional(),
    receivedAt: z.string(),
    passive: z.boolean().default(false),
  }),
  z.object({ via: z.literal('app') }),
]);
export type ReplyContext = z.infer<typeof replyContextSchema>;

/** The reply context of a delivery, or null for a push (or a context this channel did not write). */
export function readReplyContext(value: unknown): ReplyContext | null {
  const parsed = replyContextSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
