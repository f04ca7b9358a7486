import { execFileSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDingtalkChannel } from '../../src/channels/dingtalk/dingtalk-channel.ts';
import { createWecomChannel } from '../../src/channels/wecom/wecom-channel.ts';
import { DingtalkHttpFake } from '../fakes/dingtalk-http-fake.ts';
import { DingtalkStreamFake } from '../fakes/dingtalk-stream-fake.ts';
import { newAesKey } from '../fakes/wecom-callback-client.ts';
import { WecomWsFake } from '../fakes/wecom-ws-fake.ts';
import { APP, FAST_STREAM, waitUntil } from '../channels/dingtalk/dingtalk-test-app.ts';
import { botEnv, FAST } from '../channels/wecom/helpers.ts';
import { freePort } from '../helpers/free-port.ts';
import { SCHEDULES_OFF, startLianxinProcess, type LianxinProcess } from '../helpers/lianxin-process.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { freshDatabaseUrl, testDbKind } from '../helpers/test-db.ts';

// Issue 9 item 6: /healthz says the process answers; /readyz says it can do its work — the
// database takes a write, the migrations are applied, every configured way in is connected. A
// load balancer sends traffic by /readyz, a liveness probe restarts by /healthz.

type Ready = { ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> };
const readyz = async (url: string): Promise<{ status: number; body: Ready }> => {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as Ready };
};

describe('channels feed /readyz', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  it('WeCom long connection: ready when this process holds it or another live process does; not when nobody can connect', async () => {
    const ws = await WecomWsFake.start();
    try {
      const databaseUrl = await freshDatabaseUrl();
      const holder = await startTestApp({ databaseUrl, env: botEnv(ws), overrides: { channels: (deps) => [createWecomChannel(deps, { timings: FAST })] } });
      apps.push(holder);
      await ws.waitFor(() => ws.subscribed, 'the connection');
      await waitUntil(async () => (await readyz(holder.url)).status === 200, 5000, 'the holder ready');
      expect((await readyz(holder.url)).body.checks.wecom).toEqual({ ok: true });

      // A second process waits for the lease; the connection is there, held by the first.
      const standby = await startTestApp({ databaseUrl, env: botEnv(ws), overrides: { channels: (deps) => [createWecomChannel(deps, { timings: FAST })] } });
      apps.push(standby);
      const second = await readyz(standby.url);
      expect(second.status).toBe(200);
      expect(second.body.checks.wecom).toMatchObject({ ok: true, detail: expect.stringContaining('另一个进程') });

      // WeCom is gone: the holder cannot connect and says so.
      await ws.close();
      await waitUntil(async () => (await readyz(holder.url)).status === 503, 5000, 'the holder not ready');
      expect((await readyz(holder.url)).body.checks.wecom!.ok).toBe(false);
      expect((await fetch(`${holder.url}/healthz`)).status).toBe(200);
    } finally {
      await ws.close();
    }
  });

  it('WeCom long connection nobody can reach: not ready', async () => {
    const t = await startTestApp({
      env: { SIM_ENABLED: 'false', WECOM_BOT_ID: 'BOT_ID', WECOM_BOT_SECRET: 'bot-secret', WECOM_BOT_WS_URL: `ws://127.0.0.1:${await freePort()}` },
      overrides: { channels: (deps) => [createWecomChannel(deps, { timings: FAST })] },
    });
    apps.push(t);
    await new Promise((r) => setTimeout(r, 500));
    const r = await readyz(t.url);
    expect(r.status).toBe(503);
    expect(r.body.checks).toMatchObject({ database: { ok: true }, migrations: { ok: true }, wecom: { ok: false } });
  });

  it('DingTalk Stream: ready while connected, not once DingTalk is unreachable', async () => {
    const http = await DingtalkHttpFake.start({ appKey: APP.clientId, appSecret: APP.clientSecret });
    const stream = await DingtalkStreamFake.start(APP);
    try {
      const t = await startTestApp({
        env: {
          SIM_ENABLED: 'false',
          DINGTALK_CLIENT_ID: APP.clientId,
          DINGTALK_CLIENT_SECRET: APP.clientSecret,
          DINGTALK_STREAM_GATEWAY: stream.gatewayUrl,
          DINGTALK_API_BASE: http.url,
          DINGTALK_OAPI_BASE: http.url,
        },
        overrides: { channels: (deps) => [createDingtalkChannel(deps, { stream: FAST_STREAM })] },
      });
      apps.push(t);
      await waitUntil(async () => (await readyz(t.url)).status === 200, 5000, 'ready');
      expect((await readyz(t.url)).body.checks.dingtalk).toEqual({ ok: true });
      await stream.close();
      await waitUntil(async () => (await readyz(t.url)).status === 503, 5000, 'not ready');
      expect((await readyz(t.url)).body.checks.dingtalk!.ok).toBe(false);
    } finally {
      await stream.close();
      await http.close();
    }
  });
});

