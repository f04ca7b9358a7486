import { createHmac } from 'node:crypto';

/**
 * DingTalk's robot signature: Base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret)), UTF-8,
 * timestamp in epoch milliseconds as a decimal string. The same algorithm signs the callbacks
 * DingTalk sends an app robot in HTTP mode (header `sign`, plain Base64, key = the app secret) and
 * the requests we send to a custom group robot (query `sign`, URL-encoded, key = its SEC… secret).
 * Reference: docs "接收消息" (HTTP mode) and "自定义机器人安全设置" (加签).
 */
export function dingtalkSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}
