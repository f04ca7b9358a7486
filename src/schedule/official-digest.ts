import type { Item } from '../db/rows.ts';
import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import { scheduledTexts, type ListLine } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { currentState } from '../figures/current-state.ts';
import { hotItems } from '../figures/hot-spots.ts';
import { periodFigures } from '../figures/period-figures.ts';
import { periodBefore, type Period } from '../figures/period.ts';
import { listLine } from './list-lines.ts';

const HOT_SPOTS = 3;
const OVERDUE_LINES = 10;

type CommunityDigest = Parameters<typeof scheduledTexts.officialDigest>[0]['communities'][number];

/**
 * One community's week for an official: the state now and the week's figures, from src/figures
 * (docs/figures.md), so the digest agrees with the bulletin, 统计 and the console.
 */
export async function loadCommunityDigest(deps: JobDeps, communityId: number, period: Period, now: Date): Promise<CommunityDigest> {
  const { db, config } = deps;
  const scope = { communityIds: [communityId] };
  const [community, state, figures, hot, overdueItems] = await Promise.all([
    db.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]),
    currentState(db, scope, now),
    periodFigures(db, scope, period, now, { answerHours: config.ANSWER_HOURS }),
    hotItems(db, scope, HOT_SPOTS),
    // The overdue list: unfinished items past their deadline now, oldest deadline first, with who holds each.
    db.all<Pick<Item, 'id' | 'kind' | 'text' | 'createdAt' | 'assignedUnit'> & { claimantName: string | null }>(
      `SELECT o.id, o.kind, o.text, o.created_at, o.assigned_unit, p.name AS claimant_name
       FROM (
         SELECT id, kind, text, created_at, assigned_unit, claimant_id, deadline_at FROM items
         WHERE community_id = ? AND status IN ('open', 'claimed') AND deadline_at < ?
         ORDER BY deadline_at, id
         LIMIT ?
       ) o LEFT JOIN people p ON p.id = o.claimant_id
       ORDER BY o.deadline_at, o.id`,
      [communityId, now, OVERDUE_LINES],
    ),
  ]);
  if (!community) throw new Error(`no community ${communityId}`);
  const hours = (s: number | null) => (s === null ? null : s / 3600);
  return {
    name: community.name,
    open: state.open,
    claimed: state.claimed,
    overdue: state.overdue,
    doneThisWeek: figures.done,
    medianClaimHours: hours(figures.medianClaimSeconds),
    medianResolveHours: hours(figures.medianDoneSeconds),
    satisfaction: figures.satisfaction,
    onTime: figures.onTime,
    hotSpots: hot.map((h) => listLine(h, now, { supporters: h.supporters + 1 })),
    overdueList: overdueItems.map((i) => listLine(i, now, { holder: i.claimantName ?? i.assignedUnit ?? '无人认领' })),
  };
}

/** Monday 08:30: to each official, the week of every community they supervise. */
export const officialDigest: JobDefinition = {
  name: 'official-digest',
  staleAfterMs: DAY,
  async plan(deps, slot, now) {
    const { db, bot, config, log } = deps;
    // The seven days before the day it is sent, as the weekly bulletin (docs/figures.md).
    const period = periodBefore('week', slot, config.BOT_TIMEZONE);
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
        if (!digests.has(id)) digests.set(id, await loadCommunityDigest(deps, id, period, now));
        blocks.push(digests.get(id)!);
      }
      const text = scheduledTexts.officialDigest({
        from: bot.fmt.day(period.from),
        to: bot.fmt.day(new Date(period.to.getTime() - 1)),
        communities: blocks,
        calendarNote,
      });
      messages.push(scheduledPush(person.platform, 'user', person.platformUserId, text));
    }
    return { summary: `digests to ${messages.length} official(s) on ${digests.size} community(ies)`, write: async () => messages };
  },
};

