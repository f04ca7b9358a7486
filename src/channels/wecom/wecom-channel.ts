import type { Channel, ChannelDeps } from '../channel.ts';
import { leaseHolder } from '../../db/lease.ts';
import { RateLimiter } from '../../outbox/rate-limiter.ts';
import { AppApi } from './app-api.ts';
import { BotConnection, DEFAULT_TIMINGS, type BotConnectionTimings } from './bot-connection.ts';
import { createFrameHandler } from './bot-frames.ts';
import { wecomCallbackRoutes } from './callback-routes.ts';
import type { CallbackKeys } from './open-callback.ts';
import { createWecomSender } from './wecom-sender.ts';

export type WecomChannelOptions = {
  /** Long-connection lease and reconnect timings (tests shorten them). */
  timings?: Partial<BotConnectionTimings>;
  /** Longest wait for one WeCom API call. */
  apiTimeoutMs?: number;
  /** How long a target rests after 45009; WeCom's minute-level block lasts up to 60 s. */
  throttleMs?: number;
};

/**
 * WeCom (docs/wecom.md): four ways, each on when its variables are set, several at once —
 * the smart robot's long connection (WECOM_BOT_ID/SECRET) and HTTP callback (WECOM_BOT_TOKEN/
 * ENCODING_AES_KEY), the self-built app (WECOM_CORP_ID, AGENT_ID, SECRET, TOKEN, ENCODING_AES_KEY),
 * and group-robot webhooks, which need only a group bound with its key. One sender serves them all.
 */
export function createWecomChannel(deps: ChannelDeps, options: WecomChannelOptions = {}): Channel {
  const { config, db, clock, log, inbound, owner } = deps;
  const timeoutMs = options.apiTimeoutMs ?? 10_000;

  const appKeys: CallbackKeys | null =
    config.WECOM_CORP_ID && config.WECOM_AGENT_ID && config.WECOM_SECRET && config.WECOM_TOKEN && config.WECOM_ENCODING_AES_KEY
      ? { token: config.WECOM_TOKEN, aesKey: config.WECOM_ENCODING_AES_KEY, receiveId: config.WECOM_CORP_ID }
      : null;
  // An internal smart robot's receive id is the empty string (101033).
  const botKeys: CallbackKeys | null =
    config.WECOM_BOT_TOKEN && config.WECOM_BOT_ENCODING_AES_KEY
      ? { token: config.WECOM_BOT_TOKEN, aesKey: config.WECOM_BOT_ENCODING_AES_KEY, receiveId: '' }
      : null;

  const app =
    appKeys && config.WECOM_CORP_ID && config.WECOM_SECRET && config.WECOM_AGENT_ID
      ? new AppApi({ base: config.WECOM_API_BASE, corpId: config.WECOM_CORP_ID, secret: config.WECOM_SECRET, agentId: config.WECOM_AGENT_ID, clock, timeoutMs })
      : null;

  const connection =
    config.WECOM_BOT_ID && config.WECOM_BOT_SECRET
      ? new BotConnection({
          botId: config.WECOM_BOT_ID,
          secret: config.WECOM_BOT_SECRET,
          wsUrl: config.WECOM_BOT_WS_URL,
          db,
          clock,
          log,
          owner,
          timings: { ...DEFAULT_TIMINGS, ...options.timings },
          onFrame: createFrameHandler({ db, clock, log, inbound, botName: config.BOT_NAME }),
        })
      : null;

  return {
    name: 'wecom',
    sender: createWecomSender({
      db,
      clock,
      log,
      rateLimiter: new RateLimiter(db, config.RATE_LIMIT_WINDOW_MS),
      connection,
      app,
      webhookBase: config.WECOM_WEBHOOK_BASE,
      responseUrlOrigins: config.WECOM_RESPONSE_URL_ORIGINS,
      timeoutMs,
      throttleMs: options.throttleMs ?? 60_000,
    }),
    routes:
      appKeys || botKeys
        ? [
            async (server) => {
              await server.register(wecomCallbackRoutes, { prefix: '/wecom', db, clock, log, inbound, botName: config.BOT_NAME, app: appKeys, bot: botKeys });
            },
          ]
        : [],
    start: () => connection?.start(),
    stop: async () => connection?.stop(),
    ...(connection
      ? {
          // One process per bot holds the long connection (0011): ready when this one does, or when
          // another live process holds its lease; a process waiting its turn is no less ready.
          ready: async () => {
            if (connection.ready) return { ok: true };
            const holder = await leaseHolder(db, connection.leaseName, clock.now());
            if (holder !== null && holder !== owner) return { ok: true, detail: '长连接由另一个进程持有' };
            return { ok: false, detail: '企业微信智能机器人长连接未连上' };
          },
        }
      : {}),
  };
}
