import { dingtalkSign } from './dingtalk-sign.ts';

/**
 * The address of one custom group robot send, in the `sign` security mode: access_token, and a
 * timestamp with its signature computed fresh for this request (DingTalk refuses a timestamp more
 * than an hour off — a signature computed once and reused is the classic failure, errcode 310000).
 * URLSearchParams percent-encodes the Base64 (`+` `/` `=`) exactly once, as the doc asks.
 * The result holds two secrets: never log it.
 */
export function customRobotUrl(oapiBase: string, accessToken: string, secret: string, nowMs: number): string {
  const url = new URL(`${oapiBase.replace(/\/+$/u, '')}/robot/send`);
  const timestamp = String(nowMs);
  url.search = new URLSearchParams({ access_token: accessToken, timestamp, sign: dingtalkSign(secret, timestamp) }).toString();
  return url.toString();
}
