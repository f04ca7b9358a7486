import type { Channel, ChannelDeps } from '../channel.ts';
import { simRoutes } from './sim-routes.ts';
import { createSimSender } from './sim-sender.ts';

/** The simulator: a platform in HTTP and a page, for newcomers and for tests. */
export function createSimChannel(deps: ChannelDeps): Channel {
  const { db, clock, inbound, config, log } = deps;
  return {
    name: 'sim',
    sender: createSimSender({ db, clock, log }),
    routes: [{ prefix: '/sim', register: (app) => simRoutes(app, { db, clock, inbound, inviteTtlDays: config.INVITE_TTL_DAYS }) }],
  };
}
