import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

type Conn = { id: number; ws: WebSocket; zombie: boolean; closed: boolean };
type Pending = { messageId: string; frame: string; conn: Conn | null; timer: NodeJS.Timeout | null };

/**
 * A fake of DingTalk's Stream gateway on 127.0.0.1, after the protocol doc (dingtalk.md §2):
 * POST /v1.0/gateway/connections/open → {endpoint, ticket} (single-use ticket), a WebSocket at
 * /connect?ticket= that sends SYSTEM pings and CALLBACK robot messages, and expects each CALLBACK
 * acknowledged on the connection it was pushed on. Unacknowledged messages are delivered again
 * (same messageId) after `redeliverMs`, on the newest healthy connection. It can drop connections,
 * announce a disconnect, go silent ("zombie": open, but no frames), send garbage, refuse opens.
 */
export class DingtalkStreamFake {
  gatewayUrl = '';
  readonly opens: Array<{ clientId: unknown; clientSecret: unknown; subscriptions: unknown; accept: string | undefined }> = [];
  readonly acks: Array<{ messageId: string; conn: number }> = [];
  /** Every frame a client sent, parsed. */
  readonly received: Array<{ conn: number; frame: any }> = [];
  connections = 0;
  /** How often each pushed message was sent (first delivery and redeliveries). */
  readonly deliveries = new Map<string, number>();
  /** What happened to connections, in order: "open 1", "open 2", "close 1" … */
  readonly events: string[] = [];
  redeliverMs: number;
  pingEveryMs: number;
  private server!: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Map<string, boolean>();
  private readonly conns: Conn[] = [];
  private readonly pending = new Map<string, Pending>();
  private pingTimer: NodeJS.Timeout | null = null;
  private refuseOpens = 0;

  private readonly app: { clientId: string; clientSecret: string };

  constructor(app: { clientId: string; clientSecret: string }, o: { redeliverMs?: number; pingEveryMs?: number } = {}) {
    this.app = app;
    this.redeliverMs = o.redeliverMs ?? 300;
    this.pingEveryMs = o.pingEveryMs ?? 100;
  }

  static async start(app: { clientId: string; clientSecret: string }, o: { redeliverMs?: number; pingEveryMs?: number } = {}) {
    const fake = new DingtalkStreamFake(app, o);
    await fake.listen();
    return fake;
  }

  /** Connections open now (zombies included). */
  get live(): number {
    return this.conns.filter((c) => !c.closed).length;
  }
  /** The messageIds acknowledged on the connection they were pushed on. */
  get acknowledged(): Set<string> {
    return new Set(this.acks.map((a) => a.messageId));
  }
  get unacknowledged(): number {
    return this.pending.size;
  }

  /** Pushes a robot message (the callback data object); returns the frame's messageId. */
  push(robotMessage: Record<string, unknown>, topic = '/v1.0/im/bot/messages/get'): string {
    const messageId = `cb_${randomUUID().slice(0, 12)}`;
    const frame = JSON.stringify({
      specVersion: '1.0',
      type: 'CALLBACK',
      headers: { appId: 'fake-app', connectionId: 'c', contentType: 'application/json', messageId, time: String(Date.now()), topic },
      data: JSON.stringify(robotMessage),
    });
    const p: Pending = { messageId, frame, conn: null, timer: null };
    this.pending.set(messageId, p);
    this.deliver(p);
    return messageId;
  }

  /** Closes every connection: a clean close (1000) or a cut TCP connection (1006). */
  drop(how: 'close' | 'terminate' = 'terminate'): void {
    for (const c of this.conns) if (!c.closed) how === 'close' ? c.ws.close(1000, 'bye') : c.ws.terminate();
  }
  /** SYSTEM disconnect on the newest connection, then closes it after `closeAfterMs`. */
  announceDisconnect(closeAfterMs = 1000): void {
    const c = this.newest();
    if (!c) return;
    this.sendTo(c, { specVersion: '1.0', type: 'SYSTEM', headers: { messageId: `sys_${randomUUID().slice(0, 8)}`, topic: 'disconnect', contentType: 'application/json', time: String(Date.now()) }, data: JSON.stringify({ reason: 'server maintenance' }) });
    c.zombie = true;
    setTimeout(() => c.ws.close(1000, 'bye'), closeAfterMs).unref();
  }
  /** Every open connection stays open but gets no frame any more (no pings, no messages). */
  zombify(): void {
    for (const c of this.conns) c.zombie = true;
  }
  sendRaw(text: string): void {
    const c = this.newest();
    if (c) c.ws.send(text);
  }
  /** The next `n` connections/open calls answer 503. */
  failOpens(n: number): void {
    this.refuseOpens = n;
  }

