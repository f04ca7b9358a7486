import type { Channel, ChannelDeps } from '../channel.ts';
import { localOnly } from './local-only.ts';
import { simRoutes } from './sim-routes.ts';
import { createSimSender } from './sim-sender.ts';

/** The simulator: a platform in HTTP and a page, for newcomers and for tests; for this machine only unless SIM_PUBLIC. */
export function createSimChannel(deps: ChannelDeps): Channel {
  const { db, clock, inbound, config } = deps;
  return {
    name: 'sim',
    sender: createSimSender(),
    routes: [
      {
        prefix: '/sim',
        register: async (app) => {
          // Every simulator route, the page, /sim/state, timelines and POST /sim/demo included.
          if (!config.SIM_PUBLIC) app.addHook('onRequest', localOnly(config.TRUST_PROXY));
          await simRoutes(app, { db, clock, inbound, inviteTtlDays: config.INVITE_TTL_DAYS });
        },
      },
    ],
  };
}
