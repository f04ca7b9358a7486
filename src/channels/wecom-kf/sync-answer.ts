import { z } from 'zod';

// The answer of POST /cgi-bin/kf/sync_msg (接收消息和事件, document 94670 / 31078; message and event
// fields as the public SDKs read them, docs/notes/wecom-kf-protocol.md). The page as a whole must be
// well formed, or the cursor does not move; each message is read on its own, and one WeCom has
// added since (or one that is malformed) becomes `unknown`: skipped and logged, never a crash.

/** origin: 3 the WeChat customer, 4 a system event, 5 a servicer in the WeCom client. */
export const ORIGIN = { customer: 3, system: 4, servicer: 5 } as const;

const id = z.string().trim().min(1).max(256);
const sendTime = z.number().int().nonnegative().max(4_102_444_800).transform((s) => new Date(s * 1000));

const pageSchema = z.object({
  errcode: z.literal(0),
  next_cursor: z.string().max(256),
  has_more: z.union([z.literal(0), z.literal(1), z.boolean()]).transform((v) => v === 1 || v === true),
  msg_list: z.array(z.unknown()).max(1000),
});

const headSchema = z.object({
  msgid: id,
  send_time: sendTime,
  origin: z.number().int(),
  msgtype: z.string().trim().min(1).max(64),
  open_kfid: id.optional(),
  external_userid: id.optional(),
  servicer_userid: z.string().max(256).optional(),
});

const text = z.object({ text: z.object({ content: z.string().max(100_000) }) });
const image = z.object({ image: z.object({ media_id: id.max(512) }) });
const location = z.object({
  location: z.object({
    latitude: z.coerce.number().min(-90).max(90),
    longitude: z.coerce.number().min(-180).max(180),
    name: z.string().max(500).default(''),
    address: z.string().max(500).default(''),
  }),
});

const eventBase = z.object({ event_type: z.string().trim().min(1).max(64), open_kfid: id.optional(), external_userid: id.optional() });
const events = {
  enter_session: eventBase.extend({
    scene: z.string().max(64).default(''),
    scene_param: z.string().max(512).default(''),
    welcome_code: z.string().max(512).optional(),
  }),
  msg_send_fail: eventBase.extend({ fail_msgid: z.string().max(256).default(''), fail_type: z.number().int().default(0) }),
  servicer_status_change: eventBase.extend({ servicer_userid: z.string().max(256).default(''), status: z.number().int().default(0) }),
  session_status_change: eventBase.extend({
    change_type: z.number().int(),
    old_servicer_userid: z.string().max(256).optional(),
    new_servicer_userid: z.string().max(256).optional(),
  }),
} as const;

/** What else a customer can send (document 94670): answered with how to use the bot. */
const OTHER_TYPES = new Set(['voice', 'video', 'file', 'link', 'business_card', 'miniprogram', 'msgmenu', 'channels_shop_product', 'channels_shop_order', 'merged_msg', 'channels', 'note']);

type Head = { msgid: string; sentAt: Date; openKfid: string; externalUserId: string };

export type KfMessage =
  | (Head & { kind: 'text'; text: string })
  | (Head & { kind: 'image'; mediaId: string })
  | (Head & { kind: 'location'; latitude: number; longitude: number; label: string })
  /** Voice, video, file, link … from the customer: nothing the ledger keeps, but they get an answer. */
  | (Head & { kind: 'other'; msgtype: string })
  /** A servicer wrote from the WeCom client: a human holds the session. */
  | (Head & { kind: 'servicer'; servicerUserId: string })
  | (Head & { kind: 'enter_session'; scene: string; sceneParam: string; welcomeCode: string | null })
  | (Head & { kind: 'msg_send_fail'; failMsgid: string; failType: number })
  | (Head & { kind: 'session_status_change'; changeType: number; newServicer: string | null })
  | { kind: 'servicer_status_change'; msgid: string; servicerUserId: string; status: number }
  | { kind: 'unknown'; msgid: string | null; why: string };

export type SyncPage = { nextCursor: string; hasMore: boolean; messages: KfMessage[] };

