import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWecomChannel } from '../../../src/channels/wecom/wecom-channel.ts';
import { DUPLICATE_CHECK_SEC } from '../../../src/channels/wecom/limits.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { WecomApiFake } from '../../fakes/wecom-api-fake.ts';
import { appCallback, appXml, newAesKey, post, type Keys, wecomAppEnv } from '../../fakes/wecom-callback-client.ts';
import { settled } from './helpers.ts';

// message/send with WeCom's repeat check (90236): a send whose answer was lost is sent again and
// reaches the member once; a second, identical message the member was meant to get still arrives.

const CORP = 'wwdupcheck0123456';
const keys: Keys = { token: 'dup-check-token', aesKey: newAesKey(), receiveId: CORP };
const SEND = '/cgi-bin/message/send';
let seq = 7_300_000_000_000_000_000n;

describe('WeCom message/send with enable_duplicate_check', () => {
  let api: WecomApiFake;
  let t: TestApp;
  const say = (from: string, content: string) => {
    const c = appCallback(keys, appXml.text(CORP, from, content, String(++seq)));
    return post(`${t.url}/wecom/callback`, c.query, c.body);
  };

  beforeAll(async () => {
    api = await WecomApiFake.start({ corpId: CORP, secret: 'app-secret' });
    t = await startTestApp({
      env: {
        SIM_ENABLED: 'false',
        OUTBOX_RETRY_BASE_MS: '50',
        ...wecomAppEnv(keys, api.url),
      },
      // An answer later than 400 ms counts as lost: the outbox tries again.
      overrides: { channels: (deps) => [createWecomChannel(deps, { apiTimeoutMs: 400 })] },
    });
    expect((await t.api('POST', '/api/communities', { name: '阳光社区' })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  it('asks for the check, and a send whose answer was lost is sent again but received once', async () => {
    api.hold(SEND, 1500);
    expect((await say('wanglaoshi', '心愿 帮忙修一下门锁')).status).toBe(200);
    await api.waitFor(() => api.callsTo(SEND).filter((c) => c.body.touser === 'wanglaoshi').length >= 2, 'a second attempt');
    api.release();
    await settled(t);
    const calls = api.callsTo(SEND).filter((c) => c.body.touser === 'wanglaoshi');
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]!.body).toMatchObject({ enable_duplicate_check: 1, duplicate_check_interval: DUPLICATE_CHECK_SEC });
    expect(new Set(calls.map((c) => JSON.stringify(c.body))).size).toBe(1);
    expect(api.deliveredBy(SEND).filter((c) => c.body.touser === 'wanglaoshi')).toHaveLength(1);
    const row = await t.app.db.get<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM outbox_messages WHERE target_id = 'wanglaoshi' ORDER BY id DESC LIMIT 1",
    );
    expect(row).toMatchObject({ status: 'sent' });
    expect(row!.attempts).toBeGreaterThanOrEqual(1);
  });

  it('the same answer twice, meant twice (帮助, 帮助), reaches the member twice', async () => {
    await say('zhaoayi', '帮助');
    await settled(t);
    await say('zhaoayi', '帮助');
    await settled(t);
    const calls = api.callsTo(SEND).filter((c) => c.body.touser === 'zhaoayi');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body.text.content).toBe(calls[1]!.body.text.content);
    // The second goes without the check, or WeCom would swallow it.
    expect(calls[1]!.body.enable_duplicate_check).toBeUndefined();
    expect(api.deliveredBy(SEND).filter((c) => c.body.touser === 'zhaoayi')).toHaveLength(2);
  });
});
