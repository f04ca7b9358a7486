import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRun, OutboxMessage } from '../../src/db/rows.ts';
import { adminApi, SCHEDULES_OFF, startLianxinProcess, type LianxinProcess } from '../helpers/lianxin-process.ts';
import { connectDatabase, freshDatabaseUrl, testDbKind } from '../helpers/test-db.ts';

const TOKEN = 'replica-admin-token-0123456789';
const group = 'g-replicas';

type Reply = { duplicate: boolean; replies: Array<{ conversationId: string; text: string }> };

/**
 * SPEC "What must always hold", across processes: several real Lianxin processes on one database,
 * driven in parallel; then the ledger and the outbox are read back for anything doubled or lost.
 */
describe(`three Lianxin processes on one ${testDbKind()} database`, () => {
  let procs: LianxinProcess[] = [];
  const api = (p: LianxinProcess, method: string, path: string, body?: unknown) => adminApi(p, TOKEN, method, path, body);
  const say = async (p: LianxinProcess, from: string, text: string, opts: { in?: string; messageId?: string } = {}): Promise<Reply> => {
    const res = await fetch(`${p.url}/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        conversationId: opts.in ?? from,
        conversationType: opts.in ? 'group' : 'single',
        senderId: from,
        senderName: `用户${from}`,
        text,
        ...(opts.messageId ? { messageId: opts.messageId } : {}),
      }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Reply;
  };

  let databaseUrl = '';
  beforeAll(async () => {
    // An empty database: the three processes start together and migrate it themselves, once.
    databaseUrl = await freshDatabaseUrl();
    const env = {
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN: TOKEN,
      QUIET_HOURS: 'off',
      DB_POOL_SIZE: '5',
      ...SCHEDULES_OFF,
      // Every two seconds on every process: each fire must still post one bulletin.
      SCHEDULE_WEEKLY_BULLETIN: '*/2 * * * * *',
    };
    procs = await Promise.all([0, 1, 2].map(() => startLianxinProcess(env)));
    const c = await api(procs[0]!, 'POST', '/api/communities', { name: '多副本社区' });
    await api(procs[1]!, 'POST', '/api/groups', { platform: 'sim', conversationId: group, communityId: c.body.id });
    const invite = await api(procs[2]!, 'POST', '/api/invites', { communityId: c.body.id, role: 'member', maxUses: 1000 });
    await Promise.all(Array.from({ length: 200 }, (_, i) => say(procs[i % 3]!, `m${i}`, `报到 ${invite.body.code}`)));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop('SIGTERM')));
  });

  it('200 claims from different members over 100 items, at once through three processes: each item claimed exactly once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) {
      const r = await say(procs[i % 3]!, `r${i}`, `心愿 第${i}件小事`, { in: group });
      ids.push(Number(/#(\d+)/u.exec(r.replies[0]!.text)![1]));
    }
    const claims = ids.flatMap((id, i) => [
      say(procs[i % 3]!, `m${2 * i}`, `认领 ${id}`),
      say(procs[(i + 1) % 3]!, `m${2 * i + 1}`, `认领 ${id}`),
    ]);
    const replies = await Promise.all(claims);
    const won = replies.filter((r) => r.replies.some((x) => x.text.includes('您认领了')));
    const lost = replies.filter((r) => r.replies.some((x) => x.text.includes('已经被')));
    const odd = replies.filter((r) => !won.includes(r) && !lost.includes(r));
    expect(odd.map((r) => r.replies.map((x) => x.text).join(' | '))).toEqual([]);
    expect(won).toHaveLength(100);
    expect(lost).toHaveLength(100);
    const items = (await api(procs[0]!, 'GET', '/api/items?kind=wish&limit=1000')).body.items as Array<{ id: number; status: string }>;
    expect(items.filter((i) => ids.includes(i.id)).every((i) => i.status === 'claimed')).toBe(true);
    for (const id of ids.slice(0, 20)) {
      const item = (await api(procs[1]!, 'GET', `/api/items/${id}`)).body;
      expect(item.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
    }
  }, 120_000);

  it('the same delivery to every process makes one item and one reply', async () => {
    const replies = await Promise.all(procs.map((p) => say(p, 'r-dup', '心愿 同一条消息送到三个进程', { in: group, messageId: 'platform-msg-42' })));
    expect(replies.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(replies.flatMap((r) => r.replies)).toHaveLength(1);
    const items = (await api(procs[2]!, 'GET', '/api/items?limit=1000')).body.items as Array<{ text: string }>;
    expect(items.filter((i) => i.text === '同一条消息送到三个进程')).toHaveLength(1);
  });

  it('a scheduled fire on three processes posts one bulletin', async () => {
    await new Promise((r) => setTimeout(r, 4500));
    const db = await connectDatabase(databaseUrl);
    try {
      const runs = await db.all<JobRun>('SELECT * FROM job_runs WHERE job = ? AND status = ? ORDER BY id', ['weekly-bulletin', 'done']);
      const bulletins = await db.all<OutboxMessage>('SELECT * FROM outbox_messages WHERE job_run_id IS NOT NULL AND text LIKE ? ORDER BY id', ['%周报%']);
      expect(runs.length).toBeGreaterThanOrEqual(2);
      // One group, so at most one bulletin per fire (fires before the group was bound posted none):
      // three processes firing did not make three.
      expect(runs.every((r) => r.posted <= 1)).toBe(true);
      expect(bulletins).toHaveLength(runs.reduce((n, r) => n + r.posted, 0));
      expect(new Set(bulletins.map((b) => b.jobRunId)).size).toBe(bulletins.length);
    } finally {
      await db.close();
    }
  });
});
