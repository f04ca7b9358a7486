import { RateLimiter } from '../../outbox/rate-limiter.ts';
import type { Channel, ChannelDeps } from '../channel.ts';
import { AccessTokenCache } from './access-token-cache.ts';
import { callbackRoutes } from './callback-routes.ts';
import { createDingtalkSender, DINGTALK_MAX_PART_BYTES } from './dingtalk-sender.ts';
import { DingtalkOpenApi } from './open-api.ts';
import { receiveRobotMessage, type ReceiveDeps } from './receive-robot-message.ts';
import { StreamClient, type StreamTimings } from './stream-client.ts';

/** Knobs the tests turn; production uses the defaults. */
export type DingtalkChannelOptions = {
  stream?: Partial<StreamTimings>;
  maxPartBytes?: number;
  /** A sessionWebhook this close to its expiry is not used any more. */
  sessionMarginMs?: number;
  httpTimeoutMs?: number;
};

/**
 * DingTalk: the app robot (Stream or HTTP callback) when DINGTALK_CLIENT_ID and _SECRET are set, and
 * the sender, which also serves custom group robots bound through /api/groups without any app.
 */
export function createDingtalkChannel(deps: ChannelDeps, options: DingtalkChannelOptions = {}): Channel {
  const { config, db, clock, inbound } = deps;
  const log = deps.log.child({ channel: 'dingtalk' });
  const timeoutMs = options.httpTimeoutMs ?? 10_000;
  const clientId = config.DINGTALK_CLIENT_ID;
  const clientSecret = config.DINGTALK_CLIENT_SECRET;
  const hasApp = Boolean(clientId && clientSecret);

  const openApi =
    clientId && clientSecret
      ? new DingtalkOpenApi({
          apiBase: config.DINGTALK_API_BASE,
          // An app robot's robotCode is its client id unless the console says otherwise.
          robotCode: config.DINGTALK_ROBOT_CODE ?? clientId,
          tokens: new AccessTokenCache({ apiBase: config.DINGTALK_API_BASE, appKey: clientId, appSecret: clientSecret, clock, timeoutMs }),
          clock,
          timeoutMs,
        })
      : null;
  const sender = createDingtalkSender({
    db,
    clock,
    log,
    oapiBase: config.DINGTALK_OAPI_BASE,
    openApi,
    maxPartBytes: options.maxPartBytes ?? DINGTALK_MAX_PART_BYTES,
    sessionMarginMs: options.sessionMarginMs ?? 5 * 60_000,
    timeoutMs,
    limiter: new RateLimiter(db, config.RATE_LIMIT_WINDOW_MS),
  });
  if (!hasApp) return { name: 'dingtalk', sender };

  const receive: ReceiveDeps = {
    db,
    clock,
    log,
    inbound,
    botName: config.BOT_NAME,
    sessionWebhookOrigins: [config.DINGTALK_OAPI_BASE, config.DINGTALK_API_BASE],
  };
  if (config.DINGTALK_MODE === 'http') {
    return {
      name: 'dingtalk',
      sender,
      routes: [
        async (app) => {
          await app.register(callbackRoutes, { prefix: '/dingtalk', ...receive, appSecret: clientSecret! });
        },
      ],
    };
  }

  const stream = new StreamClient({
    gatewayUrl: config.DINGTALK_STREAM_GATEWAY,
    clientId: clientId!,
    clientSecret: clientSecret!,
    log,
    timings: options.stream,
    onRobotMessage: async (data) => {
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        payload = null;
      }
      await receiveRobotMessage(receive, payload);
    },
  });
  return {
    name: 'dingtalk',
    sender,
    start: () => stream.start(),
    stop: () => stream.stop(),
    // Every process holds its own Stream connection (DingTalk gives each message to one of them).
    ready: async () => (stream.connected ? { ok: true } : { ok: false, detail: '钉钉 Stream 未连上' }),
  };
}
