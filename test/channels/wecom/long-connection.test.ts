import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { createWecomChannel } from '../../../src/channels/wecom/wecom-channel.ts';
import { enqueue } from '../../../src/outbox/enqueue.ts';
import type { Lease, OutboxMessage } from '../../../src/db/rows.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { getOrThrow } from '../../helpers/test-db.ts';
import { WecomWsFake, type Frame } from '../../fakes/wecom-ws-fake.ts';
import { botEnv, eventually, FAST, settled } from './helpers.ts';

// The smart robot over the long connection, against a fake that speaks the frames of
// @wecom/aibot-node-sdk 1.0.7: replies echo the callback's req_id (aibot_respond_msg), everything
// else is pushed as markdown (aibot_send_msg).

const GROUP = 'wrSunshineGroup';
const content = (f: Frame): string => f.body?.stream?.content ?? f.body?.markdown?.content ?? f.body?.text?.content ?? '';

describe('WeCom smart robot over the long connection', () => {
  let ws: WecomWsFake;
  let t: TestApp;
  const pushesTo = (chatid: string) => ws.framesOf('aibot_send_msg').filter((f) => f.body.chatid === chatid);
  const pushedTo = async (chatid: string, text: string) => {
    await ws.waitFor(() => pushesTo(chatid).some((f) => content(f).includes(text)), `a push to ${chatid} with “${text}”`);
    return pushesTo(chatid).find((f) => content(f).includes(text))!;
  };

  beforeAll(async () => {
    ws = await WecomWsFake.start();
    t = await startTestApp({ env: botEnv(ws), overrides: { channels: (deps) => [createWecomChannel(deps, { timings: FAST, throttleMs: 300 })] } });
    const c = await t.api('POST', '/api/communities', { name: '阳光社区' });
    expect((await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: GROUP, communityId: c.body.id })).status).toBe(201);
    await ws.waitFor(() => ws.subscribed, 'the bot to subscribe');
  });
  afterAll(async () => {
    await t.close();
    await ws.close();
  });

  it('subscribes with its BotID and Secret', () => {
    expect(ws.framesOf('aibot_subscribe')[0]!.body).toEqual({ bot_id: 'BOT_ID', secret: 'bot-secret' });
  });

  it('a whole wish in a WeCom group: made, claimed, done, confirmed', async () => {
    // A resident @-mentions the bot in the group.
    const made = await ws.replyTo(ws.text({ from: 'wang', chatid: GROUP, content: '@连心 心愿 家里水龙头一直漏水，想请人帮忙修一下' }));
    expect(made.body).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
    const id = Number(/#(\d+)/u.exec(content(made))![1]);
    expect(content(made)).toContain(`认领 ${id}`);
    expect((await t.api('GET', `/api/items/${id}`)).body).toMatchObject({ kind: 'wish', status: 'open', text: '家里水龙头一直漏水，想请人帮忙修一下' });

    // A member registers in the single chat, then claims in the group.
    const invite = await t.api('POST', '/api/invites', { communityId: 1, role: 'member' });
    expect(content(await ws.replyTo(ws.text({ from: 'li', content: `报到 ${invite.body.code}` })))).toContain('报到成功');
    expect(content(await ws.replyTo(ws.text({ from: 'li', chatid: GROUP, content: `@连心 认领 ${id}` })))).toContain('认领成功');
    // The claimant gets the details privately, the resident hears who took it: pushes, chat_type 1.
    expect((await pushedTo('li', '水龙头')).body).toMatchObject({ msgtype: 'markdown', chat_type: 1 });
    await pushedTo('wang', `#${id}`);
    expect((await t.api('GET', `/api/items/${id}`)).body.status).toBe('claimed');

    // Done in the single chat: the resident is asked to confirm; the group hears it (chat_type 2).
    expect(content(await ws.replyTo(ws.text({ from: 'li', content: `完成 ${id} 换了新的阀门，不漏了` })))).toContain(`#${id}`);
    expect(content(await pushedTo('wang', `确认 ${id}`))).toContain('换了新的阀门');
    expect((await pushedTo(GROUP, `#${id}`)).body.chat_type).toBe(2);

    // The resident confirms with a rating; the claimant is thanked.
    expect(content(await ws.replyTo(ws.text({ from: 'wang', content: `确认 ${id} 5 谢谢小李` })))).toContain('谢谢');
    await pushedTo('li', '谢谢小李');
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(item).toMatchObject({ status: 'confirmed', rating: 5 });
    expect(item.events.map((e: { type: string }) => e.type)).toEqual(['created', 'claimed', 'done', 'confirmed']);
    // Every frame the bot sent was a reply to a callback it got, or a push: nothing else.
    expect(new Set(ws.received.map((f) => f.cmd))).toEqual(new Set(['aibot_subscribe', 'ping', 'aibot_respond_msg', 'aibot_send_msg']));
  });

  it('the same message delivered three times is answered once', async () => {
    const before = (await t.api('GET', '/api/items')).body.items.length;
    const reqIds = [1, 2, 3].map(() => ws.text({ from: 'zhao', chatid: GROUP, msgid: 'CAIQ-same-message', content: '@连心 心愿 帮忙换个灯泡' }));
    // Frames are taken in in order: once a later message is answered, the three were seen.
    await ws.replyTo(ws.text({ from: 'zhao', content: '帮助' }));
    await settled(t);
    expect((await t.api('GET', '/api/items')).body.items.length).toBe(before + 1);
    expect(ws.framesOf('aibot_respond_msg').filter((f) => reqIds.includes(f.headers.req_id))).toHaveLength(1);
  });

  it('entering the single chat gets the welcome as aibot_respond_welcome_msg', async () => {
    const welcome = await ws.replyTo(ws.enterChat('newbie'), 'aibot_respond_welcome_msg');
    expect(welcome.body).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('连心小助手') } });
  });

  /** A group that has talked to the bot (so it can be pushed to), with its own rate allowance. */
  const groupThatTalked = async (chatid: string) => {
    await ws.replyTo(ws.text({ from: 'zhao', chatid, content: '@连心 帮助' }));
    await settled(t);
  };

  it('a bulletin longer than one markdown message arrives whole, in order, as several pushes', async () => {
    const GROUP = 'wrBulletinGroup';
    await groupThatTalked(GROUP);
    const lines = Array.from({ length: 900 }, (_, i) => `${i + 1}. 本周心愿 #${i + 1} 已完成 🎉 感谢志愿者`);
    const text = ['# 阳光社区周报', ...lines].join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 20480);
    const before = pushesTo(GROUP).length;
    const msg: OutboundMessage = { platform: 'wecom', target: { type: 'group', id: GROUP }, text, format: 'markdown', scheduled: true };
    await t.app.db.transaction((tx) => enqueue(tx, [msg], {}, new Date()));
    t.app.dispatcher.kick();
    await settled(t);
    const parts = pushesTo(GROUP).slice(before);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((p) => Buffer.byteLength(content(p)) <= 20480 && p.body.chat_type === 2)).toBe(true);
    expect(parts.map(content).join('\n')).toBe(text);
  });

  it('a push WeCom throttles (45009) waits and goes out once', async () => {
    const GROUP = 'wrThrottledGroup';
    await groupThatTalked(GROUP);
    let refused = false;
    ws.ackRule = (f) => {
      if (f.cmd !== 'aibot_send_msg' || refused) return null;
      refused = true;
      return { errcode: 45009, errmsg: 'api freq out of limit' };
    };
    const msg: OutboundMessage = { platform: 'wecom', target: { type: 'group', id: GROUP }, text: '本周提醒：还有 2 个心愿等待认领', format: 'text' };
    const [id] = await t.app.db.transaction((tx) => enqueue(tx, [msg], {}, new Date()));
    t.app.dispatcher.kick();
    await settled(t);
    ws.ackRule = () => null;
    expect(pushesTo(GROUP).filter((f) => content(f) === msg.text)).toHaveLength(2);
    expect(await getOrThrow<OutboxMessage>(t.app.db, 'SELECT * FROM outbox_messages WHERE id = ?', [id!])).toMatchObject({ status: 'sent', attempts: 0 });
  });

  it('when the link drops, it reconnects with back-off, subscribes again, and the conversation goes on', async () => {
    const connections = ws.connections;
    ws.dropAll();
    await ws.waitFor(() => ws.connections > connections && ws.subscribed, 'a new connection');
    expect(ws.framesOf('aibot_subscribe').length).toBeGreaterThanOrEqual(2);
    expect(content(await ws.replyTo(ws.text({ from: 'zhao', content: '帮助' })))).toContain('心愿');
  });

  it('when WeCom says another connection took over, it logs, does not reconnect, and loses nothing', async () => {
    const connections = ws.connections;
    ws.kick();
    await ws.waitFor(() => ws.openSockets === 0, 'the bot to close its socket');
    // Many reconnect intervals later, still no new connection.
    await new Promise((r) => setTimeout(r, 20 * FAST.reconnectIntervalMs));
    expect(ws.connections).toBe(connections);
    expect(t.logs.join('')).toContain('disconnected_event');
    // A push that needs the connection waits for it rather than failing.
    const msg: OutboundMessage = { platform: 'wecom', target: { type: 'group', id: GROUP }, text: '等连接回来再发', format: 'text' };
    const [id] = await t.app.db.transaction((tx) => enqueue(tx, [msg], {}, new Date()));
    t.app.dispatcher.kick();
    await new Promise((r) => setTimeout(r, 300));
    expect(await getOrThrow<OutboxMessage>(t.app.db, 'SELECT * FROM outbox_messages WHERE id = ?', [id!])).toMatchObject({ status: 'pending', attempts: 0 });
    // Still this process's connection to come back to: no other Lianxin process will grab it.
    await eventually(async () => (await t.app.db.get<Lease>('SELECT * FROM leases ORDER BY name LIMIT 1'))?.owner === t.app.owner, 'the lease kept');
  });
});
