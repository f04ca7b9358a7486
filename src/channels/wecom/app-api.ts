import type { Clock } from '../../core/clock.ts';
import { AccessTokenCache } from './access-token.ts';
import { describeErrcode } from './api-outcome.ts';
import { DUPLICATE_CHECK_SEC } from './limits.ts';
import { callJson, WecomApiError, type ApiReply } from './wecom-http.ts';

/** 40014 invalid, 42001 expired, 42007 invalidated access_token: fetch a new one and try once more. */
const STALE_TOKEN = new Set([40014, 42001, 42007]);

export type AppApiOptions = { base: string; corpId: string; secret: string; agentId: string; clock: Clock; timeoutMs: number };

/** The self-built app's sending APIs: message/send (people) and appchat/send (app-created groups). */
export class AppApi {
  private readonly o: AppApiOptions;
  readonly tokens: AccessTokenCache;

  constructor(options: AppApiOptions) {
    this.o = options;
    this.tokens = new AccessTokenCache(() => this.fetchToken(), options.clock);
  }

  /**
   * message/send (90236) to one member. With `duplicateCheck` WeCom delivers the same request JSON
   * once within DUPLICATE_CHECK_SEC: a repeat after a crash or a lost answer reaches nobody twice
   * (docs/decisions/0015-at-most-one-repeat-per-crash.md).
   */
  sendToUser(userId: string, content: string, format: 'text' | 'markdown', duplicateCheck = true): Promise<ApiReply> {
    const check = duplicateCheck ? { enable_duplicate_check: 1, duplicate_check_interval: DUPLICATE_CHECK_SEC } : {};
    return this.call('/cgi-bin/message/send', { touser: userId, agentid: Number(this.o.agentId), ...body(content, format), ...check });
  }

  /** appchat/send (90248) to a group chat this app created. It has no repeat check (the page documents none). */
  sendToChat(chatId: string, content: string, format: 'text' | 'markdown'): Promise<ApiReply> {
    return this.call('/cgi-bin/appchat/send', { chatid: chatId, ...body(content, format) });
  }

  private async call(path: string, payload: unknown): Promise<ApiReply> {
    const token = await this.tokens.get();
    const reply = await callJson(this.url(path, token), payload, this.o.timeoutMs);
    if (!STALE_TOKEN.has(reply.errcode)) return reply;
    this.tokens.invalidate(token);
    return callJson(this.url(path, await this.tokens.get()), payload, this.o.timeoutMs);
  }

  private url(path: string, token: string): string {
    return `${this.o.base.replace(/\/+$/u, '')}${path}?access_token=${encodeURIComponent(token)}`;
  }

  private async fetchToken(): Promise<{ token: string; expiresInSec: number }> {
    const q = new URLSearchParams({ corpid: this.o.corpId, corpsecret: this.o.secret });
    const reply = await callJson(`${this.o.base.replace(/\/+$/u, '')}/cgi-bin/gettoken?${q}`, undefined, this.o.timeoutMs);
    if (reply.errcode !== 0) throw new WecomApiError(`gettoken: ${describeErrcode(reply.errcode)}`, reply.errcode);
    if (typeof reply.access_token !== 'string' || reply.access_token === '') throw new WecomApiError('gettoken: no access_token', null);
    return { token: reply.access_token, expiresInSec: typeof reply.expires_in === 'number' ? reply.expires_in : 7200 };
  }
}

function body(content: string, format: 'text' | 'markdown') {
  return format === 'markdown' ? { msgtype: 'markdown', markdown: { content } } : { msgtype: 'text', text: { content } };
}
