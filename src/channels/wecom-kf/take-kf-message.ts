import type { Db, Tx } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import { inboundMessageSchema, type InboundMessage } from '../../core/messages.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import type { Logger } from '../../log.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { describeZodIssues } from '../../web/http-error.ts';
import { releaseHeld } from './held-outbox.ts';
import { MediaTooLarge, type KfApi } from './kf-api.ts';
import { closeWindow, ensureKfCustomer, getKfCustomer, noteResidentMessage, setCustomerCommunity, setServiceState, type KfKey } from './kf-customers.ts';
import { keyOf, neutral, replyTo, type Head } from './kf-neutral.ts';
import type { KfReplyContext } from './kf-reply-context.ts';
import { asksForHuman, kfTexts } from './kf-texts.ts';
import { MAX_PHOTO_BYTES, saveMedia } from './save-media.ts';
import { communityOfScene } from './scene-community.ts';
import type { KfMessage } from './sync-answer.ts';

export type KfIntakeDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  inbound: Pick<InboundService, 'accept'>;
  api: KfApi;
  dataDir: string;
};

/** msg_send_fail's fail_type for an expired session (4) and for the 5-message limit (6). */
const FAIL_WINDOW = new Set([4, 6]);

/**
 * Takes one pulled message in. Resolves once its bookkeeping is done, with its storing in the inbox
 * when it went there (stored together with the page's others: the inbox writes many per
 * transaction), or null when it is recorded already. The puller moves the cursor
 * only after all of a page's are stored. Reading the same message again does nothing: the inbound
 * table is unique on (platform, msgid), and every effect here happens only the first time.
 */
export async function takeKfMessage(deps: KfIntakeDeps, m: KfMessage): Promise<Storing | null> {
  switch (m.kind) {
    case 'unknown':
      deps.log.warn({ msgid: m.msgid, why: m.why }, '微信客服 message skipped');
      return null;
    case 'servicer_status_change':
      deps.log.info({ servicer: m.servicerUserId, status: m.status }, '微信客服 servicer status changed');
      return null;
    case 'servicer':
      // A person answered in the WeCom client: the session is theirs (3) until it ends.
      await recordOnce(deps, m, 'a servicer wrote from the WeCom client', (tx, key, now) => setServiceState(tx, key, 3, m.servicerUserId || null, now));
      return null;
    case 'session_status_change':
      await recordOnce(deps, m, `session change ${m.changeType}`, (tx, key, now) =>
        m.changeType === 3 ? setServiceState(tx, key, 4, null, now) : setServiceState(tx, key, 3, m.newServicer, now),
      );
      return null;
    case 'msg_send_fail':
      deps.log.warn({ failMsgid: m.failMsgid, failType: m.failType }, '微信客服 says a message did not reach the resident');
      await recordOnce(deps, m, `send failed, fail_type ${m.failType}`, (tx, key, now) => (FAIL_WINDOW.has(m.failType) ? closeWindow(tx, key, now) : Promise.resolve()));
      return null;
    case 'enter_session':
      return enterSession(deps, m);
    default:
      return residentWrote(deps, m);
  }
}

/** The resident opened the chat, maybe from a community's card: greet them (welcome_code) and note the community. */
async function enterSession(deps: KfIntakeDeps, m: Extract<KfMessage, { kind: 'enter_session' }>): Promise<Storing | null> {
  const key = keyOf(m);
  const communityId = await communityOfScene(deps.db, m.sceneParam || m.scene);
  if ((m.sceneParam || m.scene) && communityId === null) deps.log.warn({ msgid: m.msgid }, '微信客服 link names no known community');
  const now = deps.clock.now();
  const greet = await deps.db.transaction(async (tx) => {
    const c = await ensureKfCustomer(tx, key, now);
    if (communityId !== null && c.communityId !== communityId) await setCustomerCommunity(tx, key, communityId, now);
    // No welcome_code (a welcome configured in the console, or one in the past 48 hours), or a
    // human holds the session: nothing to say, only to note.
    if (!m.welcomeCode || c.serviceState === 2 || c.serviceState === 3) {
      await recordDone(tx, neutral(m, '', now), m.welcomeCode ? 'entered while a human servicer holds the session' : 'entered; no welcome_code');
      return null;
    }
    return { code: m.welcomeCode, communityId: communityId ?? c.communityId };
  });
  if (!greet) return null;
  const context: KfReplyContext = { via: 'kf', code: greet.code, codeAt: m.sentAt.toISOString() };
  return accept(deps, { ...neutral(m, '', now), event: 'enter_chat', communityId: greet.communityId ?? undefined, replyContext: context });
}

