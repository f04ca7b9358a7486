import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

// WeCom's side of a callback, made with the official @wecom/crypto package (not our code): what
// a real WeCom server would send to /wecom/callback and /wecom/bot/callback.

export type Keys = { token: string; aesKey: string; receiveId: string };

/** The environment of a Lianxin whose WeCom app has these callback keys and its API at `apiBase`. */
export function wecomAppEnv(keys: Keys, apiBase: string, secret = 'app-secret'): Record<string, string> {
  return {
    WECOM_CORP_ID: keys.receiveId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: secret,
    WECOM_TOKEN: keys.token,
    WECOM_ENCODING_AES_KEY: keys.aesKey,
    WECOM_API_BASE: apiBase,
  };
}

/** An EncodingAESKey as the admin console makes them: 43 letters and digits. */
export function newAesKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(43)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function signedQuery(keys: Keys, ciphertext: string, opts: { timestamp?: string; nonce?: string } = {}): URLSearchParams {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(Math.floor(Math.random() * 1e9));
  return new URLSearchParams({ msg_signature: getSignature(keys.token, timestamp, nonce, ciphertext), timestamp, nonce });
}

/** GET URL verification: echostr is encrypted with the keys' receive id. */
export async function verifyUrl(base: string, path: string, keys: Keys, echo: string, receiveId = keys.receiveId) {
  const echostr = encrypt(keys.aesKey, echo, receiveId);
  const q = signedQuery(keys, echostr);
  q.set('echostr', echostr);
  const res = await fetch(`${base}${path}?${q}`);
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') };
}

/** The self-built app's POST: the message XML encrypted into the <xml><Encrypt> envelope. */
export function appCallback(keys: Keys, innerXml: string, opts: { receiveId?: string; agentId?: string } = {}) {
  const ciphertext = encrypt(keys.aesKey, innerXml, opts.receiveId ?? keys.receiveId);
  const body = `<xml><ToUserName><![CDATA[${keys.receiveId}]]></ToUserName><Encrypt><![CDATA[${ciphertext}]]></Encrypt><AgentID><![CDATA[${opts.agentId ?? '1000002'}]]></AgentID></xml>`;
  return { query: signedQuery(keys, ciphertext), body, ciphertext };
}

/** The smart robot's POST: {"encrypt"} with the JSON payload inside. */
export function botCallback(keys: Keys, payload: unknown, opts: { receiveId?: string } = {}) {
  const ciphertext = encrypt(keys.aesKey, JSON.stringify(payload), opts.receiveId ?? keys.receiveId);
  return { query: signedQuery(keys, ciphertext), body: JSON.stringify({ encrypt: ciphertext }), ciphertext };
}

export async function post(url: string, query: URLSearchParams, body: string, contentType = 'text/xml') {
  const res = await fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, text: await res.text() };
}

/**
 * Delivers a callback the way WeCom does (reference/wecom.md §1.7): a callback that gets no 200 (the
 * connection dropped, an error status) is sent again, 3 retries in total. (WeCom also gives up
 * waiting after 5 s; a test that sends thousands at once from one machine leaves that out.)
 */
export async function postLikeWecom(url: string, query: URLSearchParams, body: string): Promise<{ status: number; attempts: number }> {
  let last = 0;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      await res.text();
      if (res.status === 200) return { status: 200, attempts: attempt };
      last = res.status;
    } catch {
      last = 0; // the connection dropped before an answer
    }
  }
  return { status: last, attempts: 4 };
}

/** Reads an encrypted passive reply the way WeCom would (official package). */
export function openPassiveReply(keys: Keys, reply: { encrypt: string; msgsignature: string; timestamp: number; nonce: string }) {
  const expected = getSignature(keys.token, reply.timestamp, reply.nonce, reply.encrypt);
  const { message, id } = decrypt(keys.aesKey, reply.encrypt);
  return { signatureOk: expected === reply.msgsignature, id, body: JSON.parse(message) as unknown };
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;
const head = (corpId: string, from: string, type: string) =>
  `<ToUserName>${cdata(corpId)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType>${cdata(type)}</MsgType>`;

export const appXml = {
  text: (corpId: string, from: string, content: string, msgId: string) =>
    `<xml>${head(corpId, from, 'text')}<Content>${cdata(content)}</Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`,
  location: (corpId: string, from: string, o: { lat: number; lon: number; label: string; msgId: string }) =>
    `<xml>${head(corpId, from, 'location')}<Location_X>${o.lat}</Location_X><Location_Y>${o.lon}</Location_Y><Scale>15</Scale><Label>${cdata(o.label)}</Label><MsgId>${o.msgId}</MsgId><AgentID>1000002</AgentID><AppType>${cdata('wxwork')}</AppType></xml>`,
  enterAgent: (corpId: string, from: string) =>
    `<xml>${head(corpId, from, 'event')}<Event>${cdata('enter_agent')}</Event><EventKey>${cdata('')}</EventKey><AgentID>1000002</AgentID></xml>`,
};
