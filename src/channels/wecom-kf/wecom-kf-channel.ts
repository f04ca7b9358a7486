import type { Channel, ChannelDeps } from '../channel.ts';
import { releaseReachable } from './held-outbox.ts';
import { KfApi } from './kf-api.ts';
import { kfCallbackRoutes } from './kf-callback-routes.ts';
import { KfPuller, type KfPullTimings } from './kf-puller.ts';
import { createKfSender } from './kf-sender.ts';
import { takeKfMessage } from './take-kf-message.ts';

export type WecomKfChannelOptions = {
  timings?: Partial<KfPullTimings>;
  /** Longest wait for one WeCom API call. */
  apiTimeoutMs?: number;
  /** How long a resident rests after 45009. */
  throttleMs?: number;
  pageLimit?: number;
};

export type WecomKfChannel = Channel & { readonly api: KfApi; readonly openKfid: string; readonly puller: KfPuller };

/** Whether this configuration switches 微信客服 on (config.ts checks the five go together). */
export function kfConfigured(config: ChannelDeps['config']): boolean {
  return Boolean(config.WECOM_CORP_ID && config.WECOM_KF_SECRET && config.WECOM_KF_TOKEN && config.WECOM_KF_ENCODING_AES_KEY && config.WECOM_KF_OPEN_KFID);
}

/**
 * 微信客服 (docs/wecom.md): residents on personal WeChat reach Lianxin through a link or QR code
 * (a community's 连心卡). WeCom calls /wecom/kf/callback; Lianxin pulls the messages (KfPuller) and
 * answers through send_msg within WeChat's 48-hour rule (createKfSender). Null when not configured.
 */
export function createWecomKfChannel(deps: ChannelDeps, options: WecomKfChannelOptions = {}): WecomKfChannel | null {
  const { config, db, clock, log, inbound, owner } = deps;
  if (!kfConfigured(config)) return null;
  const openKfid = config.WECOM_KF_OPEN_KFID!;
  const api = new KfApi({ base: config.WECOM_API_BASE, corpId: config.WECOM_CORP_ID!, secret: config.WECOM_KF_SECRET!, clock, timeoutMs: options.apiTimeoutMs ?? 10_000 });
  const intake = { db, clock, log, inbound, api, dataDir: config.DATA_DIR };
  const puller = new KfPuller({
    db,
    clock,
    log,
    api,
    owner,
    openKfid,
    take: (m) => takeKfMessage(intake, m),
    timings: options.timings,
    pageLimit: options.pageLimit,
    onSweep: async () => {
      const released = await releaseReachable(db, openKfid, clock.now());
      if (released > 0) log.info({ released }, '微信客服 held messages released for reachable residents');
    },
  });
  return {
    name: 'wecom-kf',
    api,
    openKfid,
    puller,
    sender: createKfSender({ db, clock, log, api, openKfid, throttleMs: options.throttleMs ?? 60_000 }),
    routes: [
      kfCallbackRoutes({
        log,
        keys: { token: config.WECOM_KF_TOKEN!, aesKey: config.WECOM_KF_ENCODING_AES_KEY!, receiveId: config.WECOM_CORP_ID! },
        openKfid,
        wake: (token) => puller.wake(token),
      }),
    ],
    start: () => puller.start(),
    stop: () => puller.stop(),
  };
}
