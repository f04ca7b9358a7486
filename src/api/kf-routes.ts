import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';
import { kfWindow } from '../channels/wecom-kf/send-window.ts';
import { refusals, wholeNumber } from './schemas.ts';

export type KfRouteDeps = { db: Db; clock: Clock; openKfid: string | null };

const query = z.object({ limit: wholeNumber(1, 500).default(100) });
const unreachableList = z.object({
  residents: z.array(
    z.object({
      externalUserId: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      community: z.object({ id: z.number().int(), name: z.string().nullable() }).nullable(),
      heldMessages: z.number().int(),
      waitingSince: z.iso.datetime(),
      lastWroteAt: z.iso.datetime().nullable(),
      window: z.object({ open: z.boolean(), closesAt: z.iso.datetime().nullable(), messagesLeft: z.number().int(), humanServicer: z.boolean() }),
    }),
  ),
});

type Row = {
  externalUserId: string;
  held: number;
  firstAt: Date;
  name: string | null;
  phone: string | null;
  communityId: number | null;
  communityName: string | null;
  lastInboundAt: Date | null;
  sentInWindow: number | null;
  serviceState: number | null;
};

/**
 * Residents on WeChat who cannot be reached now: messages wait for them (held, WeChat's 48-hour
 * rule) and they have not written since. The office may call them; the phone is shown when the
 * resident gave one (admin only, behind the bearer token). Oldest wait first.
 */
export const kfRoutes: FastifyPluginAsyncZod<KfRouteDeps> = async (app, deps) => {
  app.get('/wecom-kf/unreachable', { schema: { querystring: query, response: { 200: unreachableList, ...refusals(400) } } }, async (request) => {
    const q = request.query;
    const rows = await deps.db.all<Row>(
      `SELECT h.external_user_id, h.held, h.first_at, p.name, p.phone, p.community_id, c.name AS community_name,
              k.last_inbound_at, k.sent_in_window, k.service_state
       FROM (SELECT target_id AS external_user_id, count(*) AS held, min(created_at) AS first_at
             FROM outbox_messages WHERE platform = 'wecom-kf' AND status = 'held' GROUP BY target_id) h
       LEFT JOIN people p ON p.platform = 'wecom-kf' AND p.platform_user_id = h.external_user_id
       LEFT JOIN communities c ON c.id = p.community_id
       LEFT JOIN kf_customers k ON k.external_user_id = h.external_user_id${deps.openKfid ? ' AND k.open_kfid = ?' : ''}
       ORDER BY h.first_at, h.external_user_id
       LIMIT ?`,
      deps.openKfid ? [deps.openKfid, q.limit] : [q.limit],
    );
    const now = deps.clock.now();
    return {
      residents: rows.map((r) => {
        const w = kfWindow({ lastInboundAt: r.lastInboundAt, sentInWindow: r.sentInWindow ?? 0, serviceState: r.serviceState ?? 0 }, now);
        return {
          externalUserId: r.externalUserId,
          name: r.name,
          phone: r.phone,
          community: r.communityId === null ? null : { id: r.communityId, name: r.communityName },
          heldMessages: r.held,
          waitingSince: r.firstAt.toISOString(),
          lastWroteAt: r.lastInboundAt?.toISOString() ?? null,
          window: { open: w.open, closesAt: w.closesAt?.toISOString() ?? null, messagesLeft: w.left, humanServicer: w.humanHolds },
        };
      }),
    };
  });
};