type Decision = { kind: 'bot'; communityId: number | null } | { kind: 'human' } | { kind: 'done' };

/** Text, a picture, a place, or anything else the resident sent (origin 3). */
async function residentWrote(deps: KfIntakeDeps, m: Extract<KfMessage, { kind: 'text' | 'image' | 'location' | 'other' }>): Promise<Storing | null> {
  const key = keyOf(m);
  const { db, log } = deps;
  // Read before (a redelivery, a pull repeated after a crash): stored already, nothing to redo.
  if (await stored(db, m.msgid)) return null;

  // A picture is fetched now, while its media_id is valid (3 days), and kept under DATA_DIR.
  let photos: string[] = [];
  let problem: string | null = null;
  if (m.kind === 'image') {
    try {
      const file = await deps.api.getMedia(m.mediaId, MAX_PHOTO_BYTES);
      const ref = await saveMedia(deps.dataDir, file.bytes, file.contentType);
      if (ref) photos = [ref];
      else problem = kfTexts.imageNotSaved;
    } catch (error) {
      problem = error instanceof MediaTooLarge ? kfTexts.imageTooLarge : kfTexts.imageNotSaved;
      log.warn({ msgid: m.msgid, err: (error as Error).message }, '微信客服 picture not kept');
    }
  }

  // Our record of the session may lag (an event lost beyond 3 days): WeCom has the last word.
  const before = await getKfCustomer(db, key);
  let humanState: number | null = before && (before.serviceState === 2 || before.serviceState === 3) ? before.serviceState : null;
  if (humanState !== null) {
    try {
      const r = await deps.api.serviceState(key);
      if (r.errcode === 0 && typeof r.service_state === 'number') humanState = r.service_state === 2 || r.service_state === 3 ? r.service_state : null;
    } catch {
      // keep ours
    }
  }

  const text = m.kind === 'text' ? m.text.trim() : '';
  const now = deps.clock.now();
  const decision = await db.transaction(async (tx): Promise<Decision> => {
    // Checked again inside: another process may have stored it meanwhile.
    if (await stored(tx, m.msgid)) return { kind: 'done' };
    const c = await ensureKfCustomer(tx, key, now);
    if (humanState === null && (c.serviceState === 2 || c.serviceState === 3)) await setServiceState(tx, key, 0, null, now);
    await noteResidentMessage(tx, key, m.sentAt, now);
    if (humanState !== null) {
      // The bot stays silent while a person handles the session; the message is theirs.
      await recordDone(tx, neutral(m, text, now), 'not for the bot: a human servicer holds the session');
      return { kind: 'done' };
    }
    // A new window: what waited for them may go now, merged.
    await releaseHeld(tx, key.externalUserId, now);
    if (m.kind === 'text' && asksForHuman(text)) return { kind: 'human' };
    if (problem) {
      const id = await recordDone(tx, neutral(m, '', now), 'picture not kept');
      if (id !== null) await enqueue(tx, [replyTo(key, problem)], { inboundId: id }, now);
      return { kind: 'done' };
    }
    return { kind: 'bot', communityId: c.communityId };
  });

  if (decision.kind === 'bot') {
    return accept(deps, {
      ...neutral(m, text, now),
      photos,
      location: m.kind === 'location' ? { label: m.label.slice(0, 500), latitude: m.latitude, longitude: m.longitude } : null,
      communityId: decision.communityId ?? undefined,
      replyContext: { via: 'kf' } satisfies KfReplyContext,
    });
  }
  if (decision.kind === 'human') await handOver(deps, m, key);
  return null;
}

