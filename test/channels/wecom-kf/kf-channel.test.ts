import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { FastifyPluginAsync } from 'fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCommunityLink } from '../../../src/channels/wecom-kf/community-link.ts';
import { holdRows, releaseReachable } from '../../../src/channels/wecom-kf/held-outbox.ts';
import { createWecomKfChannel, type WecomKfChannel } from '../../../src/channels/wecom-kf/wecom-kf-channel.ts';
import { loadConfig } from '../../../src/config.ts';
import { systemClock } from '../../../src/core/clock.ts';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { openDatabase } from '../../../src/db/open-database.ts';
import type { Db } from '../../../src/db/sql.ts';
import { InboundWriter } from '../../../src/inbox/receive-inbound.ts';
import { createLogger } from '../../../src/log.ts';
import { enqueue } from '../../../src/outbox/enqueue.ts';
import { createErrorHandler } from '../../../src/web/http-error.ts';
import { newAesKey, post } from '../../fakes/wecom-callback-client.ts';
import { KF_ERR, WecomKfFake } from '../../fakes/wecom-kf-fake.ts';
import { freshDatabaseUrl, testTempDir } from '../../helpers/test-db.ts';

// Longer than 250 lines on purpose: the channel's flows against one fake and one app, set up once.

// The 微信客服 channel on its own, on a real database, against the fake: the callback, the pull
// (lease, cursor, redelivery), what it records, and the sender's window. The inbox here only
// stores what the channel hands it (InboundWriter, the real one) and notes it; the bot's answers
// and the whole app come in test/channels/wecom-kf/kf-flow.test.ts.

const log = createLogger('silent');
let db: Db;
let fake: WecomKfFake;
const keys = { token: 'kf-callback-token', aesKey: newAesKey(), receiveId: 'wwcorp' };

type Proc = { channel: WecomKfChannel; server: FastifyInstance; url: string; accepted: InboundMessage[] };
const procs: Proc[] = [];

async function startProcess(owner: string): Promise<Proc> {
  const config = loadConfig({
    DATABASE_URL: 'file:unused.db',
    DATA_DIR: testTempDir(),
    WECOM_CORP_ID: 'wwcorp',
    WECOM_KF_TOKEN: keys.token,
    WECOM_KF_ENCODING_AES_KEY: keys.aesKey,
    WECOM_KF_SECRET: 'kf-secret',
    WECOM_KF_OPEN_KFID: fake.openKfid,
    WECOM_API_BASE: fake.url,
  });
  const accepted: InboundMessage[] = [];
  const writer = new InboundWriter(db, () => new Date(), log);
  const inbound = {
    accept: async (msg: InboundMessage) => {
      const r = await writer.store(msg);
      if (!r.duplicate) accepted.push(msg);
      return r;
    },
  };
  const channel = createWecomKfChannel(
    { config, db, clock: systemClock, log, inbound: inbound as never, owner },
    { timings: { leaseMs: 2000, retryMs: 20, sweepMs: 0 }, pageLimit: 3 },
  )!;
  const server = Fastify();
  server.setErrorHandler(createErrorHandler(log));
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  for (const plugin of channel.routes ?? []) await server.register(plugin as FastifyPluginAsync);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const p: Proc = { channel, server, url: `http://127.0.0.1:${(server.server.address() as { port: number }).port}`, accepted };
  procs.push(p);
  return p;
}

async function inboundRows(): Promise<Array<{ messageId: string; status: string; error: string | null }>> {
  return db.all('SELECT message_id, status, error FROM inbound_messages ORDER BY id');
}

beforeAll(async () => {
  db = await openDatabase(await freshDatabaseUrl(), log);
});
afterAll(() => db.close());
beforeEach(async () => {
  fake = await WecomKfFake.start();
  for (const t of ['inbound_messages', 'outbox_messages', 'kf_cursors', 'kf_customers', 'leases']) await db.run(`DELETE FROM ${t}`);
});
afterEach(async () => {
  for (const p of procs.splice(0)) {
    await p.channel.stop?.();
    await p.server.close();
  }
  await fake.close();
});

