import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CallbackRejected } from './callback-rejected.ts';

// WeCom's callback encryption (加解密方案, document/path/91144; the smart robot's 101033 is the same):
// AES-256-CBC with key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padding
// to a multiple of 32 bytes, and plaintext = random(16) | msg_len (uint32 big-endian) | msg | receive id.
// The official @wecom/crypto package neither checks the padding nor the receive id, so this module
// does everything itself and the tests use that package as an independent oracle.

const PAD_BLOCK = 32;
const HEADER = 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes');
  return key;
}

/** msg_signature: sha1 over the sorted [token, timestamp, nonce, encrypt], lowercase hex. */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

/** Throws unless `signature` is the callback's msg_signature; compared in constant time. */
export function verifySignature(p: { token: string; timestamp: string; nonce: string; encrypt: string; signature: string }): void {
  const expected = Buffer.from(callbackSignature(p.token, p.timestamp, p.nonce, p.encrypt), 'utf8');
  const given = Buffer.from(p.signature.toLowerCase(), 'utf8');
  // Lengths are public (always 40 hex digits when genuine); only equal lengths reach timingSafeEqual.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CallbackRejected('msg_signature does not match', 401);
  }
}

/** Decrypts a callback's Encrypt / echostr and checks padding, length and receive id strictly. */
export function decryptPayload(encodingAesKey: string, encrypt: string, receiveId: string): string {
  if (encrypt.length === 0 || encrypt.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/u.test(encrypt)) {
    throw new CallbackRejected('ciphertext is not base64');
  }
  const data = Buffer.from(encrypt, 'base64');
  if (data.length < PAD_BLOCK || data.length % 16 !== 0) throw new CallbackRejected('ciphertext has a bad length');
  const key = aesKeyOf(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);

  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > PAD_BLOCK || plain.subarray(plain.length - pad).some((b) => b !== pad)) {
    throw new CallbackRejected('bad padding');
  }
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < HEADER) throw new CallbackRejected('plaintext too short');
  const msgLength = body.readUInt32BE(16);
  if (HEADER + msgLength > body.length) throw new CallbackRejected('message length out of range');
  let message: string;
  let id: string;
  try {
    message = utf8.decode(body.subarray(HEADER, HEADER + msgLength));
    id = utf8.decode(body.subarray(HEADER + msgLength));
  } catch {
    throw new CallbackRejected('plaintext is not UTF-8');
  }
  // The corp id for a self-built app, "" for an internal smart robot (101033: ReceiveId 为 "").
  if (id !== receiveId) throw new CallbackRejected('receive id does not match');
  return message;
}

/** Encrypts a passive reply (and test callbacks); `random` is fixed only in tests. */
export function encryptPayload(encodingAesKey: string, message: string, receiveId: string, random: Buffer = randomBytes(16)): string {
  const msg = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length, 0);
  const body = Buffer.concat([random, length, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = PAD_BLOCK - (body.length % PAD_BLOCK);
  const key = aesKeyOf(encodingAesKey);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}
