import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { encrypt } from '@wecom/crypto';
import { post, signedQuery, type Keys } from './wecom-callback-client.ts';

// A fake of WeCom's 微信客服 API (docs/notes/wecom-kf-protocol.md) on 127.0.0.1: gettoken with the
// 微信客服 secret, kf/sync_msg, kf/send_msg, kf/send_msg_on_event, kf/add_contact_way,
// kf/service_state/get and /trans, media/get. It keeps the customers' sessions and the 48-hour /
// 5-message budget like WeChat does, and makes the encrypted kf_msg_or_event callbacks WeCom sends.
// Its clock can be moved forward (advance) to cross the 48-hour window, a token's 10 minutes, a
// welcome_code's 20 seconds and the 3 days of history.
// Longer than 250 lines on purpose: seven endpoints sharing one state (sessions, budgets, clock).

export type KfCall = { path: string; query: Record<string, string>; body: any; reply?: any };
export type KfAnswer = { errcode: number; errmsg?: string } | { status: number };

/** Error codes as WeCom answers them (sources and confidence in docs/notes/wecom-kf-protocol.md). */
export const KF_ERR = {
  invalidCredential: 40001,
  tokenExpired: 42001,
  tokenMissing: 41001,
  invalidParameter: 40058,
  emptyContent: 44004,
  invalidMediaId: 40007,
  invalidExternalUserId: 40096,
  invalidOpenKfid: 95000,
  /** More than 5 messages since the customer's last message. */
  overLimit: 95001,
  /** More than 48 hours since the customer's last message (or none yet). */
  outsideWindow: 95002,
  /** sync_msg with a token that is not from this account's callback, or older than 10 minutes. */
  invalidMsgToken: 95007,
  /** Unverified: the code WeCom gives for a stale or used welcome_code (41050 is the contact API's). */
  welcomeCodeInvalid: 41050,
  /** Unverified: sending or moving a session in a state that does not allow it. */
  badSessionState: 95016,
} as const;

export const HOUR = 3_600_000;
const TOKEN_TTL_MS = 10 * 60_000;
const WELCOME_TTL_MS = 20_000;
const HISTORY_MS = 72 * HOUR;
const WINDOW_MS = 48 * HOUR;
const WINDOW_BUDGET = 5;

type Customer = {
  externalUserId: string;
  lastMessageAt: number | null;
  sentSince: number;
  state: 0 | 1 | 2 | 3 | 4;
  servicer: string | null;
};

type Stored = { seq: number; at: number; openKfid: string; msg: Record<string, unknown> };

export type CustomerContent =
  | { text: string }
  | { image: { mediaId: string } }
  | { location: { latitude: number; longitude: number; name: string; address: string } }
  | { other: { msgtype: string; body?: Record<string, unknown> } };

export class WecomKfFake {
  url = '';
  readonly calls: KfCall[] = [];
  readonly corpId: string;
  readonly secret: string;
  readonly openKfid: string;
  /** What send_msg and send_msg_on_event delivered, in order: what the customer saw. */
  readonly delivered: Array<{ to: string; text: string; via: 'send_msg' | 'send_msg_on_event'; at: number }> = [];
  /** Answers sync_msg without a token (WeCom allows it with a strict rate limit). */
  allowSyncWithoutToken = true;
  private offsetMs = 0;
  private server: Server | null = null;
  private seq = 0;
  private tokenSeq = 0;
  private readonly accessTokens = new Set<string>();
  private readonly msgTokens = new Map<string, { openKfid: string; issuedAt: number }>();
  private readonly welcomeCodes = new Map<string, { externalUserId: string; issuedAt: number; used: boolean }>();
  private readonly customers = new Map<string, Customer>();
  private readonly log: Stored[] = [];
  private readonly media = new Map<string, { bytes: Buffer; type: string; at: number }>();
  private readonly links = new Map<string, string>();
  private readonly failures = new Map<string, Array<KfAnswer | null>>();
  private readonly holds = new Map<string, number>();

  private constructor(o: { corpId: string; secret: string; openKfid: string }) {
    this.corpId = o.corpId;
    this.secret = o.secret;
    this.openKfid = o.openKfid;
  }

