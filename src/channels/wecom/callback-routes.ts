import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { RouteModule } from '../../web/create-server.ts';
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

/** The WeCom callback routes under /wecom, each present only when its variables are set. */
export function wecomCallbackRoutes(deps: CallbackRouteDeps): RouteModule {
  return {
    prefix: '/wecom',
    register: async (app) => {
      // Bodies are XML (the app) or JSON (the smart robot) under whatever content type the sender
      // chose; both are read as text, capped, and parsed by the handlers.
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_CALLBACK_BYTES }, (_request, body, done) => done(null, body));
      if (deps.app) appCallbackRoutes(app, { ...deps, keys: deps.app });
      if (deps.bot) botCallbackRoutes(app, { ...deps, keys: deps.bot });
    },
  };
}
