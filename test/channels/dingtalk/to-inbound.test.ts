import { describe, expect, it } from 'vitest';
import { robotMessageSchema } from '../../../src/channels/dingtalk/robot-message-schema.ts';
import { removeBotMention, toInbound } from '../../../src/channels/dingtalk/to-inbound.ts';
import { robotMessage } from '../../fakes/dingtalk-robot-message.ts';

const origin = 'https://oapi.dingtalk.com';
const opts = { botName: '连心', receivedAt: new Date('2026-11-23T01:00:00Z'), sessionWebhookOrigins: [origin, 'https://api.dingtalk.com'] };
const staff = { staffId: 'manager4711', senderId: '$:LWCP_v1:$staff', nick: '李志强' };
const outsider = { staffId: '', senderId: '$:LWCP_v1:$outsider', nick: '王秀英' };
const inbound = (raw: Record<string, unknown>) => toInbound(robotMessageSchema.parse(raw), opts);

describe('toInbound', () => {
  it('maps a group message: openConversationId, userId, nick, sessionWebhook', () => {
    const raw = robotMessage({ from: staff, text: ' 认领 12', group: 'cidGROUP==', msgId: 'msgA', sessionWebhook: `${origin}/robot/sendBySession?session=s1`, expiresAt: 123 });
    expect(inbound(raw)).toMatchObject({
      platform: 'dingtalk',
      messageId: 'msgA',
      conversationId: 'cidGROUP==',
      conversationType: 'group',
      senderId: 'manager4711',
      senderName: '李志强',
      text: '认领 12',
      replyContext: { conversationType: 'group', conversationId: 'cidGROUP==', senderStaffId: 'manager4711', sessionWebhook: `${origin}/robot/sendBySession?session=s1`, sessionWebhookExpiresAt: 123 },
    });
  });

  it('maps a single chat to the sender, and people outside the org to their encrypted id', () => {
    expect(inbound(robotMessage({ from: staff, text: '帮助' }))).toMatchObject({ conversationType: 'single', conversationId: 'manager4711', senderId: 'manager4711' });
    const m = inbound(robotMessage({ from: outsider, text: '帮助' }));
    expect(m).toMatchObject({ conversationType: 'single', conversationId: '$:LWCP_v1:$outsider', senderId: '$:LWCP_v1:$outsider' });
    expect(m.replyContext).toMatchObject({ senderStaffId: '' });
    const missing = robotMessage({ from: outsider, text: '帮助' });
    delete missing.senderStaffId;
    expect(inbound(missing).senderId).toBe('$:LWCP_v1:$outsider');
  });

  it('keeps no sessionWebhook that points anywhere but DingTalk (the body is not signed)', () => {
    const m = inbound(robotMessage({ from: staff, text: 'x', group: 'cidG==', sessionWebhook: 'https://evil.example/robot/sendBySession?session=1' }));
    expect(m.replyContext).not.toHaveProperty('sessionWebhook');
    // Either configured DingTalk host will do; a look-alike host or another port will not.
    const api = inbound(robotMessage({ from: staff, text: 'x', group: 'cidG==', sessionWebhook: 'https://api.dingtalk.com/robot/sendBySession?session=2' }));
    expect(api.replyContext).toHaveProperty('sessionWebhook');
    for (const url of ['https://oapi.dingtalk.com.evil.example/robot/sendBySession?session=3', 'https://oapi.dingtalk.com:8443/robot/sendBySession?session=4']) {
      expect(inbound(robotMessage({ from: staff, text: 'x', group: 'cidG==', sessionWebhook: url })).replyContext).not.toHaveProperty('sessionWebhook');
    }
  });

  it('takes pictures as download codes and rich text as its text', () => {
    const pic = { ...robotMessage({ from: staff, text: '' }), msgtype: 'picture', content: { downloadCode: 'dl-1', pictureDownloadCode: 'p-1' } };
    expect(inbound(pic)).toMatchObject({ text: '', photos: ['dingtalk-download:dl-1'] });
    const rich = { ...robotMessage({ from: staff, text: '' }), msgtype: 'richText', content: { richText: [{ text: '路灯坏了' }, { type: 'picture', downloadCode: 'dl-2' }, { text: ' 5号楼' }] } };
    expect(inbound(rich)).toMatchObject({ text: '路灯坏了 5号楼', photos: ['dingtalk-download:dl-2'] });
    const many = { ...rich, content: { richText: Array.from({ length: 25 }, (_, i) => ({ type: 'picture', downloadCode: `dl-${i}` })) } };
    // The ledger keeps 20 photos a message; a message with more is still taken, not retried for ever.
    expect(inbound(many).photos).toHaveLength(20);
    const audio = { ...robotMessage({ from: staff, text: '' }), msgtype: 'audio', content: { recognition: '帮助', duration: 1000 } };
    expect(inbound(audio).text).toBe('帮助');
  });

  it.each([
    [' 认领 12', '认领 12'],
    ['@连心 认领 12', '认领 12'],
    ['＠连心　认领 12', '认领 12'],
    ['帮助@连心', '帮助'],
    ['@连心', ''],
    ['指派 12 @李志强', '指派 12 @李志强'],
    ['@连心小助手 你好', '@连心小助手 你好'],
    ['邮箱 a@连心.com', '邮箱 a@连心.com'],
  ])('removeBotMention(%j) → %j', (input, expected) => {
    expect(removeBotMention(input, '连心')).toBe(expected);
  });

  it('refuses payloads without the fields a message needs', () => {
    expect(robotMessageSchema.safeParse({ msgtype: 'text', text: { content: 'x' } }).success).toBe(false);
    expect(robotMessageSchema.safeParse({ ...robotMessage({ from: staff, text: 'x' }), conversationType: 3 }).success).toBe(false);
  });
});
