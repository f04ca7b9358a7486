import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../web/http-error.ts';
import { decryptPayload, verifySignature } from './callback-crypto.ts';
import { CallbackRejected } from './callback-rejected.ts';
import { parseXml } from './parse-xml.ts';

/** Token, EncodingAESKey and the receive id a callback's plaintext must end with. */
export type CallbackKeys = { token: string; aesKey: string; receiveId: string };

const param = (max: number) => z.string().min(1, { message: '不能为空' }).max(max);
export const signedQuery = z.object({ msg_signature: param(128), timestamp: param(32), nonce: param(128) });
export const verifyQuery = signedQuery.extend({ echostr: param(4096) });
/** The body of a POST callback, read as text whatever its content type (callback-routes.ts). */
export const callbackBody = z.string();
export type SignedQuery = z.infer<typeof signedQuery>;

/**
 * Checks the signature over [token, timestamp, nonce, ciphertext] and decrypts. Like the platform's
 * own SDKs this applies no freshness window to `timestamp`: repeats are caught by message id.
 */
export function openCallback(keys: CallbackKeys, q: SignedQuery, encrypt: string): string {
  verifySignature({ token: keys.token, timestamp: q.timestamp, nonce: q.nonce, encrypt, signature: q.msg_signature });
  return decryptPayload(keys.aesKey, encrypt, keys.receiveId);
}

/** A POST callback's body, <xml>…<Encrypt/>…</xml>: checked, decrypted, the plaintext XML. */
export function openEnvelope(keys: CallbackKeys, q: SignedQuery, body: string): string {
  const encrypt = parseXml(body).value.Encrypt;
  if (typeof encrypt !== 'string' || encrypt.trim() === '') throw new CallbackRejected('Encrypt is missing');
  return openCallback(keys, q, encrypt.trim());
}

/**
 * Runs a callback handler; a refused callback is answered with its 4xx and nothing else happens. The
 * answer says in Chinese what kind of refusal it is; the developer's detail goes to the log.
 */
export async function refusing<T>(handler: () => Promise<T>): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof CallbackRejected) {
      throw new HttpError(error.status, error.status === 401 ? '签名不对' : '回调内容无法读取', { detail: error.message });
    }
    throw error;
  }
}

/**
 * GET: URL verification (验证URL有效性). The decrypted echostr goes back as bare plaintext — no
 * quotes, no BOM, no newline — within a second.
 */
export function verifyUrl(keys: CallbackKeys) {
  return (request: FastifyRequest<{ Querystring: z.infer<typeof verifyQuery> }>, reply: FastifyReply) =>
    refusing(async () => {
      const q = request.query;
      // A "+" that reached us unescaped was decoded as a space; base64 never holds one.
      const echostr = q.echostr.replace(/ /gu, '+');
      const plaintext = openCallback(keys, q, echostr);
      return reply.type('text/plain; charset=utf-8').send(plaintext);
    });
}

/** The empty 200 that tells WeCom the callback was received (it retries on anything else). */
export function answerEmpty(reply: FastifyReply): FastifyReply {
  return reply.status(200).type('text/plain; charset=utf-8').send('');
}
