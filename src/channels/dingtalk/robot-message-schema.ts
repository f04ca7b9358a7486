import { z } from 'zod';

/**
 * The robot message DingTalk delivers to an app robot: the HTTP-mode callback body, and the `data`
 * string of a Stream CALLBACK frame on /v1.0/im/bot/messages/get (the same JSON). Only the fields
 * Lianxin reads are checked; unknown fields and message types pass, so that a new DingTalk field
 * never turns a real message into a refusal. Reference: dingtalk.md §1.3.
 */
const contentSchema = z
  .object({
    downloadCode: z.string().optional(),
    pictureDownloadCode: z.string().optional(),
    /** Speech recognised by DingTalk in an audio message. */
    recognition: z.string().optional(),
    richText: z
      .array(
        z
          .object({
            text: z.string().optional(),
            type: z.string().optional(),
            downloadCode: z.string().optional(),
            pictureDownloadCode: z.string().optional(),
          })
          .loose(),
      )
      .optional(),
  })
  .loose();

export const robotMessageSchema = z
  .object({
    /** Encrypted message id: the dedupe key, also across restarts. */
    msgId: z.string().min(1).max(256),
    msgtype: z.string().default('text'),
    /** "1" single chat, "2" group chat — strings, not numbers. */
    conversationType: z.enum(['1', '2']),
    /** For a group, the openConversationId that groupMessages/send takes. */
    conversationId: z.string().min(1).max(256),
    conversationTitle: z.string().optional(),
    /** Encrypted; stands in for the user id when senderStaffId is empty (people outside the org). */
    senderId: z.string().min(1).max(256),
    senderNick: z.string().default(''),
    /** The sender's userId (for batchSend and @-mentions); empty for people outside the org. */
    senderStaffId: z.string().max(256).nullish(),
    isInAtList: z.boolean().optional(),
    robotCode: z.string().optional(),
    createAt: z.union([z.number(), z.string()]).optional(),
    /** The reply address for this message: a credential, valid until sessionWebhookExpiredTime (≈ 90 min). */
    sessionWebhook: z.string().max(2048).optional(),
    sessionWebhookExpiredTime: z.coerce.number().optional(),
    text: z.object({ content: z.string() }).loose().optional(),
    content: contentSchema.optional(),
  })
  .loose();

export type RobotMessage = z.infer<typeof robotMessageSchema>;
