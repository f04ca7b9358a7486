import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/db/rows.ts';
import type { Db } from '../../src/db/sql.ts';
import { WecomApiFake, type ApiCall } from '../fakes/wecom-api-fake.ts';
import { appCallback, appXml, newAesKey, post, type Keys, wecomAppEnv } from '../fakes/wecom-callback-client.ts';
import { adminApi, SCHEDULES_OFF, startLianxinProcess, type LianxinProcess } from '../helpers/lianxin-process.ts';
import { connectDatabase, freshDatabaseUrl, testDbKind } from '../helpers/test-db.ts';

const TOKEN = 'crash-admin-token-0123456789';
const CORP = 'wwcrash0123456789';
const keys: Keys = { token: 'crash-callback-token', aesKey: newAesKey(), receiveId: CORP };
const SEND = '/cgi-bin/message/send';
const CHAT = '/cgi-bin/appchat/send';
const GROUPS = ['wrchat-a', 'wrchat-b', 'wrchat-c'];
/** Short in the suite; `CRASH_TEST_LEASE_MS=15000` measures with the production default. */
const LEASE_MS = Number(process.env.CRASH_TEST_LEASE_MS ?? 4000);

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How many members (or groups) received the same message more than once, and how often in all. */
function twice(calls: ApiCall[], who: (c: ApiCall) => string): { targets: number; extra: number } {
  const seen = new Map<string, number>();
  for (const c of calls) {
    const key = `${who(c)}|${JSON.stringify(c.body?.[c.body?.msgtype])}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = [...seen.values()].filter((n) => n > 1);
  return { targets: repeated.length, extra: repeated.reduce((s, n) => s + n - 1, 0) };
}

/**
 * Issue 9 item 4, with real processes: one of two Lianxin processes is killed with -9 while WeCom
 * holds the answers to its sends. Its rows are taken over when their lease runs out and sent again;
 * message/send asks WeCom's repeat check, so no member receives a reply twice; appchat/send has no
 * such check, and each group (one message in flight at a time) receives at most one repeat.
 */
describe(`kill -9 during WeCom sends, two processes on one ${testDbKind()} database`, () => {
  let fake: WecomApiFake;
  let db: Db;
  const procs: LianxinProcess[] = [];
  let seq = 8_100_000_000_000_000_000n;

  beforeAll(async () => {
    fake = await WecomApiFake.start({ corpId: CORP, secret: 'app-secret' });
    const env = {
      DATABASE_URL: await freshDatabaseUrl(),
      ADMIN_TOKEN: TOKEN,
      QUIET_HOURS: 'off',
      DB_POOL_SIZE: '5',
      SIM_ENABLED: 'false',
      OUTBOX_LEASE_MS: String(LEASE_MS),
      ...wecomAppEnv(keys, fake.url),
      ...SCHEDULES_OFF,
    };
    procs.push(await startLianxinProcess(env));
    procs.push(await startLianxinProcess(env));
    db = await connectDatabase(env.DATABASE_URL);
    const c = await adminApi(procs[0]!, TOKEN, 'POST', '/api/communities', { name: '重启社区' });
    for (const g of GROUPS) {
      expect((await adminApi(procs[0]!, TOKEN, 'POST', '/api/groups', { platform: 'wecom', conversationId: g, communityId: c.body.id })).status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop('SIGTERM')));
    await db?.close();
    await fake?.close();
  });

  it('no member gets a reply twice; each app group at most one repeat; the dead process’s rows go out within seconds', async () => {
    // WeCom takes every send and holds its answer: the senders wait mid-send.
    fake.hold(SEND, 600_000);
    fake.hold(CHAT, 600_000);
    const say = (from: string, text: string) => {
      const cb = appCallback(keys, appXml.text(CORP, from, text, String(++seq)));
      return post(`${procs[0]!.url}/wecom/callback`, cb.query, cb.body);
    };
    const residents = Array.from({ length: 40 }, (_, i) => `jumin${i}`);
    const wishers = ['xuyuan0', 'xuyuan1', 'xuyuan2'];
    const answers = await Promise.all([
      ...residents.map((r) => say(r, '帮助')),
      ...wishers.map((w, i) => say(w, `心愿 第${i + 1}件小事`)),
    ]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    // Every reply and every group's first announcement is in flight (each conversation sends in order).
    const inFlight = () => db.all<Pick<OutboxMessage, 'id' | 'leaseOwner' | 'targetType'>>("SELECT id, lease_owner, target_type FROM outbox_messages WHERE status = 'sending'");
    await until('every reply and each group’s first post to be in flight', async () => {
      const rows = await inFlight();
      return rows.filter((r) => r.targetType === 'user').length === residents.length + wishers.length && rows.filter((r) => r.targetType === 'group').length === GROUPS.length;
    });
    await until('WeCom to have them all', () => fake.callsTo(SEND).length === residents.length + wishers.length && fake.callsTo(CHAT).length === GROUPS.length);

    // The victim: the process holding more group posts (those have no repeat check), then more rows.
    const rows = await inFlight();
    const of = (p: LianxinProcess) => rows.filter((r) => r.leaseOwner?.startsWith(`${p.pid}-`));
    const weight = (p: LianxinProcess) => of(p).filter((r) => r.targetType === 'group').length * 1000 + of(p).length;
    const victim = weight(procs[0]!) >= weight(procs[1]!) ? procs[0]! : procs[1]!;
    const held = of(victim);
    const killedAt = Date.now();
    await victim.stop('SIGKILL');
    // WeCom answers everything now; the answers to the dead process go nowhere.
    fake.release();

    const heldIds = held.map((r) => r.id);
    await until(
      'every row to be sent',
      async () => (await db.get<{ n: number }>("SELECT count(*) AS n FROM outbox_messages WHERE status <> 'sent'"))!.n === 0,
      90_000,
    );
    const recoveredMs = Date.now() - killedAt;

    const sends = fake.callsTo(SEND);
    const chats = fake.callsTo(CHAT);
    const physical = twice(sends, (c) => c.body.touser);
    const delivered = twice(fake.deliveredBy(SEND), (c) => c.body.touser);
    const chatRepeats = twice(chats, (c) => c.body.chatid);
    const heldUsers = held.filter((r) => r.targetType === 'user').length;
    const heldGroups = held.filter((r) => r.targetType === 'group').length;
    console.log(
      `[crash-repeats ${testDbKind()}] lease ${LEASE_MS} ms; the killed process held ${heldUsers} message/send and ${heldGroups} appchat/send rows; ` +
        `message/send: ${physical.extra} sent again, ${delivered.extra} received twice; appchat/send: ${chatRepeats.extra} received twice ` +
        `(${chatRepeats.targets} of ${GROUPS.length} groups); all sent ${recoveredMs} ms after the kill`,
    );

    expect(heldIds.length).toBeGreaterThan(0);
    // What the dead process was sending went out again (no loss) ...
    expect(physical.extra).toBe(heldUsers);
    // ... and reached nobody twice.
    expect(delivered.extra).toBe(0);
    for (const r of [...residents, ...wishers]) expect(fake.deliveredBy(SEND).filter((c) => c.body.touser === r)).toHaveLength(1);
    // appchat/send has no repeat check: at most the one message in flight per group, only where the dead process had it.
    expect(chatRepeats.extra).toBe(heldGroups);
    expect(chatRepeats.targets).toBeLessThanOrEqual(GROUPS.length);
    // Every group got each of the three announcements.
    for (const g of GROUPS) expect(new Set(chats.filter((c) => c.body.chatid === g).map((c) => c.body.text.content)).size).toBe(wishers.length);
    // Taken over when the lease ran out, not minutes later.
    expect(recoveredMs).toBeLessThan(LEASE_MS + 15_000);
  }, 150_000);
});