describe('the 微信客服 callback', () => {
  it('verifies the URL and refuses a bad signature, storing nothing', async () => {
    const p = await startProcess('p1');
    const cb = fake.callback(keys);
    cb.query.set('msg_signature', '0'.repeat(40));
    expect((await post(`${p.url}/wecom/kf/callback`, cb.query, cb.body)).status).toBe(401);
    const wrongKey = fake.callback({ ...keys, aesKey: newAesKey() });
    expect((await post(`${p.url}/wecom/kf/callback`, wrongKey.query, wrongKey.body)).status).toBe(400);
    fake.customerSends('wmA', { text: '你好' });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsTo('/cgi-bin/kf/sync_msg')).toHaveLength(0);
    expect(await inboundRows()).toHaveLength(0);
  });

  it('answers at once and pulls in the background; a callback for another account is ignored', async () => {
    const p = await startProcess('p1');
    fake.hold('/cgi-bin/kf/sync_msg', 500);
    fake.customerSends('wmA', { text: '心愿 帮忙修水龙头' });
    const started = Date.now();
    const res = await fake.notify(p.url, keys);
    expect(res).toMatchObject({ status: 200, text: '' });
    expect(Date.now() - started).toBeLessThan(400);
    await fake.waitFor(() => p.accepted.length === 1, 'the message handed to the inbox');
    expect(p.accepted[0]).toMatchObject({ platform: 'wecom-kf', conversationId: 'wmA', senderId: 'wmA', conversationType: 'single', text: '心愿 帮忙修水龙头', replyContext: { via: 'kf' } });
    expect(fake.callsTo('/cgi-bin/kf/sync_msg')[0]!.body).toMatchObject({ open_kfid: fake.openKfid, token: res.token });

    const other = await fake.notify(p.url, keys, { openKfid: 'wkOther' });
    expect(other.status).toBe(200);
    await p.channel.puller.idle();
    expect(fake.callsTo('/cgi-bin/kf/sync_msg').every((c) => c.body.open_kfid === fake.openKfid)).toBe(true);
  });

  it('stores every message once, in order, when the same callback comes three times; the cursor ends at the last', async () => {
    const p = await startProcess('p1');
    for (let i = 1; i <= 7; i++) fake.customerSends('wmA', { text: `第${i}条` });
    const cb = fake.callback(keys);
    for (let i = 0; i < 3; i++) expect((await post(`${p.url}/wecom/kf/callback`, cb.query, cb.body)).status).toBe(200);
    await fake.waitFor(() => p.accepted.length === 7, 'seven messages');
    await p.channel.puller.idle();
    expect(p.accepted.map((m) => m.text)).toEqual(['第1条', '第2条', '第3条', '第4条', '第5条', '第6条', '第7条']);
    expect(await inboundRows()).toHaveLength(7);
    // Numbered in the order sent, too: the bot handles a conversation's messages by this number.
    const stored = await db.all<{ payload: string }>('SELECT payload FROM inbound_messages ORDER BY id');
    expect(stored.map((r) => (JSON.parse(r.payload) as InboundMessage).text)).toEqual(p.accepted.map((m) => m.text));
    const cursor = await db.get<{ cursor: string }>('SELECT cursor FROM kf_cursors WHERE open_kfid = ?', [fake.openKfid]);
    const after = fake.callsTo('/cgi-bin/kf/sync_msg').at(-1)!.reply as { next_cursor: string };
    expect(cursor?.cursor).toBe(after.next_cursor);
  });

  it('lets one process pull at a time: two woken at once handle every message once', async () => {
    const a = await startProcess('p1');
    const b = await startProcess('p2');
    for (let i = 1; i <= 10; i++) fake.customerSends(`wm${i % 3}`, { text: `消息${i}` });
    fake.hold('/cgi-bin/kf/sync_msg', 30);
    await Promise.all([fake.notify(a.url, keys), fake.notify(b.url, keys)]);
    await fake.waitFor(() => a.accepted.length + b.accepted.length >= 10, 'ten messages');
    await Promise.all([a.channel.puller.idle(), b.channel.puller.idle()]);
    const texts = [...a.accepted, ...b.accepted].map((m) => m.text).sort();
    expect(texts).toHaveLength(10);
    expect(new Set(texts).size).toBe(10);
    expect(await inboundRows()).toHaveLength(10);
  });

  it('reads a page again after a failure before the cursor moved: nothing lost, nothing doubled', async () => {
    const p = await startProcess('p1');
    for (let i = 1; i <= 5; i++) fake.customerSends('wmA', { text: `m${i}` });
    // The database refuses the fourth message once (a crash between storing and the cursor).
    let failed = false;
    const accept = p.accepted;
    const original = (p.channel as unknown as { puller: { o: { take: (m: unknown) => Promise<void> } } }).puller.o;
    const take = original.take;
    original.take = async (m) => {
      if (!failed && (m as { msgid?: string }).msgid && accept.length === 3) {
        failed = true;
        throw new Error('disk full');
      }
      return take(m);
    };
    await fake.notify(p.url, keys);
    await fake.waitFor(() => failed, 'the failure');
    await p.channel.puller.idle();
    expect(accept).toHaveLength(3);
    expect((await db.get<{ cursor: string }>('SELECT cursor FROM kf_cursors'))?.cursor).toBe('CUR3');
    await fake.notify(p.url, keys);
    await fake.waitFor(() => accept.length === 5, 'the rest');
    expect(accept.map((m) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await inboundRows()).toHaveLength(5);
  });

  it('pulls without a token when the callback token is stale', async () => {
    const p = await startProcess('p1');
    fake.customerSends('wmA', { text: '你好' });
    const token = fake.issueToken();
    fake.advance(11 * 60_000);
    await fake.notify(p.url, keys, { token });
    await fake.waitFor(() => p.accepted.length === 1, 'the message');
    const calls = fake.callsTo('/cgi-bin/kf/sync_msg');
    expect(calls[0]!.reply.errcode).toBe(KF_ERR.invalidMsgToken);
    expect(calls[1]!.body.token).toBeUndefined();
  });

  it('skips unknown and malformed messages, logs them, and goes on', async () => {
    const p = await startProcess('p1');
    fake.appendRaw({ origin: 3, external_userid: 'wmA', msgtype: 'hologram', hologram: {} });
    fake.appendRaw({ origin: 3, msgtype: 'text' });
    fake.customerSends('wmA', { text: '你好' });
    await fake.notify(p.url, keys);
    await fake.waitFor(() => p.accepted.length === 1, 'the good message');
    await p.channel.puller.idle();
    expect(await inboundRows()).toHaveLength(1);
    expect(await db.get('SELECT cursor FROM kf_cursors')).toMatchObject({ cursor: 'CUR3' });
  });
});

