import { z } from 'zod';

/**
 * What a 微信客服 inbound message carries for its answer (InboundMessage.replyContext, copied onto the
 * outbox row of the direct reply). `code` is a welcome_code (enter_session) or a msg_code
 * (service_state/trans): the answer then goes through send_msg_on_event, which takes it once and
 * within seconds; `codeAt` is when WeCom issued it. Without a code the answer goes through send_msg.
 * A row with this context is a reply; a row without one is a notice.
 */
export const kfReplyContextSchema = z.object({
  via: z.literal('kf'),
  code: z.string().min(1).max(512).optional(),
  codeAt: z.string().optional(),
});
export type KfReplyContext = z.infer<typeof kfReplyContextSchema>;

export function readKfReplyContext(value: unknown): KfReplyContext | null {
  const parsed = kfReplyContextSchema.safeParse(typeof value === 'string' ? safeJson(value) : value);
  return parsed.success ? parsed.data : null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** A welcome_code works within 20 seconds of the event (send_msg_on_event); kept with a margin. */
export const EVENT_CODE_TTL_MS = 18_000;
