import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../web/create-server.ts';
import { consoleAssets } from './console-assets.ts';
import { requireViewer } from './console-auth.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { adminPageRoutes } from './routes/admin-page-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { itemActionRoutes } from './routes/item-action-routes.ts';
import { itemPageRoute } from './routes/item-page-route.ts';
import { ledgerRoutes } from './routes/ledger-routes.ts';
import { overviewRoutes } from './routes/overview-routes.ts';
import { peopleRoutes } from './routes/people-routes.ts';

/** Forms post at most a roster's checked rows back (5,000 rows); an upload is read whole, then checked. */
const FORM_LIMIT = 4 * 1024 * 1024;
/** Above the roster's 5 MB so that a too-large file gets the page that says so, not a bare refusal. */
const UPLOAD_LIMIT = 25 * 1024 * 1024;

/**
 * The officials' console under /console (issue 11, docs/decisions/0030): server-rendered pages,
 * forms, the export, the roster import, and its own assets (no CDN).
 */
export function consoleModule(deps: ConsoleDeps): RouteModule {
  return {
    prefix: '/console',
    register: async (app: FastifyInstance) => {
      await app.register(cookie);
      app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
        // The last value of a repeated field, as a browser's form never repeats one we read.
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
      app.addHook('onSend', async (_request, reply, payload) => {
        // Only what Lianxin serves itself, no framing by other sites, no caching of pages with people's data.
        reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        reply.header('x-content-type-options', 'nosniff');
        reply.header('referrer-policy', 'same-origin');
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        return payload;
      });

      app.get('/assets/:name', async (request, reply) => {
        const asset = consoleAssets().get((request.params as { name: string }).name);
        if (!asset) return reply.status(404).type('text/plain; charset=utf-8').send('没有这个文件');
        reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
        if (/\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(asset.gzip);
        return reply.send(asset.body);
      });

      await app.register(async (open) => authRoutes(open, deps));
      await app.register(async (signedIn) => {
        signedIn.addHook('preHandler', requireViewer(deps));
        signedIn.get('/', async (_request, reply) => reply.redirect('/console/ledger', 303));
        await ledgerRoutes(signedIn, deps);
        await itemPageRoute(signedIn, deps);
        await itemActionRoutes(signedIn, deps);
        await overviewRoutes(signedIn, deps);
        await peopleRoutes(signedIn, deps);
        await adminPageRoutes(signedIn, deps);
      });
    },
  };
}