describe('a community\'s link', () => {
  it('is the account\'s link for the community\'s scene, with scene_param for enter_session', async () => {
    const p = await startProcess('p1');
    const url = await createCommunityLink(p.channel.api, fake.openKfid, 7);
    expect(url).toMatch(/^https:\/\/work\.weixin\.qq\.com\/kfid\/kfc[0-9a-f]+\?enc_scene=ENC[0-9a-f]+&scene_param=community-7$/u);
    expect(fake.callsTo('/cgi-bin/kf/add_contact_way')[0]!.body).toEqual({ open_kfid: fake.openKfid, scene: 'community-7' });
    expect(await createCommunityLink(p.channel.api, fake.openKfid, 7)).toBe(url);
    fake.failNext('/cgi-bin/kf/add_contact_way', { errcode: 95000 });
    await expect(createCommunityLink(p.channel.api, fake.openKfid, 8)).rejects.toThrow(/95000/u);
  });
});

describe('what the channel notes about a resident', () => {
  it('takes the community from a card link and greets with the welcome_code', async () => {
    const p = await startProcess('p1');
    const id = (await db.get<{ id: number }>("INSERT INTO communities (name, created_at) VALUES ('幸福里社区', ?) RETURNING id", [new Date()]))!.id;
    fake.enterSession('wmA', { scene: `community-${id}`, sceneParam: `community-${id}` });
    await fake.notify(p.url, keys);
    await fake.waitFor(() => p.accepted.length === 1, 'the enter_session');
    expect(p.accepted[0]).toMatchObject({ event: 'enter_chat', communityId: id, replyContext: { via: 'kf', code: expect.stringMatching(/^WELCOME/u) } });
    fake.customerSends('wmA', { text: '心愿 修灯' });
    await fake.notify(p.url, keys);
    await fake.waitFor(() => p.accepted.length === 2, 'the wish');
    expect(p.accepted[1]).toMatchObject({ communityId: id, text: '心愿 修灯' });
  });

  it('stays silent while a human servicer holds the session, and records what the resident said', async () => {
    const p = await startProcess('p1');
    fake.customerSends('wmA', { text: '你好' });
    fake.servicerTakesOver('wmA', 'zhang', '您好，我是小张');
    fake.customerSends('wmA', { text: '我家水管坏了' });
    await fake.notify(p.url, keys);
    await p.channel.puller.idle();
    await fake.waitFor(() => p.accepted.length === 1, 'the first message');
    await p.channel.puller.idle();
    expect(p.accepted.map((m) => m.text)).toEqual(['你好']);
    const rows = await inboundRows();
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)).toMatchObject({ status: 'done', error: 'not for the bot: a human servicer holds the session' });
    expect(await db.get('SELECT service_state, servicer_user_id FROM kf_customers')).toMatchObject({ serviceState: 3, servicerUserId: 'zhang' });

    fake.endSession('wmA');
    fake.customerSends('wmA', { text: '还在吗' });
    await fake.notify(p.url, keys);
    await fake.waitFor(() => p.accepted.length === 2, 'the bot hears them again');
  });

  it('hands "转人工" to the human queue and says so with the msg_code', async () => {
    const p = await startProcess('p1');
    fake.customerSends('wmA', { text: '转人工' });
    await fake.notify(p.url, keys);
    await fake.waitFor(() => fake.callsTo('/cgi-bin/kf/service_state/trans').length === 1, 'the hand-over');
    await p.channel.puller.idle();
    expect(p.accepted).toHaveLength(0);
    expect(fake.customerState('wmA')?.state).toBe(2);
    const ack = await db.get<{ text: string; replyContext: string }>('SELECT text, reply_context FROM outbox_messages');
    expect(ack?.text).toContain('人工客服');
    expect(JSON.parse(ack!.replyContext)).toMatchObject({ via: 'kf', code: expect.stringMatching(/^MSGCODE/u) });
  });

  it('keeps a resident\'s picture under DATA_DIR; a picture over 5 MB gets a short answer instead', async () => {
    const p = await startProcess('p1');
    fake.customerSends('wmA', { image: { mediaId: fake.addMedia(Buffer.from('a small jpeg')) } });
    fake.customerSends('wmA', { image: { mediaId: fake.addMedia(Buffer.alloc(10 * 1024 * 1024, 1)) } });
    await fake.notify(p.url, keys);
    await fake.waitFor(() => p.accepted.length === 1, 'the small picture');
    await p.channel.puller.idle();
    expect(p.accepted[0]!.photos).toEqual([expect.stringMatching(/^media\/kf\/[0-9a-f]{64}\.jpg$/u)]);
    const answer = await db.get<{ text: string }>('SELECT text FROM outbox_messages');
    expect(answer?.text).toContain('图片太大');
    expect(await inboundRows()).toHaveLength(2);
  });
});

