import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/channels/channel.ts';
import type { Delivery, OutboundMessage } from '../../../src/core/messages.ts';
import { enqueue } from '../../../src/outbox/enqueue.ts';
import { createWecomChannel } from '../../../src/channels/wecom/wecom-channel.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import type { Lease, OutboxMessage } from '../../../src/db/rows.ts';
import { update } from '../../../src/db/sql.ts';
import { countRows, freshDatabaseUrl, getOrThrow } from '../../helpers/test-db.ts';
import { WecomWsFake } from '../../fakes/wecom-ws-fake.ts';
import { botEnv, eventually, FAST } from './helpers.ts';

// WeCom allows one live long connection per bot: of several Lianxin processes on one database,
// one holds it (a named lease), the others wait, decline what needs it, and take over.

const LEASE = 'wecom-bot-ws:BOT_ID';
const delivery = (d: Partial<Delivery>): Delivery => ({
  id: 999_999,
  platform: 'wecom',
  target: { type: 'user', id: 'someone' },
  text: 'hi',
  format: 'text',
  replyContext: undefined,
  partsSent: 0,
  ...d,
});
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A Lianxin process on a shared database. Its channel starts when `connect` is called, so that
 * every process has opened (and migrated) the database before any of them writes a lease.
 */
async function startProcess(ws: WecomWsFake, databaseUrl: string) {
  let channel: Channel | undefined;
  const t = await startTestApp({
    databaseUrl,
    env: botEnv(ws),
    overrides: {
      channels: (deps) => {
        channel = createWecomChannel(deps, { timings: FAST });
        return [{ ...channel, start: undefined }];
      },
    },
  });
  return { t, sender: channel!.sender!, connect: () => void channel!.start!() };
}

describe('the long connection is held by one process at a time', () => {
  let ws: WecomWsFake;
  let a: Awaited<ReturnType<typeof startProcess>>;
  let b: Awaited<ReturnType<typeof startProcess>>;
  let aClosed = false;

  beforeAll(async () => {
    ws = await WecomWsFake.start();
    const databaseUrl = await freshDatabaseUrl();
    a = await startProcess(ws, databaseUrl);
    b = await startProcess(ws, databaseUrl);
    a.connect();
    await ws.waitFor(() => ws.subscribed, 'the first process to connect');
    b.connect();
    const c = await a.t.api('POST', '/api/communities', { name: '阳光社区' });
    await a.t.api('POST', '/api/groups', { platform: 'wecom', conversationId: 'push-only', communityId: c.body.id, webhookKey: 'k' });
  });
  afterAll(async () => {
    await b.t.close();
    if (!aClosed) await a.t.close();
    await ws.close();
  });

  it('the second process does not connect while the first holds the lease', async () => {
    await pause(10 * FAST.standbyPollMs);
    expect(ws.connections).toBe(1);
    expect((await a.t.app.db.get<Lease>('SELECT * FROM leases WHERE name = ?', [LEASE]))?.owner).toBe(a.t.app.owner);
  });

  it('the waiting process declines deliveries that need the connection, and takes the others', async () => {
    const reply = delivery({ replyContext: { via: 'bot-ws', reqId: 'srv_req_1', welcome: false } });
    expect(await b.sender.accepts!(reply)).toBe(false);
    expect(await a.sender.accepts!(reply)).toBe(true);
    // A group bound with a webhook key needs no connection.
    expect(await b.sender.accepts!(delivery({ target: { type: 'group', id: 'push-only' } }))).toBe(true);
    // A person who talked to the bot is pushed to over the connection.
    await ws.replyTo(ws.text({ from: 'wang', content: '帮助' }));
    expect(await b.sender.accepts!(delivery({ target: { type: 'user', id: 'wang' } }))).toBe(false);
  });

  it('a push written by the waiting process goes out through the holder', async () => {
    const msg: OutboundMessage = { platform: 'wecom', target: { type: 'user', id: 'wang' }, text: '来自另一个进程的通知', format: 'markdown' };
    const [id] = await b.t.app.db.transaction((tx) => enqueue(tx, [msg], {}, new Date()));
    b.t.app.dispatcher.kick();
    await ws.waitFor(() => ws.framesOf('aibot_send_msg').some((f) => f.body.markdown?.content === msg.text), 'the push');
    expect(ws.connections).toBe(1);
    await eventually(async () => (await getOrThrow<OutboxMessage>(a.t.app.db, 'SELECT * FROM outbox_messages WHERE id = ?', [id!])).status === 'sent', 'the row sent');
  });

  it('when the holder stops, the other takes over the lease and the connection', async () => {
    await a.t.close();
    aClosed = true;
    await ws.waitFor(() => ws.connections === 2 && ws.subscribed, 'the second process to connect');
    expect((await b.t.app.db.get<Lease>('SELECT * FROM leases WHERE name = ?', [LEASE]))?.owner).toBe(b.t.app.owner);
    // Once the fake's subscribe ack has reached the SDK, the new holder takes those rows.
    await eventually(async () => b.sender.accepts!(delivery({ target: { type: 'user', id: 'wang' } })), 'the new holder to accept');
    // The conversation goes on through the new holder.
    const again = ws.text({ from: 'wang', content: '帮助' });
    expect((await ws.replyTo(again)).body.msgtype).toBe('stream');
    // The holder let its last reply's ack arrive before closing: nothing was sent twice or retried.
    const answered = ws.framesOf('aibot_respond_msg').map((f) => f.headers.req_id);
    expect(answered.length).toBe(new Set(answered).size);
    expect(await countRows(b.t.app.db, 'outbox_messages', 'attempts > 0')).toBe(0);
  });
});

