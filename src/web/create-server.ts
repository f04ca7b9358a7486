import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Db } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import { createErrorHandler } from './http-error.ts';

export type RouteModule = { prefix: string; register: (app: FastifyInstance) => Promise<void> };

/** Builds the HTTP server (never listens: main.ts does). Routes come in as modules. */
export async function createServer(opts: {
  db: Db;
  log: Logger;
  modules: RouteModule[];
  bodyLimit?: number;
}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger,
    // Per-request lines would flood the log under load; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.bodyLimit ?? 256 * 1024,
    // While shutting down, new requests get a 503 and platforms retry elsewhere.
    return503OnClosing: true,
  });
  app.setErrorHandler(createErrorHandler(opts.log));
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }));

  app.get('/healthz', async (_request, reply) => {
    try {
      await opts.db.$queryRawUnsafe('SELECT 1');
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false, error: 'database not answering' });
    }
  });
  for (const m of opts.modules) await app.register(async (scoped) => m.register(scoped), { prefix: m.prefix });
  return app;
}
