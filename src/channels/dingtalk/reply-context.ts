import { z } from 'zod';

/**
 * What an answer to one robot message needs, kept with the inbound message and with every outbox
 * row that replies to it. `sessionWebhook` is a credential of DingTalk's (anyone holding it can post
 * into the chat until it expires): it lives in the database only, never in a log or an API answer.
 */
export const replyContextSchema = z.object({
  conversationType: z.enum(['single', 'group']),
  /** The DingTalk conversation (openConversationId for a group). */
  conversationId: z.string(),
  /** The sender's userId, or '' for people outside the org (they cannot be @-mentioned). */
  senderStaffId: z.string(),
  sessionWebhook: z.string().optional(),
  /** Epoch ms. */
  sessionWebhookExpiresAt: z.number().optional(),
});
export type DingtalkReplyContext = z.infer<typeof replyContextSchema>;

/** A stored reply context, or null when the row is not a DingTalk reply. */
export function readReplyContext(value: unknown): DingtalkReplyContext | null {
  const parsed = replyContextSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