describe('a lease left by a process that died', () => {
  let ws: WecomWsFake;
  let c: Awaited<ReturnType<typeof startProcess>>;

  beforeAll(async () => {
    ws = await WecomWsFake.start();
    const databaseUrl = await freshDatabaseUrl();
    // Play the dead process: it held the lease and will never renew it.
    const before = await startTestApp({ databaseUrl, env: { SIM_ENABLED: 'false' } });
    await before.app.db.run('INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)', [LEASE, 'crashed-process', new Date(Date.now() + 3_600_000)]);
    await before.close();
    c = await startProcess(ws, databaseUrl);
    const community = await c.t.api('POST', '/api/communities', { name: '阳光社区' });
    await c.t.api('POST', '/api/groups', { platform: 'wecom', conversationId: 'push-only', communityId: community.body.id, webhookKey: 'k' });
    c.connect();
  });
  afterAll(async () => {
    await c.t.close();
    await ws.close();
  });

  it('is taken over once it runs out, and not before', async () => {
    await pause(10 * FAST.standbyPollMs);
    expect(ws.connections).toBe(0);
    // Meanwhile what needs the connection waits; what does not, goes.
    expect(await c.sender.accepts!(delivery({ replyContext: { via: 'bot-ws', reqId: 'srv_req_1', welcome: false } }))).toBe(false);
    expect(await c.sender.accepts!(delivery({ target: { type: 'group', id: 'push-only' } }))).toBe(true);
    // A row that got past accepts() just before the connection went: it waits, spending no attempt.
    const late = await c.sender.send(delivery({ replyContext: { via: 'bot-ws', reqId: 'srv_req_1', welcome: false } }));
    expect(late).toMatchObject({ ok: false, retryable: true, throttledUntil: expect.any(Date) });
    // Time passes without renewal: the lease runs out.
    expect(await update(c.t.app.db, 'leases', { expiresAt: new Date(Date.now() - 1) }, 'name = ?', [LEASE])).toBe(1);
    await ws.waitFor(() => ws.connections === 1 && ws.subscribed, 'the survivor to connect');
    expect((await c.t.app.db.get<Lease>('SELECT * FROM leases WHERE name = ?', [LEASE]))?.owner).toBe(c.t.app.owner);
  });
});
