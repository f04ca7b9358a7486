import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** One request the fake received. */
export type Recorded = { path: string; query: Record<string, string>; headers: IncomingHttpHeaders; body: any };

type Canned = { status: number; body: unknown };

/**
 * A fake of DingTalk's HTTP side on 127.0.0.1: /v1.0/oauth2/accessToken, /v1.0/robot/oToMessages/batchSend,
 * /v1.0/robot/groupMessages/send, sessionWebhooks (/robot/sendBySession?session=) and custom robots
 * (/robot/send, sign mode checked with its own HMAC). It records every request, and fails, delays,
 * expires a session or throttles a robot on demand. Answers follow dingtalk.md (errcode in 200 bodies
 * for webhooks, {code, message, requestid} with 4xx for the v1.0 API).
 */
export class DingtalkHttpFake {
  url = '';
  readonly requests: Recorded[] = [];
  /** The fake's own clock for the custom robot timestamp check (tests with a fixed app clock set it). */
  now: () => number = () => Date.now();
  tokenLifetimeS = 7200;
  private server!: Server;
  private readonly validTokens = new Set<string>();
  private tokenCounter = 0;
  private readonly expired = new Set<string>();
  private readonly robots = new Map<string, string>();
  private readonly throttledRobots = new Set<string>();
  /** Accepted /robot/send times per token, and mutes earned by going over 20 a minute (dingtalk.md §4.3). */
  private readonly robotSent = new Map<string, number[]>();
  private readonly robotMutedUntil = new Map<string, number>();
  private readonly robotRefused = new Map<string, number>();
  private readonly invalidUsers = new Set<string>();
  private readonly flowControlledUsers = new Set<string>();
  private readonly failures: Array<{ path: string; times: number; skip: number; answer: Canned }> = [];
  private readonly delays: Array<{ path: string; times: number; skip: number; ms: number }> = [];

  private readonly app: { appKey: string; appSecret: string };

  constructor(app: { appKey: string; appSecret: string }) {
    this.app = app;
  }

  static async start(app: { appKey: string; appSecret: string }): Promise<DingtalkHttpFake> {
    const fake = new DingtalkHttpFake(app);
    await fake.listen();
    return fake;
  }

  /** A sessionWebhook as DingTalk hands it out with a message. */
  sessionWebhook(session: string): string {
    return `${this.url}/robot/sendBySession?session=${encodeURIComponent(session)}`;
  }
  /** DingTalk forgot this session: it answers errcode 300001 from now on. */
  expireSession(session: string): void {
    this.expired.add(session);
  }
  addRobot(accessToken: string, secret: string): void {
    this.robots.set(accessToken, secret);
  }
  throttleRobot(accessToken: string, on = true): void {
    if (on) this.throttledRobots.add(accessToken);
    else this.throttledRobots.delete(accessToken);
  }
  invalidUser(userId: string): void {
    this.invalidUsers.add(userId);
  }
  flowControl(userId: string, on = true): void {
    if (on) this.flowControlledUsers.add(userId);
    else this.flowControlledUsers.delete(userId);
  }
  /** After `skip` more requests to `path`, the next `times` get this answer. */
  failNext(path: string, answer: Canned, o: { times?: number; skip?: number } = {}): void {
    this.failures.push({ path, times: o.times ?? 1, skip: o.skip ?? 0, answer });
  }
  delayNext(path: string, ms: number, o: { times?: number; skip?: number } = {}): void {
    this.delays.push({ path, times: o.times ?? 1, skip: o.skip ?? 0, ms });
  }
  /** Every issued token stops working (as after a secret reset). */
  revokeTokens(): void {
    this.validTokens.clear();
  }
  get tokensIssued(): number {
    return this.tokenCounter;
  }

