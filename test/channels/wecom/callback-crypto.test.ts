import { createCipheriv, randomBytes } from 'node:crypto';
import { decrypt as oracleDecrypt, encrypt as oracleEncrypt, getSignature as oracleSignature } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { CallbackRejected } from '../../../src/channels/wecom/callback-rejected.ts';
import { callbackSignature, decryptPayload, encryptPayload, verifySignature } from '../../../src/channels/wecom/callback-crypto.ts';

// @wecom/crypto (the official npm package) is the independent oracle: what it encrypts we must
// read, what we encrypt it must read, for every padding length and for multi-byte text.

const key = randomBytes(32).toString('base64').slice(0, 43);
const corpId = 'ww1234567890abcdef';
const samples = ['hello', '你好，世界', '😀👋🏽🇨🇳 emoji', '<xml><Content><![CDATA[@连心 认领 12]]></Content></xml>', ''];

/** Messages of every length 0..63 bytes, so that each receive id meets all 32 padding values. */
function everyPadding(receiveId: string): { message: string; pad: number }[] {
  return Array.from({ length: 64 }, (_, n) => {
    const message = 'x'.repeat(n);
    return { message, pad: 32 - ((20 + n + Buffer.byteLength(receiveId)) % 32) };
  });
}

function rejection(fn: () => unknown): CallbackRejected {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallbackRejected) return error;
    throw error;
  }
  throw new Error('expected a CallbackRejected');
}

