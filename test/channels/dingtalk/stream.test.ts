import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DingtalkHttpFake } from '../../fakes/dingtalk-http-fake.ts';
import { DingtalkStreamFake } from '../../fakes/dingtalk-stream-fake.ts';
import { robotMessage, type DingtalkPerson } from '../../fakes/dingtalk-robot-message.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createDingtalkChannel, type DingtalkChannelOptions } from '../../../src/channels/dingtalk/dingtalk-channel.ts';
import { APP, FAST_STREAM, startDingtalkApp, waitUntil } from './dingtalk-test-app.ts';

const li: DingtalkPerson = { staffId: 'li4711', senderId: '$:LWCP_v1:$li', nick: '李志强' };
const GROUP = 'cidStreamGroup==';

describe('the app robot over Stream', () => {
  let http: DingtalkHttpFake;
  let stream: DingtalkStreamFake;
  let t: TestApp | null = null;
  let other: TestApp | null = null;

  beforeAll(async () => {
    http = await DingtalkHttpFake.start({ appKey: APP.clientId, appSecret: APP.clientSecret });
  });
  afterEach(async () => {
    await other?.close();
    await t?.close();
    await stream?.close();
    t = other = null;
  });
  afterAll(() => http.close());

  const start = async (options: DingtalkChannelOptions = {}, fake: { redeliverMs?: number; pingEveryMs?: number } = {}) => {
    stream = await DingtalkStreamFake.start(APP, fake);
    t = await startDingtalkApp({ http, stream, options });
    const c = await t.api('POST', '/api/communities', { name: `社区${Math.random()}` });
    await t.api('POST', '/api/groups', { platform: 'dingtalk', conversationId: GROUP, communityId: c.body.id });
    await waitUntil(() => stream.live === 1, 5000, 'a connection');
    return t;
  };
  const wish = (text: string, msgId?: string) =>
    robotMessage({ from: li, text: ` 心愿 ${text}`, group: GROUP, msgId, sessionWebhook: http.sessionWebhook(`s-${text}`) });
  const itemsNamed = async (app: TestApp, text: string) =>
    (await app.api('GET', '/api/items')).body.items.filter((i: { text: string }) => i.text === text);

  it('opens with the app credentials and the robot subscription, and answers pings by echoing them', async () => {
    await start();
    expect(stream.opens[0]).toMatchObject({
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
      accept: 'application/json',
      subscriptions: expect.arrayContaining([{ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' }, { type: 'EVENT', topic: '*' }]),
    });
    await waitUntil(() => stream.received.some((r) => r.frame.headers?.messageId?.startsWith('ping_')), 3000, 'a pong');
    const pong = stream.received.find((r) => r.frame.headers?.messageId?.startsWith('ping_'))!.frame;
    expect(pong.code).toBe(200);
    expect(JSON.parse(pong.data)).toHaveProperty('opaque');
  });

  it('stores a robot message, then acknowledges it; three deliveries of one msgId make one item', async () => {
    await start();
    const ids = [stream.push(wish('买米', 'msgStreamDup==')), stream.push(wish('买米', 'msgStreamDup=='))];
    ids.push(stream.push(wish('买米', 'msgStreamDup==')));
    await waitUntil(() => ids.every((id) => stream.acknowledged.has(id)), 5000, 'three acks');
    await t!.app.inbound.idle();
    expect(await itemsNamed(t!, '买米')).toHaveLength(1);
    await waitUntil(() => http.sessionTexts('s-买米').length === 1, 5000, 'the receipt');
  });

  it('does not acknowledge what it could not store: the message comes back and is handled after a restart', async () => {
    await start({}, { redeliverMs: 150 });
    // This process can no longer store anything (as when it is shutting down).
    await t!.app.inbound.stop();
    const id = stream.push(wish('修水管', 'msgBeforeRestart=='));
    await waitUntil(() => (stream.deliveries.get(id) ?? 0) >= 2, 3000, 'a redelivery');
    expect(stream.acknowledged.has(id)).toBe(false);
    await t!.close();
    const databaseUrl = t!.app.config.DATABASE_URL;
    t = null;
    // The next process on the same database connects; DingTalk delivers the message again, to it.
    other = await startDingtalkAppOn(databaseUrl, http, stream);
    await waitUntil(() => stream.acknowledged.has(id), 5000, 'the ack from the other process');
    await other.app.inbound.idle();
    expect(await itemsNamed(other, '修水管')).toHaveLength(1);
    // A late copy of the same message (same msgId, new frame) is recognised after the restart too.
    const late = stream.push(wish('修水管', 'msgBeforeRestart=='));
    await waitUntil(() => stream.acknowledged.has(late), 3000, 'the ack of the late copy');
    await other.app.inbound.idle();
    expect(await itemsNamed(other, '修水管')).toHaveLength(1);
  });

  it('reconnects after a dropped connection and loses nothing', async () => {
    await start();
    // Pushed and cut off before any ack can come back on that connection.
    const early = stream.push(wish('换灯泡'));
    stream.drop('terminate');
    const during = stream.push(wish('送药'));
    await waitUntil(() => stream.connections === 2 && stream.unacknowledged === 0, 5000, 'reconnect and acks');
    expect(stream.acknowledged.has(early) && stream.acknowledged.has(during)).toBe(true);
    await t!.app.inbound.idle();
    expect(await itemsNamed(t!, '换灯泡')).toHaveLength(1);
    expect(await itemsNamed(t!, '送药')).toHaveLength(1);
    // Clean close (1000) too.
    stream.drop('close');
    await waitUntil(() => stream.connections === 3 && stream.live === 1, 5000, 'second reconnect');
  });

  it('on SYSTEM disconnect opens the new connection before the old one closes', async () => {
    await start();
    stream.announceDisconnect(1500);
    await waitUntil(() => stream.connections === 2, 3000, 'the replacement');
    const id = stream.push(wish('陪老人看病'));
    await waitUntil(() => stream.acknowledged.has(id), 3000, 'ack on the new connection');
    // The old one is closed by us (before the fake's own close after 1.5 s), and only after the new one opened.
    await waitUntil(() => stream.live === 1, 1400, 'the old connection closed');
    expect(stream.events).toEqual(['open 1', 'open 2', 'close 1']);
  });

  it('replaces a connection that stays open but goes silent', async () => {
    await start({ stream: { idleMs: 400 } });
    stream.zombify();
    const id = stream.push(wish('扫楼道'));
    await waitUntil(() => stream.connections === 2, 5000, 'a new connection after the silence');
    await waitUntil(() => stream.acknowledged.has(id), 3000, 'the message delivered on it');
    await t!.app.inbound.idle();
    expect(await itemsNamed(t!, '扫楼道')).toHaveLength(1);
    await waitUntil(() => stream.live === 1, 5000, 'the silent connection closed');
    expect(stream.events).toEqual(['open 1', 'open 2', 'close 1']);
  });

  it('survives garbage: frames that are not JSON, data that is not a message, unknown topics', async () => {
    await start();
    stream.sendRaw('this is not json');
    stream.sendRaw(JSON.stringify({ type: 'CALLBACK' }));
    const bad = stream.push({ hello: 'not a robot message' });
    const unknownTopic = stream.push({ any: 1 }, '/v1.0/card/instances/callback');
    const good = stream.push(wish('修门锁'));
    await waitUntil(() => [bad, unknownTopic, good].every((id) => stream.received.some((r) => r.frame.headers?.messageId === id)), 3000, 'answers');
    expect(stream.acknowledged.has(bad)).toBe(true);
    expect(stream.acknowledged.has(good)).toBe(true);
    expect(stream.connections).toBe(1);
    await t!.app.inbound.idle();
    expect(await itemsNamed(t!, '修门锁')).toHaveLength(1);
  });

  it('backs off after failed opens, one attempt at a time, and stops cleanly', async () => {
    stream = await DingtalkStreamFake.start(APP);
    stream.failOpens(3);
    t = await startDingtalkApp({ http, stream });
    await waitUntil(() => stream.live === 1, 5000, 'a connection after three refusals');
    expect(stream.opens).toHaveLength(4);
    await t.close();
    t = null;
    const opens = stream.opens.length;
    await waitUntil(() => stream.live === 0, 3000, 'closed on stop');
    await new Promise((r) => setTimeout(r, 300));
    expect(stream.opens).toHaveLength(opens);
  });

  it('does not retry fast with wrong credentials', async () => {
    stream = await DingtalkStreamFake.start({ clientId: APP.clientId, clientSecret: 'the-real-secret-is-another' });
    t = await startDingtalkApp({ http, stream, options: { stream: { backoffMaxMs: 10_000 } } });
    await waitUntil(() => stream.opens.length >= 1, 3000, 'the first open');
    await new Promise((r) => setTimeout(r, 400));
    // With a 20 ms base, an ordinary back-off would have tried 4 more times by now; a 400 waits the longest.
    expect(stream.opens).toHaveLength(1);
    expect(t.logs.join('')).not.toContain(APP.clientSecret);
  });
});

/** Lianxin again on an existing database, with the same fakes (a restart). */
function startDingtalkAppOn(databaseUrl: string, http: DingtalkHttpFake, stream: DingtalkStreamFake): Promise<TestApp> {
  return startTestApp({
    databaseUrl,
    env: {
      DINGTALK_CLIENT_ID: APP.clientId,
      DINGTALK_CLIENT_SECRET: APP.clientSecret,
      DINGTALK_STREAM_GATEWAY: stream.gatewayUrl,
      DINGTALK_API_BASE: http.url,
      DINGTALK_OAPI_BASE: http.url,
    },
    overrides: { channels: (deps) => [createDingtalkChannel(deps, { stream: FAST_STREAM })] },
  });
}