/** Throws when the page itself is unusable (then the cursor stays where it was). */
export function parseSyncAnswer(json: unknown): SyncPage {
  const page = pageSchema.safeParse(json);
  if (!page.success) throw new Error(`sync_msg answer is malformed: ${page.error.issues[0]?.path.join('.') ?? ''} ${page.error.issues[0]?.message ?? ''}`.trim());
  return { nextCursor: page.data.next_cursor, hasMore: page.data.has_more, messages: page.data.msg_list.map(parseKfMessage) };
}

/** One message of msg_list; anything this channel does not handle is `unknown` with the reason. */
export function parseKfMessage(raw: unknown): KfMessage {
  const msgid = typeof (raw as { msgid?: unknown } | null)?.msgid === 'string' ? ((raw as { msgid: string }).msgid || null) : null;
  const unknown = (why: string): KfMessage => ({ kind: 'unknown', msgid, why });
  const head = headSchema.safeParse(raw);
  if (!head.success) return unknown(`malformed message: ${head.error.issues[0]?.path.join('.') ?? ''} ${head.error.issues[0]?.message ?? ''}`.trim());
  const h = head.data;
  const r = raw as Record<string, unknown>;
  const msgtype = h.msgtype.toLowerCase();

  if (msgtype === 'event') {
    const base = eventBase.safeParse(r.event);
    if (!base.success) return unknown('event without an event_type');
    const type = base.data.event_type;
    if (type === 'servicer_status_change') {
      const e = events.servicer_status_change.safeParse(r.event);
      if (!e.success) return unknown('malformed servicer_status_change');
      return { kind: 'servicer_status_change', msgid: h.msgid, servicerUserId: e.data.servicer_userid, status: e.data.status };
    }
    if (!(type in events)) return unknown(`event ${type}`);
    // Events carry the account and the customer inside `event` (and not always at the top).
    const openKfid = base.data.open_kfid ?? h.open_kfid;
    const externalUserId = base.data.external_userid ?? h.external_userid;
    if (!openKfid || !externalUserId) return unknown(`event ${type} without open_kfid or external_userid`);
    const eventHead: Head = { msgid: h.msgid, sentAt: h.send_time, openKfid, externalUserId };
    if (type === 'enter_session') {
      const e = events.enter_session.safeParse(r.event);
      if (!e.success) return unknown('malformed enter_session');
      return { ...eventHead, kind: 'enter_session', scene: e.data.scene, sceneParam: e.data.scene_param, welcomeCode: e.data.welcome_code || null };
    }
    if (type === 'msg_send_fail') {
      const e = events.msg_send_fail.safeParse(r.event);
      if (!e.success) return unknown('malformed msg_send_fail');
      return { ...eventHead, kind: 'msg_send_fail', failMsgid: e.data.fail_msgid, failType: e.data.fail_type };
    }
    const e = events.session_status_change.safeParse(r.event);
    if (!e.success) return unknown('malformed session_status_change');
    return { ...eventHead, kind: 'session_status_change', changeType: e.data.change_type, newServicer: e.data.new_servicer_userid || null };
  }

  if (!h.open_kfid || !h.external_userid) return unknown(`${msgtype} without open_kfid or external_userid`);
  const common: Head = { msgid: h.msgid, sentAt: h.send_time, openKfid: h.open_kfid, externalUserId: h.external_userid };
  if (h.origin === ORIGIN.servicer) return { ...common, kind: 'servicer', servicerUserId: h.servicer_userid ?? '' };
  if (h.origin !== ORIGIN.customer) return unknown(`${msgtype} from origin ${h.origin}`);
  switch (msgtype) {
    case 'text': {
      const b = text.safeParse(r);
      return b.success ? { ...common, kind: 'text', text: b.data.text.content } : unknown('malformed text');
    }
    case 'image': {
      const b = image.safeParse(r);
      return b.success ? { ...common, kind: 'image', mediaId: b.data.image.media_id } : unknown('malformed image');
    }
    case 'location': {
      const b = location.safeParse(r);
      if (!b.success) return unknown('malformed location');
      const l = b.data.location;
      const label = [l.name.trim(), l.address.trim()].filter(Boolean).join(' ');
      return { ...common, kind: 'location', latitude: l.latitude, longitude: l.longitude, label };
    }
    default:
      return OTHER_TYPES.has(msgtype) ? { ...common, kind: 'other', msgtype } : unknown(`msgtype ${msgtype}`);
  }
}
