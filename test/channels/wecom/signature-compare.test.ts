import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The signature check's timing is not measured (a statistical timing test is fragile on a shared
// machine); what is checked is how it compares: by crypto.timingSafeEqual over two buffers of equal
// length, for a match and for a mismatch alike, so no byte-by-byte `===` can return early.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

const { callbackSignature, verifySignature } = await import('../../../src/channels/wecom/callback-crypto.ts');
const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);

describe('the msg_signature check compares with crypto.timingSafeEqual over equal-length buffers', () => {
  const p = { token: 'tok', timestamp: '1700000000', nonce: '42', encrypt: 'c2lnbmVkIGNpcGhlcnRleHQ=' };
  const genuine = callbackSignature(p.token, p.timestamp, p.nonce, p.encrypt);
  afterEach(() => timingSafeEqual.mockClear());

  const compared = () => timingSafeEqual.mock.calls.map(([a, b]) => [Buffer.isBuffer(a), Buffer.isBuffer(b), (a as Buffer).length, (b as Buffer).length]);

  it('a genuine signature: one timingSafeEqual over two 40-byte buffers', () => {
    verifySignature({ ...p, signature: genuine });
    expect(compared()).toEqual([[true, true, 40, 40]]);
  });

  it('a signature wrong in its last character: refused by timingSafeEqual, not by an early exit', () => {
    const wrongLast = genuine.slice(0, 39) + (genuine.endsWith('0') ? '1' : '0');
    const wrongFirst = (genuine.startsWith('0') ? '1' : '0') + genuine.slice(1);
    for (const signature of [wrongLast, wrongFirst]) {
      expect(() => verifySignature({ ...p, signature })).toThrow();
    }
    expect(compared()).toEqual([
      [true, true, 40, 40],
      [true, true, 40, 40],
    ]);
    expect(timingSafeEqual.mock.results.map((r) => r.value)).toEqual([false, false]);
  });

  it('a signature of another length is refused before any comparison (a length is no secret)', () => {
    expect(() => verifySignature({ ...p, signature: genuine.slice(0, 20) })).toThrow();
    expect(timingSafeEqual).not.toHaveBeenCalled();
  });
});
