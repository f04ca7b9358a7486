import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';

/** Checks `Authorization: Bearer <token>` in constant time (hashes make the lengths equal). */
export function requireBearer(token: string) {
  const want = createHash('sha256').update(token).digest();
  return async function bearerAuth(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/iu.exec(header);
    const got = createHash('sha256').update(m?.[1]?.trim() ?? '').digest();
    if (!m || !timingSafeEqual(got, want)) throw new HttpError(401, '缺少或错误的访问令牌（Authorization: Bearer …）');
  };
}
