import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { maskName } from '../bot/mask.ts';
import { scheduledTexts } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { averageRating, eq, where, within, type ItemWhere } from './ledger-figures.ts';

const PIONEERS = 5;
const THANKS = 3;

export type WeeklyBulletinData = Parameters<typeof scheduledTexts.weeklyBulletin>[0];

type Pioneer = { name: string; done: number };

/**
 * The week's most active volunteers (most done events) of every community, or of one, PIONEERS each:
 * one pass over the week's done events (type, created_at), not one per community.
 */
async function loadPioneers(deps: JobDeps, from: Date, to: Date, communityId?: number): Promise<Map<number, Pioneer[]>> {
  const rows = await deps.db.all<{ communityId: number; name: string | null; n: number }>(
    `SELECT community_id, name, n FROM (
       SELECT i.community_id, e.actor_id, p.name, count(*) AS n,
         row_number() OVER (PARTITION BY i.community_id ORDER BY count(*) DESC, e.actor_id) AS place
       FROM item_events e JOIN items i ON i.id = e.item_id LEFT JOIN people p ON p.id = e.actor_id
       WHERE e.type = 'done' AND e.created_at >= ? AND e.created_at < ? AND e.actor_id IS NOT NULL${communityId === undefined ? '' : ' AND i.community_id = ?'}
       GROUP BY i.community_id, e.actor_id, p.name
     ) ranked
     WHERE place <= ?
     ORDER BY community_id, place`,
    [from, to, ...(communityId === undefined ? [] : [communityId]), PIONEERS],
  );
  const out = new Map<number, Pioneer[]>();
  for (const r of rows) out.set(r.communityId, [...(out.get(r.communityId) ?? []), { name: r.name ?? '志愿者', done: r.n }]);
  return out;
}

/** The figures of one community's week, all counted in the database. */
export async function loadWeeklyBulletin(deps: JobDeps, communityId: number, from: Date, to: Date): Promise<WeeklyBulletinData> {
  const pioneers = await loadPioneers(deps, from, to, communityId);
  return weekOf(deps, communityId, from, to, pioneers.get(communityId) ?? []);
}

async function weekOf(deps: JobDeps, communityId: number, from: Date, to: Date, pioneers: Pioneer[]): Promise<WeeklyBulletinData> {
  const { db, bot } = deps;
  const c = eq('community_id', communityId);
  // Each count on its own (community_id, …) index: a range of one community's week, never the ledger.
  const count = async (filter: ItemWhere) => {
    const r = await db.get<{ n: number }>(`SELECT count(*) AS n FROM items WHERE ${filter.sql}`, filter.params);
    return r?.n ?? 0;
  };
  const confirmedThisWeek = where(c, eq('status', 'confirmed'), within('closed_at', from, to));
  const [community, created, claimed, done, confirmed, open, rating, thanked] = await Promise.all([
    db.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]),
    count(where(c, within('created_at', from, to))),
    count(where(c, within('claimed_at', from, to))),
    count(where(c, within('done_at', from, to))),
    count(confirmedThisWeek),
    count(where(c, eq('status', 'open'))),
    averageRating(db, confirmedThisWeek),
    db.all<{ id: number; ratingComment: string; submitterName: string }>(
      `SELECT i.id, i.rating_comment, p.name AS submitter_name
       FROM items i JOIN people p ON p.id = i.submitter_id
       WHERE i.community_id = ? AND i.status = 'confirmed' AND i.closed_at >= ? AND i.closed_at < ? AND i.rating >= 4 AND i.rating_comment IS NOT NULL
       ORDER BY i.rating DESC, i.id
       LIMIT ?`,
      [communityId, from, to, THANKS],
    ),
  ]);
  if (!community) throw new Error(`no community ${communityId}`);
  const fmt = bot.fmt;
  return {
    community: community.name,
    from: fmt.day(from),
    to: fmt.day(new Date(to.getTime() - DAY)),
    created,
    claimed,
    done,
    confirmed,
    rating,
    pioneers,
    thanks: thanked.map((i) => ({ id: i.id, from: maskName(i.submitterName), comment: i.ratingComment })),
    open,
  };
}

/** Monday 09:00: to each group, its community's week (周报/公示). */
export const weeklyBulletin: JobDefinition = {
  name: 'weekly-bulletin',
  staleAfterMs: DAY,
  async plan(deps, slot) {
    const { db } = deps;
    const from = new Date(slot.getTime() - 7 * DAY);
    const groups = await db.all<{ platform: string; conversationId: string; communityId: number }>(
      'SELECT platform, conversation_id, community_id FROM group_chats ORDER BY id',
    );
    const byCommunity = new Map<number, string>();
    const messages: OutboundMessage[] = [];
    const pioneers = groups.length > 0 ? await loadPioneers(deps, from, slot) : new Map<number, Pioneer[]>();
    for (const g of groups) {
      let text = byCommunity.get(g.communityId);
      if (text === undefined) {
        text = scheduledTexts.weeklyBulletin(await weekOf(deps, g.communityId, from, slot, pioneers.get(g.communityId) ?? []));
        byCommunity.set(g.communityId, text);
      }
      messages.push(scheduledPush(g.platform, 'group', g.conversationId, text));
    }
    return { summary: `bulletins for ${byCommunity.size} community(ies) to ${messages.length} group(s)`, write: async () => messages };
  },
};
