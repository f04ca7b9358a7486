import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage, OutboxMessage } from '../../../src/db/rows.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { getOrThrow } from '../../helpers/test-db.ts';
import { WecomApiFake } from '../../fakes/wecom-api-fake.ts';
import { botCallback, newAesKey, openPassiveReply, post, signedQuery, verifyUrl, type Keys } from '../../fakes/wecom-callback-client.ts';
import { settled, stored } from './helpers.ts';

// The smart robot in HTTP callback mode: an empty receive id, JSON bodies, replies through the
// message's response_url (once) — and the enter_chat welcome in the HTTP answer itself.

const keys: Keys = { token: 'bot-callback-token', aesKey: newAesKey(), receiveId: '' };
const RESPONSE = '/cgi-bin/aibot/response';
const GROUP = 'wrSunshineGroup';
let seq = 0;

describe('WeCom smart robot, HTTP callback mode at /wecom/bot/callback', () => {
  let api: WecomApiFake;
  let t: TestApp;
  let url: string;
  const message = (o: { from: string; content: string; chatid?: string; msgid?: string }) => {
    const code = `rc-${++seq}`;
    return {
      code,
      payload: {
        msgid: o.msgid ?? `CAIQ${seq}HMjQYY/NGagIOAgAMgq4KM0AI=`,
        aibotid: 'AIBOTID',
        ...(o.chatid ? { chatid: o.chatid, chattype: 'group' } : { chattype: 'single' }),
        from: { userid: o.from },
        response_url: `${api.url}${RESPONSE}?response_code=${code}`,
        msgtype: 'text',
        text: { content: o.content },
      },
    };
  };
  const send = (payload: unknown) => {
    const c = botCallback(keys, payload);
    return post(url, c.query, c.body, 'application/json');
  };
  const answersTo = (code: string) => api.callsTo(RESPONSE).filter((c) => c.query.response_code === code);

  beforeAll(async () => {
    api = await WecomApiFake.start();
    t = await startTestApp({
      env: { SIM_ENABLED: 'false', WECOM_BOT_TOKEN: keys.token, WECOM_BOT_ENCODING_AES_KEY: keys.aesKey, WECOM_RESPONSE_URL_ORIGINS: api.url },
    });
    url = `${t.url}/wecom/bot/callback`;
    const c = await t.api('POST', '/api/communities', { name: '阳光社区' });
    expect((await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: GROUP, communityId: c.body.id })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  it('verifies the URL with an empty receive id', async () => {
    expect(await verifyUrl(t.url, '/wecom/bot/callback', keys, '7417589201937541234')).toMatchObject({ status: 200, text: '7417589201937541234' });
    expect((await verifyUrl(t.url, '/wecom/bot/callback', keys, '1', 'ww1234567890abcdef')).status).toBe(400);
  });

  it('a wish in a group, delivered three times: one item, one reply through its response_url', async () => {
    const m = message({ from: 'wangxiuying', chatid: GROUP, content: '@连心 心愿 家里水龙头一直漏水' });
    const answers = await Promise.all([1, 2, 3].map(() => send(m.payload)));
    expect(answers).toEqual([1, 2, 3].map(() => ({ status: 200, text: '' })));
    await settled(t);
    expect((await t.api('GET', '/api/items?kind=wish')).body.items).toHaveLength(1);
    const [reply] = answersTo(m.code);
    expect(answersTo(m.code)).toHaveLength(1);
    expect(reply!.body).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('#1') } });
  });

  it('several things said about one message arrive together in its one response_url call', async () => {
    const first = message({ from: 'zhangguilan', content: '那个灯坏了好几天' });
    await send(first.payload);
    await settled(t);
    expect(answersTo(first.code)[0]!.body.markdown.content).toContain('哪一类');
    // "帮助" during a dialogue: the help, and a reminder of the unfinished draft.
    const second = message({ from: 'zhangguilan', content: '帮助' });
    await send(second.payload);
    await settled(t);
    const calls = answersTo(second.code);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.markdown.content).toContain('心愿');
    expect(calls[0]!.body.markdown.content).toContain('没登记完');
    const inbound = await getOrThrow<InboundMessage>(t.app.db, 'SELECT * FROM inbound_messages WHERE message_id = ? ORDER BY id LIMIT 1', [second.payload.msgid]);
    const rows = await t.app.db.all<OutboxMessage>('SELECT * FROM outbox_messages WHERE inbound_id = ? ORDER BY id', [inbound.id]);
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('enter_chat is answered in the HTTP answer with the encrypted welcome', async () => {
    const before = api.callsTo(RESPONSE).length;
    const event = { msgid: `EVT${++seq}`, create_time: 1_700_000_000, aibotid: 'AIBOTID', from: { userid: 'newcomer' }, msgtype: 'event', event: { eventtype: 'enter_chat' } };
    const c = botCallback(keys, event);
    const res = await fetch(`${url}?${c.query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body });
    expect(res.status).toBe(200);
    const reply = openPassiveReply(keys, (await res.json()) as never);
    expect(reply).toMatchObject({ signatureOk: true, id: '', body: { msgtype: 'text', text: { content: expect.stringContaining('连心小助手') } } });
    await settled(t);
    expect(api.callsTo(RESPONSE).length).toBe(before);
    const inbound = await getOrThrow<InboundMessage>(t.app.db, 'SELECT * FROM inbound_messages WHERE message_id = ? ORDER BY id LIMIT 1', [event.msgid]);
    expect((await t.app.db.all<OutboxMessage>('SELECT * FROM outbox_messages WHERE inbound_id = ? ORDER BY id', [inbound.id])).map((r) => r.status)).toEqual(['sent']);
  });

  it('refuses bad deliveries with a 4xx and stores nothing', async () => {
    await settled(t);
    const before = await stored(t);
    const good = botCallback(keys, message({ from: 'mallory', content: '帮助' }).payload);
    const tampered = new URLSearchParams(good.query);
    tampered.set('nonce', `${good.query.get('nonce')}1`);
    const corpId = botCallback(keys, message({ from: 'mallory', content: '帮助' }).payload, { receiveId: 'ww1234567890abcdef' });
    const malformed = botCallback(keys, { msgid: 'x', msgtype: 'text', text: { content: 'no sender' } });
    const notJson = botCallback(keys, 'just a string');
    const plainText = (() => {
      const c = botCallback(keys, {});
      return { ...c, body: JSON.stringify({ encrypt: 'not base64!!' }), query: signedQuery(keys, 'not base64!!') };
    })();
    const cases = {
      'tampered signature': post(url, tampered, good.body),
      'receive id of a corp': post(url, corpId.query, corpId.body),
      'truncated body': post(url, good.query, good.body.slice(0, 30)),
      'malformed payload': post(url, malformed.query, malformed.body),
      'a payload that is not an object': post(url, notJson.query, notJson.body),
      'bad base64': post(url, plainText.query, plainText.body),
      'XML instead of JSON': post(url, good.query, `<xml><Encrypt>${good.ciphertext}</Encrypt></xml>`),
    };
    for (const [what, pending] of Object.entries(cases)) {
      const { status } = await pending;
      expect({ what, refused: status >= 400 && status < 500 }).toEqual({ what, refused: true });
    }
    expect((await post(url, tampered, good.body)).status).toBe(401);
    await settled(t);
    expect(await stored(t)).toEqual(before);
  });
});
