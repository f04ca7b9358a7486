import { z } from 'zod';
import type { Logger } from '../../log.ts';
import { DingtalkError } from './dingtalk-error.ts';
import { ROBOT_TOPIC } from './stream-frame.ts';
import { StreamConnection } from './stream-connection.ts';

export type StreamTimings = {
  /** No frame at all (pings included) for this long: the connection is replaced. */
  idleMs: number;
  /** connections/open request and WebSocket handshake. */
  openTimeoutMs: number;
  /** Reconnect back-off: base · 2^n + jitter, up to max. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A connection that lived this long resets the back-off. */
  stableMs: number;
  /** How long a replaced connection may take to send the acks under way. */
  closeGraceMs: number;
  random: () => number;
};

export const DEFAULT_STREAM_TIMINGS: StreamTimings = {
  // DingTalk pings every 20–30 s by one report (unconfirmed): 90 s of nothing is a dead connection.
  idleMs: 90_000,
  openTimeoutMs: 10_000,
  // The official SDKs' schedule since 2026: 1 s · 2^n plus up to 1 s of jitter, capped at 60 s.
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  stableMs: 30_000,
  closeGraceMs: 5_000,
  random: Math.random,
};

export type StreamClientOptions = {
  gatewayUrl: string;
  clientId: string;
  clientSecret: string;
  log: Logger;
  onRobotMessage: (data: string) => Promise<void>;
  timings?: Partial<StreamTimings>;
};

const openAnswer = z.object({ endpoint: z.string().min(1), ticket: z.string().min(1) });

/**
 * DingTalk's Stream mode on `ws` (docs/decisions/0020): POST connections/open for a one-time ticket,
 * then a WebSocket to endpoint?ticket=. One connection attempt at a time; a replacement (SYSTEM
 * disconnect, silence) is opened before the old connection is closed; failures back off with jitter.
 * Several processes may each hold a connection: DingTalk delivers each message to one of them.
 */
export class StreamClient {
  private readonly o: StreamClientOptions;
  private readonly t: StreamTimings;
  private current: StreamConnection | null = null;
  private pending: StreamConnection | null = null;
  private connecting: Promise<void> | null = null;
  private readonly retiring = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private abort: AbortController | null = null;
  private attempt = 0;
  private stableTimer: NodeJS.Timeout | null = null;
  /** The current connection asked to be replaced and no replacement is open yet. */
  private wantReplace = false;
  private nextId = 1;
  private stopped = true;

  constructor(o: StreamClientOptions) {
    this.o = o;
    this.t = { ...DEFAULT_STREAM_TIMINGS, ...o.timings };
  }

  get connected(): boolean {
    return this.current !== null;
  }

  start(): void {
    this.stopped = false;
    this.connect('start');
  }

