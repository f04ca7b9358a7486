import type { InboundMessage, OutboundMessage } from '../../core/messages.ts';
import type { KfKey } from './kf-customers.ts';
import type { KfReplyContext } from './kf-reply-context.ts';
import type { KfMessage } from './sync-answer.ts';

/** What a resident is called before they give a name: sync_msg carries no nickname. */
export const KF_SENDER_NAME = '微信用户';

export type Head = Extract<KfMessage, { externalUserId: string }>;

export function keyOf(m: Head): KfKey {
  return { openKfid: m.openKfid, externalUserId: m.externalUserId };
}

/** The neutral message: a direct chat between the resident and the bot. */
export function neutral(m: Head, text: string, now: Date): InboundMessage {
  return {
    platform: 'wecom-kf',
    messageId: m.msgid,
    conversationId: m.externalUserId,
    conversationType: 'single',
    senderId: m.externalUserId,
    senderName: KF_SENDER_NAME,
    text,
    photos: [],
    location: null,
    event: null,
    receivedAt: now.toISOString(),
  };
}

export function replyTo(key: KfKey, text: string, context: KfReplyContext = { via: 'kf' }): OutboundMessage {
  return { platform: 'wecom-kf', target: { type: 'user', id: key.externalUserId }, text, format: 'text', replyContext: context };
}
