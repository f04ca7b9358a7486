import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import type { Logger } from '../../log.ts';
import { parseBotCallback } from './bot-payload.ts';
import { CallbackRejected } from './callback-rejected.ts';
import { answerEmpty, callbackBody, openCallback, refusing, signedQuery, verifyQuery, verifyUrl, type CallbackKeys } from './open-callback.ts';
import { passiveReply, welcomeFor } from './passive-reply.ts';
import { takeIn } from './take-in.ts';

export type BotCallbackDeps = { db: Db; clock: Clock; log: Logger; inbound: InboundService; botName: string; keys: CallbackKeys };

const envelope = z.object({ encrypt: z.string().min(1) });

function readJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CallbackRejected(`${what} is not JSON`);
  }
}

/**
 * The smart robot in HTTP callback mode (101039): POST {"encrypt"} with an empty receive id. A
 * message is stored and answered with an empty 200; its reply goes later through its response_url.
 * enter_chat is answered with the encrypted welcome in the HTTP answer, its only way back.
 */
export const botCallbackRoutes: FastifyPluginAsyncZod<BotCallbackDeps> = async (app, deps) => {
  app.get('/bot/callback', { schema: { querystring: verifyQuery }, config: { callback: true } }, verifyUrl(deps.keys));

  app.post('/bot/callback', { schema: { querystring: signedQuery, body: callbackBody }, config: { callback: true } }, (request, reply) =>
    refusing(async () => {
      const q = request.query;
      const outer = envelope.safeParse(readJson(request.body, 'the body'));
      if (!outer.success) throw new CallbackRejected('encrypt is missing');
      const plaintext = openCallback(deps.keys, q, outer.data.encrypt);
      const now = deps.clock.now();
      const parsed = parseBotCallback(readJson(plaintext, 'the payload'), { botName: deps.botName, now });
      const receivedAt = now.toISOString();
      switch (parsed.kind) {
        case 'message':
          await takeIn(deps, parsed.msg, { via: 'bot-http', responseUrl: parsed.responseUrl, receivedAt, passive: false }, 'wecom-bot', now);
          return answerEmpty(reply);
        case 'enter_chat': {
          await takeIn(deps, parsed.msg, { via: 'bot-http', receivedAt, passive: true }, 'wecom-bot', now);
          const content = await welcomeFor(deps.db, parsed.msg.senderId);
          return reply.type('application/json').send(passiveReply(deps.keys, { msgtype: 'text', text: { content } }, q.nonce, now));
        }
        case 'disconnected':
        case 'ignored':
          deps.log.debug({ kind: parsed.kind }, 'WeCom smart robot callback ignored');
          return answerEmpty(reply);
      }
    }),
  );
};
