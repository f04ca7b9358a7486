import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import type { Logger } from '../../log.ts';
import { parseAppCallback } from './app-payload.ts';
import { answerEmpty, callbackBody, openEnvelope, refusing, signedQuery, verifyQuery, verifyUrl, type CallbackKeys } from './open-callback.ts';
import { parseXml } from './parse-xml.ts';
import { takeIn } from './take-in.ts';

export type AppCallbackDeps = { db: Db; clock: Clock; log: Logger; inbound: InboundService; keys: CallbackKeys };

/**
 * The self-built app's callback (接收消息, 90238): GET verifies the URL, POST carries
 * <xml><ToUserName/><Encrypt/><AgentID/></xml> whose plaintext is the message XML. The receive id
 * must be the corp id. Answered with an empty 200 as soon as the message is stored.
 */
export const appCallbackRoutes: FastifyPluginAsyncZod<AppCallbackDeps> = async (app, deps) => {
  app.get('/callback', { schema: { querystring: verifyQuery }, config: { callback: true } }, verifyUrl(deps.keys));

  app.post('/callback', { schema: { querystring: signedQuery, body: callbackBody }, config: { callback: true } }, (request, reply) =>
    refusing(async () => {
      const plaintext = openEnvelope(deps.keys, request.query, request.body);
      const now = deps.clock.now();
      const parsed = parseAppCallback(parseXml(plaintext).value, plaintext, now);
      if (parsed.kind === 'ignored') deps.log.debug({ why: parsed.why }, 'WeCom app callback ignored');
      else await takeIn(deps, parsed.msg, { via: 'app' }, 'wecom-app', now);
      return answerEmpty(reply);
    }),
  );
};