describe('the 微信客服 sender', () => {
  const delivery = (id: number, text: string, replyContext?: unknown) => ({
    id,
    platform: 'wecom-kf' as const,
    target: { type: 'user' as const, id: 'wmA' },
    text,
    format: 'text' as const,
    replyContext,
    partsSent: 0,
  });
  const notice = async (text: string) =>
    (await enqueue(db, [{ platform: 'wecom-kf', target: { type: 'user', id: 'wmA' }, text, format: 'text' }], {}, new Date()))[0]!;

  it('holds a notice for a resident who has not written, spending nothing, and holds those behind it', async () => {
    const p = await startProcess('p1');
    const first = await notice('#1 已被认领');
    const second = await notice('#1 有新进展');
    const result = await p.channel.sender!.send(delivery(first, '#1 已被认领'));
    expect(result).toMatchObject({ ok: false, held: true, error: expect.stringMatching(/^held: /u) });
    expect(fake.callsTo('/cgi-bin/kf/send_msg')).toHaveLength(0);
    expect(await db.get('SELECT status FROM outbox_messages WHERE id = ?', [second])).toMatchObject({ status: 'held' });
  });

  it('sends inside the window and counts the budget; WeChat\'s 95001 closes it', async () => {
    const p = await startProcess('p1');
    fake.customerSends('wmA', { text: '你好' });
    await fake.notify(p.url, keys);
    await fake.waitFor(() => p.accepted.length === 1, 'the message');
    const id = await notice('#1 已被认领');
    expect(await p.channel.sender!.send(delivery(id, '#1 已被认领'))).toEqual({ ok: true });
    expect(fake.deliveredTo('wmA')).toEqual(['#1 已被认领']);
    expect(await db.get('SELECT sent_in_window FROM kf_customers')).toMatchObject({ sentInWindow: 1 });
    fake.failNext('/cgi-bin/kf/send_msg', { errcode: KF_ERR.overLimit });
    const next = await notice('#1 有进展');
    expect(await p.channel.sender!.send(delivery(next, '#1 有进展'))).toMatchObject({ ok: false, held: true });
    expect(await db.get('SELECT sent_in_window FROM kf_customers')).toMatchObject({ sentInWindow: 5 });
  });

  it('releases, as a safety net, what is held for residents who can be reached again, and only that', async () => {
    await startProcess('p1');
    const now = new Date();
    const put = (id: string, lastInboundAt: Date | null, sent: number, state: number) =>
      db.run('INSERT INTO kf_customers (open_kfid, external_user_id, last_inbound_at, sent_in_window, service_state, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
        fake.openKfid, id, lastInboundAt, sent, state, now,
      ]);
    await put('wmOpen', new Date(now.getTime() - 3_600_000), 1, 1);
    await put('wmClosed', new Date(now.getTime() - 49 * 3_600_000), 0, 1);
    await put('wmHuman', new Date(now.getTime() - 3_600_000), 0, 3);
    const ids = [];
    for (const id of ['wmOpen', 'wmClosed', 'wmHuman']) {
      ids.push((await enqueue(db, [{ platform: 'wecom-kf', target: { type: 'user', id }, text: 'x', format: 'text' }], {}, now))[0]!);
    }
    await holdRows(db, ids, 'window-closed');
    expect(await releaseReachable(db, fake.openKfid, now)).toBe(1);
    expect(await db.all('SELECT target_id, status FROM outbox_messages ORDER BY id')).toEqual([
      { targetId: 'wmOpen', status: 'pending' },
      { targetId: 'wmClosed', status: 'held' },
      { targetId: 'wmHuman', status: 'held' },
    ]);
  });

  it('answers enter_session once through send_msg_on_event, and gives up on a stale code', async () => {
    const p = await startProcess('p1');
    const { welcomeCode } = fake.enterSession('wmA');
    const context = { via: 'kf', code: welcomeCode, codeAt: new Date().toISOString() };
    expect(await p.channel.sender!.send(delivery(1, '您好，这里是连心', context))).toEqual({ ok: true });
    expect(await p.channel.sender!.send(delivery(2, '您好，这里是连心', context))).toMatchObject({ ok: false, retryable: false });
    expect(fake.delivered).toEqual([expect.objectContaining({ to: 'wmA', via: 'send_msg_on_event', text: '您好，这里是连心' })]);
    const stale = { via: 'kf', code: 'x', codeAt: new Date(Date.now() - 120_000).toISOString() };
    expect(await p.channel.sender!.send(delivery(3, 'late', stale))).toMatchObject({ ok: false, retryable: false });
    expect(fake.callsTo('/cgi-bin/kf/send_msg_on_event')).toHaveLength(2);
  });
});
