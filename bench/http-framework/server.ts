// One server for bench/http-framework/run.ts: a bare handler that checks a WeCom app callback's
// signature, decrypts it with @wecom/crypto and answers an empty 200, on the framework named:
//   express          Express 5, express.text() for the body
//   fastify          Fastify 5, a string body parser
//   fastify-lianxin  Fastify as Lianxin builds it (src/web/create-server.ts: rate limit, zod type
//                    provider, the callback's query and body declared as zod schemas)
// Usage: node --import tsx bench/http-framework/server.ts <kind> <port> <token> <aesKey>; prints "ready".
import { decrypt, getSignature } from '@wecom/crypto';
import express from 'express';
import Fastify from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callbackBody, signedQuery } from '../../src/channels/wecom/open-callback.ts';
import { createLogger } from '../../src/log.ts';
import { createServer } from '../../src/web/create-server.ts';

const [kind, port, token, aesKey] = process.argv.slice(2) as [string, string, string, string];
type Query = { msg_signature?: string; timestamp?: string; nonce?: string };

/** 200 when the callback is genuine and decrypts, 401/400 otherwise. */
function open(query: Query, body: string): number {
  const encrypt = /<Encrypt><!\[CDATA\[([^\]]*)\]\]><\/Encrypt>/u.exec(body)?.[1];
  if (!encrypt || !query.timestamp || !query.nonce) return 400;
  if (getSignature(token, query.timestamp, query.nonce, encrypt) !== query.msg_signature) return 401;
  decrypt(aesKey, encrypt);
  return 200;
}

if (kind === 'express') {
  const app = express();
  app.use(express.text({ type: '*/*', limit: '64kb' }));
  app.post('/wecom/callback', (req, res) => {
    res.status(open(req.query as Query, String(req.body))).type('text/plain').send('');
  });
  app.listen(Number(port), '127.0.0.1', () => console.log('ready'));
} else if (kind === 'fastify') {
  const app = Fastify();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
  app.post('/wecom/callback', (request, reply) => {
    reply.status(open(request.query as Query, request.body as string)).type('text/plain').send('');
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  console.log('ready');
} else if (kind === 'fastify-lianxin') {
  const routes: FastifyPluginAsyncZod = async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    app.post('/callback', { schema: { querystring: signedQuery, body: callbackBody }, config: { callback: true } }, async (request, reply) =>
      reply.status(open(request.query, request.body)).type('text/plain').send(''),
    );
  };
  const app = await createServer({
    log: createLogger('error'),
    routes: [
      async (server) => {
        await server.register(routes, { prefix: '/wecom' });
      },
    ],
    limits: { requestTimeoutMs: 10_000, maxConnections: 10_000, perMinute: 1_000_000, callbackPerMinute: 100_000_000 },
    readiness: async () => ({ ok: true, checks: {} }),
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  console.log('ready');
} else {
  throw new Error(`unknown kind ${kind}`);
}
