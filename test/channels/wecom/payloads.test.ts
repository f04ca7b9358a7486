import { describe, expect, it } from 'vitest';
import { parseAppCallback } from '../../../src/channels/wecom/app-payload.ts';
import { parseBotCallback } from '../../../src/channels/wecom/bot-payload.ts';
import { CallbackRejected } from '../../../src/channels/wecom/callback-rejected.ts';
import { parseXml } from '../../../src/channels/wecom/parse-xml.ts';
import { stripMention } from '../../../src/channels/wecom/strip-mention.ts';

const now = new Date('2026-11-23T02:00:00Z');
const bot = (body: unknown) => parseBotCallback(body, { botName: '连心', now });
const appXml = (fields: string) => {
  const xml = `<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1700000000</CreateTime>${fields}<AgentID>1000002</AgentID></xml>`;
  return parseAppCallback(parseXml(xml).value, xml, now);
};

describe('stripMention', () => {
  it.each([
    ['@连心 认领 12', '认领 12'],
    ['@连心\u2005认领 12', '认领 12'],
    ['@RobotA 认领 12', '认领 12'],
    ['@RobotA @连心 帮助', '帮助'],
    ['认领 12 @连心', '认领 12'],
    ['@连心', ''],
    ['帮助', '帮助'],
    ['指派 12 @李志强', '指派 12 @李志强'],
    ['@连心小助手 帮助', '帮助'],
  ])('%s → %s', (input, output) => {
    expect(stripMention(input, '连心')).toBe(output);
  });

  it('handles a bot name with spaces and regex characters', () => {
    expect(stripMention('@连心 (测试) 帮助', '连心 (测试)')).toBe('帮助');
  });
});

describe('smart robot payloads', () => {
  const base = { msgid: 'CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=', aibotid: 'AIBOTID', from: { userid: 'zhangsan' }, response_url: 'https://x/r' };

  it('a group text: the chat id is the conversation, the mention is gone, the user id names the sender', () => {
    const r = bot({ ...base, chatid: 'wrGROUP', chattype: 'group', msgtype: 'text', text: { content: '@连心 心愿 修水龙头' } });
    expect(r).toMatchObject({
      kind: 'message',
      responseUrl: 'https://x/r',
      msg: { platform: 'wecom', messageId: base.msgid, conversationId: 'wrGROUP', conversationType: 'group', senderId: 'zhangsan', senderName: 'zhangsan', text: '心愿 修水龙头', event: null },
    });
  });

  it('voice is its text; mixed is its text and its images as photos', () => {
    expect(bot({ ...base, chattype: 'single', msgtype: 'voice', voice: { content: '帮助' } })).toMatchObject({ msg: { text: '帮助', conversationId: 'zhangsan', conversationType: 'single' } });
    const mixed = bot({
      ...base,
      chatid: 'wrG',
      chattype: 'group',
      msgtype: 'mixed',
      mixed: { msg_item: [{ msgtype: 'text', text: { content: '@连心 反映 路灯坏了' } }, { msgtype: 'image', image: { url: 'https://img/1' } }] },
    });
    expect(mixed).toMatchObject({ kind: 'message', msg: { text: '反映 路灯坏了', photos: ['https://img/1'] } });
  });

  it('enter_chat becomes the enter_chat event; disconnected_event and stream refreshes are not messages', () => {
    expect(bot({ ...base, msgtype: 'event', event: { eventtype: 'enter_chat' } })).toMatchObject({ kind: 'enter_chat', msg: { event: 'enter_chat', conversationType: 'single', conversationId: 'zhangsan' } });
    expect(bot({ ...base, msgtype: 'event', event: { eventtype: 'disconnected_event' } })).toEqual({ kind: 'disconnected' });
    expect(bot({ ...base, msgtype: 'stream', stream: { id: 's' } })).toMatchObject({ kind: 'ignored' });
    expect(bot({ ...base, msgtype: 'event', event: { eventtype: 'feedback_event' } })).toMatchObject({ kind: 'ignored' });
  });

  it('refuses malformed bodies', () => {
    for (const body of [
      {},
      { ...base, msgtype: 'text' },
      { ...base, msgtype: 'text', text: { content: 1 } },
      { ...base, chattype: 'group', msgtype: 'text', text: { content: 'x' } },
      { ...base, from: {}, msgtype: 'text', text: { content: 'x' } },
      { ...base, msgid: 12345, msgtype: 'text', text: { content: 'x' } },
      'not an object',
    ]) {
      expect(() => bot(body)).toThrow(CallbackRejected);
    }
  });
});

describe('self-built app payloads', () => {
  it('text keeps the 64-bit MsgId as a string', () => {
    expect(appXml('<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>4561255354251345929</MsgId>')).toMatchObject({
      kind: 'message',
      msg: { messageId: '4561255354251345929', conversationId: 'zhangsan', conversationType: 'single', senderId: 'zhangsan', text: '帮助' },
    });
  });

  it('location: the label and coordinates', () => {
    const r = appXml(
      '<MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[阳光小区5号楼]]></Label><MsgId>1234567890123456</MsgId><AppType><![CDATA[wxwork]]></AppType>',
    );
    expect(r).toMatchObject({ kind: 'message', msg: { text: '', location: { label: '阳光小区5号楼', latitude: 23.134521, longitude: 113.358803 } } });
  });

  it('image → a photo; enter_agent → the enter_chat event, named by a hash of the payload', () => {
    expect(appXml('<MsgType>image</MsgType><PicUrl>https://p/1</PicUrl><MediaId>m</MediaId><MsgId>1</MsgId>')).toMatchObject({ msg: { photos: ['https://p/1'] } });
    const a = appXml('<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey>');
    const b = appXml('<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey>');
    expect(a).toMatchObject({ kind: 'message', msg: { event: 'enter_chat', messageId: expect.stringMatching(/^event-[0-9a-f]{64}$/u) } });
    expect(a.kind === 'message' && b.kind === 'message' && a.msg.messageId === b.msg.messageId).toBe(true);
    expect(appXml('<MsgType>event</MsgType><Event>LOCATION</Event><Latitude>1</Latitude>')).toMatchObject({ kind: 'ignored' });
  });

  it('refuses malformed messages', () => {
    expect(() => appXml('<MsgType>text</MsgType><Content>x</Content>')).toThrow(CallbackRejected);
    expect(() => appXml('<MsgType>location</MsgType><Location_X>north</Location_X><Location_Y>1</Location_Y><MsgId>1</MsgId>')).toThrow(CallbackRejected);
    expect(() => parseAppCallback(parseXml('<xml><MsgType>text</MsgType></xml>').value, '', now)).toThrow(CallbackRejected);
  });
});
