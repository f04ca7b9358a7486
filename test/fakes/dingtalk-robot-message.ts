import { randomUUID } from 'node:crypto';

export type DingtalkPerson = { staffId: string; senderId: string; nick: string };

/**
 * A robot message as DingTalk sends it (HTTP callback body, or Stream CALLBACK data), shaped after
 * the published samples: the bot's @name already removed, leaving the leading space.
 */
export function robotMessage(o: {
  from: DingtalkPerson;
  text: string;
  /** A group's openConversationId; omitted for the person's single chat. */
  group?: string;
  msgId?: string;
  sessionWebhook?: string;
  /** Epoch ms; default now + 90 minutes, as DingTalk does. */
  expiresAt?: number;
  createAt?: number;
}): Record<string, unknown> {
  const createAt = o.createAt ?? Date.now();
  return {
    msgId: o.msgId ?? `msg${randomUUID().replace(/-/gu, '')}==`,
    msgtype: 'text',
    text: { content: o.text },
    conversationType: o.group ? '2' : '1',
    conversationId: o.group ?? `cidSingle${o.from.senderId.slice(-6)}==`,
    ...(o.group ? { conversationTitle: '测试群', isInAtList: true, atUsers: [{ dingtalkId: '$:LWCP_v1:$bot' }] } : {}),
    senderId: o.from.senderId,
    senderNick: o.from.nick,
    senderStaffId: o.from.staffId,
    senderCorpId: o.from.staffId ? 'dingFAKEcorp' : undefined,
    chatbotUserId: '$:LWCP_v1:$bot',
    chatbotCorpId: 'dingFAKEcorp',
    robotCode: 'dingFAKEapp',
    isAdmin: false,
    createAt,
    ...(o.sessionWebhook ? { sessionWebhook: o.sessionWebhook, sessionWebhookExpiredTime: o.expiresAt ?? createAt + 5_400_000 } : {}),
  };
}
