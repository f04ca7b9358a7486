import { createHash } from 'node:crypto';
import { z } from 'zod';
import { describeZodIssues } from '../../web/http-error.ts';
import type { InboundMessage } from '../../core/messages.ts';
import { CallbackRejected } from './callback-rejected.ts';
import type { XmlObject } from './parse-xml.ts';

// A self-built app's decrypted message XML (消息格式 90239, 事件格式 90240). Values stay strings: MsgId is
// a 64-bit number that a JS number would round.

const id = z.string().trim().min(1).max(256);
const msgId = z.string().trim().min(1).max(64);
const coordinate = z.string().trim().regex(/^-?\d{1,3}(\.\d+)?$/u, { message: 'must be a coordinate' }).transform(Number);

const common = z.object({
  ToUserName: z.string().min(1),
  FromUserName: id,
  CreateTime: z.string().trim().regex(/^\d{1,12}$/u, { message: 'must be a unix time' }),
  MsgType: z.string().trim().min(1).max(64),
});

const bodies = {
  text: z.object({ MsgId: msgId, Content: z.string().max(100_000) }),
  image: z.object({ MsgId: msgId, PicUrl: z.string().max(4096) }),
  location: z.object({ MsgId: msgId, Location_X: coordinate, Location_Y: coordinate, Label: z.string().max(500).default('') }),
  other: z.object({ MsgId: msgId }),
  event: z.object({ Event: z.string().trim().min(1).max(64) }),
} as const;

export type AppCallback = { kind: 'message'; msg: InboundMessage } | { kind: 'ignored'; why: string };

/** Reads one decrypted app message; `plaintext` names events, which carry no MsgId. */
export function parseAppCallback(xml: XmlObject, plaintext: string, now: Date): AppCallback {
  const parse = <S extends z.ZodType>(schema: S): z.infer<S> => {
    const r = schema.safeParse(xml);
    if (!r.success) throw new CallbackRejected(`malformed payload: ${describeZodIssues(r.error.issues)}`);
    return r.data;
  };
  const head = parse(common);
  const message = (messageId: string, fields: Partial<InboundMessage>): AppCallback => ({
    kind: 'message',
    msg: {
      platform: 'wecom',
      messageId,
      // The app hears only direct messages: the conversation is the person.
      conversationId: head.FromUserName,
      conversationType: 'single',
      senderId: head.FromUserName,
      senderName: head.FromUserName.slice(0, 100),
      text: '',
      photos: [],
      location: null,
      event: null,
      receivedAt: now.toISOString(),
      ...fields,
    },
  });

  switch (head.MsgType.toLowerCase()) {
    case 'text': {
      const b = parse(bodies.text);
      return message(b.MsgId, { text: b.Content.trim() });
    }
    case 'image': {
      const b = parse(bodies.image);
      return message(b.MsgId, { photos: [b.PicUrl] });
    }
    case 'location': {
      // Location_X is the latitude, Location_Y the longitude; Label names the place.
      const b = parse(bodies.location);
      return message(b.MsgId, { location: { label: b.Label.trim(), latitude: b.Location_X, longitude: b.Location_Y } });
    }
    case 'voice':
    case 'video':
    case 'file':
    case 'link':
      // Nothing the ledger can keep: the bot answers an empty message with how to use it.
      return message(parse(bodies.other).MsgId, {});
    case 'event': {
      const event = parse(bodies.event).Event.toLowerCase();
      if (event !== 'enter_agent') return { kind: 'ignored', why: `event ${event}` };
      // Events have no MsgId; a redelivery carries the same plaintext, so its hash names it.
      const digest = createHash('sha256').update(plaintext).digest('hex');
      return message(`event-${digest}`, { event: 'enter_chat' });
    }
    default:
      return { kind: 'ignored', why: `MsgType ${head.MsgType}` };
  }
}
