import { randomBytes } from 'node:crypto';
import type { WsFrame } from '@wecom/aibot-node-sdk';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';
import { BotLease } from './bot-lease.ts';
import { BotSocket, type Ack } from './bot-socket.ts';
import { WecomApiError } from './wecom-http.ts';

export type { Ack } from './bot-socket.ts';

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

/**
 * The smart robot's long connection (101463), held by one process at a time: WeCom allows one
 * live connection per bot and a new subscribe kicks the old one. The process holding the named
 * lease connects and renews it (bot-lease.ts); the others wait and take over when it stops
 * renewing (it died). The socket and the SDK are in bot-socket.ts. When WeCom says another
 * connection took ours (disconnected_event), this logs and steps back instead of fighting over
 * it: it tries again after a growing pause.
 */
export class BotConnection {
  readonly leaseName: string;
  private readonly o: BotConnectionOptions;
  private readonly lease: BotLease;
  private readonly socket: BotSocket;
  private stopped = true;
  private kickedDelay: number;

  constructor(options: BotConnectionOptions) {
    this.o = options;
    this.leaseName = `wecom-bot-ws:${options.botId}`;
    this.kickedDelay = options.timings.kickedRetryMs;
    const { db, clock, log, owner, timings } = options;
    this.socket = new BotSocket({
      botId: options.botId,
      secret: options.secret,
      wsUrl: options.wsUrl,
      clock,
      log,
      reconnectIntervalMs: timings.reconnectIntervalMs,
      heartbeatIntervalMs: timings.heartbeatIntervalMs,
      onFrame: options.onFrame,
      onKicked: () => void this.kicked().catch((error: unknown) => log.error({ err: (error as Error).message }, 'WeCom long-connection upkeep failed')),
    });
    this.lease = new BotLease({
      db,
      clock,
      log,
      owner,
      name: this.leaseName,
      ttlMs: timings.leaseTtlMs,
      renewEveryMs: timings.renewEveryMs,
      standbyPollMs: timings.standbyPollMs,
      onAcquired: () => this.socket.connect(),
      onLost: () => this.socket.drop(),
    });
  }

  /** Holds the lease and is subscribed: replies and pushes can go out now. */
  get ready(): boolean {
    return !this.stopped && this.lease.held && this.socket.open;
  }

  start(): void {
    this.stopped = false;
    this.lease.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const halted = this.lease.halt();
    // A frame already on the wire was most likely delivered: wait for its ack (the SDK gives up
    // after 5 s) rather than fail it, or the outbox would send it again through the next holder.
    await this.socket.settle();
    // A renewal under way would take the lease again after we hand it back.
    await halted;
    this.socket.drop();
    await this.lease.release();
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

  private async call(send: Parameters<BotSocket['call']>[0]): Promise<Ack> {
    if (!this.ready) throw new WecomApiError('the long connection is not ready', null);
    return this.socket.call(send);
  }

  /** WeCom closed this connection because a newer one subscribed with the same bot. */
  private async kicked(): Promise<void> {
    this.socket.drop();
    if (this.stopped) return;
    const { clock, owner, timings, log } = this.o;
    const holder = await this.lease.holder();
    if (this.stopped) return;
    if (holder !== owner) {
      log.info('another Lianxin process took over the WeCom smart robot long connection');
      this.lease.standBy();
      return;
    }
    // Not a Lianxin process with the lease: another program uses this bot's credentials. Keep
    // the lease (so no Lianxin process starts a tug of war) and try again after a growing pause.
    if (clock.now().getTime() - this.socket.authenticatedAt > timings.kickedRetryMaxMs) this.kickedDelay = timings.kickedRetryMs;
    const wait = this.kickedDelay;
    this.kickedDelay = Math.min(this.kickedDelay * 2, timings.kickedRetryMaxMs);
    log.warn(
      { retryInMs: wait },
      'WeCom closed the smart robot long connection: another connection subscribed with the same bot (disconnected_event). ' +
        'Not fighting over it; check that no other program or instance uses this BotID',
    );
    this.socket.reconnectAfter(wait, () => !this.stopped && this.lease.held);
  }
}
