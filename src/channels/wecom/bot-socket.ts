import type { WSClient, WsFrame } from '@wecom/aibot-node-sdk';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';
import { safeErrorText } from '../../core/error-text.ts';
import { WecomApiError } from './wecom-http.ts';

export type Ack = { errcode: number; errmsg: string };

// The SDK is loaded when a smart robot is configured and first connects, not at every start (it
// takes a sixth of a second to load: start-up time, issue 14).
type Sdk = typeof import('@wecom/aibot-node-sdk');
let sdk: Sdk | null = null;
let loadingSdk: Promise<Sdk> | null = null;
function loadSdk(): Promise<Sdk> {
  loadingSdk ??= import('@wecom/aibot-node-sdk').then((m) => (sdk = m));
  return loadingSdk;
}

export type BotSocketOptions = {
  botId: string;
  secret: string;
  wsUrl: string;
  clock: Clock;
  log: Logger;
  /** The SDK's reconnect back-off base (it doubles, up to 30 s) and its heartbeat. */
  reconnectIntervalMs: number;
  heartbeatIntervalMs: number;
  /** A message or event frame from WeCom (never a disconnected_event). */
  onFrame: (frame: WsFrame) => Promise<void>;
  /** WeCom closed this connection because a newer one subscribed with the same bot. */
  onKicked: () => void;
};

/**
 * The SDK's side of the smart robot's long connection: one WSClient at a time, its events into ours,
 * and the calls that wait for WeCom's ack. Knows nothing of the lease (bot-lease.ts).
 */
export class BotSocket {
  private readonly o: BotSocketOptions;
  private client: WSClient | null = null;
  private authenticated = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** When the last subscription succeeded (epoch ms). */
  authenticatedAt = 0;
  /** Calls waiting for WeCom's ack. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Bumped by drop(): a connect planned before it (the SDK still loading) does not happen. */
  private generation = 0;

  constructor(options: BotSocketOptions) {
    this.o = options;
  }

  /** Subscribed and connected. */
  get open(): boolean {
    return this.authenticated && this.client?.isConnected === true;
  }

  connect(): void {
    if (!sdk) {
      const generation = this.generation;
      void loadSdk().then(
        () => {
          if (this.generation === generation) this.connect();
        },
        (error: unknown) => this.o.log.error({ err: (error as Error).message }, 'the WeCom smart robot SDK did not load'),
      );
      return;
    }
    const { botId, secret, wsUrl, log } = this.o;
    const client = new sdk.WSClient({
      botId,
      secret,
      wsUrl,
      // The SDK gives up for good after 10 attempts by default (about 3 minutes of outage).
      maxReconnectAttempts: -1,
      maxAuthFailureAttempts: -1,
      reconnectInterval: this.o.reconnectIntervalMs,
      heartbeatInterval: this.o.heartbeatIntervalMs,
      logger: sdkLogger(log),
    });
    client.on('authenticated', () => {
      this.authenticated = true;
      this.authenticatedAt = this.o.clock.now().getTime();
      log.info('WeCom smart robot long connection subscribed');
    });
    client.on('disconnected', (reason) => {
      this.authenticated = false;
      if (this.client === client) log.info({ reason }, 'WeCom smart robot long connection closed');
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
      setImmediate(() => this.o.onKicked());
    });
    this.client = client;
    client.connect();
  }

  /** Connects again after `ms`, if `stillWanted()` then. */
  reconnectAfter(ms: number, stillWanted: () => boolean): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (stillWanted()) this.connect();
    }, ms);
  }

  /** Closes the socket (and forgets a planned reconnect). */
  drop(): void {
    this.generation++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    this.authenticated = false;
    if (!client) return;
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.disconnect();
  }

  /** Waits for the calls on the wire: a frame already sent was most likely delivered. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async call(send: (c: WSClient) => Promise<WsFrame>): Promise<Ack> {
    const client = this.client;
    if (!client || !this.open) throw new WecomApiError('the long connection is not ready', null);
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
