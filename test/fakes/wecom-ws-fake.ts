import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

export type Frame = { cmd?: string; headers: { req_id: string }; body?: any; errcode?: number; errmsg?: string };
export type AckRule = (frame: Frame) => { errcode: number; errmsg: string } | null;

/**
 * A fake of the smart robot's long connection (wss://openws.work.weixin.qq.com) on 127.0.0.1,
 * speaking the frames @wecom/aibot-node-sdk 1.0.7 exchanges with WeCom: it acks every frame the
 * bot sends by echoing headers.req_id (no cmd), pushes aibot_msg_callback / aibot_event_callback
 * frames, and can send disconnected_event like WeCom does when a newer connection subscribes.
 */
export class WecomWsFake {
  url = '';
  /** Every frame the bot sent, oldest first (subscribe, ping, respond, send …). */
  readonly received: Frame[] = [];
  connections = 0;
  ackRule: AckRule = () => null;
  private server: WebSocketServer | null = null;
  private readonly sockets = new Set<WebSocket>();
  private current: WebSocket | null = null;
  private seq = 0;
  private readonly botId: string;
  private readonly secret: string;

  private constructor(botId: string, secret: string) {
    this.botId = botId;
    this.secret = secret;
  }

  static async start(opts: { botId?: string; secret?: string } = {}): Promise<WecomWsFake> {
    const fake = new WecomWsFake(opts.botId ?? 'BOT_ID', opts.secret ?? 'bot-secret');
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    fake.server = server;
    server.on('connection', (ws) => fake.accept(ws));
    await new Promise<void>((resolve) => server.on('listening', () => resolve()));
    fake.url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
    return fake;
  }

  get openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /** Whether a bot is connected and subscribed on the latest connection. */
  get subscribed(): boolean {
    return this.current !== null && this.current.readyState === this.current.OPEN && this.subscribedSockets.has(this.current);
  }

  framesOf(cmd: string): Frame[] {
    return this.received.filter((f) => f.cmd === cmd);
  }

  /** A user writes to the bot: in a group (chatid) when @-mentioned, or in the single chat. Returns the req_id. */
  text(o: { from: string; content: string; chatid?: string; msgid?: string; reqId?: string }): string {
    return this.callback('aibot_msg_callback', {
      msgid: o.msgid ?? `MSG${randomBytes(8).toString('hex')}`,
      aibotid: this.botId,
      ...(o.chatid ? { chatid: o.chatid, chattype: 'group' } : { chattype: 'single' }),
      from: { userid: o.from },
      create_time: Math.floor(Date.now() / 1000),
      response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=NOT_USED_ON_THE_LONG_CONNECTION',
      msgtype: 'text',
      text: { content: o.content },
    }, o.reqId);
  }

  /** A user opens the single chat with the bot for the first time today. */
  enterChat(from: string): string {
    return this.event(from, 'enter_chat');
  }

  /** WeCom tells this connection that a newer one took over. */
  kick(): string {
    return this.event('sys', 'disconnected_event');
  }

  async waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`the WeCom long-connection fake waited in vain for: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The frame the bot sent that echoes `reqId` (a reply to that callback). */
  async replyTo(reqId: string, cmd = 'aibot_respond_msg'): Promise<Frame> {
    await this.waitFor(() => this.received.some((f) => f.cmd === cmd && f.headers.req_id === reqId), `${cmd} for ${reqId}`);
    return this.received.find((f) => f.cmd === cmd && f.headers.req_id === reqId)!;
  }

  /** The network drops every connection (no close frame, like a dead link). */
  dropAll(): void {
    for (const s of this.sockets) s.terminate();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private readonly subscribedSockets = new WeakSet<WebSocket>();

  private accept(ws: WebSocket): void {
    this.connections++;
    this.sockets.add(ws);
    this.current = ws;
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let frame: Frame;
      try {
        frame = JSON.parse(String(data)) as Frame;
      } catch {
        return;
      }
      this.received.push(frame);
      const rule = this.ackRule(frame);
      let ack = rule ?? { errcode: 0, errmsg: 'ok' };
      if (frame.cmd === 'aibot_subscribe') {
        if (frame.body?.bot_id !== this.botId || frame.body?.secret !== this.secret) ack = { errcode: 40001, errmsg: 'invalid secret (fake)' };
        else if (ack.errcode === 0) this.subscribedSockets.add(ws);
      }
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ headers: { req_id: frame.headers?.req_id }, ...ack }));
    });
  }

  private event(from: string, eventtype: string): string {
    return this.callback('aibot_event_callback', {
      msgid: `EVT${randomBytes(8).toString('hex')}`,
      create_time: Math.floor(Date.now() / 1000),
      aibotid: this.botId,
      chattype: 'single',
      from: { userid: from },
      msgtype: 'event',
      event: { eventtype },
    });
  }

  private callback(cmd: string, body: unknown, reqId = `srv_req_${++this.seq}_${randomBytes(4).toString('hex')}`): string {
    if (!this.current || this.current.readyState !== this.current.OPEN) throw new Error('no bot is connected to the fake');
    this.current.send(JSON.stringify({ cmd, headers: { req_id: reqId }, body }));
    return reqId;
  }
}
