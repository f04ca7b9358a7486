import { z } from 'zod';
import { describeZodIssues } from '../../web/http-error.ts';
import type { InboundMessage } from '../../core/messages.ts';
import { CallbackRejected } from './callback-rejected.ts';
import { stripMention } from './strip-mention.ts';

// The smart robot's message and event bodies (100719 接收消息, 101027 接收事件), the same JSON over
// the long connection (aibot_msg_callback / aibot_event_callback) and, decrypted, over HTTP.

const id = z.string().trim().min(1).max(256);
const content = z.object({ content: z.string().max(100_000) });
const media = z.object({ url: z.string().max(4096) });

const envelope = z.object({
  // Kept as the platform's string: repeats are recognised by it.
  msgid: id,
  chatid: id.optional(),
  chattype: z.enum(['single', 'group']).optional(),
  from: z.object({ userid: id }),
  response_url: z.string().max(4096).optional(),
  msgtype: z.string().min(1).max(64),
});

const bodies = {
  text: z.object({ text: content }),
  voice: z.object({ voice: content }),
  image: z.object({ image: media }),
  mixed: z.object({
    mixed: z.object({
      msg_item: z.array(z.object({ msgtype: z.string(), text: content.optional(), image: media.optional() })).max(50),
    }),
  }),
  file: z.object({}),
  video: z.object({}),
  event: z.object({ event: z.object({ eventtype: z.string().min(1).max(64) }) }),
} as const;

export type BotCallback =
  | { kind: 'message'; msg: InboundMessage; responseUrl: string | undefined }
  | { kind: 'enter_chat'; msg: InboundMessage }
  /** Long connection only: a newer connection for this bot took over (101463). */
  | { kind: 'disconnected' }
  | { kind: 'ignored'; why: string };

/** Reads one smart-robot body; a malformed one is refused, a kind Lianxin has no use for is ignored. */
export function parseBotCallback(body: unknown, opts: { botName: string; now: Date }): BotCallback {
  const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
    const r = schema.safeParse(value);
    if (!r.success) throw new CallbackRejected(`malformed payload: ${describeZodIssues(r.error.issues)}`);
    return r.data;
  };
  const env = parse(envelope, body);
  const group = env.chattype === 'group' || (env.chattype === undefined && env.chatid !== undefined);
  if (group && env.chatid === undefined) throw new CallbackRejected('malformed payload: chatid is required in a group');
  const base = {
    platform: 'wecom' as const,
    messageId: env.msgid,
    conversationId: group ? env.chatid! : env.from.userid,
    conversationType: group ? ('group' as const) : ('single' as const),
    senderId: env.from.userid,
    // WeCom sends no display name: the user id stands in until a person is known by name.
    senderName: env.from.userid.slice(0, 100),
    photos: [] as string[],
    location: null,
    receivedAt: opts.now.toISOString(),
  };
  const clean = (text: string) => (group ? stripMention(text, opts.botName) : text.trim());

  switch (env.msgtype) {
    case 'text':
      return message(clean(parse(bodies.text, body).text.content), []);
    case 'voice':
      // Speech arrives already turned into text.
      return message(clean(parse(bodies.voice, body).voice.content), []);
    case 'image':
      return message('', [parse(bodies.image, body).image.url]);
    case 'mixed': {
      const items = parse(bodies.mixed, body).mixed.msg_item;
      const text = items.flatMap((i) => (i.msgtype === 'text' && i.text ? [i.text.content] : [])).join('\n');
      const photos = items.flatMap((i) => (i.msgtype === 'image' && i.image ? [i.image.url] : [])).slice(0, 20);
      return message(clean(text), photos);
    }
    case 'file':
    case 'video':
      // Not something the ledger keeps; the bot answers an empty message with how to use it.
      parse(bodies[env.msgtype], body);
      return message('', []);
    case 'event': {
      const type = parse(bodies.event, body).event.eventtype;
      if (type === 'enter_chat') return { kind: 'enter_chat', msg: { ...base, text: '', event: 'enter_chat' } };
      if (type === 'disconnected_event') return { kind: 'disconnected' };
      return { kind: 'ignored', why: `event ${type}` };
    }
    default:
      // "stream" is a refresh of a streamed reply Lianxin never starts; anything newer is not ours.
      return { kind: 'ignored', why: `msgtype ${env.msgtype}` };
  }

  function message(text: string, photos: string[]): BotCallback {
    return { kind: 'message', msg: { ...base, text, photos, event: null }, responseUrl: env.response_url };
  }
}
