import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customRobotUrl } from '../../../src/channels/dingtalk/custom-robot-url.ts';

describe('customRobotUrl (custom group robot, sign mode)', () => {
  it('carries the token, the timestamp and its signature, Base64 percent-encoded once', () => {
    const secret = 'SECabcdef0123456789';
    const url = customRobotUrl('https://oapi.example.test/', 'tok en', secret, 1_790_000_000_123);
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://oapi.example.test/robot/send');
    expect(u.searchParams.get('access_token')).toBe('tok en');
    expect(u.searchParams.get('timestamp')).toBe('1790000000123');
    const want = createHmac('sha256', secret).update(`1790000000123\n${secret}`).digest('base64');
    expect(u.searchParams.get('sign')).toBe(want);
    // Raw "+", "/" or "=" in a query would be read as something else by DingTalk.
    expect(url.split('sign=')[1]).not.toMatch(/[+/=]/u);
    expect(url).toContain('%3D');
  });

  it('signs each request afresh with its own time', () => {
    const a = new URL(customRobotUrl('https://o.test', 't', 'SEC1', 1000));
    const b = new URL(customRobotUrl('https://o.test', 't', 'SEC1', 2000));
    expect(a.searchParams.get('sign')).not.toBe(b.searchParams.get('sign'));
  });
});
