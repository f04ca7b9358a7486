import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Community, GroupChat, Item, ItemEvent } from '../db/rows.ts';
import { insert, update, type Db, type Value } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';
import { createInvite } from '../domain/invites.ts';
import { HttpError } from '../web/http-error.ts';
import { eventJson, itemJson } from './item-json.ts';
import { z } from 'zod';
import {
  communityBody,
  communityList,
  communityPatch,
  communityPhone,
  id,
  created,
  groupBody,
  groupList,
  idParams,
  inviteAnswer,
  inviteBody,
  itemDetail,
  itemList,
  itemsQuery,
  refusals,
} from './schemas.ts';

export type AdminDeps = { db: Db; clock: Clock; inviteTtlDays: number };

/** An item with its submitter's and claimant's names (a submitter always exists; a claimant may not). */
const ITEM_WITH_NAMES =
  'SELECT i.*, s.name AS submitter_name, c.name AS claimant_name FROM items i JOIN people s ON s.id = i.submitter_id LEFT JOIN people c ON c.id = i.claimant_id';
type ItemWithNames = Item & { submitterName: string; claimantName: string | null };
const withNames = ({ submitterName, claimantName, ...item }: ItemWithNames) => ({
  ...item,
  submitter: { name: submitterName },
  claimant: claimantName === null ? null : { name: claimantName },
});

/** The admin JSON API: communities, groups, invites, items (the caller puts it behind the bearer token). */
export const adminRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db, clock } = deps;

  const community = async (communityId: number) => {
    const c = await db.get<{ id: number }>('SELECT id FROM communities WHERE id = ?', [communityId]);
    if (!c) throw new HttpError(400, `communityId：没有编号为 ${communityId} 的社区`);
    return c;
  };

  app.get('/communities', { schema: { response: { 200: communityList, ...refusals() } } }, async () => ({
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

  app.post('/communities', { schema: { body: communityBody, response: { 201: created, ...refusals(400, 409) } } }, async (request, reply) => {
    const { body } = request;
    const c = await db.get<{ id: number }>('INSERT INTO communities (name, phone, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id', [
      body.name,
      body.phone ?? null,
      clock.now(),
    ]);
    if (!c) throw new HttpError(409, `name：已有名为「${body.name}」的社区`);
    return reply.status(201).send({ id: c.id });
  });

  /** The office phone printed on the community's card (null clears it). */
  app.patch('/communities/:id', { schema: { params: z.object({ id }), body: communityPatch, response: { 200: communityPhone, ...refusals(400, 404) } } }, async (request) => {
    const communityId = request.params.id;
    const { phone } = request.body;
    if ((await db.run('UPDATE communities SET phone = ? WHERE id = ?', [phone, communityId])) !== 1) throw new HttpError(404, `没有编号为 ${communityId} 的社区`);
    return { id: communityId, phone };
  });

  app.get('/groups', { schema: { response: { 200: groupList, ...refusals() } } }, async () => ({
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

  app.post('/groups', { schema: { body: groupBody, response: { 200: created, 201: created, ...refusals(400) } } }, async (request, reply) => {
    const { body } = request;
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

  app.post('/invites', { schema: { body: inviteBody, response: { 201: inviteAnswer, ...refusals(400) } } }, async (request, reply) => {
    const { body } = request;
    await community(body.communityId);
    const now = clock.now();
    const code = await db.transaction((tx) =>
      createInvite(tx, { ...body, createdById: null, ttlDays: deps.inviteTtlDays }, now),
    );
    const invite = await db.get<{ expiresAt: Date }>('SELECT expires_at FROM invites WHERE code = ?', [code]);
    return reply.status(201).send({ code, role: body.role, maxUses: body.maxUses, expiresAt: invite?.expiresAt.toISOString() });
  });

  app.get('/items', { schema: { querystring: itemsQuery, response: { 200: itemList, ...refusals(400) } } }, async (request) => {
    const q = request.query;
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

  app.get('/items/:id', { schema: { params: idParams, response: { 200: itemDetail, ...refusals(400, 404) } } }, async (request) => {
    const { id: itemId } = request.params;
    const row = await db.get<ItemWithNames>(`${ITEM_WITH_NAMES} WHERE i.id = ?`, [itemId]);
    if (!row) throw new HttpError(404, `没有编号为 ${itemId} 的事项`);
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
};
