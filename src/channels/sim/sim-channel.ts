import type { Channel, ChannelDeps } from '../channel.ts';
import { localOnly } from './local-only.ts';
import { simRoutes } from './sim-routes.ts';
import { createSimSender } from './sim-sender.ts';

/** The simulator: a platform in HTTP and a page, for newcomers and for tests; for this machine only unless SIM_PUBLIC. */
export function createSimChannel(deps: ChannelDeps): Channel {
  const { db, clock, inbound, config, log } = deps;
  return {
    name: 'sim',
    sender: createSimSender({ db, clock, log }),
    routes: [
      async (app) => {
        await app.register(
          async (sim) => {
            // Every simulator route, the page, /sim/state, timelines and POST /sim/demo included.
            if (!config.SIM_PUBLIC) sim.addHook('onRequest', localOnly(config.TRUST_PROXY));
            await sim.register(simRoutes, { db, clock, inbound, inviteTtlDays: config.INVITE_TTL_DAYS });
          },
          { prefix: '/sim' },
        );
      },
    ],
  };
}
