import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { enqueue } from '../../../src/outbox/enqueue.ts';
import type { Item } from '../../../src/db/rows.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { countRows } from '../../helpers/test-db.ts';
import { WecomApiFake } from '../../fakes/wecom-api-fake.ts';
import { appCallback, appXml, newAesKey, post, signedQuery, verifyUrl, type Keys, wecomAppEnv } from '../../fakes/wecom-callback-client.ts';
import { settled, stored } from './helpers.ts';

const CORP = 'ww1234567890abcdef';
const keys: Keys = { token: 'app-callback-token', aesKey: newAesKey(), receiveId: CORP };
const SEND = '/cgi-bin/message/send';
let msgSeq = 4561255354251345000n;
const nextMsgId = () => String(++msgSeq);

describe('WeCom self-built app: callback at /wecom/callback, replies through message/send', () => {
  let api: WecomApiFake;
  let t: TestApp;
  let callbackUrl: string;
  const say = (from: string, content: string, msgId = nextMsgId()) => {
    const c = appCallback(keys, appXml.text(CORP, from, content, msgId));
    return post(callbackUrl, c.query, c.body);
  };
  const sentTo = (user: string) => api.callsTo(SEND).filter((c) => c.body?.touser === user && c.reply?.errcode === 0);

  beforeAll(async () => {
    api = await WecomApiFake.start({ corpId: CORP, secret: 'app-secret' });
    t = await startTestApp({
      env: {
        SIM_ENABLED: 'false',
        ...wecomAppEnv(keys, api.url),
      },
    });
    callbackUrl = `${t.url}/wecom/callback`;
    expect((await t.api('POST', '/api/communities', { name: '阳光社区' })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  it('verifies the URL: the decrypted echostr comes back as bare plaintext', async () => {
    const r = await verifyUrl(t.url, '/wecom/callback', keys, '1616140317555161061');
    expect(r).toMatchObject({ status: 200, text: '1616140317555161061' });
    expect(r.contentType).toContain('text/plain');
    // An echostr meant for another corp, or a bad signature, is refused.
    expect((await verifyUrl(t.url, '/wecom/callback', keys, '1616140317555161061', 'wwOTHER')).status).toBe(400);
    expect((await verifyUrl(t.url, '/wecom/callback', { ...keys, token: 'not-the-token' }, '1')).status).toBe(401);
  });

  it('answers a message with an empty 200 and replies through message/send with a cached token', async () => {
    const r = await say('wangxiuying', '帮助');
    expect(r).toEqual({ status: 200, text: '' });
    await settled(t);
    const [reply] = sentTo('wangxiuying');
    expect(reply!.body).toMatchObject({ touser: 'wangxiuying', agentid: 1000002, msgtype: 'text' });
    expect(reply!.body.text.content).toContain('心愿');
    expect(api.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    await say('wangxiuying', '帮助');
    await settled(t);
    expect(api.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
  });

  it('the same message delivered three times is handled once', async () => {
    const msgId = nextMsgId();
    const results = await Promise.all([1, 2, 3].map(() => say('zhangguilan', '心愿 帮家里老人修一下水龙头', msgId)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await settled(t);
    expect(await countRows(t.app.db, 'inbound_messages', 'platform = ? AND message_id = ?', ['wecom', msgId])).toBe(1);
    // One wish, one receipt.
    expect(sentTo('zhangguilan').map((c) => c.body.text.content)).toEqual([expect.stringContaining('编号 #')]);
    const items = (await t.api('GET', '/api/items?kind=wish')).body.items;
    expect(items.filter((i: { text: string }) => i.text === '帮家里老人修一下水龙头')).toHaveLength(1);
  });

  it('a location message gives a report its place: the label and the coordinates', async () => {
    await say('liuzhiqiang', '反映 楼道灯坏了');
    await settled(t);
    expect(sentTo('liuzhiqiang').at(-1)!.body.text.content).toContain('地点');
    const loc = appCallback(keys, appXml.location(CORP, 'liuzhiqiang', { lat: 23.134521, lon: 113.358803, label: '阳光小区5号楼东门', msgId: nextMsgId() }));
    expect((await post(callbackUrl, loc.query, loc.body)).status).toBe(200);
    await settled(t);
    expect(sentTo('liuzhiqiang').at(-1)!.body.text.content).toContain('照片');
    await say('liuzhiqiang', '跳过');
    await settled(t);
    const item = await t.app.db.get<Item>('SELECT * FROM items WHERE text = ? ORDER BY id LIMIT 1', ['楼道灯坏了']);
    expect(item).toMatchObject({ kind: 'report', place: '阳光小区5号楼东门', latitude: 23.134521, longitude: 113.358803 });
  });

  it('opening the app (enter_agent) gets the welcome', async () => {
    const c = appCallback(keys, appXml.enterAgent(CORP, 'newcomer'));
    expect((await post(callbackUrl, c.query, c.body)).status).toBe(200);
    await settled(t);
    expect(sentTo('newcomer').map((x) => x.body.text.content)).toEqual([expect.stringContaining('连心小助手')]);
  });

  it('refuses bad deliveries with a 4xx and stores nothing', async () => {
    await settled(t);
    const before = await stored(t);
    const good = appCallback(keys, appXml.text(CORP, 'mallory', '帮助', nextMsgId()));
    const tampered = new URLSearchParams(good.query);
    tampered.set('msg_signature', `${good.query.get('msg_signature')!.slice(0, 39)}${good.query.get('msg_signature')!.endsWith('0') ? '1' : '0'}`);
    const wrongCorp = appCallback(keys, appXml.text(CORP, 'mallory', '帮助', nextMsgId()), { receiveId: 'wwOTHERCORP' });
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><xml><ToUserName>&lol2;</ToUserName><Encrypt><![CDATA[${good.ciphertext}]]></Encrypt></xml>`;
    const innerBomb = appCallback(keys, `<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa">]><xml><ToUserName>${CORP}</ToUserName><FromUserName>&a;</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>`);
    const malformed = appCallback(keys, `<xml><ToUserName>${CORP}</ToUserName><MsgType>text</MsgType><Content>x</Content></xml>`);
    const notBase64 = '%%%not-base64%%%';
    const badBase64 = { query: signedQuery(keys, notBase64), body: `<xml><Encrypt><![CDATA[${notBase64}]]></Encrypt></xml>` };

    const cases: Array<[string, Promise<{ status: number }>]> = [
      ['tampered signature', post(callbackUrl, tampered, good.body)],
      ['wrong corp id', post(callbackUrl, wrongCorp.query, wrongCorp.body)],
      ['truncated body', post(callbackUrl, good.query, good.body.slice(0, Math.floor(good.body.length / 2)))],
      ['XML entity bomb', post(callbackUrl, good.query, bomb)],
      ['entity bomb inside the ciphertext', post(callbackUrl, innerBomb.query, innerBomb.body)],
      ['malformed message', post(callbackUrl, malformed.query, malformed.body)],
      ['bad base64', post(callbackUrl, badBase64.query, badBase64.body)],
      ['no signature', post(callbackUrl, new URLSearchParams(), good.body)],
      ['empty body', post(callbackUrl, good.query, '')],
      ['too large', post(callbackUrl, good.query, `<xml><Encrypt>${'A'.repeat(100_000)}</Encrypt></xml>`)],
    ];
    for (const [what, pending] of cases) {
      const { status } = await pending;
      expect({ what, status: status >= 400 && status < 500 }).toEqual({ what, status: true });
    }
    expect((await post(callbackUrl, tampered, good.body)).status).toBe(401);
    await settled(t);
    expect(await stored(t)).toEqual(before);
    expect(sentTo('mallory')).toHaveLength(0);
  });

  it('answers every callback while the WeCom API is still busy with the replies (a fake that takes 10 s)', async () => {
    await settled(t);
    api.hold(SEND, 10_000);
    const callsBefore = api.callsTo(SEND).length;
    const users = Array.from({ length: 20 }, (_, i) => `busy-${i}`);
    const answers = await Promise.all(users.map((u) => say(u, '帮助')));
    expect(answers.every((a) => a.status === 200 && a.text === '')).toBe(true);
    // Every callback got its answer, and not one send has been answered by the API yet.
    expect(api.callsTo(SEND).slice(callsBefore).some((c) => c.answered)).toBe(false);
    // The replies are under way and held at the API…
    await api.waitFor(() => api.callsTo(SEND).slice(callsBefore).some((c) => !c.answered), 'a held message/send');
    api.release();
    // …and all arrive once it answers.
    await settled(t);
    for (const u of users) expect(sentTo(u)).toHaveLength(1);
  });

  it('fetches a new token once when WeCom expires it mid-run, and the message still arrives once', async () => {
    await settled(t);
    const tokensBefore = api.callsTo('/cgi-bin/gettoken').length;
    api.expireTokens();
    const users = ['exp-1', 'exp-2', 'exp-3', 'exp-4', 'exp-5'];
    await Promise.all(users.map((u) => say(u, '帮助')));
    await settled(t);
    // However many sends met the expired token, one gettoken served them all (single flight).
    expect(api.callsTo('/cgi-bin/gettoken').length).toBe(tokensBefore + 1);
    const refused = users.flatMap((u) => api.callsTo(SEND).filter((c) => c.body?.touser === u && c.reply.errcode === 42001));
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const u of users) {
      const calls = api.callsTo(SEND).filter((c) => c.body?.touser === u);
      // A send that met the stale token was refused once, then went with the new one; a send
      // that started after the refresh went straight with the new one. Each arrived once.
      expect(calls.map((c) => c.reply.errcode)).toEqual(calls.length === 2 ? [42001, 0] : [0]);
      if (calls.length === 2) expect(calls[0]!.query.access_token).not.toBe(calls[1]!.query.access_token);
    }
    const dead = await countRows(t.app.db, 'outbox_messages', 'status = ?', ['dead']);
    expect(dead).toBe(0);
  });

  it('a bulletin to a group the app created goes through appchat/send, in parts of at most 2048 bytes', async () => {
    const chatid = 'wrAppChatOfVolunteers';
    const community = (await t.api('GET', '/api/communities')).body.communities[0];
    expect((await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: chatid, communityId: community.id })).status).toBe(201);
    const text = ['# 志愿者周报', ...Array.from({ length: 120 }, (_, i) => `${i + 1}. 心愿 #${i + 1} 已完成 🎉`)].join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(2048);
    const msg: OutboundMessage = { platform: 'wecom', target: { type: 'group', id: chatid }, text, format: 'markdown', scheduled: true };
    await t.app.db.transaction((tx) => enqueue(tx, [msg], {}, new Date()));
    t.app.dispatcher.kick();
    await settled(t);
    const parts = api.callsTo('/cgi-bin/appchat/send').filter((c) => c.body?.chatid === chatid && c.reply?.errcode === 0);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.every((p) => p.body.msgtype === 'markdown' && Buffer.byteLength(p.body.markdown.content) <= 2048)).toBe(true);
    expect(parts.map((p) => p.body.markdown.content).join('\n')).toBe(text);
  });

  it('keeps secrets out of the log', async () => {
    const log = t.logs.join('');
    expect(log).not.toContain('app-secret');
    expect(log).not.toContain(keys.aesKey);
    expect(log).not.toContain('fake-token-');
  });
});
