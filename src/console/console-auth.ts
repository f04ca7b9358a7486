import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../web/http-error.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { messagePage } from './pages/message-page.ts';
import { findSession } from './sign-in-store.ts';
import { SESSION_TTL_MS, sameToken } from '../domain/sign-in-tokens.ts';
import { loadViewer, type ConsoleViewer } from './viewer.ts';

export const SESSION_COOKIE = 'lx_console';
/** The login form's own token (login CSRF), set when the login page is shown. */
export const LOGIN_COOKIE = 'lx_login';

declare module 'fastify' {
  interface FastifyRequest {
    consoleViewer?: ConsoleViewer;
    consoleCsrf?: string;
  }
}

/** httpOnly, SameSite=Lax, Secure when the console is served over https (PUBLIC_URL). */
export function cookieOptions(deps: ConsoleDeps, maxAgeMs = SESSION_TTL_MS) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.publicUrl.startsWith('https://'),
    path: '/console',
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

/** A refusal as a whole page, through the one error handler. */
export function pageError(status: number, title: string, text: string, viewer?: ConsoleViewer | null, csrf?: string): HttpError {
  return new HttpError(status, text, messagePage({ title, text, viewer, csrf, back: viewer ? { href: '/console/ledger', label: '返回台账' } : { href: '/console/login', label: '去登录' } }));
}

/**
 * Every console page but the login: the session of the cookie (renewed while used), and who it
 * is. Without one, a page sends the browser to the login; an action is refused.
 */
export function requireViewer(deps: ConsoleDeps) {
  return async function consoleSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    const now = deps.clock.now();
    const session = token ? await findSession(deps.db, token, now) : null;
    const viewer = session ? await loadViewer(deps.db, session.personId) : null;
    if (!session || !viewer) {
      if (request.method === 'GET') {
        await reply.redirect('/console/login');
        return reply;
      }
      throw pageError(401, '请先登录', '登录已过期，请重新登录后再操作。');
    }
    // Renewed in the database: the cookie follows, so a browser keeps it as long as the session lives.
    reply.setCookie(SESSION_COOKIE, token!, cookieOptions(deps, session.expiresAt.getTime() - now.getTime()));
    request.consoleViewer = viewer;
    request.consoleCsrf = session.csrf;
  };
}

/** A POST's CSRF field must be the session's token: another site cannot make a signed-in browser act. */
export function checkCsrf(request: FastifyRequest, given: unknown): void {
  if (!request.consoleCsrf || !sameToken(given, request.consoleCsrf)) {
    throw pageError(403, '页面已过期', '页面已过期或来源不对，请刷新页面后再试。', request.consoleViewer, request.consoleCsrf);
  }
}

export function viewerOf(request: FastifyRequest): { viewer: ConsoleViewer; csrf: string } {
  return { viewer: request.consoleViewer!, csrf: request.consoleCsrf! };
}
