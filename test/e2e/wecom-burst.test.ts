import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WecomApiFake } from '../fakes/wecom-api-fake.ts';
import { appCallback, appXml, newAesKey, postLikeWecom, type Keys, wecomAppEnv } from '../fakes/wecom-callback-client.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { countRows, testDbKind } from '../helpers/test-db.ts';

// Issue 9: "2,000 residents writing to the WeCom app at once" once stalled every reply (one id per
// waiting conversation in one IN list, past SQLite's limit of bound values). Each of them writes a
// wish through an encrypted callback, all at once; each must get exactly one reply (message/send,
// counted at the WeCom fake) within minutes, though WeCom sends again what got no 200.
// `BURST_RESIDENTS` changes the number.

const N = Number(process.env.BURST_RESIDENTS ?? 2000);
const CORP = 'wwburst0123456789';
const keys: Keys = { token: 'burst-callback-token', aesKey: newAesKey(), receiveId: CORP };
const SEND = '/cgi-bin/message/send';
const DEADLINE_MS = 170_000;

describe(`${N} residents write to the WeCom app at once (${testDbKind()})`, () => {
  let api: WecomApiFake;
  let t: TestApp;

  beforeAll(async () => {
    api = await WecomApiFake.start({ corpId: CORP, secret: 'app-secret' });
    t = await startTestApp({
      env: {
        SIM_ENABLED: 'false',
        LOG_LEVEL: 'error',
        ...wecomAppEnv(keys, api.url),
      },
      overrides: { dispatcherPollMs: 200 },
    });
    expect((await t.api('POST', '/api/communities', { name: '千人社区' })).status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });

  it('every one is acknowledged, and answered exactly once, within minutes', async () => {
    const residents = Array.from({ length: N }, (_, i) => `resident${String(i).padStart(4, '0')}`);
    // Encrypted beforehand: the clock measures Lianxin, not the test's AES.
    const callbacks = residents.map((r, i) => appCallback(keys, appXml.text(CORP, r, `心愿 第${i + 1}户：帮忙换个灯泡`, String(9_100_000_000_000_000_000n + BigInt(i)))));
    const url = `${t.url}/wecom/callback`;

    const t0 = Date.now();
    // Sent as WeCom sends them: a callback whose connection dropped is sent again (3 retries), so on
    // a loaded machine some arrive twice; each must still be handled and answered once.
    const answers = await Promise.all(callbacks.map((c) => postLikeWecom(url, c.query, c.body)));
    const acknowledgedMs = Date.now() - t0;
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const resent = answers.filter((a) => a.attempts > 1).length;

    const answered = () => new Set(api.callsTo(SEND).map((c) => c.body?.touser)).size;
    const deadline = t0 + DEADLINE_MS;
    while (answered() < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const answeredMs = Date.now() - t0;
    // Nothing more is on its way: the inbox is handled and the outbox empty.
    await t.app.inbound.idle();
    // The last sends' outcomes commit a moment after the platform saw them.
    const settleBy = Date.now() + 10_000;
    while ((await countRows(t.app.db, 'outbox_messages', "status <> 'sent'")) > 0 && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 50));
    const unsent = await t.app.db.all("SELECT id, status, attempts, not_before, lease_until, last_error FROM outbox_messages WHERE status <> 'sent'");
    if (unsent.length > 0) console.log(`[burst ${testDbKind()}] not sent:`, JSON.stringify(unsent), new Date().toISOString());
        expect(await countRows(t.app.db, 'outbox_messages', "status <> 'sent'")).toBe(0);
    console.log(`[burst ${testDbKind()}] ${N} callbacks acknowledged in ${acknowledgedMs} ms (${resent} sent again); all answered after ${answeredMs} ms`);

    expect(answered()).toBe(N);
    const perResident = new Map<string, number>();
    for (const c of api.callsTo(SEND)) perResident.set(c.body.touser, (perResident.get(c.body.touser) ?? 0) + 1);
    expect([...perResident.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(api.callsTo(SEND).every((c) => c.reply?.errcode === 0 && /编号 #\d+/u.test(c.body.text.content))).toBe(true);
    expect(await countRows(t.app.db, 'items')).toBe(N);
    expect(await countRows(t.app.db, 'inbound_messages', "status <> 'done'")).toBe(0);
    expect(answeredMs).toBeLessThan(DEADLINE_MS);
  }, DEADLINE_MS + 30_000);
});