  async close(): Promise<void> {
    if (this.pingTimer) clearInterval(this.pingTimer);
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    for (const c of this.conns) c.ws.terminate();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private newest(): Conn | null {
    for (let i = this.conns.length - 1; i >= 0; i--) {
      const c = this.conns[i]!;
      if (!c.closed && !c.zombie && c.ws.readyState === WebSocket.OPEN) return c;
    }
    return null;
  }

  private deliver(p: Pending): void {
    if (!this.pending.has(p.messageId)) return;
    const c = this.newest();
    if (c) {
      p.conn = c;
      this.deliveries.set(p.messageId, (this.deliveries.get(p.messageId) ?? 0) + 1);
      c.ws.send(p.frame);
    }
    // Not acknowledged (on that connection) in time, or nowhere to send it: try again later.
    p.timer = setTimeout(() => this.deliver(p), this.redeliverMs);
    p.timer.unref();
  }

  private sendTo(c: Conn, frame: unknown): void {
    if (c.ws.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify(frame));
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (b: Buffer) => chunks.push(b));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v1.0/gateway/connections/open') {
          res.writeHead(404).end();
          return;
        }
        let body: any = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = {};
        }
        this.opens.push({ clientId: body.clientId, clientSecret: body.clientSecret, subscriptions: body.subscriptions, accept: req.headers.accept });
        if (this.refuseOpens > 0) {
          this.refuseOpens--;
          res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'ServiceUnavailable', message: 'busy' }));
          return;
        }
        if (body.clientId !== this.app.clientId || body.clientSecret !== this.app.clientSecret) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'invalidClientIdOrSecret', message: 'bad credentials' }));
          return;
        }
        const ticket = randomUUID();
        this.tickets.set(ticket, false);
        const { port } = this.server.address() as { port: number };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ endpoint: `ws://127.0.0.1:${port}/connect`, ticket }));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      const u = new URL(req.url ?? '/', 'http://fake');
      const ticket = u.searchParams.get('ticket') ?? '';
      if (u.pathname !== '/connect' || this.tickets.get(ticket) !== false) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.tickets.set(ticket, true);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.gatewayUrl = `http://127.0.0.1:${port}/v1.0/gateway/connections/open`;
    this.pingTimer = setInterval(() => {
      for (const c of this.conns) {
        if (c.closed || c.zombie) continue;
        this.sendTo(c, {
          specVersion: '1.0',
          type: 'SYSTEM',
          headers: { messageId: `ping_${randomUUID().slice(0, 8)}`, topic: 'ping', contentType: 'application/json', time: String(Date.now()) },
          data: JSON.stringify({ opaque: randomUUID() }),
        });
      }
    }, this.pingEveryMs);
    this.pingTimer.unref();
  }

  private attach(ws: WebSocket): void {
    const c: Conn = { id: ++this.connections, ws, zombie: false, closed: false };
    this.conns.push(c);
    this.events.push(`open ${c.id}`);
    ws.on('message', (data) => {
      let frame: any;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      this.received.push({ conn: c.id, frame });
      const id = frame?.headers?.messageId;
      const p = typeof id === 'string' ? this.pending.get(id) : undefined;
      // An ack counts only on the connection the message was pushed on.
      if (p && frame.code === 200 && p.conn === c) {
        if (p.timer) clearTimeout(p.timer);
        this.pending.delete(id);
        this.acks.push({ messageId: id, conn: c.id });
      }
    });
    ws.on('close', () => {
      c.closed = true;
      this.events.push(`close ${c.id}`);
    });
    // Messages waiting for a connection go out now.
    for (const p of this.pending.values()) {
      if (p.conn === null || p.conn.closed) {
        if (p.timer) clearTimeout(p.timer);
        this.deliver(p);
      }
    }
  }
}
