import type { InboundMessage } from '../../core/messages.ts';
import type { DingtalkReplyContext } from './reply-context.ts';
import type { RobotMessage } from './robot-message-schema.ts';

/** Photos are kept as DingTalk download codes (fetched through /v1.0/robot/messageFiles/download). */
export const PHOTO_REF_PREFIX = 'dingtalk-download:';

export type ToInboundOptions = {
  botName: string;
  receivedAt: Date;
  /**
   * Only a sessionWebhook on one of these origins (DingTalk's configured hosts) is kept: the HTTP-mode
   * signature covers the timestamp, not the body, and the bot posts replies to this address.
   */
  sessionWebhookOrigins: readonly string[];
};

/**
 * A robot message in Lianxin's neutral shape. Single chats ("1") are keyed by the sender, groups
 * ("2") by their openConversationId. A person is their userId (senderStaffId), or the encrypted
 * senderId when DingTalk gives no userId (people outside the organisation).
 */
export function toInbound(m: RobotMessage, o: ToInboundOptions): InboundMessage {
  const staffId = m.senderStaffId?.trim() ?? '';
  const senderId = staffId || m.senderId;
  const group = m.conversationType === '2';
  const sessionWebhook = m.sessionWebhook && o.sessionWebhookOrigins.some((origin) => sameOrigin(m.sessionWebhook!, origin)) ? m.sessionWebhook : undefined;
  const replyContext: DingtalkReplyContext = {
    conversationType: group ? 'group' : 'single',
    conversationId: m.conversationId,
    senderStaffId: staffId,
    ...(sessionWebhook && m.sessionWebhookExpiredTime ? { sessionWebhook, sessionWebhookExpiresAt: m.sessionWebhookExpiredTime } : {}),
  };
  const { text, photos } = contentOf(m);
  return {
    platform: 'dingtalk',
    messageId: m.msgId,
    conversationId: group ? m.conversationId : senderId,
    conversationType: group ? 'group' : 'single',
    senderId,
    senderName: m.senderNick.trim().slice(0, 100),
    text: removeBotMention(text, o.botName),
    // The ledger keeps at most 20 photos a message (inboundMessageSchema); the rest are not stored.
    photos: photos.slice(0, 20),
    location: null,
    event: null,
    replyContext,
    receivedAt: o.receivedAt.toISOString(),
  };
}

function contentOf(m: RobotMessage): { text: string; photos: string[] } {
  const c = m.content;
  switch (m.msgtype) {
    case 'text':
      return { text: m.text?.content ?? '', photos: [] };
    case 'picture':
      return { text: '', photos: photo(c?.downloadCode ?? c?.pictureDownloadCode) };
    case 'richText': {
      const parts = c?.richText ?? [];
      return {
        text: parts.map((p) => p.text ?? '').join(''),
        photos: parts.filter((p) => p.type === 'picture').flatMap((p) => photo(p.downloadCode ?? p.pictureDownloadCode)),
      };
    }
    case 'audio':
      return { text: c?.recognition ?? '', photos: [] };
    default:
      // Files, videos and unknown kinds arrive as no text: the bot asks for words.
      return { text: m.text?.content ?? '', photos: [] };
  }
}

const photo = (code: string | undefined) => (code ? [`${PHOTO_REF_PREFIX}${code}`.slice(0, 4096)] : []);

const SPACE = '[\\s\\u2005\\u3000]';

/**
 * DingTalk removes the robot's own @name from a text message but leaves the space after it
 * (" 认领 12"); some clients leave the mention itself ("@连心 认领 12", "帮助@连心"). Both are
 * removed here; other people's mentions ("指派 12 @李志强") stay, the commands need them.
 */
export function removeBotMention(text: string, botName: string): string {
  const name = botName.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return text
    .replace(new RegExp(`^${SPACE}*[@＠]${name}(?=${SPACE}|$)`, 'u'), '')
    .replace(new RegExp(`${SPACE}*[@＠]${name}${SPACE}*$`, 'u'), '')
    .replace(new RegExp(`^${SPACE}+`, 'u'), '');
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
