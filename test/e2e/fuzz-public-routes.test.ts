import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { encrypt, getSignature } from '@wecom/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAesKey } from '../fakes/wecom-callback-client.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { countRows, testDbKind } from '../helpers/test-db.ts';

// Longer than 250 lines on purpose: one generator of malformed requests per public route, seeded.

// Issue 9: "a seeded fuzz test of every public route": the callbacks of every channel, the
// simulator, /healthz and /readyz get thousands of malformed requests — bad methods, headers,
// bodies, encodings, signatures, huge and truncated payloads, garbage on the socket — and must
// answer every one with a 4xx (or a 2xx where nothing is asked of them), never a 5xx, never crash,
// and write nothing. FUZZ_SEED and FUZZ_REQUESTS change the run; a failure prints its seed.

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000);
const CORP = 'wwfuzz0123456789a';
const WECOM_APP = { token: 'fuzz-app-token', aesKey: newAesKey(), receiveId: CORP };
const WECOM_BOT = { token: 'fuzz-bot-token', aesKey: newAesKey(), receiveId: '' };
const DINGTALK = { clientId: 'dingFUZZapp', clientSecret: 'FUZZ-app-secret-0123456789' };

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => next() < p;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const text = (n: number) =>
    Array.from({ length: n }, () => pick(['a', 'Z', '0', ' ', '心', '愿', '😀', '\u0000', '\u202e', '"', '<', '>', '&', '%', '\\', '\n', '\ud800'])).join('');
  return { next, int, pick, chance, bytes, text };
}

type Fuzz = ReturnType<typeof prng>;
type Req = { label: string; method: string; path: string; headers: Record<string, string>; body?: Buffer | string };

const ROUTES = [
  '/wecom/callback',
  '/wecom/bot/callback',
  '/dingtalk/callback',
  '/sim/messages',
  '/sim/state',
  '/sim/demo',
  '/sim/',
  '/sim/conversations/{id}/messages',
  '/sim/conversations/{id}/timeline',
  '/healthz',
  '/readyz',
] as const;
const ODD_PATHS = ['/', '/wecom', '/wecom/callback/', '/sim/../api/items', '/..%2f..%2fetc%2fpasswd', '/sim/conversations/', '/%E0%A4%A', '/sim/%00', '/api/items', '/metrics', `/${'a'.repeat(3000)}`];
const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/xml',
  'text/plain',
  'application/xml; charset=gbk',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/json; charset=utf-16',
  '*/*',
  '',
  'text',
];

function query(f: Fuzz): string {
  const q = new URLSearchParams();
  const forms = [
    () => {
      q.set('msg_signature', f.bytes(20).toString('hex'));
      q.set('timestamp', String(Math.floor(Date.now() / 1000)));
      q.set('nonce', String(f.int(1e9)));
      if (f.chance(0.4)) q.set('echostr', f.bytes(f.int(64)).toString('base64'));
    },
    () => {
      q.append('msg_signature', 'a');
      q.append('msg_signature', 'b');
      q.set('timestamp', 'yesterday');
    },
    () => q.set(f.text(5), f.text(20)),
    () => q.set('nonce', 'x'.repeat(f.pick([300, 5000]))),
    () => undefined,
  ];
  f.pick(forms)();
  const s = q.toString();
  if (f.chance(0.05)) return '?%zz=%%&a=%E0%A4%A';
  return s ? `?${s}` : '';
}

