import type { Channel, ChannelDeps } from './channel.ts';
import { createSimChannel } from './sim/sim-channel.ts';

/** The channels this configuration switches on. */
export function createChannels(deps: ChannelDeps): Channel[] {
  const channels: Channel[] = [];
  if (deps.config.SIM_ENABLED) channels.push(createSimChannel(deps));
  return channels;
}
