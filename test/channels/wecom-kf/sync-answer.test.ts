import { describe, expect, it } from 'vitest';
import { parseKfMessage, parseSyncAnswer } from '../../../src/channels/wecom-kf/sync-answer.ts';

const T = 1_767_000_000; // a send_time, in seconds
const base = { msgid: 'm1', open_kfid: 'wkA', external_userid: 'wmX', send_time: T, origin: 3 };

describe('a sync_msg page', () => {
  it('reads the cursor, has_more and every message in order', () => {
    const page = parseSyncAnswer({
      errcode: 0,
      errmsg: 'ok',
      next_cursor: 'CUR2',
      has_more: 1,
      msg_list: [
        { ...base, msgtype: 'text', text: { content: '心愿 修水龙头' } },
        { ...base, msgid: 'm2', msgtype: 'image', image: { media_id: 'MEDIA1' } },
      ],
    });
    expect(page.nextCursor).toBe('CUR2');
    expect(page.hasMore).toBe(true);
    expect(page.messages.map((m) => m.kind)).toEqual(['text', 'image']);
    expect(page.messages[0]).toMatchObject({ kind: 'text', text: '心愿 修水龙头', externalUserId: 'wmX', openKfid: 'wkA' });
    expect((page.messages[0] as { sentAt: Date }).sentAt.getTime()).toBe(T * 1000);
  });

  it.each([
    ['an error answer', { errcode: 95007, errmsg: 'invalid msg token' }],
    ['no next_cursor', { errcode: 0, has_more: 0, msg_list: [] }],
    ['msg_list not a list', { errcode: 0, next_cursor: 'c', has_more: 0, msg_list: {} }],
    ['has_more as text', { errcode: 0, next_cursor: 'c', has_more: 'yes', msg_list: [] }],
    ['more than 1000 messages', { errcode: 0, next_cursor: 'c', has_more: 0, msg_list: Array(1001).fill({}) }],
    ['not an object', 'ok'],
  ])('refuses %s (the cursor must not move)', (_what, json) => {
    expect(() => parseSyncAnswer(json)).toThrow(/sync_msg answer is malformed/u);
  });
});

describe('one message', () => {
  it('reads a location as a place with its label', () => {
    const m = parseKfMessage({ ...base, msgtype: 'location', location: { latitude: 39.9, longitude: 116.4, name: '幸福小区', address: '3号楼' } });
    expect(m).toMatchObject({ kind: 'location', latitude: 39.9, longitude: 116.4, label: '幸福小区 3号楼' });
  });

  it('reads enter_session with its welcome_code and scene_param (account and customer inside the event)', () => {
    const m = parseKfMessage({
      msgid: 'e1',
      send_time: T,
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'enter_session', open_kfid: 'wkA', external_userid: 'wmX', scene: 'c7', scene_param: '7', welcome_code: 'W1' },
    });
    expect(m).toMatchObject({ kind: 'enter_session', openKfid: 'wkA', externalUserId: 'wmX', scene: 'c7', sceneParam: '7', welcomeCode: 'W1' });
  });

  it('reads enter_session without a welcome_code as null', () => {
    const m = parseKfMessage({ msgid: 'e1', send_time: T, origin: 4, msgtype: 'event', event: { event_type: 'enter_session', open_kfid: 'wkA', external_userid: 'wmX' } });
    expect(m).toMatchObject({ kind: 'enter_session', welcomeCode: null, sceneParam: '' });
  });

  it('reads msg_send_fail, session_status_change and servicer_status_change', () => {
    const ev = (event: object) => parseKfMessage({ msgid: 'e', send_time: T, origin: 4, msgtype: 'event', event });
    expect(ev({ event_type: 'msg_send_fail', open_kfid: 'wkA', external_userid: 'wmX', fail_msgid: 'f1', fail_type: 6 })).toMatchObject({
      kind: 'msg_send_fail',
      failMsgid: 'f1',
      failType: 6,
    });
    expect(ev({ event_type: 'session_status_change', open_kfid: 'wkA', external_userid: 'wmX', change_type: 1, new_servicer_userid: 'zhang' })).toMatchObject({
      kind: 'session_status_change',
      changeType: 1,
      newServicer: 'zhang',
    });
    expect(ev({ event_type: 'servicer_status_change', servicer_userid: 'zhang', status: 2 })).toMatchObject({ kind: 'servicer_status_change', status: 2 });
  });

  it('reads a servicer writing from the WeCom client (origin 5) as a human in the session', () => {
    expect(parseKfMessage({ ...base, origin: 5, servicer_userid: 'zhang', msgtype: 'text', text: { content: '您好' } })).toMatchObject({
      kind: 'servicer',
      servicerUserId: 'zhang',
    });
  });

  it('answers voice and other known types as "other" (the resident hears how to use the bot)', () => {
    expect(parseKfMessage({ ...base, msgtype: 'voice', voice: { media_id: 'v' } })).toMatchObject({ kind: 'other', msgtype: 'voice' });
  });

  it.each([
    ['an unknown msgtype', { ...base, msgtype: 'hologram', hologram: {} }],
    ['an unknown event', { ...base, origin: 4, msgtype: 'event', event: { event_type: 'user_recall_msg', open_kfid: 'wkA', external_userid: 'wmX' } }],
    ['an event without its type', { ...base, origin: 4, msgtype: 'event', event: {} }],
    ['text without content', { ...base, msgtype: 'text', text: {} }],
    ['no msgid', { ...base, msgid: '', msgtype: 'text', text: { content: 'x' } }],
    ['send_time as text', { ...base, send_time: 'yesterday', msgtype: 'text', text: { content: 'x' } }],
    ['a location off the globe', { ...base, msgtype: 'location', location: { latitude: 300, longitude: 0 } }],
    ['a customer message without external_userid', { ...base, external_userid: undefined, msgtype: 'text', text: { content: 'x' } }],
    ['a system message that is not an event', { ...base, origin: 4, msgtype: 'text', text: { content: 'x' } }],
    ['null', null],
  ])('reads %s as unknown, without throwing', (_what, raw) => {
    expect(parseKfMessage(raw).kind).toBe('unknown');
  });

  it('keeps the msgid of an unknown message for the log', () => {
    expect(parseKfMessage({ ...base, msgtype: 'hologram' })).toEqual({ kind: 'unknown', msgid: 'm1', why: 'msgtype hologram' });
  });

  it('skips an unknown message but keeps the page', () => {
    const page = parseSyncAnswer({ errcode: 0, next_cursor: 'c', has_more: 0, msg_list: [{ ...base, msgtype: 'hologram' }, { ...base, msgid: 'm2', msgtype: 'text', text: { content: '你好' } }] });
    expect(page.messages.map((m) => m.kind)).toEqual(['unknown', 'text']);
  });
});