/**
 * "人工" / "转人工": the session goes to the queue of human servicers (service_state 2), and the
 * resident is told so with the msg_code that trans returns (send_msg is not allowed once a human
 * is due). Their items go on as before.
 */
async function handOver(deps: KfIntakeDeps, m: Head, key: KfKey): Promise<void> {
  let msgCode: string | null = null;
  let moved = false;
  try {
    const r = await deps.api.transState({ ...key, state: 2 });
    moved = r.errcode === 0;
    if (moved && typeof r.msg_code === 'string' && r.msg_code) msgCode = r.msg_code;
    if (!moved) {
      // Asked twice (or a crash between trans and the record): already with a human is success.
      const s = await deps.api.serviceState(key);
      moved = s.errcode === 0 && (s.service_state === 2 || s.service_state === 3);
    }
  } catch (error) {
    deps.log.warn({ msgid: m.msgid, err: (error as Error).message }, '微信客服 hand-over to a human failed');
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const id = await recordDone(tx, neutral(m, m.kind === 'text' ? m.text : '', now), moved ? 'handed to a human servicer' : 'asked for a human servicer; hand-over failed');
    if (id === null) return;
    if (moved) await setServiceState(tx, key, 2, null, now);
    if (moved && !msgCode) return;
    const context: KfReplyContext | undefined = moved && msgCode ? { via: 'kf', code: msgCode, codeAt: now.toISOString() } : undefined;
    await enqueue(tx, [replyTo(key, moved ? kfTexts.handedToHuman : kfTexts.humanUnavailable, context)], { inboundId: id }, now);
  });
}

/** Records a message that is not for the bot, and applies its effect, once. */
async function recordOnce(deps: KfIntakeDeps, m: Head, note: string, effect: (tx: Tx, key: KfKey, now: Date) => Promise<void>): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const key = keyOf(m);
    await ensureKfCustomer(tx, key, now);
    if ((await recordDone(tx, neutral(m, '', now), note)) !== null) await effect(tx, key, now);
  });
}

/**
 * Stores a message the bot does not handle as already done, with why; unique on (platform, msgid)
 * like every inbound message. Returns its id when it was new, null when it was stored before.
 */
async function recordDone(tx: Tx, msg: InboundMessage, note: string): Promise<number | null> {
  const row = await tx.get<{ id: number }>(
    `INSERT INTO inbound_messages (platform, message_id, conversation_id, payload, status, attempts, received_at, processed_at, error)
     VALUES (?, ?, ?, ?, 'done', 0, ?, ?, ?) ON CONFLICT (platform, message_id) DO NOTHING RETURNING id`,
    [msg.platform, msg.messageId, msg.conversationId, JSON.stringify(msg), new Date(msg.receivedAt), new Date(msg.receivedAt), note],
  );
  return row?.id ?? null;
}

async function stored(db: Tx, msgid: string): Promise<boolean> {
  return (await db.get('SELECT id FROM inbound_messages WHERE platform = ? AND message_id = ?', ['wecom-kf', msgid])) !== undefined;
}

/** A message handed to the inbox: `stored` resolves once it is (wrapped: a promise would be awaited at once). */
export type Storing = { stored: Promise<unknown> };

/** Hands a message to the inbox without waiting for it to be stored. */
function accept(deps: KfIntakeDeps, msg: InboundMessage): Storing | null {
  const checked = inboundMessageSchema.safeParse(msg);
  if (!checked.success) {
    deps.log.warn({ msgid: msg.messageId, why: describeZodIssues(checked.error.issues) }, '微信客服 message skipped: malformed');
    return null;
  }
  return { stored: deps.inbound.accept(checked.data) };
}
