import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Community, GroupChat, Item, ItemEvent } from '../db/rows.ts';
import { insert, update, type Db, type Value } from '../db/sql.ts';
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

const phone = z.string().trim().regex(/^[0-9+\-() 转]{3,40}$/u, { message: 'must be a phone number such as 010-62345678' });
const communityBody = z.object({ name, phone: phone.optional() });
const communityPatch = z.object({ phone: phone.nullable() });
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
    if (b.platform === 'wecom-kf') ctx.addIssue({ code: 'custom', path: ['platform'], message: '微信客服 has no group chats: residents talk to it one by one' });
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

/** An item with its submitter's and claimant's names (a submitter always exists; a claimant may not). */
const ITEM_WITH_NAMES =
  'SELECT i.*, s.name AS submitter_name, c.name AS claimant_name FROM items i JOIN people s ON s.id = i.submitter_id LEFT JOIN people c ON c.id = i.claimant_id';
type ItemWithNames = Item & { submitterName: string; claimantName: string | null };
const withNames = ({ submitterName, claimantName, ...item }: ItemWithNames) => ({
  ...item,
  submitter: { name: submitterName },
  claimant: claimantName === null ? null : { name: claimantName },
});

/** The admin JSON API (the caller puts it behind the bearer token). */
export async function adminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  const community = async (communityId: number) => {
    const c = await db.get<{ id: number }>('SELECT id FROM communities WHERE id = ?', [communityId]);
    if (!c) throw new HttpError(400, `communityId: no community ${communityId}`);
    return c;
  };

  app.get('/communities', async () => ({
    communities: (
      await db.all<Pick<Community, 'id' | 'name' | 'createdAt' | 'phone' | 'wechatLink'>>('SELECT id, name, created_at, phone, wechat_link FROM communities ORDER BY id')
    ).map((c) => ({
      id: c.id,
      name: c.name,
      createdAt: c.createdAt.toISOString(),
      phone: c.phone,
      wechatLink: c.wechatLink,
    })),
  }));

  app.post('/communities', async (request, reply) => {
    const body = parseInput(communityBody, request.body);
    const c = await db.get<{ id: number }>('INSERT INTO communities (name, phone, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id', [
      body.name,
      body.phone ?? null,
      clock.now(),
    ]);
    if (!c) throw new HttpError(409, `name: a community named ${body.name} exists`);
    return reply.status(201).send({ id: c.id });
  });

  /** The office phone printed on the community's card (null clears it). */
  app.patch('/communities/:id', async (request) => {
    const { id: communityId } = parseInput(z.object({ id }), request.params, 'path');
    const body = parseInput(communityPatch, request.body);
    if ((await db.run('UPDATE communities SET phone = ? WHERE id = ?', [body.phone, communityId])) !== 1) throw new HttpError(404, `no community ${communityId}`);
    return { id: communityId, phone: body.phone };
  });

  app.get('/groups', async () => ({
    groups: (
      await db.all<Pick<GroupChat, 'id' | 'platform' | 'conversationId' | 'communityId' | 'name' | 'webhookKey' | 'webhookToken'>>(
        'SELECT id, platform, conversation_id, community_id, name, webhook_key, webhook_token FROM group_chats ORDER BY id',
      )
    ).map((g) => ({
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
    const existing = await db.get<Pick<GroupChat, 'id' | 'name' | 'webhookKey' | 'webhookToken' | 'webhookSecret'>>(
      'SELECT id, name, webhook_key, webhook_token, webhook_secret FROM group_chats WHERE platform = ? AND conversation_id = ?',
      [body.platform, body.conversationId],
    );
    if (existing) {
      // Re-binding (another community, a new name) keeps what it does not mention: the API never
      // returns the robot secrets, so an admin could not send them again.
      const keep = <T>(given: T | undefined, old: T | null) => (given === undefined ? old : given);
      await update(
        db,
        'group_chats',
        {
          ...data,
          name: keep(body.name, existing.name),
          webhookKey: keep(body.webhookKey, existing.webhookKey),
          webhookToken: keep(body.webhookToken, existing.webhookToken),
          webhookSecret: keep(body.webhookSecret, existing.webhookSecret),
        },
        'id = ?',
        [existing.id],
      );
      return reply.status(200).send({ id: existing.id });
    }
    const id = await insert(db, 'group_chats', { ...data, platform: body.platform, conversationId: body.conversationId, createdAt: now });
    return reply.status(201).send({ id });
  });

  app.post('/invites', async (request, reply) => {
    const body = parseInput(inviteBody, request.body);
    await community(body.communityId);
    const now = clock.now();
    const code = await db.transaction((tx) =>
      createInvite(tx, { ...body, createdById: null, ttlDays: deps.inviteTtlDays }, now),
    );
    const invite = await db.get<{ expiresAt: Date }>('SELECT expires_at FROM invites WHERE code = ?', [code]);
    return reply.status(201).send({ code, role: body.role, maxUses: body.maxUses, expiresAt: invite?.expiresAt.toISOString() });
  });

  app.get('/items', async (request) => {
    const q = parseInput(itemsQuery, request.query ?? {}, 'query');
    const conditions: string[] = [];
    const params: Value[] = [];
    if (q.status !== undefined) conditions.push('i.status = ?'), params.push(q.status);
    if (q.kind !== undefined) conditions.push('i.kind = ?'), params.push(q.kind);
    if (q.communityId !== undefined) conditions.push('i.community_id = ?'), params.push(q.communityId);
    const rows = await db.all<ItemWithNames>(
      `${ITEM_WITH_NAMES} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY i.id LIMIT ? OFFSET ?`,
      [...params, q.limit, q.offset],
    );
    return { items: rows.map((row) => itemJson(withNames(row))) };
  });

  app.get('/items/:id', async (request) => {
    const { id: itemId } = parseInput(z.object({ id }), request.params, 'path');
    const row = await db.get<ItemWithNames>(`${ITEM_WITH_NAMES} WHERE i.id = ?`, [itemId]);
    if (!row) throw new HttpError(404, `no item ${itemId}`);
    const [events, photos, supporters] = await Promise.all([
      db.all<ItemEvent>('SELECT * FROM item_events WHERE item_id = ? ORDER BY id', [itemId]),
      db.all<{ ref: string }>('SELECT ref FROM item_photos WHERE item_id = ? ORDER BY id', [itemId]),
      db.get<{ n: number }>('SELECT count(*) AS n FROM item_supporters WHERE item_id = ?', [itemId]),
    ]);
    return {
      ...itemJson(withNames(row)),
      supporters: supporters?.n ?? 0,
      photos: photos.map((p) => p.ref),
      events: events.map(eventJson),
    };
  });
}
