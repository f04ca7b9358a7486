import type { FastifyInstance } from 'fastify';
import { newToken, sameToken } from '../../domain/sign-in-tokens.ts';
import { createSession, endSession, redeemSignInLink, type LinkRefusal } from '../sign-in-store.ts';
import { LOGIN_COOKIE, SESSION_COOKIE, checkCsrf, cookieOptions, requireViewer } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { loginPage } from '../pages/login-page.ts';
import { MINUTE } from '../../core/clock.ts';

const REFUSALS: Record<LinkRefusal, string> = {
  unknown: '这个登录链接不对。请在企业微信或钉钉里给连心发“登录”，用收到的新链接。',
  expired: '这个登录链接已过期（10 分钟内有效）。请在聊天里重新发“登录”。',
  used: '这个登录链接已经用过了（每个链接只能用一次）。请在聊天里重新发“登录”。',
};

/** Sign-in: the chat link (officials), the admin token, sign-out. */
export async function authRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock } = deps;

  const showLogin = (reply: import('fastify').FastifyReply, status: number, error: string | null) => {
    const csrf = newToken();
    reply.setCookie(LOGIN_COOKIE, csrf, cookieOptions(deps, 30 * MINUTE));
    return reply.status(status).type('text/html; charset=utf-8').send(loginPage({ csrf, error, botName: deps.config.BOT_NAME }));
  };

  app.get('/login', async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    if (token === undefined) return showLogin(reply, 200, null);
    const now = clock.now();
    const result = await db.transaction(async (tx) => {
      const link = await redeemSignInLink(tx, token, now);
      if (!link.ok) return link;
      return { ok: true as const, ...(await createSession(tx, link.personId, now)) };
    });
    if (!result.ok) return showLogin(reply, 403, REFUSALS[result.refusal]);
    reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(deps));
    return reply.redirect('/console/ledger', 303);
  });

  app.post('/login', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const expected = request.cookies[LOGIN_COOKIE];
    if (!expected || !sameToken(body.csrf, expected)) return showLogin(reply, 403, '页面已过期，请再输入一次。');
    if (!sameToken(body.token, deps.adminToken)) {
      deps.log.warn({ ip: request.ip }, 'console: wrong admin token');
      return showLogin(reply, 403, '管理口令不对。');
    }
    const { token } = await db.transaction((tx) => createSession(tx, null, clock.now()));
    reply.clearCookie(LOGIN_COOKIE, { path: '/console' });
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps));
    return reply.redirect('/console/ledger', 303);
  });

  app.post('/logout', { preHandler: requireViewer(deps) }, async (request, reply) => {
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    await endSession(db, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/console' });
    return reply.redirect('/console/login', 303);
  });
}
