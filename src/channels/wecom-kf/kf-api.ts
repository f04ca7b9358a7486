import type { Clock } from '../../core/clock.ts';
import { AccessTokenCache } from '../wecom/access-token.ts';
import { callJson, WecomApiError, type ApiReply } from '../wecom/wecom-http.ts';

/** 40014 invalid, 42001 expired, 42007 invalidated access_token: fetch a new one and try once more. */
const STALE_TOKEN = new Set([40014, 42001, 42007]);

export type KfApiOptions = { base: string; corpId: string; secret: string; clock: Clock; timeoutMs: number };

export type MediaFile = { bytes: Buffer; contentType: string };

/** A media file larger than the channel keeps. */
export class MediaTooLarge extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`media larger than ${limit} bytes`);
    this.name = 'MediaTooLarge';
    this.limit = limit;
  }
}

/**
 * The 微信客服 API (docs/notes/wecom-kf-protocol.md). Its access token comes from gettoken with the
 * corp id and the 微信客服 secret ("仅允许微信客服的Secret所获取的access_token调用"), cached like the app's.
 * Answers come back as they are (errcode and all); only transport failures throw.
 */
export class KfApi {
  private readonly o: KfApiOptions;
  readonly tokens: AccessTokenCache;

  constructor(options: KfApiOptions) {
    this.o = options;
    this.tokens = new AccessTokenCache(() => this.fetchToken(), options.clock);
  }

  /** kf/sync_msg: one page after `cursor`; `token` is the callback's (valid 10 minutes). */
  syncMsg(p: { openKfid: string; cursor: string; token: string | null; limit: number }): Promise<ApiReply> {
    return this.call('/cgi-bin/kf/sync_msg', {
      open_kfid: p.openKfid,
      limit: p.limit,
      ...(p.cursor ? { cursor: p.cursor } : {}),
      ...(p.token ? { token: p.token } : {}),
    });
  }

  /** kf/send_msg: a text to one customer (counts against the 5-in-48-hours budget). */
  sendText(p: { openKfid: string; externalUserId: string; content: string }): Promise<ApiReply> {
    return this.call('/cgi-bin/kf/send_msg', { touser: p.externalUserId, open_kfid: p.openKfid, msgtype: 'text', text: { content: p.content } });
  }

  /** kf/send_msg_on_event: the answer to an event, with its short-lived code (welcome_code, msg_code). */
  sendOnEvent(p: { code: string; content: string }): Promise<ApiReply> {
    return this.call('/cgi-bin/kf/send_msg_on_event', { code: p.code, msgtype: 'text', text: { content: p.content } });
  }

  /** kf/add_contact_way: the account's link for a scene ([0-9a-zA-Z_-], at most 32 bytes). */
  addContactWay(p: { openKfid: string; scene: string }): Promise<ApiReply> {
    return this.call('/cgi-bin/kf/add_contact_way', { open_kfid: p.openKfid, scene: p.scene });
  }

  serviceState(p: { openKfid: string; externalUserId: string }): Promise<ApiReply> {
    return this.call('/cgi-bin/kf/service_state/get', { open_kfid: p.openKfid, external_userid: p.externalUserId });
  }

  /** service_state/trans: 2 puts the customer in the queue for a human servicer. */
  transState(p: { openKfid: string; externalUserId: string; state: number; servicerUserId?: string }): Promise<ApiReply> {
    return this.call('/cgi-bin/kf/service_state/trans', {
      open_kfid: p.openKfid,
      external_userid: p.externalUserId,
      service_state: p.state,
      ...(p.servicerUserId ? { servicer_userid: p.servicerUserId } : {}),
    });
  }

  /**
   * media/get: a received picture, read up to `maxBytes` (a bigger one throws MediaTooLarge without
   * being read to the end). A JSON answer is WeCom's error (e.g. 40007 for an expired media_id).
   */
  async getMedia(mediaId: string, maxBytes: number): Promise<MediaFile> {
    let token = await this.tokens.get();
    for (let attempt = 0; ; attempt++) {
      const url = `${this.base()}/cgi-bin/media/get?access_token=${encodeURIComponent(token)}&media_id=${encodeURIComponent(mediaId)}`;
      let res: Response;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(this.o.timeoutMs) });
      } catch (error) {
        const e = error as Error & { cause?: { code?: unknown } };
        throw new WecomApiError(`media/get failed: ${e.name === 'TimeoutError' ? 'timeout' : typeof e.cause?.code === 'string' ? e.cause.code : e.name}`, null);
      }
      if (!res.ok) throw new WecomApiError(`media/get: HTTP ${res.status}`, null);
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (contentType === 'application/json' || contentType === 'text/plain') {
        const reply = (await res.json().catch(() => ({}))) as { errcode?: unknown };
        const errcode = typeof reply.errcode === 'number' ? reply.errcode : null;
        if (errcode !== null && STALE_TOKEN.has(errcode) && attempt === 0) {
          this.tokens.invalidate(token);
          token = await this.tokens.get();
          continue;
        }
        throw new WecomApiError(`media/get refused: errcode ${errcode ?? 'none'}`, errcode);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel();
        throw new MediaTooLarge(maxBytes);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body ?? []) {
        size += (chunk as Uint8Array).length;
        if (size > maxBytes) {
          await res.body?.cancel().catch(() => undefined);
          throw new MediaTooLarge(maxBytes);
        }
        chunks.push(Buffer.from(chunk as Uint8Array));
      }
      return { bytes: Buffer.concat(chunks), contentType };
    }
  }

  private async call(path: string, payload: unknown): Promise<ApiReply> {
    const token = await this.tokens.get();
    const reply = await callJson(this.url(path, token), payload, this.o.timeoutMs);
    if (!STALE_TOKEN.has(reply.errcode)) return reply;
    this.tokens.invalidate(token);
    return callJson(this.url(path, await this.tokens.get()), payload, this.o.timeoutMs);
  }

  private base(): string {
    return this.o.base.replace(/\/+$/u, '');
  }

  private url(path: string, token: string): string {
    return `${this.base()}${path}?access_token=${encodeURIComponent(token)}`;
  }

  private async fetchToken(): Promise<{ token: string; expiresInSec: number }> {
    const q = new URLSearchParams({ corpid: this.o.corpId, corpsecret: this.o.secret });
    const reply = await callJson(`${this.base()}/cgi-bin/gettoken?${q}`, undefined, this.o.timeoutMs);
    // Never the errmsg: it may echo the request.
    if (reply.errcode !== 0) throw new WecomApiError(`gettoken (微信客服 secret): errcode ${reply.errcode}`, reply.errcode);
    if (typeof reply.access_token !== 'string' || reply.access_token === '') throw new WecomApiError('gettoken: no access_token', null);
    return { token: reply.access_token, expiresInSec: typeof reply.expires_in === 'number' ? reply.expires_in : 7200 };
  }
}
