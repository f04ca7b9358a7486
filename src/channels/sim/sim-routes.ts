import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Community, GroupChat, OutboxMessage, Person } from '../../db/rows.ts';
import { insert, inList, type Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import { createInvite } from '../../domain/invites.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import { HttpError } from '../../web/http-error.ts';
import type { InboundMessage } from '../../core/messages.ts';
import { MERGED_PREFIX } from '../wecom-kf/held-outbox.ts';
import { simConversationRoutes } from './sim-conversation-routes.ts';
import { simPage } from './sim-page.ts';
import { SIM_WECHAT_PREFIX, simWechatExpire, simWechatState, simWechatWrote } from './sim-wechat.ts';

export type SimDeps = { db: Db; clock: Clock; inbound: InboundService; inviteTtlDays: number };

const notEmpty = { message: '不能为空' };
const messageBody = z.object({
  conversationId: z.string().trim().min(1, notEmpty).max(256),
  conversationType: z.enum(['single', 'group']),
  senderId: z.string().trim().min(1, notEmpty).max(256),
  senderName: z.string().trim().max(100),
  text: z.string(),
  messageId: z.string().trim().min(1).max(256).optional(),
  photos: z.array(z.string().max(4096)).max(9).optional(),
  location: z.object({ label: z.string().max(500), latitude: z.number(), longitude: z.number() }).optional(),
  /**
   * "wechat": a resident on personal WeChat, as 微信客服 carries them (single chats only). Their id
   * becomes "wx:<senderId>", and the bot's messages to them keep WeChat's 48-hour rule.
   */
  platform: z.enum(['sim', 'wechat']).default('sim'),
  /** With platform wechat: as if they opened this community's card (its link's scene_param). */
  communityId: z.number().int().positive().optional(),
});
const wechatParams = z.object({ senderId: z.string().trim().min(1).max(250) });

const PAGE = 500;

const time = z.iso.datetime();
const wechatState = z.object({ open: z.boolean(), closesAt: time.nullable(), messagesLeft: z.number().int(), held: z.array(z.string()) });
const errorAnswer = z.object({ error: z.string() });
const messageAnswer = z.object({
  duplicate: z.boolean(),
  replies: z.array(z.object({ conversationId: z.string(), platform: z.string(), text: z.string() })),
  wechat: wechatState.optional(),
});
const simState = z.object({
  communities: z.array(z.object({ id: z.number().int(), name: z.string() })),
  groups: z.array(z.object({ conversationId: z.string(), communityId: z.number().int(), name: z.string().nullable() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) })),
});
const demoAnswer = z.object({ communityId: z.number().int(), groupId: z.string(), memberCode: z.string(), officialCode: z.string() });

