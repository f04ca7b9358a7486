import type { Clock } from '../../core/clock.ts';
import type { AccessTokenCache } from './access-token-cache.ts';
import { DingtalkError } from './dingtalk-error.ts';
import { THROTTLE_WAIT_MS } from './check-webhook-answer.ts';
import { postJson, type JsonAnswer } from './post-json.ts';

/** DingTalk's gateway asks for about a second after a QPS refusal (dingtalk.md §3.5, §3.6). */
const QPS_WAIT_MS = 2_000;

type Msg = { msgKey: string; msgParam: string };

/**
 * The robot OpenAPI on api.dingtalk.com with the app's access token (header
 * x-acs-dingtalk-access-token): group messages by openConversationId and one-to-one messages by
 * userId. A refused token is replaced and the call tried once more.
 */
export class DingtalkOpenApi {
  private readonly o: { apiBase: string; robotCode: string; tokens: AccessTokenCache; clock: Clock; timeoutMs: number };

  constructor(o: { apiBase: string; robotCode: string; tokens: AccessTokenCache; clock: Clock; timeoutMs: number }) {
    this.o = o;
  }

  async sendToGroup(openConversationId: string, msg: Msg): Promise<void> {
    await this.call('/v1.0/robot/groupMessages/send', { robotCode: this.o.robotCode, openConversationId, ...msg }, 'groupMessages/send');
  }

  /**
   * One user at a time (the API takes up to 20). An HTTP 200 can still be a failure for that user:
   * listed in invalidStaffIdList (not a userId of this org: never retry) or in
   * flowControlledStaffIdList (throttled: wait).
   */
  async sendToUser(userId: string, msg: Msg): Promise<void> {
    const body = await this.call('/v1.0/robot/oToMessages/batchSend', { robotCode: this.o.robotCode, userIds: [userId], ...msg }, 'oToMessages/batchSend');
    const listed = (key: string) => Array.isArray(body[key]) && (body[key] as unknown[]).includes(userId);
    if (listed('invalidStaffIdList')) throw new DingtalkError('fatal', 'oToMessages/batchSend: the user id is not valid for this robot');
    if (listed('flowControlledStaffIdList')) {
      throw new DingtalkError('throttled', 'oToMessages/batchSend: flow controlled', new Date(this.o.clock.now().getTime() + THROTTLE_WAIT_MS));
    }
    // Newer answers may add filteredStaffIdList (the user blocked or left the robot): not retryable either.
    if (listed('filteredStaffIdList')) throw new DingtalkError('fatal', 'oToMessages/batchSend: the user was filtered');
  }

  private async call(path: string, body: Record<string, unknown>, what: string): Promise<Record<string, unknown>> {
    const url = `${this.o.apiBase.replace(/\/+$/u, '')}${path}`;
    for (let attempt = 1; ; attempt++) {
      const token = await this.o.tokens.get();
      const answer = await postJson(url, body, { what, timeoutMs: this.o.timeoutMs, headers: { 'x-acs-dingtalk-access-token': token } });
      if (answer.status === 200) return answer.body;
      const error = this.classify(answer, what);
      if (error.kind === 'auth' && attempt === 1) {
        this.o.tokens.invalidate(token);
        continue;
      }
      throw error.kind === 'auth' ? new DingtalkError('retry', error.message) : error;
    }
  }

  /** New-style errors: HTTP 4xx/5xx with {code, message, requestid} (dingtalk.md §3.5). */
  private classify(answer: JsonAnswer, what: string): DingtalkError {
    // DingTalk's code is an identifier (Forbidden.AccessDenied.QpsLimitForApi); its message is free
    // text and is never kept (docs/decisions/0016). The requestid is kept for DingTalk's support.
    const code = typeof answer.body.code === 'string' && /^[A-Za-z0-9._-]{1,100}$/u.test(answer.body.code) ? answer.body.code : '';
    const requestId =
      typeof answer.body.requestid === 'string' && /^[A-Za-z0-9-]{1,64}$/u.test(answer.body.requestid) ? ` (requestid ${answer.body.requestid})` : '';
    const reason = `${what}: HTTP ${answer.status} ${code}${requestId}`.trim();
    const now = this.o.clock.now().getTime();
    if (answer.status === 401 || /InvalidAuthentication|AuthenticationFailed/u.test(code)) return new DingtalkError('auth', reason);
    if (code.startsWith('Forbidden.AccessDenied.QpsLimit') || answer.status === 429) {
      return new DingtalkError('throttled', reason, new Date(now + QPS_WAIT_MS));
    }
    // Bad parameters (robotCode, openConversationId, userIds, msgKey), bot stopped: never succeeds as is.
    if (answer.status === 400) return new DingtalkError('fatal', reason);
    // 403 quotas and IP whitelists, 5xx: an operator or time may fix it.
    return new DingtalkError('retry', reason);
  }
}
