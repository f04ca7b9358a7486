import { randomBytes } from 'node:crypto';
import { WSClient, type WsFrame } from '@wecom/aibot-node-sdk';
import type { Db } from '../../db/sql.ts';
import { leaseHolder, releaseLease, tryAcquireLease } from '../../db/lease.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';
import { safeErrorText } from '../../core/error-text.ts';
import { WecomApiError } from './wecom-http.ts';

export type BotConnectionTimings = {
  /** How long the lease outlives a holder that stopped renewing (a dead process). */
  leaseTtlMs: number;
  renewEveryMs: number;
  /** How often a process without the lease looks whether it is free. */
  standbyPollMs: number;
  /** First wait after another connection took ours (disconnected_event); doubles up to the max. */
  kickedRetryMs: number;
  kickedRetryMaxMs: number;
  /** The SDK's reconnect back-off base (it doubles, up to 30 s) and its heartbeat. */
  reconnectIntervalMs: number;
  heartbeatIntervalMs: number;
};

export const DEFAULT_TIMINGS: BotConnectionTimings = {
  leaseTtlMs: 30_000,
  renewEveryMs: 10_000,
  standbyPollMs: 5_000,
  kickedRetryMs: 60_000,
  kickedRetryMaxMs: 30 * 60_000,
  reconnectIntervalMs: 1_000,
  heartbeatIntervalMs: 30_000,
};

export type BotConnectionOptions = {
  botId: string;
  secret: string;
  wsUrl: string;
  db: Db;
  clock: Clock;
  log: Logger;
  owner: string;
  timings: BotConnectionTimings;
  /** A message or event frame from WeCom (never a disconnected_event: that is handled here). */
  onFrame: (frame: WsFrame) => Promise<void>;
};

export type Ack = { errcode: number; errmsg: string };

/**
 * The smart robot's long connection (101463), held by one process at a time: WeCom allows one
 * live connection per bot and a new subscribe kicks the old one. The process holding the named
 * lease connects and renews it; the others wait and take over when it stops renewing (it died).
 * When WeCom says another connection took ours (disconnected_event), this logs and steps back
 * instead of fighting over it: it tries again after a growing pause.
 */
export class BotConnection {
  readonly leaseName: string;
  private readonly o: BotConnectionOptions;
  private client: WSClient | null = null;
  private holding = false;
  private authenticated = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> = Promise.resolve();
  private kickedDelay: number;
  private authenticatedAt = 0;

  constructor(options: BotConnectionOptions) {
    this.o = options;
    this.leaseName = `wecom-bot-ws:${options.botId}`;
    this.kickedDelay = options.timings.kickedRetryMs;
  }

  /** Calls waiting for WeCom's ack; stop() lets them finish before closing the socket. */
  private readonly inFlight = new Set<Promise<unknown>>();

  /** Holds the lease and is subscribed: replies and pushes can go out now. */
  get ready(): boolean {
    return !this.stopped && this.holding && this.authenticated && this.client?.isConnected === true;
  }

  start(): void {
    this.stopped = false;
    this.later(0, () => this.tryTakeOver());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    // A frame already on the wire was most likely delivered: wait for its ack (the SDK gives up
    // after 5 s) rather than fail it, or the outbox would send it again through the next holder.
    await Promise.allSettled([...this.inFlight]);
    // A renewal under way would take the lease again after we hand it back.
    await this.renewing;
    this.dropClient();
    if (this.holding) {
      this.holding = false;
      await releaseLease(this.o.db, this.leaseName, this.o.owner).catch((error: unknown) =>
        this.o.log.warn({ err: (error as Error).message }, 'could not release the WeCom long-connection lease'),
      );
    }
  }

  /** aibot_respond_msg: answers the message whose callback carried `reqId`, as one finished stream. */
  respond(reqId: string, content: string): Promise<Ack> {
    const streamId = `lx_${Date.now()}_${randomBytes(4).toString('hex')}`;
    return this.call((c) => c.reply({ headers: { req_id: reqId } }, { msgtype: 'stream', stream: { id: streamId, finish: true, content } }));
  }

  /** aibot_respond_welcome_msg: the enter_chat welcome, text only, within 5 s of the event. */
  welcome(reqId: string, content: string): Promise<Ack> {
    return this.call((c) => c.replyWelcome({ headers: { req_id: reqId } }, { msgtype: 'text', text: { content } }));
  }

  /** aibot_send_msg: markdown to a person (chat_type 1) or group (2) that has talked to the bot. */
  push(chatId: string, chatType: 1 | 2, content: string): Promise<Ack> {
    // chat_type is in the API (101463) though the SDK's type omits it; it removes any doubt
    // whether an id names a person or a group.
    const body = { msgtype: 'markdown', markdown: { content }, chat_type: chatType } as { msgtype: 'markdown'; markdown: { content: string } };
    return this.call((c) => c.sendMessage(chatId, body));
  }

  private async call(send: (c: WSClient) => Promise<WsFrame>): Promise<Ack> {
    const client = this.client;
    if (!client || !this.ready) throw new WecomApiError('the long connection is not ready', null);
    const pending = send(client);
    this.inFlight.add(pending);
    void pending.catch(() => undefined).finally(() => this.inFlight.delete(pending));
    try {
      const ack = await pending;
      return { errcode: ack.errcode ?? 0, errmsg: ack.errmsg ?? '' };
    } catch (error) {
      // The SDK rejects with the ack itself when errcode ≠ 0, and with an Error otherwise.
      // The SDK's own words are not passed on (docs/decisions/0016): a timeout, or a send that failed.
      if (error instanceof Error) throw new WecomApiError(/timeout/iu.test(error.message) ? 'long connection: no ack in time' : 'long connection: send failed', null);
      const ack = error as WsFrame;
      return { errcode: ack.errcode ?? -1, errmsg: ack.errmsg ?? 'unknown' };
    }
  }

