import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, SCHEDULES_OFF, startLianxinProcess, type LianxinProcess } from '../helpers/lianxin-process.ts';
import { startTestApp, textsTo, type SimReply, type TestApp } from '../helpers/test-app.ts';
import { freshDatabaseUrl, testDbKind } from '../helpers/test-db.ts';

// Claims that race for real. Each member claims from a direct chat of their own, so every claim has
// its own inbox queue and runs at the same time as the others (a group chat's messages share one
// queue and run one after another). On PostgreSQL the transactions overlap and the item's version
// check decides (UPDATE … WHERE version = ?; the loser retries and is refused); on SQLite the writer
// lock (BEGIN IMMEDIATE) lets one transaction in at a time, across connections and processes, and
// the loser reads the claimed item and is refused by the lifecycle. (The version check alone, on
// both databases: test/domain/version-check.test.ts.)

const resident = { id: 'r1', name: '刘奶奶' };
const group = 'g-race';
const claimedIn = (reply: SimReply, memberId: string) => textsTo(reply, memberId).join('\n');

describe(`claims racing on one item, in one process (${testDbKind()})`, () => {
  let t: TestApp;
  const members = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, name: `党员${i}` }));
  const newWish = async (text: string) => {
    const wish = await t.say(resident, `心愿 ${text}`, { in: group });
    return Number(/#(\d+)/u.exec(textsTo(wish, group)[0]!)![1]);
  };
  beforeAll(async () => {
    t = await startTestApp({ env: { DB_POOL_SIZE: '8' } });
    const c = await t.api('POST', '/api/communities', { name: '竞争社区' });
    await t.api('POST', '/api/groups', { platform: 'sim', conversationId: group, communityId: c.body.id });
    const invite = await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'member', maxUses: 50 });
    for (const m of members) await t.say(m, `报到 ${invite.body.code}`);
  });
  afterAll(() => t.close());

  it('two members, each from their own chat at the same moment: one wins, the other is told who has it', async () => {
    const id = await newWish('帮忙取一下药');
    const [a, b] = await Promise.all([t.say(members[0]!, `认领 ${id}`), t.say(members[1]!, `认领 ${id}`)]);
    const answers = [claimedIn(a, members[0]!.id), claimedIn(b, members[1]!.id)];
    expect(answers.filter((x) => x.includes('您认领了'))).toHaveLength(1);
    const losers = answers.filter((x) => x.includes('已经被'));
    expect(losers).toHaveLength(1);
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(losers[0]).toContain(item.claimantName);
    expect(item.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
  });

  it('twelve members, each from their own chat (twelve queues) at once, on five items: one claim and one timeline entry per item', async () => {
    for (const text of ['陪老人去医院复诊', '修一下楼道灯', '帮忙搬米', '代买降压药', '教用智能手机']) {
      const id = await newWish(text);
      const replies = await Promise.all(members.map((m) => t.say(m, `认领 ${id}`)));
      const answers = replies.map((r, i) => claimedIn(r, members[i]!.id));
      expect(answers.filter((x) => x.includes('您认领了'))).toHaveLength(1);
      expect(answers.filter((x) => x.includes('已经被'))).toHaveLength(11);
      const item = (await t.api('GET', `/api/items/${id}`)).body;
      expect(item.status).toBe('claimed');
      expect(item.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
    }
  });

  it('twelve claims said in one group chat (one queue: they run one after another): one claim', async () => {
    const id = await newWish('帮忙看一下水表');
    const replies = await Promise.all(members.map((m) => t.say(m, `认领 ${id}`, { in: group })));
    expect(replies.filter((r) => textsTo(r, group).some((x) => x.includes('认领成功')))).toHaveLength(1);
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(item.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
  });
});

describe(`claims racing on one item from two Lianxin processes (${testDbKind()})`, () => {
  const TOKEN = 'race-admin-token-0123456789';
  let procs: LianxinProcess[] = [];
  const say = async (p: LianxinProcess, from: string, text: string, inGroup = false): Promise<SimReply> => {
    const res = await fetch(`${p.url}/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: inGroup ? group : from, conversationType: inGroup ? 'group' : 'single', senderId: from, senderName: `用户${from}`, text }),
    });
    return { status: res.status, ...((await res.json()) as Omit<SimReply, 'status'>) };
  };

  beforeAll(async () => {
    const env = { DATABASE_URL: await freshDatabaseUrl(), ADMIN_TOKEN: TOKEN, QUIET_HOURS: 'off', DB_POOL_SIZE: '8', ...SCHEDULES_OFF };
    procs = await Promise.all([0, 1].map(() => startLianxinProcess(env)));
    const c = await adminApi(procs[0]!, TOKEN, 'POST', '/api/communities', { name: '两进程社区' });
    await adminApi(procs[1]!, TOKEN, 'POST', '/api/groups', { platform: 'sim', conversationId: group, communityId: c.body.id });
    const invite = await adminApi(procs[0]!, TOKEN, 'POST', '/api/invites', { communityId: c.body.id, role: 'member', maxUses: 50 });
    for (let i = 0; i < 12; i++) await say(procs[i % 2]!, `p${i}`, `报到 ${invite.body.code}`);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop('SIGTERM')));
  });

  it('twelve members split over two processes, each from their own chat, on five items: one claim per item', async () => {
    for (let n = 0; n < 5; n++) {
      const wish = await say(procs[n % 2]!, 'resident', `心愿 两进程第${n}件`, true);
      const id = Number(/#(\d+)/u.exec(textsTo(wish, group)[0]!)![1]);
      const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => say(procs[i % 2]!, `p${i}`, `认领 ${id}`)));
      const answers = replies.map((r, i) => claimedIn(r, `p${i}`));
      expect(answers.filter((x) => x.includes('您认领了'))).toHaveLength(1);
      expect(answers.filter((x) => x.includes('已经被'))).toHaveLength(11);
      const item = (await adminApi(procs[(n + 1) % 2]!, TOKEN, 'GET', `/api/items/${id}`)).body;
      expect(item.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
    }
  }, 60_000);
});
