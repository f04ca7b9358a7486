import type { Item } from '../db/rows.ts';
import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import { scheduledTexts, type ListLine } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { averageRating, eq, medianSeconds, where, within } from './ledger-figures.ts';
import { listLine } from './list-lines.ts';

const HOT_SPOTS = 3;
const OVERDUE_LINES = 10;

type CommunityDigest = Parameters<typeof scheduledTexts.officialDigest>[0]['communities'][number];

/** One community's figures for an official, every count and median computed in the database. */
export async function loadCommunityDigest(deps: JobDeps, communityId: number, from: Date, to: Date): Promise<CommunityDigest> {
  const { db, config } = deps;
  const c = eq('community_id', communityId);
  const answerWindow = config.ANSWER_HOURS * 3600;
  const answerFrom = new Date(to.getTime() - answerWindow * 1000);
  // Per status, not `status IN (…)`: SQLite (no planner statistics) then takes (community_id, status).
  const activeOf = (status: string) =>
    db.get<{ n: number; overdue: number }>(
      'SELECT count(*) AS n, count(CASE WHEN deadline_at < ? THEN 1 END) AS overdue FROM items WHERE community_id = ? AND status = ?',
      [to, communityId, status],
    );
  type Hot = Pick<Item, 'id' | 'kind' | 'text' | 'createdAt'> & { n: number };
  const hotOf = (status: string) =>
    db.all<Hot>(
      `SELECT i.id, i.kind, i.text, i.created_at, count(*) AS n
       FROM items i JOIN item_supporters s ON s.item_id = i.id
       WHERE i.community_id = ? AND i.status = ? AND i.kind = 'report'
       GROUP BY i.id, i.kind, i.text, i.created_at
       ORDER BY n DESC, i.id
       LIMIT ?`,
      [communityId, status, HOT_SPOTS],
    );
  const [community, open, claimed, week, stillWaiting, doneThisWeek, medianClaim, medianResolve, rating, overdueItems, hotOpen, hotClaimed] =
    await Promise.all([
      db.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]),
      activeOf('open'),
      activeOf('claimed'),
      // Created this week, and of those answered in time (community_id, created_at).
      db.get<{ created: number; inTime: number }>(
        `SELECT count(*) AS created, count(CASE WHEN answer_seconds <= ? THEN 1 END) AS in_time
         FROM items WHERE community_id = ? AND created_at >= ? AND created_at < ?`,
        [answerWindow, communityId, from, to],
      ),
      // Items whose answer time has not run out yet are not counted either way.
      db.get<{ n: number }>('SELECT count(*) AS n FROM items WHERE community_id = ? AND created_at >= ? AND created_at < ? AND answered_at IS NULL', [
        communityId,
        answerFrom,
        to,
      ]),
      db.get<{ n: number }>('SELECT count(*) AS n FROM items WHERE community_id = ? AND done_at >= ? AND done_at < ?', [communityId, from, to]),
      medianSeconds(db, where(c, within('claimed_at', from, to)), 'claimSeconds'),
      medianSeconds(db, where(c, within('done_at', from, to)), 'resolveSeconds'),
      averageRating(db, where(c, eq('status', 'confirmed'), within('closed_at', from, to))),
      // NOT (deadline_at >= ?) is deadline_at < ? (NULL either way) that SQLite does not take for an index
      // range: it reads the community's active items (community_id, status), not every overdue item.
      // Holders' names joined to the page of OVERDUE_LINES only.
      db.all<Pick<Item, 'id' | 'kind' | 'text' | 'createdAt' | 'assignedUnit'> & { claimantName: string | null }>(
        `SELECT o.id, o.kind, o.text, o.created_at, o.assigned_unit, p.name AS claimant_name
         FROM (
           SELECT id, kind, text, created_at, assigned_unit, claimant_id, deadline_at FROM items
           WHERE community_id = ? AND status IN ('open', 'claimed') AND NOT (deadline_at >= ?)
           ORDER BY deadline_at, id
           LIMIT ?
         ) o LEFT JOIN people p ON p.id = o.claimant_id
         ORDER BY o.deadline_at, o.id`,
        [communityId, to, OVERDUE_LINES],
      ),
      hotOf('open'),
      hotOf('claimed'),
    ]);
  if (!community) throw new Error(`no community ${communityId}`);
  // The top HOT_SPOTS of both statuses are among the top HOT_SPOTS of each.
  const hot = [...hotOpen, ...hotClaimed].sort((a, b) => b.n - a.n || a.id - b.id).slice(0, HOT_SPOTS);
  const hotSpots: ListLine[] = hot.map((h) => listLine(h, to, { supporters: h.n + 1 }));
  const hours = (s: number | null) => (s === null ? null : s / 3600);
  return {
    name: community.name,
    open: open?.n ?? 0,
    claimed: claimed?.n ?? 0,
    overdue: (open?.overdue ?? 0) + (claimed?.overdue ?? 0),
    doneThisWeek: doneThisWeek?.n ?? 0,
    medianClaimHours: hours(medianClaim),
    medianResolveHours: hours(medianResolve),
    rating,
    answeredInTime: { inTime: week?.inTime ?? 0, total: (week?.created ?? 0) - (stillWaiting?.n ?? 0) },
    hotSpots,
    overdueList: overdueItems.map((i) => listLine(i, to, { holder: i.claimantName ?? i.assignedUnit ?? '无人认领' })),
  };
}

/** Monday 08:30: to each official, the week of every community they supervise. */
export const officialDigest: JobDefinition = {
  name: 'official-digest',
  staleAfterMs: DAY,
  async plan(deps, slot) {
    const { db, bot, config, log } = deps;
    const from = new Date(slot.getTime() - 7 * DAY);
    // Say so when the working-day calendar will run out within a month (SPEC: fall back, and tell).
    const ahead = localDate(new Date(slot.getTime() + 30 * DAY), config.BOT_TIMEZONE);
    const calendarNote = bot.calendar().covers(ahead) ? null : scheduledTexts.calendarNotCovered(ahead.slice(0, 4));
    if (calendarNote) log.warn({ year: ahead.slice(0, 4) }, 'the working-day calendar does not cover the coming weeks');
    const officials = await db.all<{ personId: number; communityId: number; platform: string; platformUserId: string }>(
      `SELECT m.person_id, m.community_id, p.platform, p.platform_user_id
       FROM memberships m JOIN people p ON p.id = m.person_id
       WHERE m.role = 'official'
       ORDER BY m.id`,
    );
    const digests = new Map<number, CommunityDigest>();
    type Official = { platform: string; platformUserId: string };
    const byPerson = new Map<number, { person: Official; communities: number[] }>();
    for (const m of officials) {
      const entry = byPerson.get(m.personId) ?? { person: { platform: m.platform, platformUserId: m.platformUserId }, communities: [] };
      entry.communities.push(m.communityId);
      byPerson.set(m.personId, entry);
    }
    const messages: OutboundMessage[] = [];
    for (const { person, communities } of byPerson.values()) {
      const blocks: CommunityDigest[] = [];
      for (const id of communities) {
        if (!digests.has(id)) digests.set(id, await loadCommunityDigest(deps, id, from, slot));
        blocks.push(digests.get(id)!);
      }
      const text = scheduledTexts.officialDigest({
        from: bot.fmt.day(from),
        to: bot.fmt.day(new Date(slot.getTime() - 1)),
        communities: blocks,
        calendarNote,
      });
      messages.push(scheduledPush(person.platform, 'user', person.platformUserId, text));
    }
    return { summary: `digests to ${messages.length} official(s) on ${digests.size} community(ies)`, write: async () => messages };
  },
};

