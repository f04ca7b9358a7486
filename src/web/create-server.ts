import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { createErrorHandler, HttpError } from './http-error.ts';
import './zod-locale.ts';

/** What createServer mounts: plain Fastify plugins, each registering its own prefix. */
export type Routes = FastifyPluginAsync;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A platform's callback: rate-limited at `callbackPerMinute`, not the public routes' rate. */
    callback?: boolean;
  }
}

export type ServerLimits = {
  /** A request must arrive whole (headers and body) within this time. */
  requestTimeoutMs: number;
  /** Open connections at most; past it new ones are refused. */
  maxConnections: number;
  /** Requests per client and minute on public routes; platform callbacks get `callbackPerMinute`. */
  perMinute: number;
  callbackPerMinute: number;
};

const alive = z.object({ ok: z.literal(true) });
const readiness = z.object({ ok: z.boolean(), checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })) });
export type Readiness = z.infer<typeof readiness>;

/**
 * Builds the HTTP server (never listens: main.ts does). Routes declare their params, query, body
 * and answers as zod schemas through fastify-type-provider-zod: Fastify validates them before the
 * handler runs and one error handler answers every refusal in Chinese (http-error.ts). Slow clients
 * cannot hold it: a request must arrive whole within `requestTimeoutMs`, idle keep-alive sockets
 * close after 5 s, and connections are capped. Public routes are rate-limited per client
 * (docs/deploy.md).
 */
export async function createServer(opts: {
  log: Logger;
  routes: Routes[];
  limits: ServerLimits;
  /** Alive: the process answers. Ready: it can do its work (GET /readyz; load balancers use that). */
  readiness: () => Promise<Readiness>;
  bodyLimit?: number;
  /** Whether X-Forwarded-For names the client (behind a proxy such as nginx). */
  trustProxy?: boolean;
}): Promise<FastifyInstance> {
  const { limits } = opts;
  const app = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger,
    // Per-request lines would flood the log under load; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.bodyLimit ?? 256 * 1024,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.requestTimeoutMs,
    // Node looks for requests past their timeout only this often (30 s by default): a client
    // trickling a body is cut off within a second of its time, not half a minute later.
    http: { connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs) },
    keepAliveTimeout: 5_000,
    trustProxy: opts.trustProxy ?? false,
    // While shutting down, new requests get a 503 and platforms retry elsewhere.
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.maxConnections = limits.maxConnections;
  app.server.headersTimeout = Math.min(limits.requestTimeoutMs, 60_000);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(opts.log));
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: `没有这个地址：${request.method} ${request.url.split('?')[0]}` }));

  // An action's POST with `content-type: application/json` and no body (what many clients send) is
  // no body, not a 400; anything else goes to Fastify's own parser (which refuses __proto__ keys).
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);
    json(request, body as string, done);
  });

  await app.register(rateLimit, {
    global: true,
    max: (request) => (request.routeOptions.config.callback ? limits.callbackPerMinute : limits.perMinute),
    timeWindow: 60_000,
    // The admin API is behind a token and used by scripts; health checks come from the balancer.
    allowList: (request) => request.url.startsWith('/api/') || request.url === '/healthz' || request.url === '/readyz' || request.url === '/metrics',
    errorResponseBuilder: () => new HttpError(429, '请求太频繁，请稍后再试'),
  });

  app.get('/healthz', { schema: { response: { 200: alive } } }, async () => ({ ok: true as const }));
  app.get('/readyz', { schema: { response: { 200: readiness, 503: readiness } } }, async (_request, reply) => {
    const ready = await opts.readiness();
    return reply.status(ready.ok ? 200 : 503).send(ready);
  });
  for (const r of opts.routes) await app.register(r);
  return app;
}
