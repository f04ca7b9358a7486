import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { InboundService } from '../../inbox/inbound-service.ts';
import type { Logger } from '../../log.ts';
import { appCallbackRoutes } from './app-callback.ts';
import { botCallbackRoutes } from './bot-callback.ts';
import { MAX_CALLBACK_BYTES } from './limits.ts';
import type { CallbackKeys } from './open-callback.ts';

export type CallbackRouteDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  inbound: InboundService;
  botName: string;
  /** The self-built app's callback, when configured: /wecom/callback. */
  app: CallbackKeys | null;
  /** The smart robot's callback, when configured: /wecom/bot/callback. */
  bot: CallbackKeys | null;
};

/** The WeCom callback routes (registered under /wecom), each present only when its variables are set. */
export const wecomCallbackRoutes: FastifyPluginAsyncZod<CallbackRouteDeps> = async (app, deps) => {
  // Bodies are XML (the app) or JSON (the smart robot) under whatever content type the sender
  // chose; both are read as text, capped, and parsed by the handlers.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_CALLBACK_BYTES }, (_request, body, done) => done(null, body));
  // (Not `...deps`: the options carry this plugin's prefix, which the children would add again.)
  const { db, clock, log, inbound, botName } = deps;
  if (deps.app) await app.register(appCallbackRoutes, { db, clock, log, inbound, keys: deps.app });
  if (deps.bot) await app.register(botCallbackRoutes, { db, clock, log, inbound, botName, keys: deps.bot });
};
