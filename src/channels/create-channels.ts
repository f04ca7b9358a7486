import type { Channel, ChannelDeps } from './channel.ts';
import { createDingtalkChannel } from './dingtalk/dingtalk-channel.ts';
import { createSimChannel } from './sim/sim-channel.ts';
import { createWecomChannel } from './wecom/wecom-channel.ts';
import { createWecomKfChannel } from './wecom-kf/wecom-kf-channel.ts';

/** The channels this configuration switches on. */
export function createChannels(deps: ChannelDeps): Channel[] {
  const channels: Channel[] = [];
  if (deps.config.SIM_ENABLED) channels.push(createSimChannel(deps));
  // Always: custom group robots need no app; the app robot itself starts only with DINGTALK_CLIENT_ID/_SECRET.
  channels.push(createDingtalkChannel(deps));
  channels.push(createWecomChannel(deps)); // always: webhook groups need no variable; each way in checks its own
  // 微信客服: residents on personal WeChat, with WECOM_KF_* and WECOM_CORP_ID.
  const kf = createWecomKfChannel(deps);
  if (kf) channels.push(kf);
  return channels;
}