  /** Requests to one path (without query). */
  to(path: string): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }
  /** Texts posted into one session. */
  sessionTexts(session: string): string[] {
    return this.to('/robot/sendBySession').filter((r) => r.query.session === session).map((r) => webhookText(r.body));
  }
  /** How often this robot answered "too fast" because it went over 20 messages a minute. */
  robotRefusals(accessToken: string): number {
    return this.robotRefused.get(accessToken) ?? 0;
  }
  /** Texts the custom robot with this access token posted (accepted or not). */
  robotTexts(accessToken: string): string[] {
    return this.to('/robot/send').filter((r) => r.query.access_token === accessToken).map((r) => webhookText(r.body));
  }
  groupTexts(openConversationId: string): string[] {
    return this.to('/v1.0/robot/groupMessages/send').filter((r) => r.body.openConversationId === openConversationId).map((r) => paramText(r.body));
  }
  userTexts(userId: string): string[] {
    return this.to('/v1.0/robot/oToMessages/batchSend').filter((r) => r.body.userIds?.includes(userId)).map((r) => paramText(r.body));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const u = new URL(req.url ?? '/', 'http://fake');
        let body: any = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
        } catch {
          body = null;
        }
        const rec: Recorded = { path: u.pathname, query: Object.fromEntries(u.searchParams), headers: req.headers, body };
        this.requests.push(rec);
        const delay = take(this.delays, u.pathname);
        if (delay) await new Promise((r) => setTimeout(r, delay.ms));
        const failure = take(this.failures, u.pathname);
        const answer = failure ? failure.answer : this.answer(rec);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
  }

  private answer(r: Recorded): Canned {
    const requestid = randomUUID();
    const bad = (status: number, code: string) => ({ status, body: { code, message: code, requestid } });
    switch (r.path) {
      case '/v1.0/oauth2/accessToken': {
        if (r.body?.appKey !== this.app.appKey || r.body?.appSecret !== this.app.appSecret) return bad(400, 'invalidClientIdOrSecret');
        const token = `fake-token-${++this.tokenCounter}-${randomUUID().slice(0, 8)}`;
        this.validTokens.add(token);
        return { status: 200, body: { accessToken: token, expireIn: this.tokenLifetimeS } };
      }
      case '/v1.0/robot/groupMessages/send':
      case '/v1.0/robot/oToMessages/batchSend': {
        const token = r.headers['x-acs-dingtalk-access-token'];
        if (typeof token !== 'string' || !this.validTokens.has(token)) return bad(401, 'InvalidAuthentication');
        if (r.body?.robotCode !== this.app.appKey) return bad(400, 'invalidParameter.robotCode.notExsit');
        if (!['sampleText', 'sampleMarkdown'].includes(r.body?.msgKey)) return bad(400, 'invalidParameter.msgKey.invalid');
        try {
          JSON.parse(r.body.msgParam);
        } catch {
          return bad(400, 'invalidParameter.msgParam.invalid');
        }
        if (r.path.endsWith('groupMessages/send')) {
          if (typeof r.body.openConversationId !== 'string') return bad(400, 'invalid.openConversationId');
          return { status: 200, body: { processQueryKey: randomUUID() } };
        }
        const ids: string[] = Array.isArray(r.body.userIds) ? r.body.userIds : [];
        if (ids.length === 0) return bad(400, 'invalidParameter.userIds.empty');
        if (ids.length > 20) return bad(400, 'invalidParameter.userIds.overMax');
        return {
          status: 200,
          body: {
            processQueryKey: randomUUID(),
            invalidStaffIdList: ids.filter((id) => this.invalidUsers.has(id)),
            flowControlledStaffIdList: ids.filter((id) => this.flowControlledUsers.has(id)),
          },
        };
      }
      case '/robot/sendBySession': {
        if (this.expired.has(r.query.session ?? '')) return { status: 200, body: { errcode: 300001, errmsg: 'session 不存在' } };
        return webhookBodyOk(r.body) ? { status: 200, body: { errcode: 0, errmsg: 'ok' } } : { status: 200, body: { errcode: 40035, errmsg: '缺少参数 json' } };
      }
      case '/robot/send': {
        const token = r.query.access_token ?? '';
        const secret = this.robots.get(token);
        if (!secret) return { status: 200, body: { errcode: 300005, errmsg: 'token is not exist' } };
        const ts = r.query.timestamp ?? '';
        if (!/^\d+$/u.test(ts) || Math.abs(this.now() - Number(ts)) > 3_600_000) {
          return { status: 200, body: { errcode: 310000, errmsg: 'invalid timestamp' } };
        }
        // Computed here independently of Lianxin's code, from the published algorithm.
        const want = createHmac('sha256', secret).update(`${ts}\n${secret}`, 'utf8').digest('base64');
        if (r.query.sign !== want) return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
        if (this.throttledRobots.has(token)) return { status: 200, body: { errcode: 660026, errmsg: 'sending too many messages per minute' } };
        // As DingTalk: more than 20 in any minute mutes the robot for ten minutes.
        const now = this.now();
        const recent = (this.robotSent.get(token) ?? []).filter((at) => at > now - 60_000);
        if (recent.length >= 20 && (this.robotMutedUntil.get(token) ?? 0) <= now) this.robotMutedUntil.set(token, now + 10 * 60_000);
        if ((this.robotMutedUntil.get(token) ?? 0) > now) {
          this.robotRefused.set(token, this.robotRefusals(token) + 1);
          return { status: 200, body: { errcode: 410100, errmsg: '发送速度太快而限流' } };
        }
        if (!webhookBodyOk(r.body)) return { status: 200, body: { errcode: 40035, errmsg: '缺少参数 json' } };
        this.robotSent.set(token, [...recent, now]);
        return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
      }
      default:
        return { status: 404, body: { code: 'NotFound', message: `no ${r.path}`, requestid } };
    }
  }
}

function take<T extends { path: string; times: number; skip: number }>(list: T[], path: string): T | null {
  const i = list.findIndex((f) => f.path === path && f.times > 0);
  if (i < 0) return null;
  const item = list[i]!;
  if (item.skip > 0) {
    item.skip--;
    return null;
  }
  item.times--;
  if (item.times === 0) list.splice(i, 1);
  return item;
}

function webhookBodyOk(body: any): boolean {
  if (body?.msgtype === 'text') return typeof body.text?.content === 'string';
  if (body?.msgtype === 'markdown') return typeof body.markdown?.title === 'string' && typeof body.markdown?.text === 'string';
  return false;
}

export function webhookText(body: any): string {
  return body?.msgtype === 'markdown' ? String(body.markdown?.text) : String(body?.text?.content);
}

function paramText(body: any): string {
  try {
    const p = JSON.parse(body.msgParam);
    return String(p.content ?? p.text);
  } catch {
    return '';
  }
}
