import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from '../log.ts';
import { createErrorHandler } from './http-error.ts';
import './zod-locale.ts';

/** A group of routes: a Fastify plugin and where it is mounted. */
export type RouteModule = { prefix: string; register: FastifyPluginAsync };

export type ServerLimits = {
  /** A request must arrive whole (headers and body) within this time. */
  requestTimeoutMs: number;
  /** Open connections at most; past it new ones are refused. */
  maxConnections: number;
  /** Requests per client and minute on public routes; platform callbacks get `callbackPerMinute`. */
  perMinute: number;
  callbackPerMinute: number;
};

export type Readiness = { ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> };

/**
 * Builds the HTTP server (never listens: main.ts does). Slow clients cannot hold it: a request
 * must arrive whole within `requestTimeoutMs`, idle keep-alive sockets close after 5 s, and
 * connections are capped. Public routes are rate-limited per client (docs/deploy.md).
 */
export async function createServer(opts: {
  log: Logger;
  modules: RouteModule[];
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
    keepAliveTimeout: 5_000,
    trustProxy: opts.trustProxy ?? false,
    // While shutting down, new requests get a 503 and platforms retry elsewhere.
    return503OnClosing: true,
  });
  app.server.maxConnections = limits.maxConnections;
  app.server.headersTimeout = Math.min(limits.requestTimeoutMs, 60_000);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(opts.log));
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: `没有这个地址：${request.method} ${request.url.split('?')[0]}` }));

  // An action's POST with `content-type: application/json` and no body (what many clients send) is
  // an empty object, not a 400.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim();
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const error = new Error('bad json') as Error & { statusCode: number; code: string };
      error.statusCode = 400;
      error.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
      done(error, undefined);
    }
  });

  await app.register(rateLimit, {
    global: true,
    max: (request) => (request.routeOptions.config as { callback?: boolean }).callback ? limits.callbackPerMinute : limits.perMinute,
    timeWindow: 60_000,
    // The admin API is behind a token and used by scripts; health checks come from the balancer.
    allowList: (request) => request.url.startsWith('/api/') || request.url === '/healthz' || request.url === '/readyz' || request.url === '/metrics',
    errorResponseBuilder: () => ({ statusCode: 429, error: '请求太频繁，请稍后再试' }),
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await opts.readiness();
    return reply.status(ready.ok ? 200 : 503).send(ready);
  });
  for (const m of opts.modules) await app.register(m.register, { prefix: m.prefix });
  return app;
}
