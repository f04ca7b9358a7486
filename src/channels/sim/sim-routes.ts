import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import { createInvite } from '../../domain/invites.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import { HttpError } from '../../web/http-error.ts';
import { parseInput } from '../../web/parse-input.ts';
import type { InboundMessage } from '../../core/messages.ts';
import { simPage } from './sim-page.ts';

export type SimDeps = { db: Db; clock: Clock; inbound: InboundService; inviteTtlDays: number };

const messageBody = z.object({
  conversationId: z.string({ message: 'is required' }).trim().min(1, { message: 'must not be empty' }).max(256),
  conversationType: z.enum(['single', 'group'], { message: 'must be single or group' }),
  senderId: z.string({ message: 'is required' }).trim().min(1, { message: 'must not be empty' }).max(256),
  senderName: z.string({ message: 'is required' }).trim().max(100),
  text: z.string({ message: 'is required' }),
  messageId: z.string().trim().min(1).max(256).optional(),
  photos: z.array(z.string().max(4096)).max(9).optional(),
  location: z.object({ label: z.string().max(500), latitude: z.number(), longitude: z.number() }).optional(),
});

const conversationParams = z.object({ conversationId: z.string().min(1).max(256) });

/** The simulator channel: talk to the bot over HTTP, as a newcomer (and the tests) do. */
export async function simRoutes(app: FastifyInstance, deps: SimDeps): Promise<void> {
  const { db } = deps;

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(simPage()));

  app.post('/messages', async (request) => {
    const body = parseInput(messageBody, request.body);
    if (body.conversationType === 'single' && body.conversationId !== body.senderId) {
      throw new HttpError(400, 'conversationId: in a single chat it must equal senderId');
    }
    const msg: InboundMessage = {
      platform: 'sim',
      messageId: body.messageId ?? randomUUID(),
      conversationId: body.conversationId,
      conversationType: body.conversationType,
      senderId: body.senderId,
      senderName: body.senderName,
      text: body.text,
      photos: body.photos ?? [],
      location: body.location ?? null,
      event: null,
      receivedAt: deps.clock.now().toISOString(),
    };
    const { duplicate, outboxIds } = await deps.inbound.handleNow(msg);
    const rows = await db.outboxMessage.findMany({ where: { id: { in: outboxIds } }, orderBy: { id: 'asc' } });
    return {
      duplicate,
      replies: rows.map((r) => ({ conversationId: r.targetId, platform: r.platform, text: r.text })),
    };
  });

  app.get('/conversations/:conversationId/messages', async (request) => {
    const { conversationId } = parseInput(conversationParams, request.params, 'path');
    const rows = await db.outboxMessage.findMany({
      where: { platform: 'sim', targetId: conversationId, status: 'sent' },
      orderBy: { id: 'asc' },
    });
    return { messages: rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })) };
  });

  /** The page's view of a chat: what people wrote and what the bot sent, in order. */
  app.get('/conversations/:conversationId/timeline', async (request) => {
    const { conversationId } = parseInput(conversationParams, request.params, 'path');
    const [inbound, outbound] = await Promise.all([
      db.inboundMessage.findMany({ where: { platform: 'sim', conversationId }, orderBy: { id: 'desc' }, take: 200 }),
      db.outboxMessage.findMany({
        where: { platform: 'sim', targetId: conversationId, status: 'sent' },
        orderBy: { id: 'desc' },
        take: 200,
      }),
    ]);
    const entries = [
      ...inbound.map((m) => {
        const p = JSON.parse(m.payload) as InboundMessage;
        return { from: 'person' as const, senderId: p.senderId, senderName: p.senderName, text: p.text, at: m.receivedAt };
      }),
      ...outbound.map((m) => ({ from: 'bot' as const, senderId: null, senderName: '连心', text: m.text, at: m.sentAt ?? m.createdAt })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === 'person' ? -1 : 1));
    return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
  });

  /** Who and where one can be in the simulator. */
  app.get('/state', async () => {
    const [communities, groups, people] = await Promise.all([
      db.community.findMany({ orderBy: { id: 'asc' } }),
      db.groupChat.findMany({ where: { platform: 'sim' }, orderBy: { id: 'asc' } }),
      db.person.findMany({ where: { platform: 'sim' }, orderBy: { id: 'asc' }, take: 200, include: { memberships: true } }),
    ]);
    return {
      communities: communities.map((c) => ({ id: c.id, name: c.name })),
      groups: groups.map((g) => ({ conversationId: g.conversationId, communityId: g.communityId, name: g.name })),
      people: people.map((p) => ({
        id: p.platformUserId,
        name: p.name,
        roles: p.memberships.map((m) => m.role),
      })),
    };
  });

  /** One click for a newcomer on an empty instance: a community, a bound group and two invite codes. */
  app.post('/demo', async (_request, reply) => {
    const now = deps.clock.now();
    const result = await db.$transaction(async (tx) => {
      if ((await tx.community.count()) > 0) return null;
      const community = await tx.community.create({ data: { name: '示例社区', createdAt: now } });
      await tx.groupChat.create({
        data: { platform: 'sim', conversationId: 'demo-group', communityId: community.id, name: '示例社区居民群', createdAt: now, updatedAt: now },
      });
      const invite = (role: 'member' | 'official') =>
        createInvite(tx, { communityId: community.id, role, maxUses: 100, createdById: null, ttlDays: deps.inviteTtlDays }, now);
      return { communityId: community.id, groupId: 'demo-group', memberCode: await invite('member'), officialCode: await invite('official') };
    });
    if (!result) throw new HttpError(409, 'communities exist already; the demo is only for an empty instance');
    return reply.status(201).send(result);
  });
}
