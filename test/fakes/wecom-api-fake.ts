import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * One request the fake received; `answered` turns true (and `reply` is set) once it was answered.
 * `duplicate`: message/send took it (errcode 0) but, as its repeat check documents, the member does
 * not receive it again.
 */
export type ApiCall = {
  path: string;
  query: Record<string, string>;
  body: any;
  answered: boolean;
  reply?: any;
  /** WeCom took it (errcode 0), decided on arrival: a held answer may never reach the sender. */
  accepted?: boolean;
  duplicate?: boolean;
};
export type FakeAnswer = { errcode: number; errmsg?: string } | { status: number };

const sizeOf = (s: unknown) => Buffer.byteLength(typeof s === 'string' ? s : '', 'utf8');

/**
 * A fake of WeCom's HTTP APIs on 127.0.0.1: gettoken, message/send, appchat/send, webhook/send and
 * the smart robot's response_url (/cgi-bin/aibot/response). It records every call, checks tokens
 * and byte limits like WeCom, and can fail, throttle or hold answers on demand.
 */
export class WecomApiFake {
  url = '';
  readonly calls: ApiCall[] = [];
  tokenTtlSec = 7200;
  private server: Server | null = null;
  private tokenSeq = 0;
  private readonly validTokens = new Set<string>();
  private readonly failures = new Map<string, Array<FakeAnswer | null>>();
  private readonly holds = new Map<string, number>();
  private readonly held = new Set<() => void>();
  private readonly usedResponseCodes = new Set<string>();
  /** message/send's repeat check (90236): request JSON → when it was first taken, ms. */
  private readonly checkedBodies = new Map<string, number>();
  private readonly corpId: string;
  private readonly secret: string;

  private constructor(corpId: string, secret: string) {
    this.corpId = corpId;
    this.secret = secret;
  }

  static async start(opts: { corpId?: string; secret?: string } = {}): Promise<WecomApiFake> {
    const fake = new WecomApiFake(opts.corpId ?? 'wwcorp', opts.secret ?? 'app-secret');
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as { port: number };
    fake.url = `http://127.0.0.1:${port}`;
    return fake;
  }

  callsTo(path: string): ApiCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /**
   * What members actually received from `path`: calls WeCom took — answered with errcode 0, or still
   * unanswered (held; the sender may have died waiting) — less the repeats the check swallowed.
   */
  deliveredBy(path: string): ApiCall[] {
    return this.callsTo(path).filter((c) => c.accepted === true && !c.duplicate);
  }

  /** The next calls to `path` get these answers, in order, instead of the normal one (null: the normal one). */
  failNext(path: string, ...answers: Array<FakeAnswer | null>): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), ...answers]);
  }

  /** Calls to `path` are answered only after `ms` (or at release()). */
  hold(path: string, ms: number): void {
    this.holds.set(path, ms);
  }

  /** Answers every held call now and stops holding. */
  release(): void {
    this.holds.clear();
    for (const answer of [...this.held]) answer();
  }

  /** WeCom invalidated every token issued so far (they answer 42001 from now on). */
  expireTokens(): void {
    this.validTokens.clear();
  }

  async waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`the WeCom API fake waited in vain for: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
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
    const call: ApiCall = { path: url.pathname, query: Object.fromEntries(url.searchParams), body, answered: false };
    this.calls.push(call);

    const answer = (status: number, json: unknown) => {
      if (call.answered) return;
      call.answered = true;
      call.reply = json;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    };
    // Like WeCom, the call is handled when it arrives; a hold only delays the answer (a sender that
    // dies while waiting has still had its message delivered).
    const failure = this.failures.get(call.path)?.shift();
    const reply = failure ? null : this.reply(call);
    call.accepted = reply?.errcode === 0;
    const delay = this.holds.get(call.path);
    if (delay !== undefined) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.held.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, delay);
        this.held.add(done);
      });
    }
    if (failure) {
      if ('status' in failure) answer(failure.status, { error: 'fake failure' });
      else answer(200, { errcode: failure.errcode, errmsg: failure.errmsg ?? `fake error ${failure.errcode}` });
      return;
    }
    answer(200, reply);
  }

  private reply(call: ApiCall): Record<string, unknown> {
    const ok = { errcode: 0, errmsg: 'ok' };
    const b = call.body ?? {};
    const tokenOk = () => this.validTokens.has(call.query.access_token ?? '');
    switch (call.path) {
      case '/cgi-bin/gettoken': {
        if (call.query.corpid !== this.corpId || call.query.corpsecret !== this.secret) return { errcode: 40001, errmsg: 'invalid credential' };
        const token = `fake-token-${++this.tokenSeq}`;
        this.validTokens.add(token);
        return { ...ok, access_token: token, expires_in: this.tokenTtlSec };
      }
      case '/cgi-bin/message/send':
      case '/cgi-bin/appchat/send': {
        if (!call.query.access_token) return { errcode: 41001, errmsg: 'access_token missing' };
        if (!tokenOk()) return { errcode: 42001, errmsg: 'access_token expired' };
        const content = b[b.msgtype]?.content;
        if (sizeOf(content) === 0) return { errcode: 44004, errmsg: 'empty content' };
        if (sizeOf(content) > 2048) return { errcode: 45002, errmsg: 'content size out of limit' };
        // 90236: "enable_duplicate_check": 1 — the same request JSON within duplicate_check_interval
        // (default 1800 s, at most 4 h) is not received again. appchat/send (90248) documents no such check.
        if (call.path === '/cgi-bin/message/send' && b.enable_duplicate_check === 1) {
          const key = canonicalJson(b);
          const interval = Math.min(Number(b.duplicate_check_interval ?? 1800), 4 * 3600) * 1000;
          const first = this.checkedBodies.get(key);
          if (first !== undefined && Date.now() - first < interval) call.duplicate = true;
          else this.checkedBodies.set(key, Date.now());
        }
        return { ...ok, msgid: `msg-${this.calls.length}` };
      }
      case '/cgi-bin/webhook/send': {
        if (!call.query.key) return { errcode: 93000, errmsg: 'invalid webhook url' };
        const limit = b.msgtype === 'markdown' ? 4096 : 2048;
        if (sizeOf(b[b.msgtype]?.content) > limit) return { errcode: 40058, errmsg: `${b.msgtype}.content exceed max length ${limit}` };
        return ok;
      }
      case '/cgi-bin/aibot/response': {
        const code = call.query.response_code ?? '';
        if (this.usedResponseCodes.has(code)) return { errcode: 40058, errmsg: 'response_code used (fake)' };
        this.usedResponseCodes.add(code);
        if (sizeOf(b.markdown?.content) > 20480) return { errcode: 40058, errmsg: 'content too long' };
        return ok;
      }
      default:
        return { errcode: 404, errmsg: `no such API in the fake: ${call.path}` };
    }
  }
}

/** JSON with object keys sorted: two requests with the same fields in another order are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