/** Signed and encrypted exactly as WeCom would, around a plaintext that is not a message. */
function wecomSigned(f: Fuzz, keys: typeof WECOM_APP, bot: boolean): { query: string; body: string } {
  const plaintexts = bot
    ? ['', 'not json', '[]', '{"msgtype":1}', '{"msgid":""}', '{"from":{}}', `{"msgid":"x","msgtype":"text","text":{"content":${JSON.stringify(f.text(10))}}}`, '{'.repeat(5000)]
    : ['', 'not xml', '<xml>', '<xml><MsgType>text</MsgType></xml>', '<xml><ToUserName>x</ToUserName></xml>', `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}">]><xml>&a;</xml>`, '<xml><xml><xml>', `<xml><MsgType><![CDATA[${f.text(8)}]]></MsgType></xml>`];
  const receiveId = f.chance(0.2) ? 'wwSOMEONE-ELSE' : keys.receiveId;
  const ciphertext = encrypt(keys.aesKey, f.pick(plaintexts), receiveId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(f.int(1e9));
  const signature = f.chance(0.8) ? getSignature(keys.token, timestamp, nonce, ciphertext) : getSignature('wrong-token', timestamp, nonce, ciphertext);
  const q = new URLSearchParams({ msg_signature: signature, timestamp, nonce });
  const body = bot
    ? f.pick([JSON.stringify({ encrypt: ciphertext }), JSON.stringify({ encrypt: ciphertext.slice(0, -7) }), JSON.stringify({ encrypt: ciphertext + 'AAAA' })])
    : f.pick([
        `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${ciphertext}]]></Encrypt><AgentID>1</AgentID></xml>`,
        `<xml><Encrypt>${ciphertext.slice(0, f.int(ciphertext.length))}</Encrypt></xml>`,
        `<xml><Encrypt><![CDATA[${ciphertext}]]></Encrypt><Encrypt>x</Encrypt></xml>`,
      ]);
  return { query: `?${q}`, body };
}

/** A simulator message that is certainly invalid: a valid one, then at least one rule broken. */
function simBody(f: Fuzz): unknown {
  const body: Record<string, unknown> = { conversationId: 'fz', conversationType: 'single', senderId: 'fz', senderName: 'F', text: '心愿 测试' };
  const breakers = [
    () => delete body[f.pick(['conversationId', 'conversationType', 'senderId', 'senderName', 'text'])],
    () => (body.conversationType = f.pick(['private', 'GROUP', 1, null, [], ''])),
    () => (body.conversationId = body.senderId = f.pick(['', '   ', 'x'.repeat(257), 42, null, {}])),
    () => (body.senderId = 'someone-else'),
    () => (body.text = f.pick([42, null, {}, ['心愿'], true])),
    () => (body.photos = f.pick([Array(10).fill('p'), 'photo', [42], ['x'.repeat(5000)]])),
    () => (body.location = f.pick([{ label: 'x' }, 'here', { label: 'x', latitude: 'n', longitude: 1 }])),
    () => (body.messageId = f.pick(['', 'x'.repeat(257), 7])),
    () => (body.senderName = f.pick(['名'.repeat(101), 5, null])),
  ];
  for (let i = 0, n = 1 + f.int(3); i < n; i++) f.pick(breakers)();
  if (f.chance(0.3)) body[f.pick(['__proto__', 'constructor', 'extra', f.text(4)])] = f.pick([{ polluted: true }, 'x', 1]);
  return body;
}

function dingtalkHeaders(f: Fuzz): Record<string, string> {
  const ts = f.chance(0.8) ? String(Date.now() + f.pick([0, 0, -7_200_000, 7_200_000])) : f.pick(['', 'abc', '1e20', '-1']);
  const sign = createHmac('sha256', DINGTALK.clientSecret).update(`${ts}\n${DINGTALK.clientSecret}`).digest('base64');
  const forms: Array<Record<string, string>> = [{ timestamp: ts, sign }, { timestamp: ts, sign: encodeURIComponent(sign) }, { timestamp: ts }, { sign }, {}, { timestamp: ts, sign: 'A'.repeat(44) }];
  return f.pick(forms);
}

function dingtalkBody(f: Fuzz): string {
  return f.pick([
    '',
    'null',
    '[]',
    '{}',
    '{"msgtype":"text"}',
    JSON.stringify({ msgId: '', conversationType: '2', conversationId: 'cid', senderId: 's' }),
    JSON.stringify({ msgId: 'm', conversationType: 2, conversationId: 'cid', senderId: 's', text: { content: '心愿' } }),
    JSON.stringify({ msgId: 'm', conversationType: '3', conversationId: 'cid', senderId: 's' }),
    JSON.stringify({ msgId: 'x'.repeat(300), conversationType: '1', conversationId: 'c', senderId: 's' }),
    '{"msgId":"m",',
    f.text(200),
  ]);
}

function body(f: Fuzz, route: string, headers: Record<string, string>): { body?: Buffer | string; query?: string } {
  const kind = f.int(10);
  if (kind === 0) return { body: f.bytes(f.int(2000)) };
  if (kind === 1) return { body: 'x'.repeat(f.pick([70_000, 300_000])) }; // over the callback cap, over the body limit
  if (kind === 2) return { body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` };
  if (kind === 3) return { body: Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]) };
  if (route.startsWith('/wecom/')) {
    if (kind <= 6) return wecomSigned(f, route === '/wecom/bot/callback' ? WECOM_BOT : WECOM_APP, route === '/wecom/bot/callback');
    return { body: f.pick(['<xml><Encrypt>', '<xml></xml>', `{"encrypt":${JSON.stringify(f.text(30))}}`, '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><xml>&lol;</xml>']) };
  }
  if (route === '/dingtalk/callback') {
    Object.assign(headers, dingtalkHeaders(f));
    return { body: dingtalkBody(f) };
  }
  if (kind <= 7) return { body: JSON.stringify(simBody(f)) };
  return { body: f.pick(['{"conversationId": ', '{', 'null', '"text"', '{"a":1}{"b":2}', '\ufeff{}']) };
}

function generate(f: Fuzz, i: number): Req {
  const template = f.chance(0.9) ? f.pick(ROUTES) : f.pick(ODD_PATHS);
  const route = template.replace('{id}', f.pick(['fz', encodeURIComponent(f.text(5).replace(/[\ud800-\udfff]/gu, '')), 'x'.repeat(300), '%2F', '..']));
  const method = f.pick(METHODS);
  const headers: Record<string, string> = {};
  if (f.chance(0.8)) headers['content-type'] = f.pick(CONTENT_TYPES);
  if (f.chance(0.08)) headers['content-encoding'] = f.pick(['gzip', 'deflate', 'br', 'identity', 'x-unknown']);
  if (f.chance(0.05)) headers['x-forwarded-for'] = f.pick(['127.0.0.1', '203.0.113.1', 'junk', '::1, 10.0.0.1']);
  if (f.chance(0.03)) headers['x-huge'] = 'h'.repeat(f.pick([4000, 20_000]));
  if (f.chance(0.05)) headers.accept = f.pick(['*/*', 'text/html', 'application/xml', '']);
  const b = method === 'GET' || method === 'HEAD' ? (f.chance(0.1) ? { body: f.text(20) } : {}) : body(f, route, headers);
  return { label: `#${i} ${method} ${route}`, method, path: `${route}${b.query ?? query(f)}`, headers, body: b.body };
}

/** Bytes on a bare socket: malformed HTTP, truncated bodies, half-sent requests. */
function rawRequest(f: Fuzz, i: number): { label: string; bytes: Buffer; endEarly: boolean } {
  const route = f.pick(ROUTES).replace('{id}', 'fz');
  const forms: Array<() => string | Buffer> = [
    () => `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"conversationId":`,
    () => `POST ${route} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nnot hex\r\n0\r\n\r\n`,
    () => `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello`,
    () => `GET ${route} HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n`,
    () => `FOO ${route} HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET ${route} HTTP/9.9\r\n\r\n`,
    () => `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
    () => `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => f.bytes(1 + f.int(300)),
    () => `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 100\r\n\r\n<xml><Encrypt>`,
  ];
  const chosen = f.pick(forms)();
  return { label: `#${i} raw ${route}`, bytes: Buffer.isBuffer(chosen) ? chosen : Buffer.from(chosen, 'latin1'), endEarly: f.chance(0.7) };
}

describe(`fuzzing every public route (${testDbKind()}, seed ${SEED})`, () => {
  let t: TestApp;
  const counts = async () => {
    const tables =
      t.app.db.dialect === 'sqlite'
        ? await t.app.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
        : await t.app.db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name");
    const out: Record<string, number> = {};
    for (const { name } of tables) out[name] = await countRows(t.app.db, name);
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        REQUEST_TIMEOUT_MS: '2000',
        WECOM_CORP_ID: CORP,
        WECOM_AGENT_ID: '1000002',
        WECOM_SECRET: 'fuzz-secret',
        WECOM_TOKEN: WECOM_APP.token,
        WECOM_ENCODING_AES_KEY: WECOM_APP.aesKey,
        WECOM_BOT_TOKEN: WECOM_BOT.token,
        WECOM_BOT_ENCODING_AES_KEY: WECOM_BOT.aesKey,
        WECOM_API_BASE: 'http://127.0.0.1:9',
        DINGTALK_CLIENT_ID: DINGTALK.clientId,
        DINGTALK_CLIENT_SECRET: DINGTALK.clientSecret,
        DINGTALK_MODE: 'http',
        DINGTALK_API_BASE: 'http://127.0.0.1:9',
        DINGTALK_OAPI_BASE: 'http://127.0.0.1:9',
        SIM_ENABLED: 'true',
      },
    });
    // A community exists (POST /sim/demo would otherwise make one, as it should), and /readyz has written its row once.
    expect((await t.api('POST', '/api/communities', { name: '模糊测试社区' })).status).toBe(201);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
  afterAll(() => t?.close());

  it(`${REQUESTS} malformed requests: no 5xx, no crash, nothing written`, async () => {
    const f = prng(SEED);
    const before = await counts();
    const port = Number(new URL(t.url).port);
    const agent = new Agent({ keepAlive: true, maxSockets: 24 });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const note = (status: number, label: string) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) failures.push(`${status} ${label}`);
    };

    const send = (r: Req) =>
      new Promise<void>((resolve) => {
        const req = request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            note(res.statusCode ?? 0, r.label);
            resolve();
          });
          res.on('error', () => resolve());
        });
        req.on('error', () => resolve()); // the server may close on a request it cannot read (that is fine)
        req.setTimeout(10_000, () => {
          failures.push(`no answer in 10 s: ${r.label}`);
          req.destroy();
        });
        if (r.body !== undefined) req.end(r.body);
        else req.end();
      });
    const sendRaw = (r: ReturnType<typeof rawRequest>) =>
      new Promise<void>((resolve) => {
        const s = connect({ host: '127.0.0.1', port });
        let head = '';
        s.on('data', (d) => (head += String(d)));
        s.on('error', () => undefined);
        s.on('close', () => {
          const m = /^HTTP\/1\.1 (\d{3})/u.exec(head);
          if (m) note(Number(m[1]), r.label);
          resolve();
        });
        s.setTimeout(5_000, () => s.destroy());
        s.write(r.bytes);
        if (r.endEarly) s.end();
      });

    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const i = next++;
        if (f.chance(0.08)) await sendRaw(rawRequest(f, i));
        else await send(generate(f, i));
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    agent.destroy();
    const elapsed = Date.now() - started;
    await t.app.inbound.idle();

    console.log(`[fuzz ${testDbKind()} seed ${SEED}] ${REQUESTS} requests in ${elapsed} ms:`, Object.fromEntries([...statuses].sort()));
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(t.logs.join('\n')).not.toMatch(/request failed|"level":50/u);
  }, 120_000);

  // Found by this fuzz on PostgreSQL (text cannot hold U+0000): a 500 for %00 in a URL, and a
  // message that would have been retried until it failed.
  it('a resident’s message with a NUL character in it is handled like any other', async () => {
    const r = await t.say({ id: 'nul-writer', name: '零' }, '心愿 帮忙\u0000修一下灯');
    expect(r.status).toBe(200);
    expect(r.replies.map((x) => x.text).join('\n')).toMatch(/编号 #\d+/u);
  });
});
