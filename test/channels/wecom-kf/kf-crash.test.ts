import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/sql.ts';
import { newAesKey } from '../../fakes/wecom-callback-client.ts';
import { WecomKfFake } from '../../fakes/wecom-kf-fake.ts';
import { SCHEDULES_OFF, startLianxinProcess, type LianxinProcess } from '../../helpers/lianxin-process.ts';
import { connectDatabase, countRows, freshDatabaseUrl, testDbKind, testTempDir } from '../../helpers/test-db.ts';

// Issue 10: "a process killed with -9 between the pull and the cursor save → nothing lost, nothing
// doubled", with real processes (`tsx src/main.ts`) on one database and the 微信客服 fake.

const keys = { token: 'kf-callback-token', aesKey: newAesKey(), receiveId: 'wwcorp' };
const RESIDENTS = 400;

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number, every = 100) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

describe(`微信客服 pulling across a crash, on ${testDbKind()}`, () => {
  let fake: WecomKfFake;
  let db: Db;
  let env: Record<string, string>;
  const procs: LianxinProcess[] = [];

  beforeAll(async () => {
    fake = await WecomKfFake.start({ corpId: keys.receiveId });
    const databaseUrl = await freshDatabaseUrl();
    env = {
      ...SCHEDULES_OFF,
      DATABASE_URL: databaseUrl,
      DATA_DIR: testTempDir(),
      ADMIN_TOKEN: 'crash-admin-token-0123456789',
      QUIET_HOURS: 'off',
      OUTBOX_LEASE_MS: '2000',
      WECOM_CORP_ID: keys.receiveId,
      WECOM_KF_TOKEN: keys.token,
      WECOM_KF_ENCODING_AES_KEY: keys.aesKey,
      WECOM_KF_SECRET: fake.secret,
      WECOM_KF_OPEN_KFID: fake.openKfid,
      WECOM_API_BASE: fake.url,
    };
    procs.push(await startLianxinProcess(env));
    db = await connectDatabase(databaseUrl);
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop('SIGKILL')));
    await db?.close();
    await fake.close();
  });

  it('a process killed with -9 after storing part of a page, before the cursor moved: nothing lost, nothing doubled', async () => {
    const residents = Array.from({ length: RESIDENTS }, (_, i) => `wmCrash${i}`);
    // Pictures, fetched one by one as each message is stored (media/get answering in 20 ms), make
    // the page take seconds: the kill lands inside it.
    for (const r of residents) fake.customerSends(r, { image: { mediaId: fake.addMedia(Buffer.from(`picture of ${r}`)) } });
    fake.hold('/cgi-bin/media/get', 20);
    // The process pulled once at start (nothing then): the cursor stands where that left it.
    await until('the pull at start', () => fake.callsTo('/cgi-bin/kf/sync_msg').length >= 1, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    const cursorAt = async () => (await db.get<{ cursor: string }>('SELECT cursor FROM kf_cursors'))?.cursor ?? '';
    const before = await cursorAt();
    expect((await fake.notify(procs[0]!.url, keys)).status).toBe(200);

    // Kill it the moment some messages are stored while the cursor has not moved yet.
    await until(
      'messages stored before the cursor moved',
      async () => (await countRows(db, 'inbound_messages')) >= 20 && (await cursorAt()) === before,
      20_000,
      2,
    );
    await procs[0]!.stop('SIGKILL');
    const storedBefore = await countRows(db, 'inbound_messages');
    expect(storedBefore).toBeLessThan(RESIDENTS);
    expect(await cursorAt()).toBe(before);
    const deliveredBefore = fake.delivered.length;

    // Another process starts, pulls from where the cursor stayed, and the inbox recovers what the
    // dead one stored but did not finish (after its 60-second lease).
    procs.push(await startLianxinProcess(env));
    await until('an answer for every resident', () => residents.every((r) => fake.deliveredTo(r).length >= 1), 120_000, 250);
    await new Promise((r) => setTimeout(r, 3000));

    expect(await countRows(db, 'inbound_messages', "platform = 'wecom-kf'")).toBe(RESIDENTS);
    expect(await countRows(db, 'inbound_messages', "status = 'done'")).toBe(RESIDENTS);
    // Each message handled once: one answer written per resident.
    const perResident = await db.all<{ targetId: string; n: number }>(
      "SELECT target_id, count(*) AS n FROM outbox_messages WHERE platform = 'wecom-kf' GROUP BY target_id",
    );
    expect(perResident).toHaveLength(RESIDENTS);
    expect(perResident.every((r) => r.n === 1)).toBe(true);
    // Delivered: everyone once; a send under way at the kill may go twice (the outbox's at-least-once).
    const counts = residents.map((r) => fake.deliveredTo(r).length);
    expect(counts.every((n) => n === 1 || n === 2)).toBe(true);
    expect(counts.filter((n) => n === 2).length).toBeLessThanOrEqual(32);
    expect(fake.delivered.length).toBeGreaterThan(deliveredBefore);
    const cursor = await db.get<{ cursor: string }>('SELECT cursor FROM kf_cursors WHERE open_kfid = ?', [fake.openKfid]);
    expect(cursor?.cursor).toBe(`CUR${RESIDENTS.toString(16)}`);
  }, 180_000);
});