/** Raw AES-256-CBC the way WeCom does it, for hand-made broken plaintexts. */
function rawEncrypt(plain: Buffer): string {
  const k = Buffer.from(`${key}=`, 'base64');
  const c = createCipheriv('aes-256-cbc', k, k.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

function layout(message: string, receiveId: string): Buffer {
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  return Buffer.concat([randomBytes(16), len, msg, Buffer.from(receiveId)]);
}

describe('callback crypto against @wecom/crypto', () => {
  for (const receiveId of [corpId, '']) {
    const label = receiveId === '' ? 'empty receive id (smart robot)' : 'corp id (self-built app)';

    it(`reads what the official package encrypts: ASCII, Chinese, emoji — ${label}`, () => {
      for (const m of samples) expect(decryptPayload(key, oracleEncrypt(key, m, receiveId), receiveId)).toBe(m);
    });

    it(`is read by the official package: ASCII, Chinese, emoji — ${label}`, () => {
      for (const m of samples) expect(oracleDecrypt(key, encryptPayload(key, m, receiveId))).toMatchObject({ message: m, id: receiveId });
    });

    it(`agrees both ways for every padding length 1..32 — ${label}`, () => {
      const cases = everyPadding(receiveId);
      expect(new Set(cases.map((c) => c.pad))).toEqual(new Set(Array.from({ length: 32 }, (_, i) => i + 1)));
      for (const { message } of cases) {
        expect(decryptPayload(key, oracleEncrypt(key, message, receiveId), receiveId)).toBe(message);
        const ours = encryptPayload(key, message, receiveId);
        expect(Buffer.from(ours, 'base64').length % 32).toBe(0);
        expect(oracleDecrypt(key, ours)).toMatchObject({ message, id: receiveId });
      }
    });
  }

  it('encrypts byte for byte like the official package for the same random prefix', () => {
    const random = randomBytes(16);
    for (const m of samples) expect(encryptPayload(key, m, corpId, random)).toBe(oracleEncrypt(key, m, corpId, random));
  });

  it('signs like the official package, and accepts its signature in upper or lower case', () => {
    for (let i = 0; i < 20; i++) {
      const [token, ts, nonce, enc] = [randomBytes(6).toString('hex'), String(1_700_000_000 + i), String(i * 7919), randomBytes(40).toString('base64')];
      const sig = oracleSignature(token, ts, nonce, enc);
      expect(callbackSignature(token, ts, nonce, enc)).toBe(sig);
      expect(() => verifySignature({ token, timestamp: ts, nonce, encrypt: enc, signature: sig })).not.toThrow();
      expect(() => verifySignature({ token, timestamp: ts, nonce, encrypt: enc, signature: sig.toUpperCase() })).not.toThrow();
    }
  });

  it('refuses a tampered or wrong-length signature with 401', () => {
    const p = { token: 'tok', timestamp: '1700000000', nonce: '42', encrypt: oracleEncrypt(key, 'hi', corpId) };
    const sig = oracleSignature(p.token, p.timestamp, p.nonce, p.encrypt);
    const flipped = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
    for (const signature of [flipped, sig.slice(0, 39), `${sig}0`, '']) {
      expect(rejection(() => verifySignature({ ...p, signature })).status).toBe(401);
    }
    // The signature covers the ciphertext: another ciphertext under the same signature fails.
    expect(rejection(() => verifySignature({ ...p, encrypt: oracleEncrypt(key, 'hi', corpId), signature: sig })).status).toBe(401);
  });
});

describe('callback crypto refuses what the official package lets through', () => {
  it('a wrong receive id (the package returns it without complaint)', () => {
    const ct = oracleEncrypt(key, 'hi', 'wwOTHERCORP');
    expect(oracleDecrypt(key, ct).id).toBe('wwOTHERCORP');
    expect(rejection(() => decryptPayload(key, ct, corpId)).message).toContain('receive id');
    expect(rejection(() => decryptPayload(key, oracleEncrypt(key, 'hi', corpId), '')).message).toContain('receive id');
  });

  it('bad base64 and truncated ciphertext', () => {
    const ct = oracleEncrypt(key, '你好', corpId);
    for (const bad of ['', '!!!!', `${ct.slice(0, -1)}`, ct.slice(0, 24), `${ct}@`, ct.replace(/[A-Z]/u, '-')]) {
      expect(rejection(() => decryptPayload(key, bad, corpId)).status).toBe(400);
    }
  });

  it('inconsistent padding bytes and pad values outside 1..32', () => {
    const body = layout('hi', corpId); // 20 + 2 + 18 = 40 bytes → 24 bytes of padding
    const good = Buffer.concat([body, Buffer.alloc(24, 24)]);
    expect(decryptPayload(key, rawEncrypt(good), corpId)).toBe('hi');
    const inconsistent = Buffer.from(good);
    inconsistent[50] = 7;
    expect(oracleDecrypt(key, rawEncrypt(inconsistent)).message).toBe('hi'); // the package does not look
    expect(rejection(() => decryptPayload(key, rawEncrypt(inconsistent), corpId)).message).toContain('padding');
    for (const pad of [0, 33, 255]) {
      const wrong = Buffer.concat([body, Buffer.alloc(24, pad)]);
      expect(rejection(() => decryptPayload(key, rawEncrypt(wrong), corpId)).message).toContain('padding');
    }
  });

  it('a message length pointing past the plaintext, and bytes that are not UTF-8', () => {
    const long = layout('hi', corpId);
    long.writeUInt32BE(1000, 16);
    expect(rejection(() => decryptPayload(key, rawEncrypt(Buffer.concat([long, Buffer.alloc(24, 24)])), corpId)).message).toContain('length');
    const notUtf8 = layout('hi', corpId);
    notUtf8[20] = 0xff;
    expect(rejection(() => decryptPayload(key, rawEncrypt(Buffer.concat([notUtf8, Buffer.alloc(24, 24)])), corpId)).message).toContain('UTF-8');
  });

  it('a ciphertext made with another key', () => {
    const other = randomBytes(32).toString('base64').slice(0, 43);
    for (let i = 0; i < 20; i++) {
      expect(() => decryptPayload(key, oracleEncrypt(other, `message ${i}`, corpId), corpId)).toThrow(CallbackRejected);
    }
  });
});
