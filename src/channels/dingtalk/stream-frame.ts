import { z } from 'zod';

/** The robot message topic (CALLBACK) of DingTalk's Stream protocol. */
export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

/**
 * A downstream frame (dingtalk.md §2.2): `type` SYSTEM | EVENT | CALLBACK, string headers with
 * `topic` and `messageId`, and `data`, itself a JSON string.
 */
export const streamFrameSchema = z.object({
  specVersion: z.string().optional(),
  type: z.string(),
  headers: z.record(z.string(), z.unknown()).and(z.object({ topic: z.string().optional(), messageId: z.string().optional() })),
  data: z.string().optional(),
});
export type StreamFrame = z.infer<typeof streamFrameSchema>;

/** Parses one text frame; null for anything that is not a frame (logged and dropped, never fatal). */
export function parseFrame(text: string): StreamFrame | null {
  try {
    const parsed = streamFrameSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** An answer frame (dingtalk.md §2.3): same messageId, code 200, `data` a JSON string. */
export function ackFrame(messageId: string, data: unknown, code = 200): string {
  return JSON.stringify({ code, headers: { contentType: 'application/json', messageId }, message: code === 200 ? 'OK' : 'not supported', data: JSON.stringify(data) });
}

/** The answer to a SYSTEM ping: the request's headers and data echoed, as the official SDKs do. */
export function pongFrame(frame: StreamFrame): string {
  return JSON.stringify({ code: 200, headers: frame.headers, message: 'OK', data: frame.data ?? '' });
}