  private async tryTakeOver(): Promise<void> {
    if (this.stopped) return;
    const { db, clock, owner, timings, log } = this.o;
    let got = false;
    try {
      got = await tryAcquireLease(db, this.leaseName, owner, timings.leaseTtlMs, clock.now());
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not check the WeCom long-connection lease');
    }
    if (this.stopped) {
      if (got) await releaseLease(db, this.leaseName, owner).catch(() => undefined);
      return;
    }
    if (!got) {
      this.later(timings.standbyPollMs, () => this.tryTakeOver());
      return;
    }
    this.holding = true;
    log.info({ botLease: this.leaseName }, 'this process holds the WeCom smart robot long connection');
    this.renewTimer = setInterval(() => {
      this.renewing = this.renew();
    }, timings.renewEveryMs);
    this.connect();
  }

  private async renew(): Promise<void> {
    if (!this.holding || this.stopped) return;
    try {
      const kept = await tryAcquireLease(this.o.db, this.leaseName, this.o.owner, this.o.timings.leaseTtlMs, this.o.clock.now());
      if (kept) return;
    } catch (error) {
      // The lease may still be ours; if it ran out, the next renewal says so.
      this.o.log.warn({ err: (error as Error).message }, 'could not renew the WeCom long-connection lease');
      return;
    }
    this.o.log.warn('the WeCom long-connection lease went to another process; closing this connection');
    this.standBy();
  }

  private standBy(): void {
    this.holding = false;
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
    this.dropClient();
    this.later(this.o.timings.standbyPollMs, () => this.tryTakeOver());
  }

  private connect(): void {
    const { botId, secret, wsUrl, timings, log } = this.o;
    const client = new WSClient({
      botId,
      secret,
      wsUrl,
      // The SDK gives up for good after 10 attempts by default (about 3 minutes of outage).
      maxReconnectAttempts: -1,
      maxAuthFailureAttempts: -1,
      reconnectInterval: timings.reconnectIntervalMs,
      heartbeatInterval: timings.heartbeatIntervalMs,
      logger: sdkLogger(log),
    });
    client.on('authenticated', () => {
      this.authenticated = true;
      this.authenticatedAt = this.o.clock.now().getTime();
      log.info('WeCom smart robot long connection subscribed');
    });
    client.on('disconnected', (reason) => {
      this.authenticated = false;
      if (!this.stopped) log.info({ reason }, 'WeCom smart robot long connection closed');
    });
    client.on('error', (error) => log.warn({ err: error.message }, 'WeCom smart robot long connection error'));
    // The SDK calls listeners synchronously and an async one that rejects would crash the process.
    const deliver = (frame: WsFrame) => {
      this.o.onFrame(frame).catch((error: unknown) => log.error({ err: (error as Error).message }, 'a WeCom frame could not be taken in'));
    };
    client.on('message', deliver);
    client.on('event', (frame) => {
      if (frame.body?.event?.eventtype !== 'disconnected_event') return deliver(frame);
      // Nothing more goes out on it; the SDK tears the socket down after this listener returns.
      this.authenticated = false;
      setImmediate(() => void this.kicked());
    });
    this.client = client;
    client.connect();
  }

  /** WeCom closed this connection because a newer one subscribed with the same bot. */
  private async kicked(): Promise<void> {
    this.authenticated = false;
    this.dropClient();
    if (this.stopped) return;
    const { db, clock, owner, timings, log } = this.o;
    const holder = await leaseHolder(db, this.leaseName, clock.now()).catch(() => owner);
    if (holder !== owner) {
      log.info('another Lianxin process took over the WeCom smart robot long connection');
      this.standBy();
      return;
    }
    // Not a Lianxin process with the lease: another program uses this bot's credentials. Keep
    // the lease (so no Lianxin process starts a tug of war) and try again after a growing pause.
    if (clock.now().getTime() - this.authenticatedAt > timings.kickedRetryMaxMs) this.kickedDelay = timings.kickedRetryMs;
    const wait = this.kickedDelay;
    this.kickedDelay = Math.min(this.kickedDelay * 2, timings.kickedRetryMaxMs);
    log.warn(
      { retryInMs: wait },
      'WeCom closed the smart robot long connection: another connection subscribed with the same bot (disconnected_event). ' +
        'Not fighting over it; check that no other program or instance uses this BotID',
    );
    this.later(wait, () => {
      if (!this.stopped && this.holding) this.connect();
    });
  }

  private dropClient(): void {
    const client = this.client;
    this.client = null;
    this.authenticated = false;
    if (!client) return;
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.disconnect();
  }

  private later(ms: number, fn: () => void | Promise<void>): void {
    // After stop(), an upkeep step that was already under way must not plan another one.
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      Promise.resolve(fn()).catch((error: unknown) => this.o.log.error({ err: (error as Error).message }, 'WeCom long-connection upkeep failed'));
    }, ms);
  }
}

/** The SDK's logger, into ours: its debug lines carry message bodies and user ids, so they are dropped. */
function sdkLogger(log: Logger) {
  // The SDK's lines may quote WeCom's answers: no address, query or credential reaches the log (0016).
  const text = (message: string, args: unknown[]) => safeErrorText([message, ...args.map((a) => (a instanceof Error ? a.message : String(a)))].join(' '), 500);
  return {
    debug: () => undefined,
    info: (message: string, ...args: unknown[]) => log.debug({ sdk: 'aibot' }, text(message, args)),
    warn: (message: string, ...args: unknown[]) => log.warn({ sdk: 'aibot' }, text(message, args)),
    error: (message: string, ...args: unknown[]) => log.warn({ sdk: 'aibot' }, text(message, args)),
  };
}