  /** Cancels any reconnect, lets acks under way go out, closes every socket. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.stableTimer) clearTimeout(this.stableTimer);
    this.timer = this.stableTimer = null;
    this.abort?.abort();
    this.pending?.terminate();
    await this.connecting;
    const current = this.current;
    this.current = null;
    if (current) this.retire(current);
    await Promise.allSettled([...this.retiring]);
  }

  private connect(reason: string): void {
    if (this.stopped || this.connecting) return;
    this.connecting = this.attemptConnect(reason).finally(() => {
      this.connecting = null;
    });
  }

  private async attemptConnect(reason: string): Promise<void> {
    let url: string;
    try {
      url = await this.openTicket();
    } catch (error) {
      if (this.stopped) return;
      const slow = error instanceof DingtalkError && error.kind === 'fatal';
      this.o.log.warn({ err: (error as Error).message }, 'DingTalk Stream: connections/open failed');
      this.retryLater(slow);
      return;
    }
    if (this.stopped) return;
    await new Promise<void>((settle) => {
      let conn: StreamConnection;
      try {
        conn = new StreamConnection({
          url,
          id: this.nextId++,
          idleMs: this.t.idleMs,
          handshakeTimeoutMs: this.t.openTimeoutMs,
          log: this.o.log,
          onRobotMessage: this.o.onRobotMessage,
          onOpen: () => {
            settle();
            this.adopt(conn, reason);
          },
          onClose: (code) => {
            settle();
            this.lost(conn, code);
          },
          onReplace: (why) => {
            if (conn === this.current) {
              this.o.log.info({ conn: conn.id, reason: why }, 'DingTalk Stream: replacing the connection');
              this.wantReplace = true;
              this.connect(why);
            }
          },
        });
      } catch {
        // ws refuses a malformed endpoint synchronously; its message would contain the ticket.
        this.o.log.warn('DingTalk Stream: the gateway returned an unusable endpoint');
        this.retryLater(false);
        settle();
        return;
      }
      this.pending = conn;
    });
    this.pending = null;
  }

  private adopt(conn: StreamConnection, reason: string): void {
    if (this.stopped) {
      this.retire(conn);
      return;
    }
    const old = this.current;
    this.current = conn;
    this.wantReplace = false;
    // A connection that stays up resets the back-off; one dropped at once keeps it growing.
    if (this.stableTimer) clearTimeout(this.stableTimer);
    this.stableTimer = setTimeout(() => {
      if (this.current === conn) this.attempt = 0;
    }, this.t.stableMs);
    this.stableTimer.unref();
    this.o.log.info({ conn: conn.id, reason }, 'DingTalk Stream connected');
    // Make before break: the old socket closes only now, after its acks under way are out.
    if (old) this.retire(old);
  }

  private lost(conn: StreamConnection, code: number): void {
    if (conn === this.current) {
      this.current = null;
      this.o.log.warn({ conn: conn.id, code }, 'DingTalk Stream connection closed; reconnecting');
      this.retryLater(false);
    } else if (!conn.opened) {
      this.o.log.warn({ conn: conn.id, code }, 'DingTalk Stream: the WebSocket did not open');
      this.retryLater(false);
    }
  }

  private retire(conn: StreamConnection): void {
    const done = conn.retire(this.t.closeGraceMs);
    this.retiring.add(done);
    void done.finally(() => this.retiring.delete(done));
  }

  /** 1 s, 2 s, 4 s … 60 s plus jitter; bad credentials (4xx) go straight to the long waits. */
  private retryLater(slow: boolean): void {
    if (this.stopped || this.timer) return;
    if (slow) this.attempt = Math.max(this.attempt, 6);
    const delay = Math.min(this.t.backoffBaseMs * 2 ** this.attempt, this.t.backoffMaxMs) + this.t.random() * this.t.backoffBaseMs;
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Another attempt may have succeeded meanwhile (a replacement after a drop).
      if (this.current && !this.wantReplace) return;
      this.connect('retry');
    }, delay);
  }

  /** POST connections/open: a new single-use ticket (valid 90 s) for every connection. */
  private async openTicket(): Promise<string> {
    this.abort = new AbortController();
    const timeout = setTimeout(() => this.abort?.abort(), this.t.openTimeoutMs);
    try {
      let res: Response;
      try {
        res = await fetch(this.o.gatewayUrl, {
          method: 'POST',
          // Without Accept the gateway may answer XML (a comment in the official Node SDK).
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({
            clientId: this.o.clientId,
            clientSecret: this.o.clientSecret,
            subscriptions: [
              { type: 'EVENT', topic: '*' },
              { type: 'CALLBACK', topic: ROBOT_TOPIC },
            ],
            ua: 'lianxin',
          }),
          signal: this.abort.signal,
        });
      } catch {
        throw new DingtalkError('retry', 'connections/open: unreachable or timed out');
      }
      if (!res.ok) {
        // 4xx is almost always a wrong client id or secret: retrying every second would not help.
        throw new DingtalkError(res.status >= 400 && res.status < 500 && res.status !== 429 ? 'fatal' : 'retry', `connections/open: HTTP ${res.status}`);
      }
      const parsed = openAnswer.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new DingtalkError('retry', 'connections/open: no endpoint and ticket in the answer');
      const endpoint = new URL(parsed.data.endpoint);
      const gateway = new URL(this.o.gatewayUrl);
      // wss only, unless the gateway itself is plain http (a local fake): never a downgrade.
      if (endpoint.protocol !== 'wss:' && !(endpoint.protocol === 'ws:' && gateway.protocol === 'http:')) {
        throw new DingtalkError('retry', `connections/open: refusing a ${endpoint.protocol} endpoint`);
      }
      endpoint.searchParams.set('ticket', parsed.data.ticket);
      return endpoint.toString();
    } finally {
      clearTimeout(timeout);
      this.abort = null;
    }
  }
}