/** The simulator channel: talk to the bot over HTTP, as a newcomer (and the tests) do. */
export const simRoutes: FastifyPluginAsyncZod<SimDeps> = async (app, deps) => {
  const { db } = deps;

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(simPage()));

  app.post('/messages', { schema: { body: messageBody, response: { 200: messageAnswer, 400: errorAnswer } } }, async (request) => {
    const { body } = request;
    if (body.conversationType === 'single' && body.conversationId !== body.senderId) {
      throw new HttpError(400, 'conversationId：单聊时应与 senderId 相同');
    }
    const wechat = body.platform === 'wechat';
    if (wechat && body.conversationType !== 'single') throw new HttpError(400, 'conversationType：微信居民只和小助手单聊');
    if (!wechat && body.communityId !== undefined) throw new HttpError(400, 'communityId：只用于 platform 为 wechat（扫连心卡进来）');
    if (body.communityId !== undefined && !(await db.get('SELECT id FROM communities WHERE id = ?', [body.communityId]))) {
      throw new HttpError(400, `communityId：没有编号为 ${body.communityId} 的社区`);
    }
    const senderId = wechat && !body.senderId.startsWith(SIM_WECHAT_PREFIX) ? `${SIM_WECHAT_PREFIX}${body.senderId}` : body.senderId;
    const msg: InboundMessage = {
      platform: 'sim',
      messageId: body.messageId ?? randomUUID(),
      conversationId: wechat ? senderId : body.conversationId,
      conversationType: body.conversationType,
      senderId,
      senderName: body.senderName,
      text: body.text,
      photos: body.photos ?? [],
      location: body.location ?? null,
      event: null,
      communityId: body.communityId,
      // Marks the bot's answer as a reply, as 微信客服's channel does: replies are never merged.
      ...(wechat ? { replyContext: { via: 'kf' } } : {}),
      receivedAt: deps.clock.now().toISOString(),
    };
    // Writing opens a new 48-hour window and releases what waited (as 微信客服's channel does).
    const released = wechat ? await db.transaction((tx) => simWechatWrote(tx, senderId, deps.clock.now())) : [];
    const { duplicate, outboxIds } = await deps.inbound.handleNow(msg, 5000, released);
    // A reply's messages, a handful; read in pages all the same, so that no IN list grows unbounded.
    // What was released goes first in the resident's chat, so it is delivered once the replies are.
    const rows: Array<Pick<OutboxMessage, 'targetId' | 'platform' | 'text' | 'status' | 'lastError'>> = [];
    const ids = [...released, ...outboxIds].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += PAGE) {
      const page = ids.slice(i, i + PAGE);
      rows.push(
        ...(await db.all<Pick<OutboxMessage, 'targetId' | 'platform' | 'text' | 'status' | 'lastError'>>(
          `SELECT target_id, platform, text, status, last_error FROM outbox_messages WHERE id IN ${inList(page.length)} ORDER BY id`,
          page,
        )),
      );
    }
    // Held ones did not reach the person (yet); merged ones arrived inside another.
    const delivered = rows.filter((r) => r.status !== 'held' && !r.lastError?.startsWith(MERGED_PREFIX));
    return {
      duplicate,
      replies: delivered.map((r) => ({ conversationId: r.targetId, platform: r.platform, text: r.text })),
      ...(wechat ? { wechat: await simWechatState(db, deps.clock, senderId) } : {}),
    };
  });

  /** A WeChat resident's window: open until when, messages left of 5, what waits for them. */
  app.get('/wechat/:senderId', { schema: { params: wechatParams, response: { 200: wechatState } } }, async (request) => {
    return simWechatState(db, deps.clock, `${SIM_WECHAT_PREFIX}${request.params.senderId.replace(/^wx:/u, '')}`);
  });

  /** "48 hours later": the window closes, and what the bot sends next waits for the resident. */
  app.post('/wechat/:senderId/expire', { schema: { params: wechatParams, response: { 200: wechatState } } }, async (request) => {
    const id = `${SIM_WECHAT_PREFIX}${request.params.senderId.replace(/^wx:/u, '')}`;
    await simWechatExpire(db, deps.clock, id);
    return simWechatState(db, deps.clock, id);
  });

  await app.register(simConversationRoutes, { db });

  /** Who and where one can be in the simulator. */
  app.get('/state', { schema: { response: { 200: simState } } }, async () => {
    const [communities, groups, people] = await Promise.all([
      db.all<Pick<Community, 'id' | 'name'>>('SELECT id, name FROM communities ORDER BY id'),
      db.all<Pick<GroupChat, 'conversationId' | 'communityId' | 'name'>>(
        "SELECT conversation_id, community_id, name FROM group_chats WHERE platform = 'sim' ORDER BY id",
      ),
      db.all<Pick<Person, 'id' | 'platformUserId' | 'name'>>("SELECT id, platform_user_id, name FROM people WHERE platform = 'sim' ORDER BY id LIMIT 200"),
    ]);
    // Their roles: an IN list of at most 200 people (the page above).
    const roles = new Map<number, string[]>();
    if (people.length > 0) {
      const memberships = await db.all<{ personId: number; role: string }>(
        `SELECT person_id, role FROM memberships WHERE person_id IN ${inList(people.length)} ORDER BY id`,
        people.map((p) => p.id),
      );
      for (const m of memberships) roles.set(m.personId, [...(roles.get(m.personId) ?? []), m.role]);
    }
    return {
      communities: communities.map((c) => ({ id: c.id, name: c.name })),
      groups: groups.map((g) => ({ conversationId: g.conversationId, communityId: g.communityId, name: g.name })),
      people: people.map((p) => ({
        id: p.platformUserId,
        name: p.name,
        roles: roles.get(p.id) ?? [],
      })),
    };
  });

  /** One click for a newcomer on an empty instance: a community, a bound group and two invite codes. */
  app.post('/demo', { schema: { response: { 201: demoAnswer, 409: errorAnswer } } }, async (_request, reply) => {
    const now = deps.clock.now();
    const result = await db.transaction(async (tx) => {
      if (await tx.get('SELECT id FROM communities LIMIT 1')) return null;
      const communityId = await insert(tx, 'communities', { name: '示例社区', createdAt: now });
      await insert(tx, 'group_chats', {
        platform: 'sim',
        conversationId: 'demo-group',
        communityId,
        name: '示例社区居民群',
        createdAt: now,
        updatedAt: now,
      });
      const invite = (role: 'member' | 'official') =>
        createInvite(tx, { communityId, role, maxUses: 100, createdById: null, ttlDays: deps.inviteTtlDays }, now);
      return { communityId, groupId: 'demo-group', memberCode: await invite('member'), officialCode: await invite('official') };
    });
    if (!result) throw new HttpError(409, '已经有社区了；示例只用于空的实例');
    return reply.status(201).send(result);
  });
};
