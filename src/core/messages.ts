import { z } from 'zod';

// The seam between platforms and the bot: every channel turns its payloads into an
// InboundMessage, and delivers OutboxMessage rows through its ChannelSender.

export const PLATFORMS = ['sim', 'wecom', 'dingtalk', 'wecom-kf'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The simulator's residents "on personal WeChat" have ids with this prefix (they keep 微信客服's rule). */
export const SIM_WECHAT_PREFIX = 'wx:';

/**
 * Whether a message may wait as `held` until the person writes again: 微信客服's 48-hour window, and
 * the simulator's residents on WeChat, who show it.
 */
export function mayBeHeld(m: Pick<OutboundMessage, 'platform' | 'target'>): boolean {
  return m.target.type === 'user' && (m.platform === 'wecom-kf' || (m.platform === 'sim' && m.target.id.startsWith(SIM_WECHAT_PREFIX)));
}

export const inboundMessageSchema = z.object({
  platform: z.enum(PLATFORMS),
  /** The platform's id for this delivery; a repeat is handled once. Kept as a string (64-bit ids). */
  messageId: z.string().min(1).max(256),
  /** A group's conversation id, or the sender's own id in a single chat. */
  conversationId: z.string().min(1).max(256),
  conversationType: z.enum(['single', 'group']),
  senderId: z.string().min(1).max(256),
  senderName: z.string().max(100),
  text: z.string(),
  photos: z.array(z.string().max(4096)).max(20).default([]),
  location: z
    .object({ label: z.string().max(500), latitude: z.number(), longitude: z.number() })
    .nullable()
    .default(null),
  /** A platform event rather than something typed: the person opened the chat. */
  event: z.enum(['enter_chat']).nullable().default(null),
  /**
   * The community the way in names, when it names one: a resident who opened a community's card
   * link (微信客服 scene_param) belongs to it, and their direct-chat items go there without asking.
   */
  communityId: z.number().int().positive().optional(),
  /** What the channel needs to answer this very message (req_id, response_url, sessionWebhook …). */
  replyContext: z.unknown().optional(),
  receivedAt: z.string(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export type Target = { type: 'user' | 'group'; id: string };

/** A message the bot must send, before it is stored in the outbox. */
export type OutboundMessage = {
  platform: Platform;
  target: Target;
  text: string;
  format: 'text' | 'markdown';
  /** Present on the direct answer to an inbound message. */
  replyContext?: unknown;
  /** A scheduled push: waits out quiet hours. */
  scheduled?: boolean;
};

/** An outbox row as a sender sees it. */
export type Delivery = {
  id: number;
  platform: Platform;
  target: Target;
  text: string;
  format: 'text' | 'markdown';
  replyContext: unknown;
  partsSent: number;
};

export type SendResult =
  | { ok: true }
  /** Some parts went out before the failure: the next attempt resumes after them. */
  | {
      ok: false;
      error: string;
      retryable: boolean;
      partsSent?: number;
      throttledUntil?: Date;
      /**
       * Nothing was tried: the platform does not let it go now and says when it may (微信客服: only
       * within 48 hours after the resident's last message). The row waits as `held`, spending no
       * attempt, until the channel releases it.
       */
      held?: boolean;
    };

export interface ChannelSender {
  readonly platform: Platform;
  /**
   * Whether this process can deliver it now (e.g. only the holder of a long connection can answer
   * through it). Rows it cannot take stay pending for a process that can. Default: yes.
   * May look things up first (which way reaches a target can be stored in the database).
   */
  accepts?(delivery: Delivery): boolean | Promise<boolean>;
  /** The key deliveries share a rate limit under, e.g. one webhook or one conversation. */
  rateKey(delivery: Delivery): Promise<{ key: string; perMinute: number } | null>;
  send(delivery: Delivery): Promise<SendResult>;
}