const CORP = 'wwready0123456789';

/**
 * A real process: its database is made unwritable from outside, as a full disk or a database
 * failed over to a read-only replica would leave it, and slow clients are thrown at it.
 */
describe(`a real process on ${testDbKind()}: /readyz and /healthz`, () => {
  let p: LianxinProcess;
  let databaseUrl = '';

  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl();
    p = await startLianxinProcess({
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN: 'readiness-admin-token-0123456789',
      SIM_ENABLED: 'false',
      REQUEST_TIMEOUT_MS: '2000',
      WECOM_CORP_ID: CORP,
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'app-secret',
      WECOM_TOKEN: 'ready-callback-token',
      WECOM_ENCODING_AES_KEY: newAesKey(),
      WECOM_API_BASE: 'http://127.0.0.1:9',
      ...SCHEDULES_OFF,
    });
  }, 60_000);
  afterAll(async () => {
    await p?.stop('SIGTERM');
  });

  /** Makes every write fail, and undoes it. */
  const unwritable = async (on: boolean) => {
    if (testDbKind() === 'sqlite') {
      // A file-size limit of one byte on the running process: every write into the database or its
      // WAL fails as on a full disk (Node ignores SIGXFSZ; the write returns EFBIG).
      execFileSync('prlimit', ['--pid', String(p.pid), on ? '--fsize=1:unlimited' : '--fsize=unlimited:unlimited']);
      return;
    }
    // PostgreSQL: the database turns read-only (as a standby would be) and open sessions are ended.
    const url = new URL(databaseUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = ${on ? 'on' : 'off'}`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    } finally {
      await admin.end();
    }
  };

  it('is ready, then not ready while its database takes no write, while /healthz stays 200; ready again after', async () => {
    await waitUntil(async () => (await readyz(p.url)).status === 200, 10_000, 'ready');
    await unwritable(true);
    try {
      await waitUntil(async () => (await readyz(p.url)).status === 503, 10_000, 'not ready');
      const r = await readyz(p.url);
      expect(r.body.ok).toBe(false);
      expect(r.body.checks.database!.ok).toBe(false);
      expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    } finally {
      await unwritable(false);
    }
    await waitUntil(async () => (await readyz(p.url)).status === 200, 10_000, 'ready again');
  }, 60_000);

  it('300 clients trickling a body a byte a second are cut off by the request timeout; /readyz answers 200 meanwhile', async () => {
    const SLOW = 300;
    const started = Date.now();
    const closed: number[] = [];
    const answered: string[] = [];
    const sockets: Socket[] = [];
    for (let i = 0; i < SLOW; i++) {
      const s = connect({ host: '127.0.0.1', port: Number(new URL(p.url).port) });
      s.setNoDelay(true);
      s.on('data', (d) => answered.push(String(d).split('\r\n')[0]!));
      s.on('error', () => undefined);
      s.on('close', () => closed.push(Date.now() - started));
      s.write(
        `POST /wecom/callback?msg_signature=x&timestamp=1&nonce=${i} HTTP/1.1\r\nHost: lianxin\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<`,
      );
      sockets.push(s);
    }
    const trickle = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('x');
    }, 1000);
    const statuses: number[] = [];
    try {
      while (closed.length < SLOW && Date.now() - started < 15_000) {
        statuses.push((await readyz(p.url)).status, (await fetch(`${p.url}/healthz`)).status);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      clearInterval(trickle);
      for (const s of sockets) s.destroy();
    }
    // REQUEST_TIMEOUT_MS=2000: each was cut off about two seconds in (Node checks every second).
    expect(closed.length).toBe(SLOW);
    expect(Math.max(...closed)).toBeLessThan(6000);
    expect(answered.every((line) => line === 'HTTP/1.1 408 Request Timeout')).toBe(true);
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.every((s) => s === 200)).toBe(true);
  }, 30_000);
});