  static async start(opts: { corpId?: string; secret?: string; openKfid?: string } = {}): Promise<WecomKfFake> {
    const fake = new WecomKfFake({ corpId: opts.corpId ?? 'wwcorp', secret: opts.secret ?? 'kf-secret', openKfid: opts.openKfid ?? 'wkLianxin' });
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as { port: number }).port}`;
    return fake;
  }

  /** The fake's clock (WeChat's time), ms. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves WeChat's clock forward: windows, tokens, welcome codes and history age. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  // ---- what happens on the WeChat side ------------------------------------------------------

  /** The customer writes (origin 3): opens a new 48-hour window with a fresh budget of 5. */
  customerSends(externalUserId: string, content: CustomerContent): string {
    const c = this.customer(externalUserId);
    c.lastMessageAt = this.now();
    c.sentSince = 0;
    if (c.state === 4) c.state = 0;
    let body: Record<string, unknown>;
    if ('text' in content) body = { msgtype: 'text', text: { content: content.text } };
    else if ('image' in content) body = { msgtype: 'image', image: { media_id: content.image.mediaId } };
    else if ('location' in content) body = { msgtype: 'location', location: content.location };
    else body = { msgtype: content.other.msgtype, ...(content.other.body ?? {}) };
    return this.append({ origin: 3, external_userid: externalUserId, ...body });
  }

  /** The customer opens the chat from a link (origin 4, enter_session) with a welcome_code. */
  enterSession(externalUserId: string, o: { scene?: string; sceneParam?: string; welcome?: boolean } = {}): { msgid: string; welcomeCode: string | null } {
    const c = this.customer(externalUserId);
    if (c.state === 4) c.state = 0;
    const welcomeCode = o.welcome === false ? null : `WELCOME${randomBytes(8).toString('hex')}`;
    if (welcomeCode) this.welcomeCodes.set(welcomeCode, { externalUserId, issuedAt: this.now(), used: false });
    const msgid = this.append({
      origin: 4,
      msgtype: 'event',
      event: {
        event_type: 'enter_session',
        open_kfid: this.openKfid,
        external_userid: externalUserId,
        scene: o.scene ?? '',
        scene_param: o.sceneParam ?? '',
        ...(welcomeCode ? { welcome_code: welcomeCode } : {}),
      },
    });
    return { msgid, welcomeCode };
  }

  /** A servicer takes the session in the WeCom client (state 3) and writes (origin 5). */
  servicerTakesOver(externalUserId: string, servicer: string, says?: string): void {
    const c = this.customer(externalUserId);
    const changeType = c.state === 3 ? 2 : 1;
    const old = c.servicer;
    c.state = 3;
    c.servicer = servicer;
    this.append({
      origin: 4,
      msgtype: 'event',
      event: {
        event_type: 'session_status_change',
        open_kfid: this.openKfid,
        external_userid: externalUserId,
        change_type: changeType,
        ...(changeType === 2 && old ? { old_servicer_userid: old } : {}),
        new_servicer_userid: servicer,
      },
    });
    if (says) this.append({ origin: 5, external_userid: externalUserId, servicer_userid: servicer, msgtype: 'text', text: { content: says } });
  }

  /** The servicer ends the session (state 4): the customer's next message starts a new one. */
  endSession(externalUserId: string): void {
    const c = this.customer(externalUserId);
    const old = c.servicer;
    c.state = 4;
    c.servicer = null;
    this.append({
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'session_status_change', open_kfid: this.openKfid, external_userid: externalUserId, change_type: 3, ...(old ? { old_servicer_userid: old } : {}) },
    });
  }

  /** Any raw message into the log, e.g. an unknown msgtype or a malformed one. */
  appendRaw(msg: Record<string, unknown>): string {
    return this.append(msg);
  }

  /** A picture the customer can send; its media_id lives 3 days. */
  addMedia(bytes: Buffer, type = 'image/jpeg'): string {
    const id = `MEDIA${randomBytes(10).toString('hex')}`;
    this.media.set(id, { bytes, type, at: this.now() });
    return id;
  }

  customerState(externalUserId: string): Readonly<Customer> | undefined {
    return this.customers.get(externalUserId);
  }

  /** Messages the customer saw. */
  deliveredTo(externalUserId: string): string[] {
    return this.delivered.filter((d) => d.to === externalUserId).map((d) => d.text);
  }

  // ---- WeCom's callback to Lianxin -----------------------------------------------------------

  /** A fresh sync_msg token, as a kf_msg_or_event callback carries (valid 10 minutes). */
  issueToken(openKfid = this.openKfid): string {
    const token = `ENC${randomBytes(12).toString('hex')}`;
    this.msgTokens.set(token, { openKfid, issuedAt: this.now() });
    return token;
  }

  /** The encrypted kf_msg_or_event callback (WeCom's published algorithm, @wecom/crypto). */
  callback(keys: Keys, o: { token?: string; openKfid?: string } = {}): { query: URLSearchParams; body: string; token: string } {
    const token = o.token ?? this.issueToken(o.openKfid);
    const xml =
      `<xml><ToUserName><![CDATA[${keys.receiveId}]]></ToUserName><CreateTime>${Math.floor(this.now() / 1000)}</CreateTime>` +
      `<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>` +
      `<Token><![CDATA[${token}]]></Token><OpenKfId><![CDATA[${o.openKfid ?? this.openKfid}]]></OpenKfId></xml>`;
    const ciphertext = encrypt(keys.aesKey, xml, keys.receiveId);
    const body = `<xml><ToUserName><![CDATA[${keys.receiveId}]]></ToUserName><Encrypt><![CDATA[${ciphertext}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>`;
    return { query: signedQuery(keys, ciphertext), body, token };
  }

  /** Sends that callback to Lianxin's /wecom/kf/callback. */
  async notify(lianxinUrl: string, keys: Keys, o: { token?: string; openKfid?: string } = {}) {
    const cb = this.callback(keys, o);
    return { ...(await post(`${lianxinUrl}/wecom/kf/callback`, cb.query, cb.body)), token: cb.token };
  }

  // ---- test controls -------------------------------------------------------------------------

  callsTo(path: string): KfCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** The next calls to `path` get these answers instead of the normal one (null: the normal one). */
  failNext(path: string, ...answers: Array<KfAnswer | null>): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), ...answers]);
  }

  /** Calls to `path` are answered after `ms`. */
  hold(path: string, ms: number): void {
    this.holds.set(path, ms);
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  async waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`the 微信客服 fake waited in vain for: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    this.holds.clear();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  // ---- the HTTP API --------------------------------------------------------------------------

  private customer(externalUserId: string): Customer {
    let c = this.customers.get(externalUserId);
    if (!c) {
      c = { externalUserId, lastMessageAt: null, sentSince: 0, state: 0, servicer: null };
      this.customers.set(externalUserId, c);
    }
    return c;
  }

  private append(fields: Record<string, unknown>): string {
    const seq = ++this.seq;
    const msgid = `msg${seq}${randomBytes(6).toString('hex')}`;
    const at = this.now();
    this.log.push({ seq, at, openKfid: this.openKfid, msg: { msgid, open_kfid: this.openKfid, send_time: Math.floor(at / 1000), ...fields } });
    return msgid;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const call: KfCall = { path: url.pathname, query: Object.fromEntries(url.searchParams), body };
    this.calls.push(call);
    const delay = this.holds.get(call.path);
    if (delay !== undefined) await new Promise((r) => setTimeout(r, delay));

    const json = (status: number, value: unknown) => {
      call.reply = value;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    const failure = this.failures.get(call.path)?.shift();
    if (failure) {
      if ('status' in failure) json(failure.status, { error: 'fake failure' });
      else json(200, { errcode: failure.errcode, errmsg: failure.errmsg ?? `fake error ${failure.errcode}` });
      return;
    }
    if (call.path === '/cgi-bin/media/get') {
      const checked = this.checkToken(call);
      if (checked) return json(200, checked);
      const m = this.media.get(call.query.media_id ?? '');
      if (!m || this.now() - m.at > HISTORY_MS) return json(200, { errcode: KF_ERR.invalidMediaId, errmsg: 'invalid media_id' });
      call.reply = { bytes: m.bytes.length };
      res.writeHead(200, { 'content-type': m.type, 'content-length': m.bytes.length }).end(m.bytes);
      return;
    }
    json(200, this.reply(call));
  }

  private checkToken(call: KfCall): { errcode: number; errmsg: string } | null {
    if (!call.query.access_token) return { errcode: KF_ERR.tokenMissing, errmsg: 'access_token missing' };
    if (!this.accessTokens.has(call.query.access_token)) return { errcode: KF_ERR.tokenExpired, errmsg: 'access_token expired' };
    return null;
  }

  private reply(call: KfCall): Record<string, unknown> {
    const ok = { errcode: 0, errmsg: 'ok' };
    const b = (call.body && typeof call.body === 'object' ? call.body : {}) as Record<string, any>;
    if (call.path === '/cgi-bin/gettoken') {
      if (call.query.corpid !== this.corpId || call.query.corpsecret !== this.secret) return { errcode: KF_ERR.invalidCredential, errmsg: 'invalid credential' };
      const token = `kf-token-${++this.tokenSeq}`;
      this.accessTokens.add(token);
      return { ...ok, access_token: token, expires_in: 7200 };
    }
    const bad = this.checkToken(call);
    if (bad) return bad;
    // Every kf API names the account, except send_msg_on_event (its code does).
    if (call.path !== '/cgi-bin/kf/send_msg_on_event' && b.open_kfid !== this.openKfid) return { errcode: KF_ERR.invalidOpenKfid, errmsg: 'invalid open_kfid' };

    switch (call.path) {
      case '/cgi-bin/kf/sync_msg':
        return this.syncMsg(b);
      case '/cgi-bin/kf/send_msg': {
        if (b.msgtype !== 'text') return { errcode: KF_ERR.invalidParameter, errmsg: 'the fake sends only text' };
        const content = b.text?.content;
        const size = Buffer.byteLength(typeof content === 'string' ? content : '', 'utf8');
        if (size === 0) return { errcode: KF_ERR.emptyContent, errmsg: 'empty content' };
        if (size > 2048) return { errcode: KF_ERR.invalidParameter, errmsg: 'text.content exceed max length 2048' };
        const c = this.customers.get(String(b.touser ?? ''));
        if (!c) return { errcode: KF_ERR.invalidExternalUserId, errmsg: 'invalid external_userid' };
        if (c.state !== 0 && c.state !== 1) return { errcode: KF_ERR.badSessionState, errmsg: 'session state does not allow sending' };
        if (c.lastMessageAt === null || this.now() - c.lastMessageAt > WINDOW_MS) return { errcode: KF_ERR.outsideWindow, errmsg: 'over 48 hours since the customer wrote' };
        if (c.sentSince >= WINDOW_BUDGET) return { errcode: KF_ERR.overLimit, errmsg: 'over the 5 messages allowed' };
        c.sentSince++;
        this.delivered.push({ to: c.externalUserId, text: content, via: 'send_msg', at: this.now() });
        return { ...ok, msgid: `sent${this.delivered.length}` };
      }
      case '/cgi-bin/kf/send_msg_on_event': {
        const w = this.welcomeCodes.get(String(b.code ?? ''));
        if (!w || w.used || this.now() - w.issuedAt > WELCOME_TTL_MS) return { errcode: KF_ERR.welcomeCodeInvalid, errmsg: 'invalid welcome code' };
        const content = b.text?.content;
        if (b.msgtype !== 'text' || typeof content !== 'string' || content === '') return { errcode: KF_ERR.emptyContent, errmsg: 'empty content' };
        if (Buffer.byteLength(content, 'utf8') > 2048) return { errcode: KF_ERR.invalidParameter, errmsg: 'text.content exceed max length 2048' };
        w.used = true;
        this.delivered.push({ to: w.externalUserId, text: content, via: 'send_msg_on_event', at: this.now() });
        return { ...ok, msgid: `welcome${this.delivered.length}` };
      }
      case '/cgi-bin/kf/add_contact_way': {
        const scene = typeof b.scene === 'string' ? b.scene : '';
        if (Buffer.byteLength(scene) > 32 || !/^[0-9a-zA-Z_-]*$/u.test(scene)) return { errcode: KF_ERR.invalidParameter, errmsg: 'invalid scene' };
        let url = this.links.get(scene);
        if (!url) {
          url = `https://work.weixin.qq.com/kfid/kfc${randomBytes(8).toString('hex')}${scene ? `?enc_scene=ENC${randomBytes(6).toString('hex')}` : ''}`;
          this.links.set(scene, url);
        }
        return { ...ok, url };
      }
      case '/cgi-bin/kf/service_state/get': {
        const c = this.customers.get(String(b.external_userid ?? ''));
        if (!c) return { errcode: KF_ERR.invalidExternalUserId, errmsg: 'invalid external_userid' };
        return { ...ok, service_state: c.state, ...(c.servicer ? { servicer_userid: c.servicer } : {}) };
      }
      case '/cgi-bin/kf/service_state/trans':
        return this.trans(b);
      default:
        return { errcode: 404, errmsg: `no such API in the fake: ${call.path}` };
    }
  }

  private syncMsg(b: Record<string, any>): Record<string, unknown> {
    const now = this.now();
    if (b.token !== undefined && b.token !== '') {
      const t = this.msgTokens.get(String(b.token));
      if (!t || t.openKfid !== b.open_kfid || now - t.issuedAt > TOKEN_TTL_MS) return { errcode: KF_ERR.invalidMsgToken, errmsg: 'invalid msg token' };
    } else if (!this.allowSyncWithoutToken) {
      return { errcode: KF_ERR.invalidMsgToken, errmsg: 'msg token required (fake setting)' };
    }
    const limit = b.limit === undefined ? 1000 : Number(b.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return { errcode: KF_ERR.invalidParameter, errmsg: 'invalid limit' };
    let after = 0;
    if (typeof b.cursor === 'string' && b.cursor !== '') {
      const m = /^CUR([0-9a-f]+)$/u.exec(b.cursor);
      if (!m) return { errcode: KF_ERR.invalidParameter, errmsg: 'invalid cursor' };
      after = parseInt(m[1]!, 16);
    }
    // Only the last 3 days can be read; a cursor into older history continues from the oldest kept.
    const readable = this.log.filter((s) => s.seq > after && s.openKfid === b.open_kfid && now - s.at <= HISTORY_MS);
    const page = readable.slice(0, limit);
    const last = page.at(-1)?.seq ?? after;
    return {
      errcode: 0,
      errmsg: 'ok',
      next_cursor: `CUR${last.toString(16)}`,
      has_more: readable.length > page.length ? 1 : 0,
      msg_list: page.map((s) => s.msg),
    };
  }

  private trans(b: Record<string, any>): Record<string, unknown> {
    const c = this.customers.get(String(b.external_userid ?? ''));
    if (!c) return { errcode: KF_ERR.invalidExternalUserId, errmsg: 'invalid external_userid' };
    const to = Number(b.service_state);
    const allowed: Record<number, number[]> = { 0: [1, 2, 3, 4], 1: [2, 3, 4], 2: [3, 4], 3: [3, 4], 4: [] };
    if (!allowed[c.state]!.includes(to)) return { errcode: KF_ERR.badSessionState, errmsg: `cannot move from ${c.state} to ${to}` };
    if (to === 3 && typeof b.servicer_userid !== 'string') return { errcode: KF_ERR.invalidParameter, errmsg: 'servicer_userid required' };
    const first = (to === 2 || to === 3) && c.state !== 2 && c.state !== 3;
    c.state = to as Customer['state'];
    c.servicer = to === 3 ? b.servicer_userid : null;
    if (!first && to !== 4) return { errcode: 0, errmsg: 'ok' };
    // A code for one send_msg_on_event, like a welcome_code.
    const msgCode = `MSGCODE${randomBytes(6).toString('hex')}`;
    this.welcomeCodes.set(msgCode, { externalUserId: c.externalUserId, issuedAt: this.now(), used: false });
    return { errcode: 0, errmsg: 'ok', msg_code: msgCode };
  }
}
