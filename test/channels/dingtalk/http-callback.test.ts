import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DingtalkHttpFake } from '../../fakes/dingtalk-http-fake.ts';
import { robotMessage, type DingtalkPerson } from '../../fakes/dingtalk-robot-message.ts';
import type { InboundMessage, OutboxMessage } from '../../../src/db/rows.ts';
import type { TestApp } from '../../helpers/test-app.ts';
import { countRows } from '../../helpers/test-db.ts';
import { APP, startDingtalkApp, waitUntil } from './dingtalk-test-app.ts';

// The signature as DingTalk computes it, written here from the published rule.
const signOf = (ts: string, secret = APP.clientSecret) => createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');

const wang: DingtalkPerson = { staffId: '', senderId: '$:LWCP_v1:$wang', nick: '王秀英' };
const li: DingtalkPerson = { staffId: 'li4711', senderId: '$:LWCP_v1:$li', nick: '李志强' };
const GROUP = 'cidHttpGroup==';

describe('the app robot in HTTP mode: /dingtalk/callback', () => {
  let t: TestApp;
  let http: DingtalkHttpFake;
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${t.url}/dingtalk/callback`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) });
  const signed = (body: unknown, ts = String(Date.now())) => post(body, { timestamp: ts, sign: signOf(ts) });
  const inboundCount = () => countRows(t.app.db, 'inbound_messages', 'platform = ?', ['dingtalk']);

  beforeAll(async () => {
    http = await DingtalkHttpFake.start({ appKey: APP.clientId, appSecret: APP.clientSecret });
    t = await startDingtalkApp({ http, mode: 'http' });
    const c = await t.api('POST', '/api/communities', { name: 'HTTP社区' });
    expect((await t.api('POST', '/api/groups', { platform: 'dingtalk', conversationId: GROUP, communityId: c.body.id })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await http.close();
  });

  it('stores a correctly signed message, answers 200 at once, and replies through its sessionWebhook', async () => {
    const res = await signed(robotMessage({ from: wang, text: ' 帮助', sessionWebhook: http.sessionWebhook('s-help') }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ msgtype: 'empty' });
    await t.app.inbound.idle();
    await waitUntil(() => http.sessionTexts('s-help').length > 0);
    expect(http.sessionTexts('s-help')[0]).toMatch(/心愿|反映/u);
  });

  it('answers before the bot has answered: the reply goes out afterwards, through the outbox', async () => {
    // DingTalk's side is slow to take the reply; the callback must not wait for it.
    http.delayNext('/robot/sendBySession', 2000);
    const res = await signed(robotMessage({ from: wang, text: '帮助', msgId: 'msgHttpFast==', sessionWebhook: http.sessionWebhook('s-slow') }));
    expect(res.status).toBe(200);
    const stored = (await t.app.db.get<InboundMessage>('SELECT * FROM inbound_messages WHERE message_id = ? ORDER BY id LIMIT 1', ['msgHttpFast=='])) ?? null;
    expect(stored).not.toBeNull();
    const reply = async () =>
      (await t.app.db.get<OutboxMessage>('SELECT * FROM outbox_messages WHERE inbound_id = ? ORDER BY id LIMIT 1', [stored!.id])) ?? null;
    expect((await reply())?.status).not.toBe('sent');
    await waitUntil(async () => (await reply())?.status === 'sent', 8000, 'the reply');
    expect(http.sessionTexts('s-slow')).toHaveLength(1);
  });

  it.each([
    ['signed with another secret', () => { const ts = String(Date.now()); return { timestamp: ts, sign: signOf(ts, 'not-the-app-secret') }; }],
    ['stale by more than an hour', () => { const ts = String(Date.now() - 3_600_000 - 60_000); return { timestamp: ts, sign: signOf(ts) }; }],
    ['from more than an hour ahead', () => { const ts = String(Date.now() + 3_600_000 + 60_000); return { timestamp: ts, sign: signOf(ts) }; }],
    ['with a URL-encoded sign', () => { const ts = String(Date.now()); return { timestamp: ts, sign: encodeURIComponent(signOf(ts)) }; }],
    ['without a sign header', () => ({ timestamp: String(Date.now()) })],
    ['without any header', () => ({})],
  ])('refuses a callback %s with 401 and stores nothing', async (_name, headers) => {
    const before = await inboundCount();
    const res = await post(robotMessage({ from: wang, text: ' 心愿 不该被记录', sessionWebhook: http.sessionWebhook('s-forged') }), headers() as Record<string, string>);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/sign|timestamp/u);
    expect(await inboundCount()).toBe(before);
    expect(http.sessionTexts('s-forged')).toEqual([]);
  });

  it('handles the same msgId delivered three times once', async () => {
    const msg = robotMessage({ from: li, text: ' 心愿 给楼下独居老人送一袋米', group: GROUP, msgId: 'msgHttpDup==', sessionWebhook: http.sessionWebhook('s-dup') });
    const answers = await Promise.all([signed(msg), signed(msg)]);
    answers.push(await signed(msg));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    await t.app.inbound.idle();
    const items = (await t.api('GET', '/api/items')).body.items.filter((i: { text: string }) => i.text === '给楼下独居老人送一袋米');
    expect(items).toHaveLength(1);
    expect(await countRows(t.app.db, 'inbound_messages', 'message_id = ?', ['msgHttpDup=='])).toBe(1);
    await waitUntil(() => http.sessionTexts('s-dup').length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(http.sessionTexts('s-dup')).toHaveLength(1);
    // A group reply @-mentions the sender (userId in at.atUserIds and as @userId in the text).
    const sent = http.to('/robot/sendBySession').find((r) => r.query.session === 's-dup')!;
    expect(sent.body.at).toEqual({ atUserIds: ['li4711'], isAtAll: false });
    expect(sent.body.text.content).toMatch(/^@li4711 /u);
  });

  it('answers a signed body that is not a robot message with 400', async () => {
    const res = await signed({ hello: 'world' });
    expect(res.status).toBe(400);
  });
});
