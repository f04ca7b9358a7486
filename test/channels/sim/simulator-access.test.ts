import { networkInterfaces } from 'node:os';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.ts';
import { isLocalClient, isLoopback } from '../../../src/channels/sim/local-only.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { newAesKey } from '../../fakes/wecom-callback-client.ts';
import { ADMIN_TOKEN } from '../../helpers/test-app.ts';
import { freshDatabaseUrl } from '../../helpers/test-db.ts';

// Issue 9 item 3: the simulator can act as anyone. With a platform configured it is off unless
// SIM_ENABLED=true, and even then it answers only this machine (loopback) unless SIM_PUBLIC=true;
// a request that came through a proxy is not local unless TRUST_PROXY is set and it was forwarded
// for a loopback client too.

describe('who is a local client of the simulator', () => {
  const local = (socketAddress: string | undefined, headers: Record<string, string> = {}, trustProxy = false) =>
    isLocalClient({ socketAddress, headers, trustProxy });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['10.0.0.1', false],
    ['::ffff:192.0.2.2', false],
    ['fe80::1', false],
    ['0.0.0.0', false],
    ['', false],
    ['localhost', false],
  ])('a connection from %s: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
    expect(local(address)).toBe(expected);
  });

  it('is not local without a connection address', () => {
    expect(local(undefined)).toBe(false);
  });

  it.each([
    [{ 'x-forwarded-for': '127.0.0.1' }, false, false],
    [{ 'x-forwarded-for': '203.0.113.9' }, false, false],
    [{ forwarded: 'for=127.0.0.1' }, false, false],
    [{ 'x-real-ip': '127.0.0.1' }, false, false],
    [{ 'x-forwarded-for': '127.0.0.1' }, true, true],
    [{ 'x-forwarded-for': '127.0.0.1, ::1' }, true, true],
    [{ 'x-forwarded-for': '203.0.113.9' }, true, false],
    [{ 'x-forwarded-for': '203.0.113.9, 127.0.0.1' }, true, false],
    [{ 'x-forwarded-for': '' }, true, false],
    [{ 'x-forwarded-for': 'unknown' }, true, false],
    [{ forwarded: 'for=127.0.0.1;proto=http' }, true, true],
    [{ forwarded: 'for="[::1]:4711"' }, true, true],
    [{ forwarded: 'for=192.0.2.60;proto=http, for=127.0.0.1' }, true, false],
    [{ forwarded: 'proto=https' }, true, false],
    [{ forwarded: 'for=_hidden' }, true, false],
    [{ 'x-forwarded-for': '127.0.0.1', forwarded: 'for=198.51.100.7' }, true, false],
    [{ 'x-forwarded-for': '127.0.0.1:5050' }, true, true],
  ])('through a proxy on this machine, %j with TRUST_PROXY=%s: %s', (headers, trustProxy, expected) => {
    expect(local('127.0.0.1', headers, trustProxy)).toBe(expected);
  });

  it('a client elsewhere is never local, whatever it says it was forwarded for', () => {
    expect(local('192.0.2.2', { 'x-forwarded-for': '127.0.0.1' }, true)).toBe(false);
    expect(local('192.0.2.2', { forwarded: 'for=127.0.0.1' }, true)).toBe(false);
  });
});

/** The first IPv4 address of this machine that is not loopback (null: the machine has none). */
function otherAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

const SECOND = otherAddress();

/** A real Lianxin with a WeCom way in configured, listening on every interface. */
async function serve(env: Record<string, string>): Promise<{ app: App; port: number }> {
  const config = loadConfig({
    DATABASE_URL: await freshDatabaseUrl(),
    LOG_LEVEL: 'warn',
    WECOM_BOT_TOKEN: 'sim-access-token',
    WECOM_BOT_ENCODING_AES_KEY: newAesKey(),
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const app = await createApp(config, ADMIN_TOKEN, createLogger('warn', sink), { startScheduler: false });
  app.start();
  await app.server.listen({ port: 0, host: '0.0.0.0' });
  return { app, port: (app.server.server.address() as { port: number }).port };
}

const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/sim/'],
  ['GET', '/sim/state'],
  ['GET', '/sim/conversations/anyone/timeline'],
  ['GET', '/sim/conversations/anyone/messages'],
  ['POST', '/sim/demo'],
  ['POST', '/sim/messages', { conversationId: 'x', conversationType: 'single', senderId: 'x', senderName: 'X', text: '查询 1' }],
];

async function statuses(base: string, headers: Record<string, string> = {}): Promise<number[]> {
  const out: number[] = [];
  for (const [method, path, body] of ROUTES) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

describe('the simulator next to a real platform', () => {
  let served: { app: App; port: number } | null = null;
  afterEach(async () => {
    await served?.app.close();
    served = null;
  });
  const ok = (codes: number[]) => codes.every((c) => c < 400 || c === 409);

  it('is off by default (SIM_ENABLED unset): every simulator route is a 404, from this machine too', async () => {
    served = await serve({});
    expect(served.app.config.SIM_ENABLED).toBe(false);
    expect(await statuses(`http://127.0.0.1:${served.port}`)).toEqual(ROUTES.map(() => 404));
  });

  it('switched on, answers this machine and refuses a request that came through a proxy', async () => {
    served = await serve({ SIM_ENABLED: 'true' });
    const base = `http://127.0.0.1:${served.port}`;
    expect(ok(await statuses(base))).toBe(true);
    expect(await statuses(base, { 'x-forwarded-for': '203.0.113.9' })).toEqual(ROUTES.map(() => 403));
    expect(await statuses(base, { 'x-forwarded-for': '127.0.0.1' })).toEqual(ROUTES.map(() => 403));
    expect(await statuses(base, { forwarded: 'for=127.0.0.1' })).toEqual(ROUTES.map(() => 403));
  });

  it('behind a trusted proxy, answers only what was forwarded for this machine', async () => {
    served = await serve({ SIM_ENABLED: 'true', TRUST_PROXY: 'true' });
    const base = `http://127.0.0.1:${served.port}`;
    expect(ok(await statuses(base, { 'x-forwarded-for': '127.0.0.1' }))).toBe(true);
    expect(await statuses(base, { 'x-forwarded-for': '203.0.113.9' })).toEqual(ROUTES.map(() => 403));
  });

  it.skipIf(SECOND === null)(`refuses a client on another address of this machine (${SECOND}), unless SIM_PUBLIC=true`, async () => {
    served = await serve({ SIM_ENABLED: 'true' });
    const remote = `http://${SECOND}:${served.port}`;
    const refused = await fetch(`${remote}/sim/state`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toMatch(/communities|people/u);
    expect(await statuses(remote)).toEqual(ROUTES.map(() => 403));
    // Nothing the refused requests asked for happened.
    expect((await served.app.db.get<{ n: number }>('SELECT count(*) AS n FROM communities'))!.n).toBe(0);
    expect((await served.app.db.get<{ n: number }>('SELECT count(*) AS n FROM inbound_messages'))!.n).toBe(0);
    // The health checks and callbacks are not the simulator's business.
    expect((await fetch(`${remote}/healthz`)).status).toBe(200);
    await served.app.close();

    served = await serve({ SIM_ENABLED: 'true', SIM_PUBLIC: 'true' });
    expect(ok(await statuses(`http://${SECOND}:${served.port}`))).toBe(true);
  });
});
