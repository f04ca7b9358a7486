import { describe, expect, it } from 'vitest';
import { checkWebhookAnswer } from '../../../src/channels/dingtalk/check-webhook-answer.ts';
import { DingtalkError } from '../../../src/channels/dingtalk/dingtalk-error.ts';

const now = new Date('2026-11-23T02:00:00Z');
const verdict = (body: Record<string, unknown>, route: 'session' | 'robot' = 'robot', status = 200): DingtalkError | 'ok' => {
  try {
    checkWebhookAnswer({ status, body }, route, 'robot/send', now);
    return 'ok';
  } catch (error) {
    return error as DingtalkError;
  }
};

describe('checkWebhookAnswer (robot webhooks answer 200 with an errcode)', () => {
  it('takes errcode 0 as delivered', () => {
    expect(verdict({ errcode: 0, errmsg: 'ok' })).toBe('ok');
  });

  it.each([130101, 410100, 660026])('takes errcode %i as "too fast": wait ten minutes, on either route', (errcode) => {
    for (const route of ['robot', 'session'] as const) {
      const e = verdict({ errcode, errmsg: 'send too fast' }, route) as DingtalkError;
      expect(e.kind).toBe('throttled');
      expect(e.throttledUntil).toEqual(new Date(now.getTime() + 10 * 60_000));
    }
  });

  it('retries "system busy", server errors and answers without an errcode', () => {
    expect((verdict({ errcode: -1, errmsg: '系统繁忙' }) as DingtalkError).kind).toBe('retry');
    expect((verdict({}, 'robot', 502) as DingtalkError).kind).toBe('retry');
  });

  it('gives up on a robot that is gone or refuses the sign, and on a session DingTalk forgot goes another way', () => {
    expect((verdict({ errcode: 300005, errmsg: 'token is not exist' }) as DingtalkError).kind).toBe('fatal');
    expect((verdict({ errcode: 310000, errmsg: 'sign not match' }) as DingtalkError).kind).toBe('fatal');
    expect((verdict({ errcode: 300001, errmsg: 'session 不存在' }, 'session') as DingtalkError).kind).toBe('session_gone');
  });

  it('names the errcode with a fixed description, never DingTalk’s own text or an address', () => {
    const e = verdict({ errcode: 310000, errmsg: 'sign not match' }) as DingtalkError;
    expect(e.message).toBe('robot/send: errcode 310000 security check failed (keyword, sign, timestamp or IP)');
    const echo = verdict({ errcode: 300005, errmsg: 'token is not exist: https://oapi.dingtalk.com/robot/send?access_token=SECRET' }) as DingtalkError;
    expect(echo.message).toBe('robot/send: errcode 300005 token does not exist');
    expect((verdict({ errcode: 987654, errmsg: 'http://x/?access_token=SECRET' }) as DingtalkError).message).toBe('robot/send: errcode 987654 not known to Lianxin');
  });
});
