import WebSocket from 'ws';
import type { Logger } from '../../log.ts';
import { ackFrame, parseFrame, pongFrame, ROBOT_TOPIC, type StreamFrame } from './stream-frame.ts';

export type ConnectionOptions = {
  /** endpoint?ticket=…: a one-time credential, never logged. */
  url: string;
  id: number;
  idleMs: number;
  handshakeTimeoutMs: number;
  log: Logger;
  /** Resolves once the message is stored; only then is it acknowledged. Rejects: not acknowledged. */
  onRobotMessage: (data: string) => Promise<void>;
  onOpen: () => void;
  onClose: (code: number) => void;
  /** The connection should be replaced (SYSTEM disconnect, or silent for idleMs). Asked once. */
  onReplace: (reason: string) => void;
};

/**
 * One Stream WebSocket. Every robot message is acknowledged on the connection it came from (an ack
 * on another socket does not count), and only after it is stored: an unacknowledged message is
 * delivered again by DingTalk and then recognised as a repeat by its msgId. A frame that is not
 * JSON, or a handler that fails, costs that frame, never the process.
 */
export class StreamConnection {
  readonly id: number;
  opened = false;
  closed = false;
  private readonly o: ConnectionOptions;
  private readonly ws: WebSocket;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly closedPromise: Promise<void>;
  private idleTimer: NodeJS.Timeout | null = null;
  private replaceAsked = false;
  private retired = false;

  constructor(o: ConnectionOptions) {
    this.o = o;
    this.id = o.id;
    let markClosed!: () => void;
    this.closedPromise = new Promise((resolve) => (markClosed = resolve));
    this.ws = new WebSocket(o.url, { handshakeTimeout: o.handshakeTimeoutMs, maxPayload: 4 * 1024 * 1024, perMessageDeflate: false });
    this.ws.on('open', () => {
      this.opened = true;
      this.arm();
      o.onOpen();
    });
    this.ws.on('message', (data, isBinary) => {
      this.arm();
      if (!isBinary) this.handle(String(data));
    });
    // A WebSocket ping from the server is a sign of life too (ws answers it by itself).
    this.ws.on('ping', () => this.arm());
    // ws always emits 'close' after 'error': 'close' is the one end signal.
    this.ws.on('error', (error) => o.log.warn({ conn: this.id, err: error.message }, 'DingTalk Stream socket error'));
    this.ws.on('close', (code) => {
      this.closed = true;
      this.disarm();
      markClosed();
      o.onClose(code);
    });
  }

  /** Closes after the acks under way are sent (at most graceMs); resolves when the socket is closed. */
  async retire(graceMs: number): Promise<void> {
    this.retired = true;
    this.disarm();
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((r) => (timer = setTimeout(r, graceMs))),
      ]);
      clearTimeout(timer);
    }
    if (!this.closed) {
      if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, 'replaced');
      // A peer that does not answer the close handshake (a dead TCP path) is cut off.
      const kill = setTimeout(() => this.terminate(), 3000);
      kill.unref();
      await this.closedPromise;
      clearTimeout(kill);
    }
  }

  terminate(): void {
    if (!this.closed) this.ws.terminate();
  }

  private send(text: string): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(text);
    return true;
  }

  private handle(text: string): void {
    const frame = parseFrame(text);
    if (!frame) {
      this.o.log.warn({ conn: this.id }, 'DingTalk Stream: ignoring a frame that is not a Stream frame');
      return;
    }
    const { topic, messageId } = frame.headers;
    switch (frame.type) {
      case 'SYSTEM':
        if (topic === 'ping') this.send(pongFrame(frame));
        // DingTalk closes the socket about 10 s after this and delivers nothing more on it.
        else if (topic === 'disconnect') this.askReplace('DingTalk asked to reconnect');
        return;
      case 'CALLBACK':
        if (!messageId) return;
        if (topic !== ROBOT_TOPIC) {
          this.send(ackFrame(messageId, { response: null }, 404));
          return;
        }
        this.track(this.robotMessage(frame, messageId));
        return;
      case 'EVENT':
        // Events are not used (the subscription is required by the protocol); consumed.
        if (messageId) this.send(ackFrame(messageId, { status: 'SUCCESS', message: 'ok' }));
        return;
      default:
        return;
    }
  }

  private async robotMessage(frame: StreamFrame, messageId: string): Promise<void> {
    try {
      await this.o.onRobotMessage(frame.data ?? '');
    } catch (error) {
      this.o.log.error({ conn: this.id, err: (error as Error).message }, 'DingTalk robot message not stored; not acknowledged, so it comes again');
      return;
    }
    if (!this.send(ackFrame(messageId, { response: null }))) {
      this.o.log.warn({ conn: this.id }, 'DingTalk Stream: connection gone before the ack; the redelivery will be recognised');
    }
  }

  private track(job: Promise<void>): void {
    this.inFlight.add(job);
    void job.finally(() => this.inFlight.delete(job));
  }

  private askReplace(reason: string): void {
    if (this.replaceAsked || this.retired) return;
    this.replaceAsked = true;
    this.o.onReplace(reason);
  }

  private arm(): void {
    this.disarm();
    if (this.retired) return;
    this.idleTimer = setTimeout(() => this.askReplace(`silent for ${this.o.idleMs} ms`), this.o.idleMs);
    this.idleTimer.unref();
  }

  private disarm(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
