import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/sql.ts';
import { isUniqueViolation } from '../db/sql.ts';
import { PLATFORMS } from '../core/messages.ts';
import type { Clock } from '../core/clock.ts';
import { createInvite } from '../domain/invites.ts';
import { ITEM_KINDS, ITEM_STATUSES } from '../domain/types.ts';
import { HttpError } from '../web/http-error.ts';
import { eventJson, itemJson } from './item-json.ts';
import { parseInput } from '../web/parse-input.ts';

export type AdminDeps = { db: Db; clock: Clock; inviteTtlDays: number };

const id = z.coerce.number({ message: 'must be a number' }).int().positive({ message: 'must be a positive id' });
const name = z.string({ message: 'is required' }).trim().min(1, { message: 'must not be empty' }).max(100);

const communityBody = z.object({ name });
const groupBody = z
  .object({
    platform: z.enum(PLATFORMS, { message: `must be one of ${PLATFORMS.join(', ')}` }),
    conversationId: z.string({ message: 'is required' }).trim().min(1, { message: 'must not be empty' }).max(256),
    communityId: id,
    name: z.string().trim().max(100).optional(),
    webhookKey: z.string().trim().min(1).max(200).optional(),
    webhookToken: z.string().trim().min(1).max(200).optional(),
    webhookSecret: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.webhookKey && b.platform !== 'wecom') {
      ctx.addIssue({ code: 'custom', path: ['webhookKey'], message: 'only for platform wecom' });
    }
    if ((b.webhookToken || b.webhookSecret) && b.platform !== 'dingtalk') {
      ctx.addIssue({ code: 'custom', path: ['webhookToken'], message: 'only for platform dingtalk' });
    }
    if (b.webhookToken && !b.webhookSecret) {
      ctx.addIssue({ code: 'custom', path: ['webhookSecret'], message: 'is required with webhookToken (sign mode)' });
    }
  });
const inviteBody = z.object({
  communityId: id,
  role: z.enum(['member', 'official'], { message: 'must be member or official' }),
  maxUses: z.coerce.number().int().min(1).max(1000).default(1),
});
const itemsQuery = z.object({
  status: z.enum(ITEM_STATUSES, { message: `must be one of ${ITEM_STATUSES.join(', ')}` }).optional(),
  kind: z.enum(ITEM_KINDS, { message: 'must be wish or report' }).optional(),
  communityId: id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The admin JSON API (the caller puts it behind the bearer token). */
export async function adminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  const community = async (communityId: number) => {
    const c = await db.community.findUnique({ where: { id: communityId } });
    if (!c) throw new HttpError(400, `communityId: no community ${communityId}`);
    return c;
  };

  app.get('/communities', async () => ({
    communities: (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => ({
      id: c.id,
      name: c.name,
      createdAt: c.createdAt.toISOString(),
    })),
  }));

  app.post('/communities', async (request, reply) => {
    const body = parseInput(communityBody, request.body);
    try {
      const c = await db.community.create({ data: { name: body.name, createdAt: clock.now() } });
      return reply.status(201).send({ id: c.id });
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpError(409, `name: a community named ${body.name} exists`);
      throw error;
    }
  });

  app.get('/groups', async () => ({
    groups: (await db.groupChat.findMany({ orderBy: { id: 'asc' } })).map((g) => ({
      id: g.id,
      platform: g.platform,
      conversationId: g.conversationId,
      communityId: g.communityId,
      name: g.name,
      // Secrets are never returned: only whether one is set.
      hasWebhook: Boolean(g.webhookKey || g.webhookToken),
    })),
  }));

  app.post('/groups', async (request, reply) => {
    const body = parseInput(groupBody, request.body);
    await community(body.communityId);
    const now = clock.now();
    const data = {
      communityId: body.communityId,
      name: body.name ?? null,
      webhookKey: body.webhookKey ?? null,
      webhookToken: body.webhookToken ?? null,
      webhookSecret: body.webhookSecret ?? null,
      updatedAt: now,
    };
    const where = { platform_conversationId: { platform: body.platform, conversationId: body.conversationId } };
    const existing = await db.groupChat.findUnique({ where });
    if (existing) {
      // Re-binding (another community, a new name) keeps what it does not mention: the API never
      // returns the robot secrets, so an admin could not send them again.
      const keep = <T>(given: T | undefined, old: T | null) => (given === undefined ? old : given);
      await db.groupChat.update({
        where: { id: existing.id },
        data: {
          ...data,
          name: keep(body.name, existing.name),
          webhookKey: keep(body.webhookKey, existing.webhookKey),
          webhookToken: keep(body.webhookToken, existing.webhookToken),
          webhookSecret: keep(body.webhookSecret, existing.webhookSecret),
        },
      });
      return reply.status(200).send({ id: existing.id });
    }
    const g = await db.groupChat.create({
      data: { ...data, platform: body.platform, conversationId: body.conversationId, createdAt: now },
    });
    return reply.status(201).send({ id: g.id });
  });

  app.post('/invites', async (request, reply) => {
    const body = parseInput(inviteBody, request.body);
    await community(body.communityId);
    const now = clock.now();
    const code = await db.$transaction((tx) =>
      createInvite(tx, { ...body, createdById: null, ttlDays: deps.inviteTtlDays }, now),
    );
    const invite = await db.invite.findUnique({ where: { code } });
    return reply.status(201).send({ code, role: body.role, maxUses: body.maxUses, expiresAt: invite?.expiresAt.toISOString() });
  });

  app.get('/items', async (request) => {
    const q = parseInput(itemsQuery, request.query ?? {}, 'query');
    const items = await db.item.findMany({
      where: { status: q.status, kind: q.kind, communityId: q.communityId },
      include: { submitter: true, claimant: true },
      orderBy: { id: 'asc' },
      take: q.limit,
      skip: q.offset,
    });
    return { items: items.map(itemJson) };
  });

  app.get('/items/:id', async (request) => {
    const { id: itemId } = parseInput(z.object({ id }), request.params, 'path');
    const item = await db.item.findUnique({
      where: { id: itemId },
      include: { submitter: true, claimant: true, events: { orderBy: { id: 'asc' } }, photos: true },
    });
    if (!item) throw new HttpError(404, `no item ${itemId}`);
    const supporters = await db.itemSupporter.count({ where: { itemId } });
    return {
      ...itemJson(item),
      supporters,
      photos: item.photos.map((p) => p.ref),
      events: item.events.map(eventJson),
    };
  });
}
